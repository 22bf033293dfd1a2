import { i18n } from '#i18n';
import type { CategoryCounts } from '@/utils/library-query';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '@/utils/types';

/** Names of the built-in highlight categories as the UI shows them. */
export function categoryName(c: HighlightCategory): string {
  switch (c) {
    case 'task':
      return i18n.t('libCategoryTask');
    case 'thesis':
      return i18n.t('libCategoryThesis');
    case 'data':
      return i18n.t('libCategoryData');
    default:
      return i18n.t('libCategoryQuestion');
  }
}

/** One coloured chip per category that has highlights, with its count. */
export function CategoryChips({ counts }: { counts: CategoryCounts }) {
  const present = HIGHLIGHT_CATEGORIES.filter((c) => counts[c] > 0);
  if (present.length === 0) return <span class="yd-lib-none">{i18n.t('libHighlightsNone')}</span>;
  return (
    <ul class="yd-chips">
      {present.map((c) => (
        <li key={c} class={`yd-chip yd-cat-${c}`} data-category={c}>
          <span class="yd-chip-name">{categoryName(c)}</span>
          <span class="yd-chip-count">{counts[c]}</span>
        </li>
      ))}
    </ul>
  );
}
