import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { keepBoth, type NoteSave } from '@/utils/store/notes';

/**
 * What a note editor needs of the drafts table (utils/store/drafts.ts, loaded lazily with the database),
 * bound to this tab: `owner` is `highlight:<id>` or `studyNote:<speechId>`.
 */
export interface DraftStore {
  /** This tab's draft, or one left by a closed tab (taken over). */
  load(owner: string): Promise<string | undefined>;
  save(owner: string, text: string): Promise<void>;
  clear(owner: string): Promise<void>;
  /**
   * Copy the text typed synchronously, in the input event itself (utils/store/drafts.ts keepDraftCopy): a
   * tab closed right after a keystroke ends before `save` lands. Taken back by `load`, dropped by `clear`.
   */
  keep?(owner: string, text: string): void;
}

/** Writes the note unless the stored one is no longer `base` (utils/store: setNoteOver, saveStudyNoteOver). */
export type NoteWriter = (text: string, base: string) => Promise<NoteSave>;

/**
 * saving: typed, not written yet · saved · conflict: another tab saved a different text (ask) · gone: the
 * highlight was deleted in another tab · error: the write failed (the reader says why; a draft is kept).
 */
export type NoteStatus = 'idle' | 'saving' | 'saved' | 'conflict' | 'gone' | 'error';

/** Pause in typing before the note is written (save as you type). */
export const AUTOSAVE_MS = 500;

/**
 * A note typed in an uncontrolled textarea (`area`), saved as the user types: after a pause, on blur, when
 * the page is hidden or left, and when the editor closes. A draft row of this tab holds the text until the
 * note is written, and a draft left from before is put back. The stored note is followed while nothing is
 * typed here; a save over a text another tab saved meanwhile is not made but asked about (`resolve`).
 */
export function useNoteDraft(
  note: string,
  drafts: DraftStore,
  owner: string,
  write: NoteWriter,
  /** An archived version: nothing is written, and no draft is taken (or cleared) by this view. */
  readOnly = false,
) {
  const state = useNoteState(note);
  const { live, area, current, show, setDirty, setStatus, setTheirs, setRestored } = state;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const props = useRef({ drafts, owner, write });
  props.current = { drafts, owner, write };
  const keepDraft = useDraftWriter(props);

  /** Write what the box shows, if it differs from the stored note; true once nothing is left unsaved. */
  const persist = async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (!live.current.dirty || readOnly) return true;
    const { drafts, owner, write } = props.current;
    const text = current();
    const draft = drafts.save(owner, text).catch(() => {});
    // Waiting for the user's choice (or the highlight is gone): only the draft is kept meanwhile.
    if (live.current.theirs !== null || live.current.gone) {
      await draft;
      return false;
    }
    setStatus('saving');
    let result: NoteSave;
    try {
      result = await write(text, live.current.base);
    } catch {
      await draft;
      setStatus('error');
      return false;
    }
    await draft;
    if (result.kind === 'conflict') {
      setTheirs(result.theirs);
      setStatus('conflict');
      return false;
    }
    if (result.kind === 'gone') {
      live.current.gone = true;
      setStatus('gone');
      return false;
    }
    live.current.base = text;
    if (current() === text) {
      setDirty(false);
      await drafts.clear(owner).catch(() => {});
    }
    setStatus('saved');
    if (live.current.mounted) setRestored(false);
    return !live.current.dirty;
  };
  /** One write at a time, in order. */
  const flush = (): Promise<boolean> => {
    const next = chain.current.then(persist, persist);
    chain.current = next;
    return next;
  };

  useDraftRestore(drafts, readOnly ? null : owner, state);
  useFlushOnLeave(flush, () => {
    live.current.mounted = false;
  });

  // The stored note changed (another tab, or this one's own save).
  const shownNote = useRef(note);
  useEffect(() => {
    if (shownNote.current === note) return;
    shownNote.current = note;
    if (live.current.theirs !== null) {
      // Asked already: the choice is about the newest saved text.
      if (note === current()) resolveWith(note, false);
      else setTheirs(note);
      return;
    }
    if (!live.current.dirty || note === current()) {
      live.current.base = note;
      show(note);
      setDirty(false);
    }
  }, [note]);

  /** After a choice: `text` is shown; `save` writes it over what the other tab saved. */
  const resolveWith = (text: string, save: boolean) => {
    const over = live.current.theirs ?? live.current.base;
    setTheirs(null);
    live.current.base = over;
    show(text);
    setDirty(save && text !== over);
    setStatus(save ? 'saving' : 'saved');
    if (save) void flush();
    else void props.current.drafts.clear(props.current.owner).catch(() => {});
  };

  return {
    area,
    dirty: state.dirty,
    restored: state.restored,
    status: state.status,
    /** The text another tab saved, while this tab asks which to keep. */
    theirs: state.theirs,
    /** An input event in the textarea: save after a pause. */
    input: (value: string) => {
      state.typed.current = value;
      props.current.drafts.keep?.(props.current.owner, value);
      keepDraft(value);
      setDirty(value !== live.current.base);
      if (live.current.theirs === null && !live.current.gone)
        setStatus(live.current.dirty ? 'saving' : 'saved');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    /** Save now (blur, 保存, Ctrl+Enter); true once nothing is left unsaved. */
    flush,
    /** 保留我的 / 保留对方的 / 两者都保留. */
    resolve: (choice: 'mine' | 'theirs' | 'both') => {
      const other = live.current.theirs;
      if (other === null) return;
      if (choice === 'theirs') resolveWith(other, false);
      else resolveWith(choice === 'mine' ? current() : keepBoth(other, current()), true);
    },
    /** The highlight was deleted in another tab (true) or came back, 恢复标注 (false). */
    setGone: (gone: boolean) => {
      if (live.current.gone === gone) return;
      live.current.gone = gone;
      setStatus(gone ? 'gone' : live.current.dirty ? 'saving' : 'saved');
      if (!gone) void flush();
    },
  };
}

/**
 * What was typed is written when the page is hidden or left (closing the tab, reloading) and when the editor
 * closes; `unmounted` runs after that last flush is started.
 */
function useFlushOnLeave(flush: () => Promise<boolean>, unmounted: () => void) {
  const latest = useRef(flush);
  latest.current = flush;
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void latest.current();
    };
    const onLeave = () => void latest.current();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      void latest.current();
      unmounted();
    };
  }, []);
}

/** The editor's state: rendered values, and their current copies for timers, listeners and promises. */
function useNoteState(note: string) {
  const [dirty, setDirtyState] = useState(false);
  const [restored, setRestored] = useState(false);
  const [status, setStatusState] = useState<NoteStatus>('idle');
  const [theirs, setTheirsState] = useState<string | null>(null);
  // Timers, listeners and promises read the current values here, never a closure's copy from an earlier
  // render (an effect flushed after the first keystroke must not put the old text back).
  const live = useRef({
    dirty: false,
    base: note,
    theirs: null as string | null,
    mounted: true,
    gone: false,
  });
  const area = useRef<HTMLTextAreaElement>(null);
  const typed = useRef(note);
  const setDirty = (value: boolean) => {
    live.current.dirty = value;
    if (live.current.mounted) setDirtyState(value);
  };
  const setStatus = (value: NoteStatus) => {
    if (live.current.mounted) setStatusState(value);
  };
  const setTheirs = (value: string | null) => {
    live.current.theirs = value;
    if (live.current.mounted) setTheirsState(value);
  };
  /** What the box shows (the state can trail an input event by a render). */
  const current = () => area.current?.value ?? typed.current;
  /** Text set from outside (the textarea is uncontrolled: a controlled value could undo a keystroke). */
  const show = (value: string) => {
    typed.current = value;
    if (area.current && area.current.value !== value) area.current.value = value;
  };
  useLayoutEffect(() => {
    if (area.current) area.current.value = note;
  }, []);
  return {
    live,
    area,
    dirty,
    restored,
    status,
    theirs,
    current,
    show,
    setDirty,
    setStatus,
    setTheirs,
    setRestored,
    typed,
  };
}

/**
 * Writes each text typed to this tab's draft row at once, one write at a time (the latest text wins): a tab
 * closed right after a keystroke has no time left for the writes started when it is left (pagehide).
 */
function useDraftWriter(props: { current: { drafts: DraftStore; owner: string } }) {
  const queue = useRef({ busy: false, next: null as string | null });
  return (text: string) => {
    const q = queue.current;
    q.next = text;
    if (q.busy) return;
    q.busy = true;
    void (async () => {
      while (q.next !== null) {
        const next = q.next;
        q.next = null;
        await props.current.drafts.save(props.current.owner, next).catch(() => {});
      }
      q.busy = false;
    })();
  };
}

/** A draft left from before (a reload, a closed tab) is put back, unless typing has started. */
function useDraftRestore(drafts: DraftStore, owner: string | null, state: ReturnType<typeof useNoteState>) {
  useEffect(() => {
    if (owner === null) return;
    let open = true;
    drafts.load(owner).then(
      (draft) => {
        if (!open || draft === undefined || state.live.current.dirty) return;
        const base = state.live.current.base;
        // A draft the stored note already holds in full is not unsaved work: a page left between its note's
        // write and the draft's removal leaves one behind, and a restore may have merged more into that note
        // since. Put back, it would be saved over the longer note (the draft records no base to tell). Only a
        // deletion typed and never saved can be missed this way, and missing it loses no text.
        if (draft === base || (base !== '' && base.includes(draft))) {
          void drafts.clear(owner).catch(() => {});
          return;
        }
        state.show(draft);
        state.setDirty(true);
        state.setRestored(true);
      },
      () => {},
    );
    return () => {
      open = false;
    };
    // One editor per note: a new owner remounts it (key), so only the owner matters here.
  }, [owner]);
}
