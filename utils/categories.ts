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

/** The storage key of the categories' names and colours (settings.ts `highlightCategoriesItem`, version 1). */
export const CATEGORY_SETTINGS_KEY = 'highlightCategories';

/**
 * Highlight categories as the user sees them: a name and a colour for each stored id (types.ts keeps the
 * ids, in toolbar order). Kept apart from the typography settings so renaming a category never touches them.
 */
export interface CategoryStyle {
  name: string;
  /** #rrggbb */
  color: string;
}
export type HighlightCategorySettings = Record<HighlightCategory, CategoryStyle>;

/** 重点任务 is the red-ish one, first; the others are calm enough to read through. */
export const DEFAULT_HIGHLIGHT_CATEGORIES: Readonly<HighlightCategorySettings> = Object.freeze({
  task: { name: CATEGORY_NAMES.task, color: '#f4a6a0' },
  thesis: { name: CATEGORY_NAMES.thesis, color: '#f7d774' },
  data: { name: CATEGORY_NAMES.data, color: '#9fd3f2' },
  question: { name: CATEGORY_NAMES.question, color: '#c9b6ee' },
});

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const MAX_CATEGORY_NAME = 12;

export function normalizeCategorySettings(value: unknown): HighlightCategorySettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const out = {} as HighlightCategorySettings;
  for (const id of HIGHLIGHT_CATEGORIES) {
    const fallback = DEFAULT_HIGHLIGHT_CATEGORIES[id];
    const entry = (typeof v[id] === 'object' && v[id] !== null ? v[id] : {}) as Partial<
      Record<string, unknown>
    >;
    const name = typeof entry.name === 'string' ? entry.name.trim().slice(0, MAX_CATEGORY_NAME) : '';
    const color =
      typeof entry.color === 'string' && HEX_COLOR.test(entry.color) ? entry.color.toLowerCase() : '';
    out[id] = { name: name || fallback.name, color: color || fallback.color };
  }
  return out;
}
