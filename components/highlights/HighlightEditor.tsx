import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type DraftStore, type NoteWriter, useNoteDraft } from '@/hooks/use-note-draft';
import { popoverCentre } from '@/utils/reader/popover-position';
import type { HighlightCategorySettings } from '@/utils/settings';
import { HIGHLIGHT_CATEGORIES, type Highlight, type HighlightCategory } from '@/utils/types';
import { CloseIcon } from '../shared/Icons';
import { NoteConflict, NoteStatusLine } from './NoteConflict';
import { QuotedPassage } from './QuoteCopyButton';

/** The window's width (without a vertical scrollbar), scroll and rem, for popoverCentre. */
const viewOf = (win: Window) => ({
  width: win.document.documentElement.clientWidth || win.innerWidth,
  scrollX: win.scrollX,
  rem: Number.parseFloat(win.getComputedStyle(win.document.documentElement).fontSize) || 16,
});

export type { DraftStore } from '@/hooks/use-note-draft';

export interface HighlightEditorProps {
  highlight: Highlight;
  categories: HighlightCategorySettings;
  drafts: DraftStore;
  /** Whose draft (drafts.ts `highlightDraftId`). */
  draftOwner: string;
  /** Deleted in another tab while open here: the typed note stays, with a way to copy it or restore it. */
  gone?: boolean;
  /** Document coordinates under the passage. */
  at: { x: number; y: number };
  /** Put the caret in the note at once (添加批注, N). */
  focusNote?: boolean;
  /** An archived version: the note is shown, nothing can be changed. */
  readOnly?: boolean;
  /** Another painted highlight overlaps this one here: offer to switch to it. */
  onNext?: () => void;
  onCategory: (category: HighlightCategory) => void;
  onSaveNote: NoteWriter;
  onDelete: () => void;
  /** 恢复标注 after a deletion in another tab, with the note as typed. */
  onRestore: (note: string) => void;
  onClose: () => void;
}

/**
 * The popover of one highlight: its category, its note (saved as it is typed; 保存 or Ctrl+Enter saves now
 * and closes) and 删除.
 */
export function HighlightEditor(props: HighlightEditorProps) {
  const { highlight, categories } = props;
  const note = useNoteDraft(
    String(highlight.note ?? ''),
    props.drafts,
    props.draftOwner,
    props.onSaveNote,
    props.readOnly,
  );
  const box = useRef<HTMLElement>(null);
  const gone = !!props.gone || note.status === 'gone';
  useEffect(() => note.setGone(!!props.gone), [props.gone]);
  // Deleted elsewhere with nothing typed here: nothing to keep, the popover goes.
  useEffect(() => {
    if (gone && !note.dirty) props.onClose();
  }, [gone, note.dirty]);

  // Opened near the bottom of the window: bring it into view, then put the caret in the note if asked.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
    if (props.focusNote) note.area.current?.focus({ preventScroll: true });
  }, []);

  const save = async () => {
    if (await note.flush()) props.onClose();
  };

  return (
    <section
      ref={box}
      class="yd-hl-editor"
      role="dialog"
      aria-label={i18n.t('hlEditorLabel')}
      // Centred on the passage but kept inside the window (a passage at the left edge of a narrow window).
      style={{ left: `${popoverCentre(props.at.x, viewOf(window))}px`, top: `${props.at.y}px` }}
      data-highlight={highlight.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div class="yd-hl-editor-head">
        <fieldset class="yd-hl-categories">
          <legend class="yd-visually-hidden">{i18n.t('hlCategory')}</legend>
          {HIGHLIGHT_CATEGORIES.map((id) => (
            <button
              key={id}
              type="button"
              class="yd-hl-choice"
              data-category={id}
              aria-pressed={highlight.category === id}
              disabled={props.readOnly}
              onClick={() => props.onCategory(id)}
            >
              <span class="yd-hl-swatch" style={{ background: categories[id].color }} aria-hidden="true" />
              <span>{categories[id].name}</span>
            </button>
          ))}
        </fieldset>
        <button
          type="button"
          class="yd-icon-button yd-hl-close"
          aria-label={i18n.t('hlClose')}
          title={i18n.t('hlClose')}
          onClick={props.onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <QuotedPassage text={highlight.selector.exact} />
      <label class="yd-hl-note-label">
        <span class="yd-visually-hidden">{i18n.t('hlNote')}</span>
        <textarea
          ref={note.area}
          class="yd-hl-note"
          rows={4}
          readOnly={props.readOnly}
          placeholder={i18n.t('hlNotePlaceholder')}
          onInput={(event) => note.input((event.currentTarget as HTMLTextAreaElement).value)}
          onBlur={() => void note.flush()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save();
            }
          }}
        />
      </label>
      {gone ? <GoneNotice text={() => note.area.current?.value ?? ''} onRestore={props.onRestore} /> : null}
      {note.theirs !== null ? <NoteConflict theirs={note.theirs} onChoose={note.resolve} /> : null}
      <div class="yd-hl-actions" hidden={props.readOnly}>
        <button type="button" class="yd-hl-delete" hidden={gone} onClick={props.onDelete}>
          {i18n.t('hlDelete')}
        </button>
        {props.onNext ? (
          <button type="button" class="yd-hl-next" onClick={props.onNext}>
            {i18n.t('hlOverlap')}
          </button>
        ) : null}
        <NoteStatusLine status={note.status} restored={note.restored} />
        <span class="yd-hl-spacer" />
        <button
          type="button"
          class="yd-hl-save"
          title={i18n.t('hlNoteSaveHint')}
          hidden={gone}
          onClick={() => void save()}
        >
          {i18n.t('hlNoteSave')}
        </button>
      </div>
    </section>
  );
}

/** The highlight was deleted in another tab while its note was being typed here. */
function GoneNotice({ text, onRestore }: { text: () => string; onRestore: (note: string) => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="yd-hl-gone" role="alert">
      <p>{i18n.t('hlGone')}</p>
      <button
        type="button"
        class="yd-hl-gone-copy"
        onClick={() => {
          navigator.clipboard?.writeText(text()).then(
            () => setCopied(true),
            () => {},
          );
        }}
      >
        {copied ? i18n.t('hlGoneCopied') : i18n.t('hlGoneCopy')}
      </button>
      <button type="button" class="yd-hl-gone-restore" onClick={() => onRestore(text())}>
        {i18n.t('hlGoneRestore')}
      </button>
    </div>
  );
}
