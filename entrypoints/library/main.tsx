import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { afterPaint } from '@/utils/frames';
import { cachedTheme, type ReaderTheme } from '@/utils/reader/startup';
import { type LibraryRoute, libraryHref, parseLibraryRoute } from '@/utils/routes';
import { DEFAULT_READER_SETTINGS, loadReaderSettings } from '@/utils/settings';
import { readLocal } from '@/utils/store/local';

/**
 * library.html (#tasks opens the key-task list; ?q= and the filters: utils/routes.ts libraryHref). The reader's theme is used so the library feels like the
 * same product; the reader caches it in localStorage, read here synchronously so a dark library never
 * flashes white.
 */

const app = document.getElementById('app') as HTMLElement;
// With a summary cache the first rows come from it, and the database code (Dexie, ~100 KB) loads after that
// frame: neither its evaluation nor the reads that start once it is open can slip in before the frame.
// Without one the rows wait for the database, which loads at once.
const fromCache = readLocal('librarySummaries') !== null;
const db = (fromCache ? afterPaint() : Promise.resolve())
  .then(() => import('@/utils/store/db'))
  .then(async (m) => {
    performance.mark('yandu:library-db');
    const opened = m.getDb();
    await opened.open();
    performance.mark('yandu:library-open');
    return opened;
  });
const route = parseLibraryRoute(location.search, location.hash);
/** The address follows the list, so Back from a reader opened from it shows the same search and filters. */
const keepAddress = (shown: LibraryRoute) => {
  const href = libraryHref(shown, location.pathname);
  if (href === location.pathname + location.search + location.hash) return;
  try {
    history.replaceState(history.state, '', href);
  } catch {
    // Firefox limits how often a page may change its address: only the way back loses the latest search
  }
};
let shown: ReaderTheme | null = null;
const show = (theme: ReaderTheme) => {
  // The stored settings usually confirm the cached theme: no second render of the whole page then (it
  // could come before the first frame and double its work).
  if (theme === shown) return;
  shown = theme;
  document.documentElement.dataset.ydTheme = theme;
  render(<LibraryApp db={db} theme={theme} route={route} onRoute={keepAddress} />, app);
};
performance.mark('yandu:library-start');
show(cachedTheme() ?? DEFAULT_READER_SETTINGS.theme);
performance.mark('yandu:library-rendered');
void afterPaint().then(() => {
  performance.mark('yandu:library-painted');
  document.documentElement.dataset.yanduReady = 'true';
});
loadReaderSettings().then(
  (s) => show(s.theme),
  () => undefined,
);
