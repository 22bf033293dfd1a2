import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from './types';

/**
 * The built-in names of the highlight categories, written once: the settings' defaults (utils/settings.ts)
 * and the exports (read at a Chinese study meeting, so Chinese whatever the browser's language) use them.
 */
export const CATEGORY_NAMES: Readonly<Record<HighlightCategory, string>> = Object.freeze({
  task: '重点任务',
  thesis: '重要论述',
  data: '数据',
  question: '疑问',
});

/** Category names as the user set them (the reader's category settings), id by id. */
export function categoryNames(
  settings: Record<HighlightCategory, { name: string }>,
): Record<HighlightCategory, string> {
  return Object.fromEntries(HIGHLIGHT_CATEGORIES.map((id) => [id, settings[id].name])) as Record<
    HighlightCategory,
    string
  >;
}
