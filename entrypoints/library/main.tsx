import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { afterPaint } from '@/utils/frames';
import { cachedTheme, type ReaderTheme } from '@/utils/reader/startup';
import { type LibraryRoute, libraryHref, parseLibraryRoute } from '@/utils/routes';
import { DEFAULT_READER_SETTINGS, loadReaderSettings } from '@/utils/settings';

/**
 * library.html (#tasks opens the key-task list; ?q= and the filters: utils/routes.ts libraryHref). The reader's theme is used so the library feels like the
 * same product; the reader caches it in localStorage, read here synchronously so a dark library never
 * flashes white.
 */

const app = document.getElementById('app') as HTMLElement;
// The database code (Dexie, ~100 KB) loads beside the first paint, which comes from the summary cache.
const db = import('@/utils/store/db').then((m) => m.getDb());
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
const show = (theme: ReaderTheme) => {
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
