import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { DraftSaver } from '@/utils/store/drafts';

/** What a note editor needs of the drafts table (utils/store/drafts.ts, loaded lazily with the database). */
export interface DraftStore {
  load(id: string): Promise<string | undefined>;
  clear(id: string): Promise<void>;
  saver(id: string): DraftSaver;
}

/**
 * A note being typed in an uncontrolled textarea (`area`), kept as a draft while typing: a draft left from
 * before is put back, the stored note follows changes from another tab while nothing is typed here, and
 * `save` / `discard` end the edit.
 */
export function useNoteDraft(note: string, drafts: DraftStore, draftId: string) {
  const [text, setText] = useState(note);
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
    if (area.current) area.current.value = note;
  }, []);

  useEffect(() => {
    saver.current = drafts.saver(draftId);
    let live = true;
    drafts.load(draftId).then(
      (draft) => {
        if (!live || draft === undefined || draft === note || dirtyRef.current) return;
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
  const shownNote = useRef(note);
  useEffect(() => {
    if (shownNote.current === note) return;
    shownNote.current = note;
    if (!dirtyRef.current) show(note);
  }, [note]);

  return {
    area,
    dirty,
    restored,
    /** An input event in the textarea. */
    input: (value: string) => {
      setText(value);
      setDirty(value !== note);
      saver.current?.update(value);
    },
    /** Save what the box shows; stays open (and kept as a draft) when `write` rejects. True once saved. */
    save: async (write: (text: string) => Promise<void>): Promise<boolean> => {
      saver.current?.cancel();
      // What the box shows is what is saved (the state can trail an input event by a render).
      try {
        await write(area.current?.value ?? text);
      } catch {
        // Not saved (the reader says why): the text stays in the box and as a draft.
        return false;
      }
      await drafts.clear(draftId).catch(() => {});
      setDirty(false);
      setRestored(false);
      return true;
    },
    discard: () => {
      saver.current?.cancel();
      void drafts.clear(draftId).catch(() => {});
      show(note);
      setDirty(false);
      setRestored(false);
    },
  };
}
