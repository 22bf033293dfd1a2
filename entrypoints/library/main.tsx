import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { afterPaint } from '@/utils/frames';
import { cachedTheme, type ReaderTheme } from '@/utils/reader/startup';
import { DEFAULT_READER_SETTINGS, loadReaderSettings } from '@/utils/settings';

/**
 * library.html (#tasks opens the key-task list). The reader's theme is used so the library feels like the
 * same product; the reader caches it in localStorage, read here synchronously so a dark library never
 * flashes white.
 */

const app = document.getElementById('app') as HTMLElement;
// The database code (Dexie, ~100 KB) loads beside the first paint, which comes from the summary cache.
const db = import('@/utils/store/db').then((m) => m.getDb());
const show = (theme: ReaderTheme) => {
  document.documentElement.dataset.ydTheme = theme;
  render(<LibraryApp db={db} theme={theme} />, app);
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
