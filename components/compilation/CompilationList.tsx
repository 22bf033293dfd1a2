import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { dropIndex } from '@/utils/compilation/order';
import { type CompilationEntry, citation } from '@/utils/export/templates/compilation';
import { readerHref } from '@/utils/routes';
import type { HighlightCategory } from '@/utils/types';

/** Rows rendered at first and per 再显示: a library can hold thousands of highlights; filters narrow them. */
const PAGE = 200;

/** Where a dragged excerpt would land: above or below the row under the pointer. */
interface DropMark {
  over: number;
  lower: boolean;
}

function EntryText({ entry, url, label }: { entry: CompilationEntry; url: string; label: string }) {
  return (
    <div class="yd-cpl-entry-body">
      <p class="yd-cpl-text">
        <span class="yd-cpl-label">【{label}】</span>
        {entry.text}
      </p>
      {entry.note ? <p class="yd-cpl-note">{i18n.t('cplNote', [entry.note])}</p> : null}
      <p class="yd-cpl-source">
        <span>{i18n.t('cplSource', [citation(entry)])}</span>
        {url ? (
          <a href={readerHref({ url, highlightId: entry.highlightId })} target="_blank" rel="noopener">
            {i18n.t('cplOpen')}
          </a>
        ) : null}
      </p>
    </div>
  );
}

/**
 * The excerpts in the user's order. Rearranged by dragging a row (HTML drag and drop), or without a mouse
 * with each row's 上移/下移 buttons, or Alt+↑/↓ on them; focus stays with the moved row and its new place is
 * announced.
 */
export function CompilationList({
  entries,
  categoryNames,
  urlOf,
  move,
}: {
  entries: readonly CompilationEntry[];
  categoryNames: Record<HighlightCategory, string>;
  urlOf: (highlightId: string) => string;
  move: (from: number, to: number) => void;
}) {
  const [shown, setShown] = useState(PAGE);
  const [dragging, setDragging] = useState<number | null>(null);
  const [mark, setMark] = useState<DropMark | null>(null);
  const [announce, setAnnounce] = useState('');
  /** The row to focus after a keyboard move, and which of its controls. */
  const refocus = useRef<{ id: string; control: 'up' | 'down' } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = null;
    const rows = [...(list.current?.children ?? [])] as HTMLElement[];
    const row = rows.find((r) => r.dataset.highlightId === want.id);
    // At the top or bottom its button is disabled: the other one keeps the focus on the row.
    const wanted = row?.querySelector<HTMLButtonElement>(`.yd-cpl-${want.control}`);
    const other = row?.querySelector<HTMLButtonElement>(`.yd-cpl-${want.control === 'up' ? 'down' : 'up'}`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });

  const moveBy = (i: number, by: -1 | 1) => {
    const to = i + by;
    const entry = entries[i];
    if (!entry || to < 0 || to >= entries.length) return;
    refocus.current = { id: entry.highlightId, control: by < 0 ? 'up' : 'down' };
    move(i, to);
    setAnnounce(i18n.t('cplMoved', [String(to + 1)]));
  };
  const endDrag = () => {
    setDragging(null);
    setMark(null);
  };

  return (
    <>
      <ol class="yd-cpl-list" ref={list}>
        {entries.slice(0, shown).map((e, i) => (
          <li
            key={e.highlightId}
            class={`yd-cpl-entry yd-cat-${e.category}${dragging === i ? ' is-dragging' : ''}${
              mark?.over === i ? (mark.lower ? ' is-drop-below' : ' is-drop-above') : ''
            }`}
            data-highlight-id={e.highlightId}
            draggable
            onDragStart={(ev) => {
              setDragging(i);
              // Firefox starts a drag only when data is set.
              ev.dataTransfer?.setData('text/plain', e.text);
              if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(ev) => {
              if (dragging === null) return;
              ev.preventDefault();
              const box = (ev.currentTarget as HTMLElement).getBoundingClientRect();
              const lower = ev.clientY > box.top + box.height / 2;
              if (mark?.over !== i || mark.lower !== lower) setMark({ over: i, lower });
            }}
            onDrop={(ev) => {
              ev.preventDefault();
              if (dragging !== null && mark) {
                const to = dropIndex(dragging, mark.over, mark.lower);
                if (to !== dragging) {
                  move(dragging, to);
                  setAnnounce(i18n.t('cplMoved', [String(to + 1)]));
                }
              }
              endDrag();
            }}
            onDragEnd={endDrag}
            onKeyDown={(ev) => {
              if (!ev.altKey || (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown')) return;
              ev.preventDefault();
              moveBy(i, ev.key === 'ArrowUp' ? -1 : 1);
            }}
          >
            <span class="yd-cpl-number" aria-hidden="true">
              {i + 1}
            </span>
            <EntryText entry={e} url={urlOf(e.highlightId)} label={categoryNames[e.category]} />
            <span class="yd-cpl-moves">
              <button
                type="button"
                class="yd-btn yd-cpl-up"
                disabled={i === 0}
                aria-label={`${i18n.t('cplMoveUp')} ${i + 1}`}
                title={i18n.t('cplMoveUp')}
                onClick={() => moveBy(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class="yd-btn yd-cpl-down"
                disabled={i === entries.length - 1}
                aria-label={`${i18n.t('cplMoveDown')} ${i + 1}`}
                title={i18n.t('cplMoveDown')}
                onClick={() => moveBy(i, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      {entries.length > shown ? (
        <button type="button" class="yd-btn yd-lib-more" onClick={() => setShown(shown + PAGE)}>
          {i18n.t('cplShowMore', [String(Math.min(entries.length - shown, PAGE))])}
        </button>
      ) : null}
      <p class="yd-visually-hidden" aria-live="polite">
        {announce}
      </p>
    </>
  );
}
