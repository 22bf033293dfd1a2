import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { type Dispatch, useContext, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type LibraryLoad, useLibraryLoad, useOpenedDb } from '@/hooks/use-library-load';
import type { LibraryRoute } from '@/utils/routes';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  type HighlightCategorySettings,
  loadCategorySettings,
  watchCategorySettings,
} from '@/utils/settings';
import type { YanduDB } from '@/utils/store/db';
import { failureText } from '@/utils/store/errors';
import {
  type DeletedSpeech,
  deleteSpeech,
  readSummaryCache,
  restoreSpeech,
  type SpeechSummary,
  writeSummaryCache,
} from '@/utils/store/library';
import type { LocalStore } from '@/utils/store/local';
import {
  initialLibraryState,
  type LibraryAction,
  type LibraryState,
  libraryReducer,
  routeOf,
  type Tab,
} from './library-state';

/** The library page's one store: its state, the way to change it, and what every part of the page needs. */
export interface LibraryStore {
  state: LibraryState;
  dispatch: Dispatch<LibraryAction>;
  /** null until the database code has loaded and the database is open. */
  db: YanduDB | null;
  cache: LocalStore | undefined;
  reload: LibraryLoad['reload'];
  /** Names and colours of the highlight categories, as set in the reader (and kept in step with it). */
  categories: HighlightCategorySettings;
  /** Delete a speech (after the user confirmed), offering undo. */
  remove: (s: SpeechSummary) => Promise<void>;
  /** Put a deleted speech back. */
  undo: (removed: DeletedSpeech) => Promise<void>;
  showTab: (tab: Tab) => void;
}

const Store = createContext<LibraryStore | null>(null);

export function useLibrary(): LibraryStore {
  const store = useContext(Store);
  if (!store) throw new Error('useLibrary outside LibraryProvider');
  return store;
}

const tabOfHash = (): Tab => (globalThis.location?.hash === '#tasks' ? 'tasks' : 'speeches');

export function LibraryProvider({
  db: dbOrPromise,
  cache,
  initialTab,
  route,
  onRoute,
  children,
}: {
  db: YanduDB | Promise<YanduDB>;
  cache: LocalStore | undefined;
  initialTab?: Tab;
  /** The tab, search, filters and sort to open with (the page's address). */
  route?: Partial<LibraryRoute>;
  /** Told what the page shows whenever that changes (to keep the address in step). */
  onRoute?: (route: LibraryRoute) => void;
  children: ComponentChildren;
}) {
  const [state, dispatch] = useReducer(libraryReducer, null, () =>
    initialLibraryState(readSummaryCache(cache), { ...route, tab: initialTab ?? route?.tab ?? tabOfHash() }),
  );
  const db = useOpenedDb(dbOrPromise, dispatch);
  const { reload, loading } = useLibraryLoad(db, cache, state, dispatch);
  const categories = useCategories();

  useEffect(() => {
    const onHash = () => dispatch({ type: 'tab', tab: tabOfHash() });
    globalThis.addEventListener?.('hashchange', onHash);
    return () => globalThis.removeEventListener?.('hashchange', onHash);
  }, []);

  const { tab, query, filter, sort } = state;
  const told = useRef(onRoute);
  told.current = onRoute;
  useEffect(() => told.current?.(routeOf({ tab, query, filter, sort })), [tab, query, filter, sort]);

  const { summaries, index } = state;
  const store = useMemo<LibraryStore>(() => {
    // The list shows the cached summaries before the database is open: a 删除 confirmed meanwhile waits
    // for it instead of being dropped.
    const opened = async () => db ?? (await dbOrPromise);
    const remove = async (s: SpeechSummary) => {
      dispatch({ type: 'confirm', speech: null });
      try {
        const removed = await deleteSpeech(await opened(), s.id);
        if (!removed) return;
        // A load under way read the speech before it went: start it again rather than bring it back.
        if (loading.current) void reload();
        writeSummaryCache(
          cache,
          (summaries ?? []).filter((x) => x.id !== s.id),
        );
        index?.removeSpeech(s.id);
        const message = i18n.t('libDeleted', [s.title || i18n.t('readerUntitled')]);
        dispatch({ type: 'removed', id: s.id, snack: { message, undo: removed } });
      } catch (e) {
        dispatch({ type: 'failed', error: failureText(e) });
      }
    };
    const undo = async (removed: DeletedSpeech) => {
      dispatch({ type: 'snack', snack: null });
      try {
        await restoreSpeech(await opened(), removed);
        const message = i18n.t('libRestored', [removed.speech.title || i18n.t('readerUntitled')]);
        dispatch({ type: 'snack', snack: { message } });
        await reload();
      } catch (e) {
        dispatch({ type: 'failed', error: failureText(e) });
      }
    };
    const showTab = (tab: Tab) => dispatch({ type: 'tab', tab });
    return { state, dispatch, db, cache, reload, categories, remove, undo, showTab };
  }, [state, db, dbOrPromise, cache, reload, loading, categories, summaries, index]);

  return <Store.Provider value={store}>{children}</Store.Provider>;
}

function useCategories(): HighlightCategorySettings {
  const [categories, setCategories] = useState<HighlightCategorySettings>(DEFAULT_HIGHLIGHT_CATEGORIES);
  useEffect(() => {
    // The stored names usually equal the defaults the page opened with: keep the same object then, or every
    // row renders again (possibly before the first frame, bench/README.md).
    const keep = (next: HighlightCategorySettings) =>
      setCategories((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    loadCategorySettings().then(keep, () => undefined);
    return watchCategorySettings(keep);
  }, []);
  return categories;
}
