import type { LibraryRoute } from '@/utils/routes';
import type { ReaderTheme } from '@/utils/settings';
import type { YanduDB } from '@/utils/store/db';
import { type LocalStore, pageStorage } from '@/utils/store/local';
import { LibraryFrame } from './LibraryFrame';
import { LibraryProvider } from './LibraryStore';
import type { Tab } from './library-state';
import './library.css';

export interface LibraryAppProps {
  /**
   * The database, or its promise: the page imports the database code (Dexie) after the first paint from the
   * summary cache, so opening the library does not wait for it.
   */
  db: YanduDB | Promise<YanduDB>;
  theme?: ReaderTheme;
  /** Where summaries are cached between visits; the page's localStorage by default. */
  cache?: LocalStore;
  initialTab?: Tab;
  /** The tab, search, filters and sort to open with (library.html's address, utils/routes.ts). */
  route?: Partial<LibraryRoute>;
  /** Told what the page shows whenever that changes: the page keeps its address in step. */
  onRoute?: (route: LibraryRoute) => void;
}

/** library.html: the 讲话 list and the 重点任务 list, over one store (components/library/LibraryStore.tsx). */
export function LibraryApp({
  db,
  theme = 'light',
  cache = pageStorage(),
  initialTab,
  route,
  onRoute,
}: LibraryAppProps) {
  return (
    <LibraryProvider db={db} cache={cache} initialTab={initialTab} route={route} onRoute={onRoute}>
      <LibraryFrame theme={theme} />
    </LibraryProvider>
  );
}
