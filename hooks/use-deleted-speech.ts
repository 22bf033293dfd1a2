import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { OpenReaderStore, ReaderStore } from '@/utils/store/reader-store';
import type { TableRows } from '@/utils/store/tables';

export interface DeletedSpeech {
  /** The speech was stored while this reader was open and is not any more (deleted in the library). */
  deleted: boolean;
  /** Just put back from this reader (恢复, or a write that restored it first). */
  restored: boolean;
  /** Put back the speech with the highlights, notes and drafts last seen here, keeping anything newer. */
  restore: () => Promise<void>;
  /** The store the reader's highlight layer writes through: a write into a deleted speech restores it first. */
  openStore: OpenReaderStore;
}

/** The store's writes: each one first puts a deleted speech back, so nothing is saved under no speech. */
const WRITES = [
  'addHighlight',
  'setCategory',
  'setNote',
  'restoreHighlight',
  'saveStudyNote',
  'saveDraft',
  'saveOutlineEdits',
] as const;

function guarded(store: ReaderStore, before: () => Promise<void>): ReaderStore {
  const out = { ...store } as Record<string, unknown>;
  for (const name of WRITES) {
    const write = store[name] as (...args: unknown[]) => Promise<unknown>;
    out[name] = async (...args: unknown[]) => {
      await before();
      return write(...args);
    };
  }
  return out as ReaderStore;
}

/**
 * Issue #14 item 7: a speech deleted in the library while a reader shows it. The reader follows the speech's
 * rows (liveQuery, across tabs), keeps the last copy in memory, and says so when the speech goes; 恢复 or the
 * next highlight or note puts it back, so later writes never land under a speech the library no longer lists.
 */
export function useDeletedSpeech(
  open: OpenReaderStore,
  speechId: string,
  readOnly: boolean,
  /** Start following once the highlights are painted: their read goes first and alone (use-highlight-data). */
  ready: boolean,
): DeletedSpeech {
  const held = useRef<TableRows | null>(null);
  const gone = useRef(false);
  const [deleted, setDeleted] = useState(false);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (readOnly || !ready) return;
    let live = true;
    let sub: { unsubscribe(): void } | undefined;
    open().then(
      (store) => {
        if (!live) return;
        sub = store.watchSpeechRows(speechId, (rows) => {
          if (rows.speeches.length > 0) {
            held.current = rows;
            gone.current = false;
          } else if (held.current) {
            // Only a speech seen stored here can be deleted (an unsaved copy never was).
            gone.current = true;
          }
          setDeleted(gone.current);
          // For tests (like data-yandu-highlights): the reader has seen the speech stored, or seen it go.
          document.documentElement.dataset.yanduStored = gone.current
            ? 'deleted'
            : held.current
              ? 'yes'
              : 'no';
        });
      },
      (e: unknown) => console.warn('[yandu] speech rows', e),
    );
    return () => {
      live = false;
      sub?.unsubscribe();
    };
  }, [open, speechId, readOnly, ready]);

  // Stable across renders: the reader's hooks open the store once per speech.
  const calls = useMemo(() => {
    const putBack = async (store: ReaderStore) => {
      const rows = held.current;
      if (!gone.current || !rows) return;
      await store.restoreRows(rows);
      gone.current = false;
      setDeleted(false);
      setRestored(true);
    };
    return {
      restore: () => open().then(putBack),
      openStore: () => open().then((store) => guarded(store, () => putBack(store))),
    };
  }, [open]);
  return { deleted, restored, ...calls };
}
