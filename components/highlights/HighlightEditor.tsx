import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { HighlightCategorySettings } from '@/utils/settings';
import type { DraftSaver } from '@/utils/store/drafts';
import { HIGHLIGHT_CATEGORIES, type Highlight, type HighlightCategory } from '@/utils/types';
import { CloseIcon } from '../shared/Icons';
import { QuotedPassage } from './QuoteCopyButton';

/** What the editor needs of the drafts table (utils/store/drafts.ts, loaded lazily with the database). */
export interface DraftStore {
  load(id: string): Promise<string | undefined>;
  clear(id: string): Promise<void>;
  saver(id: string): DraftSaver;
}

export interface HighlightEditorProps {
  highlight: Highlight;
  categories: HighlightCategorySettings;
  drafts: DraftStore;
  draftId: string;
  /** Document coordinates under the passage. */
  at: { x: number; y: number };
  /** Put the caret in the note at once (添加批注, N). */
  focusNote?: boolean;
  /** An archived version: the note is shown, nothing can be changed. */
  readOnly?: boolean;
  /** Another painted highlight overlaps this one here: offer to switch to it. */
  onNext?: () => void;
  onCategory: (category: HighlightCategory) => void;
  onSaveNote: (note: string) => Promise<void>;
  onDelete: () => void;
  onClose: () => void;
}

/**
 * The popover of one highlight: its category, its note (a textarea saved with 保存 or Ctrl+Enter; kept
 * as a draft while typing) and 删除.
 */
export function HighlightEditor(props: HighlightEditorProps) {
  const { highlight, categories, drafts, draftId } = props;
  const [text, setText] = useState(highlight.note);
  const [restored, setRestored] = useState(false);
  const [dirty, setDirtyState] = useState(false);
  // Effects and promises read the current value here: a closure from an earlier render would hold a stale
  // `dirty` (an effect flushed after the first keystroke must not put the old text back).
  const dirtyRef = useRef(false);
  const setDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };
  const saver = useRef<DraftSaver | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  /**
   * The textarea is left uncontrolled (Preact re-applying a controlled value could undo a keystroke that
   * arrived between renders); text set from outside goes through here.
   */
  const show = (value: string) => {
    setText(value);
    if (area.current && area.current.value !== value) area.current.value = value;
  };
  useLayoutEffect(() => {
    if (area.current) area.current.value = highlight.note;
  }, []);
  const box = useRef<HTMLElement>(null);

  useEffect(() => {
    saver.current = drafts.saver(draftId);
    let live = true;
    drafts.load(draftId).then(
      (draft) => {
        if (!live || draft === undefined || draft === highlight.note || dirtyRef.current) return;
        show(draft);
        setDirty(true);
        setRestored(true);
      },
      () => {},
    );
    return () => {
      live = false;
      // Leaving without saving keeps what was typed as a draft.
      void saver.current?.flush();
    };
    // One editor per highlight: a new id remounts it (key), so only the draft id matters here.
  }, [draftId]);

  // The note changed in another tab while nothing was typed here: show the new one.
  const shownNote = useRef(highlight.note);
  useEffect(() => {
    if (shownNote.current === highlight.note) return;
    shownNote.current = highlight.note;
    if (!dirtyRef.current) show(highlight.note);
  }, [highlight.note]);

  // Opened near the bottom of the window: bring it into view, then put the caret in the note if asked.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
    if (props.focusNote) area.current?.focus({ preventScroll: true });
  }, []);

  const save = async () => {
    saver.current?.cancel();
    // What the box shows is what is saved (the state can trail an input event by a render).
    try {
      await props.onSaveNote(area.current?.value ?? text);
    } catch {
      // Not saved (the reader says why): the text stays in the box and as a draft.
      return;
    }
    await drafts.clear(draftId).catch(() => {});
    setDirty(false);
    setRestored(false);
    props.onClose();
  };
  const discard = () => {
    saver.current?.cancel();
    void drafts.clear(draftId).catch(() => {});
    show(highlight.note);
    setDirty(false);
    setRestored(false);
  };

  return (
    <section
      ref={box}
      class="yd-hl-editor"
      role="dialog"
      aria-label={i18n.t('hlEditorLabel')}
      style={{ left: `${props.at.x}px`, top: `${props.at.y}px` }}
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
          ref={area}
          class="yd-hl-note"
          rows={4}
          readOnly={props.readOnly}
          placeholder={i18n.t('hlNotePlaceholder')}
          onInput={(event) => {
            const value = (event.currentTarget as HTMLTextAreaElement).value;
            setText(value);
            setDirty(value !== highlight.note);
            saver.current?.update(value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void save();
            }
          }}
        />
      </label>
      {restored ? <p class="yd-hl-hint">{i18n.t('hlNoteDraftRestored')}</p> : null}
      <div class="yd-hl-actions" hidden={props.readOnly}>
        <button type="button" class="yd-hl-delete" onClick={props.onDelete}>
          {i18n.t('hlDelete')}
        </button>
        {props.onNext ? (
          <button type="button" class="yd-hl-next" onClick={props.onNext}>
            {i18n.t('hlOverlap')}
          </button>
        ) : null}
        <span class="yd-hl-spacer" />
        {dirty ? (
          <button type="button" class="yd-hl-discard" onClick={discard}>
            {i18n.t('hlNoteCancel')}
          </button>
        ) : null}
        <button
          type="button"
          class="yd-hl-save"
          title={i18n.t('hlNoteSaveHint')}
          disabled={!dirty}
          onClick={() => void save()}
        >
          {i18n.t('hlNoteSave')}
        </button>
      </div>
    </section>
  );
}
