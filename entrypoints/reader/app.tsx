import { render } from 'preact';
import { i18n } from '#i18n';
import { ReaderNotice } from '@/components/reader/ReaderNotice';
import { afterPaint } from '@/utils/frames';
import { cachedTheme, cacheTheme } from '@/utils/reader/startup';
import { parseReaderRoute } from '@/utils/routes';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  loadStartupSettings,
  type StartupSettings,
} from '@/utils/settings';
import type { SnapshotReply } from './handoff';
import { loadRoute } from './load';
import { ReaderApp } from './ReaderApp';

/**
 * The reader itself, started by main.tsx with the requests reader-boot.js made while the page was parsed.
 * reader.html?url=<original url>[&snapshot=<key>]. The URL names the speech, so reload and bookmarks
 * work; `snapshot` is one-shot (the page the tab just left), dropped from the address once used so a
 * reload reads the stored copy (which also works offline). reader.html?url=…&version=<contentHash> shows
 * an archived earlier copy of the speech, read-only, with its highlights (load.ts).
 */

/** The page is on screen: `yandu:painted` for bench/, data-yandu-ready for tests (and anyone waiting). */
async function markPainted(value: string): Promise<void> {
  await afterPaint();
  performance.mark('yandu:painted');
  document.documentElement.dataset.yanduReady = value;
}

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** `snapshot`, `storedSettings`: the requests reader-boot.js started before this module loaded (handoff.ts). */
export async function main(
  snapshot: Promise<SnapshotReply> | null,
  storedSettings?: Promise<Record<string, unknown>>,
) {
  // reader-boot.js has set the cached theme on the page already.
  const loadingTheme = cachedTheme() ?? DEFAULT_READER_SETTINGS.theme;
  const app = document.getElementById('app') as HTMLElement;
  const route = parseReaderRoute(location.search, location.hash);

  // Only say "preparing" if it takes long enough to notice; a flash of it would be noise.
  const slow = setTimeout(
    () => render(<ReaderNotice message={i18n.t('readerLoading')} url="" theme={loadingTheme} />, app),
    400,
  );
  const settingsReady = loadStartupSettings(storedSettings).catch(
    (): StartupSettings => ({
      settings: { ...DEFAULT_READER_SETTINGS },
      autoOpen: false,
      categories: { ...DEFAULT_HIGHLIGHT_CATEGORIES },
    }),
  );
  const [loaded, startup] = await Promise.all([loadRoute(route, snapshot), settingsReady]);
  clearTimeout(slow);
  performance.mark('yandu:loaded');
  cacheTheme(startup.settings.theme);

  if (!loaded || 'empty' in loaded) {
    const message = route.version
      ? i18n.t('versionNotFound')
      : loaded
        ? i18n.t('readerEmpty')
        : // Nothing was sent and nothing is stored: that says nothing about the original page, which
          // the notice offers to open.
          i18n.t('readerNoCopy');
    render(<ReaderNotice message={message} url={route.url} theme={startup.settings.theme} />, app);
    void markPainted('missing');
    return;
  }

  if (loaded.speech.title) document.title = loaded.speech.title;
  const textShown = signal();
  const ready = signal();
  render(
    <ReaderApp
      url={route.url}
      loaded={loaded}
      startup={startup}
      onTextComplete={textShown.resolve}
      ready={ready.promise}
    />,
    app,
  );
  performance.mark('yandu:rendered');
  // The first frame (with the beginning of a long speech), then the whole text: data-yandu-ready waits
  // for that, so tests and the scroll position see every paragraph.
  await afterPaint();
  performance.mark('yandu:painted');
  await textShown.promise;
  await afterPaint();
  performance.mark('yandu:complete');
  document.documentElement.dataset.yanduReady = 'true';
  ready.resolve();
}
