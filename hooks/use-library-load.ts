/**
 * The library page reads its database: the newest page first when there is no cached list, then the whole
 * library while the search index grows, and again when the user comes back from another tab and the library
 * changed meanwhile. Each read has a generation: a read that a newer one (or the page closing) overtook
 * writes neither the state nor the cache. While open, the page follows which speeches are stored (a reader
 * in another tab saving a new speech or putting a deleted one back, another library tab deleting one).
 */
import type { RefObject } from 'preact';
import { type Dispatch, useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { PAGE_SIZE } from '@/components/library/LibraryList';
import type { LibraryAction, LibraryState } from '@/components/library/library-state';
import { afterPaint, yieldToPage } from '@/utils/frames';
import { SearchIndex } from '@/utils/search';
import type { YanduDB } from '@/utils/store/db';
import {
  highlightDocs,
  libraryFingerprint,
  loadLibraryData,
  loadRecent,
  noteDocs,
  speechIdsChange,
  summarise,
  textDocs,
  watchSpeechIds,
  writeSummaryCache,
} from '@/utils/store/library';
import type { LocalStore } from '@/utils/store/local';

export const failedText = (e: unknown) => i18n.t('libError', [String((e as Error)?.message ?? e)]);

/**
 * The database once open. The page imports the database code (Dexie) after the first paint from the summary
 * cache, so it may come as a promise.
 */
export function useOpenedDb(
  dbOrPromise: YanduDB | Promise<YanduDB>,
  dispatch: Dispatch<LibraryAction>,
): YanduDB | null {
  const [db, setDb] = useState<YanduDB | null>(dbOrPromise instanceof Promise ? null : dbOrPromise);
  useEffect(() => {
    let live = true;
    Promise.resolve(dbOrPromise).then(
      (opened) => live && setDb(opened),
      (e: unknown) => live && dispatch({ type: 'failed', error: failedText(e) }),
    );
    return () => {
      live = false;
    };
  }, [dbOrPromise, dispatch]);
  return db;
}

export interface LibraryLoad {
  /** Read the whole library again (after a restore, an undo). */
  reload: () => Promise<void>;
  /** A read is under way: a deletion meanwhile must start it again (it read the speech before it went). */
  loading: RefObject<boolean>;
}

export function useLibraryLoad(
  db: YanduDB | null,
  cache: LocalStore | undefined,
  state: LibraryState,
  dispatch: Dispatch<LibraryAction>,
): LibraryLoad {
  const generation = useRef(0);
  const loading = useRef(false);
  const fingerprint = useRef('');
  // The read looks at the state as it is when each step answers, not as it was when the read began.
  const now = useRef(state);
  now.current = state;

  const reload = useCallback(async () => {
    if (!db) return;
    const mine = ++generation.current;
    const current = () => mine === generation.current;
    loading.current = true;
    try {
      if (!now.current.summaries) {
        // No cache (first visit, or cleared): paint the newest page first, through the indexes.
        const recent = await loadRecent(db, PAGE_SIZE);
        performance.mark('yandu:library-recent'); // bench/browser/library.bench.ts
        if (!current()) return;
        dispatch({ type: 'recent', summaries: summarise(recent.speeches, recent.highlights, recent.notes) });
        // Those rows get their frame before the whole library's read and indexing take the main thread.
        await afterPaint();
        if (!current()) return;
      }
      const loaded = await readAll(db, now.current.index === null, current, dispatch);
      if (!loaded || !current()) return;
      const summaries = summarise(loaded.data.speeches, loaded.data.highlights, loaded.data.notes);
      fingerprint.current = await libraryFingerprint(db);
      dispatch({ type: 'loaded', data: loaded.data, summaries, index: loaded.index });
      writeSummaryCache(cache, summaries);
    } catch (e) {
      if (current()) dispatch({ type: 'failed', error: failedText(e) });
    } finally {
      if (current()) loading.current = false;
    }
  }, [db, cache, dispatch]);

  useEffect(() => {
    if (!db) return;
    // After the first paint (cached summaries, or the loading line), read the database.
    const t = setTimeout(() => void reload(), 0);
    // Back from another tab (the reader, say): read again only if the library changed meanwhile.
    const onVisible = async () => {
      if (document.visibilityState !== 'visible' || !fingerprint.current) return;
      if ((await libraryFingerprint(db)) !== fingerprint.current) void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(t);
      generation.current++; // a load still running must not write the cache or state after this
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload, db]);

  useFollowSpeechIds(db, state.data !== null, now, { reload, loading }, cache, dispatch);
  return { reload, loading };
}

/**
 * Once the library has been read, follow the stored speech ids (keys only; highlight and note writes do not
 * wake it): a speech stored elsewhere is read in with the rest of the library, one deleted elsewhere just
 * leaves the list. A read under way may have read the speech before it went, so it starts again instead.
 */
function useFollowSpeechIds(
  db: YanduDB | null,
  read: boolean,
  now: RefObject<LibraryState>,
  { reload, loading }: LibraryLoad,
  cache: LocalStore | undefined,
  dispatch: Dispatch<LibraryAction>,
): void {
  useEffect(() => {
    if (!db || !read) return;
    // The ids the last read started here was for: the same answer again (a write that left the ids as they
    // were, e.g. a speech's lastOpened) while that read runs needs no second read.
    let readFor: ReadonlySet<string> | null = null;
    const sub = watchSpeechIds(db, (ids) => {
      const { summaries, index, snack } = now.current as LibraryState;
      // Deleted here and put back elsewhere (a reader's 恢复): this page's 撤销 has nothing left to undo.
      if (snack?.undo && ids.has(snack.undo.speech.id)) dispatch({ type: 'snack', snack: null });
      const { added, gone } = speechIdsChange(summaries ?? [], ids);
      if (added || (gone.length > 0 && loading.current)) {
        const same = readFor?.size === ids.size && [...ids].every((id) => readFor?.has(id));
        if (same && loading.current) return;
        readFor = ids;
        void reload();
      } else if (gone.length > 0) {
        for (const id of gone) index?.removeSpeech(id);
        dispatch({ type: 'gone', ids: gone });
        writeSummaryCache(
          cache,
          (summaries ?? []).filter((s) => !gone.includes(s.id)),
        );
      }
    });
    return () => sub.unsubscribe();
  }, [db, read, now, reload, loading, cache, dispatch]);
}

/**
 * Every speech, highlight and note, indexed for search. The first index is searched while it grows; a later
 * one (after a change) replaces the old one only when complete. Null when a newer read took over.
 */
async function readAll(
  db: YanduDB,
  growing: boolean,
  current: () => boolean,
  dispatch: Dispatch<LibraryAction>,
) {
  const index = new SearchIndex();
  const total = await db.speeches.count();
  let done = 0;
  let version = 0;
  const grew = () => {
    if (growing && current()) dispatch({ type: 'indexProgress', done, total, version: ++version });
  };
  if (growing) dispatch({ type: 'indexGrowing', index });
  const data = await loadLibraryData(db, {
    speeches: (rows) => {
      index.addDocs(rows.flatMap(textDocs));
      done += rows.length;
      grew();
    },
    highlights: (rows) => {
      index.addDocs(highlightDocs(rows));
      grew();
    },
    notes: (rows) => index.addDocs(noteDocs(rows)),
  });
  // Join each speech's documents for fast search, a slice at a time so typing stays responsive.
  while (current() && !index.compact(100)) await yieldToPage();
  return current() ? { data, index } : null;
}
