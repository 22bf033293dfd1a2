import { i18n } from '#i18n';
import type { HighlightCategorySettings } from '@/utils/settings';
import type { CategoryCounts } from '@/utils/store/library';
import { HIGHLIGHT_CATEGORIES } from '@/utils/types';

export { categoryNames } from '@/utils/categories';

/**
 * One chip per category that has highlights, with its count, in the category's own highlight colour (the
 * same colour the passage has in the reader). Highlight colours are light, so the text stays dark on them.
 */
export function CategoryChips({
  counts,
  categories,
}: {
  counts: CategoryCounts;
  categories: HighlightCategorySettings;
}) {
  const present = HIGHLIGHT_CATEGORIES.filter((c) => counts[c] > 0);
  if (present.length === 0) return <span class="yd-lib-none">{i18n.t('libHighlightsNone')}</span>;
  return (
    <ul class="yd-chips">
      {present.map((c) => (
        <li key={c} class={`yd-chip yd-cat-${c}`} data-category={c} style={{ '--c': categories[c].color }}>
          <span class="yd-chip-name">{categories[c].name}</span>
          <span class="yd-chip-count">{counts[c]}</span>
        </li>
      ))}
    </ul>
  );
}
