import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DraftSaver } from '@/utils/store/drafts';
import type { Note } from '@/utils/types';
import type { DraftStore } from '../highlights/HighlightEditor';

export interface StudyNoteProps {
  note: Note | undefined;
  drafts: DraftStore;
  draftId: string;
  onSave: (text: string) => Promise<void>;
  readOnly?: boolean;
}

/** The one free note on a speech (学习心得): a textarea, kept as a draft while typing, saved with 保存. */
export function StudyNote({ note, drafts, draftId, onSave, readOnly }: StudyNoteProps) {
  const stored = note?.text ?? '';
  const [text, setText] = useState(stored);
  const [dirty, setDirtyState] = useState(false);
  // Effects and promises read the current value here: a closure from an earlier render would hold a stale
  // `dirty` (an effect flushed after the first keystroke must not put the old text back).
  const dirtyRef = useRef(false);
  const setDirty = (value: boolean) => {
    dirtyRef.current = value;
    setDirtyState(value);
  };
  const [restored, setRestored] = useState(false);
  const [saved, setSaved] = useState(false);
  const saver = useRef<DraftSaver | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  /**
   * The textarea is left uncontrolled (Preact re-applying a controlled value could undo a keystroke that
   * arrived between renders); text set from outside goes through here.
   */
  const show = (value: string) => {
    setText(value);
    if (box.current && box.current.value !== value) box.current.value = value;
  };
  useLayoutEffect(() => {
    if (box.current) box.current.value = stored;
  }, []);

  useEffect(() => {
    saver.current = drafts.saver(draftId);
    let live = true;
    drafts.load(draftId).then(
      (draft) => {
        if (!live || draft === undefined || dirtyRef.current) return;
        show(draft);
        setDirty(true);
        setRestored(true);
      },
      () => {},
    );
    return () => {
      live = false;
      void saver.current?.flush();
    };
  }, [draftId]);

  // Saved in another tab while nothing was typed here: follow it.
  const shownNote = useRef(stored);
  useEffect(() => {
    if (shownNote.current === stored) return;
    shownNote.current = stored;
    if (!dirtyRef.current) show(stored);
  }, [stored]);

  const save = async () => {
    saver.current?.cancel();
    // What the box shows is what is saved (the state can trail an input event by a render).
    try {
      await onSave(box.current?.value ?? text);
    } catch {
      // Not saved (the reader says why): the text stays in the box and as a draft.
      return;
    }
    await drafts.clear(draftId).catch(() => {});
    setDirty(false);
    setRestored(false);
    setSaved(true);
  };

  return (
    <section class="yd-study-note" aria-labelledby="yd-study-note-heading">
      <h3 id="yd-study-note-heading">{i18n.t('studyNote')}</h3>
      <textarea
        ref={box}
        class="yd-study-note-text"
        rows={5}
        readOnly={readOnly}
        aria-labelledby="yd-study-note-heading"
        placeholder={i18n.t('studyNotePlaceholder')}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          setDirty(value !== stored);
          setSaved(false);
          saver.current?.update(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {readOnly ? null : (
        <div class="yd-study-note-actions">
          <span class="yd-hl-hint" aria-live="polite">
            {restored ? i18n.t('hlNoteDraftRestored') : saved ? i18n.t('studyNoteSaved') : ''}
          </span>
          <button type="button" class="yd-hl-save" disabled={!dirty} onClick={() => void save()}>
            {i18n.t('studyNoteSave')}
          </button>
        </div>
      )}
    </section>
  );
}
