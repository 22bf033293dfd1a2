import { i18n } from '#i18n';
import type { HighlightCategorySettings } from '@/utils/settings';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory, type TextSelector } from '@/utils/types';
import { QuoteCopyButton, useCitation } from './QuoteCopyButton';

export interface HighlightToolbarProps {
  categories: HighlightCategorySettings;
  /** The category `H` applies (the last one used); its button says so. */
  last: HighlightCategory;
  /** Document coordinates of the selection's top centre and bottom (the toolbar flips below near the top). */
  at: { x: number; top: number; bottom: number };
  /** The selected passage, for 复制引用 (the layer hands over its pending selection: selector and `at`). */
  selector?: Pick<TextSelector, 'exact'>;
  onHighlight: (category: HighlightCategory) => void;
  onNote: () => void;
}

/**
 * The small toolbar over a selection: one button per category, 添加批注 and 复制引用. Pressing a button
 * must not take the selection away, so mousedown is cancelled.
 */
export function HighlightToolbar({
  categories,
  last,
  at,
  selector,
  onHighlight,
  onNote,
}: HighlightToolbarProps) {
  const cite = useCitation();
  const below = at.top - window.scrollY < 64;
  return (
    <div
      class={`yd-hl-toolbar${below ? ' is-below' : ''}`}
      role="toolbar"
      aria-label={i18n.t('hlToolbarLabel')}
      style={{ left: `${at.x}px`, top: `${below ? at.bottom : at.top}px` }}
      onMouseDown={(event) => event.preventDefault()}
    >
      {HIGHLIGHT_CATEGORIES.map((id) => {
        const { name, color } = categories[id];
        const title = id === last ? i18n.t('hlApplyLast', [name]) : i18n.t('hlApply', [name]);
        return (
          <button
            key={id}
            type="button"
            class={`yd-hl-choice${id === last ? ' is-last' : ''}`}
            data-category={id}
            title={title}
            aria-label={title}
            onClick={() => onHighlight(id)}
          >
            <span class="yd-hl-swatch" style={{ background: color }} aria-hidden="true" />
            <span>{name}</span>
          </button>
        );
      })}
      <button
        type="button"
        class="yd-hl-add-note"
        title={i18n.t('hlAddNoteShortcut')}
        aria-label={i18n.t('hlAddNoteShortcut')}
        onClick={onNote}
      >
        {i18n.t('hlAddNote')}
      </button>
      {selector ? <QuoteCopyButton class="yd-hl-toolbar-copy" quote={() => cite(selector.exact)} /> : null}
    </div>
  );
}
