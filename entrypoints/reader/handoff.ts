import { browser } from 'wxt/browser';
import { type Protocol, send } from '@/utils/messages';
import { cachedTheme, STARTUP_KEYS } from '@/utils/reader/startup';
import { parseReaderRoute } from '@/utils/routes';

/** The page the tab just left, as the background hands it over (null: none, or it could not be had). */
export type SnapshotReply = Protocol['reader:snapshot']['res'] | null;

/**
 * The reader's two requests, started by reader-boot.js as early as possible: the page snapshot
 * (reader.html?snapshot=<key>, not for an archived version) and the one settings read. Both are round
 * trips to other processes, so they run while the browser is still loading the reader's modules.
 * (Reading the snapshot there too, before the modules arrive, was measured: no gain, the main thread is
 * busy with the modules by then; bench/browser/ab-click.ts.)
 */
export interface ReaderHandoff {
  snapshot: Promise<SnapshotReply> | null;
  settings: Promise<Record<string, unknown>>;
}

declare global {
  interface Window {
    /** Set by reader-boot.js, a classic script that runs while reader.html is still being parsed. */
    __yanduReader?: ReaderHandoff;
  }
}

export function startRequests(search: string): ReaderHandoff {
  const { snapshot: key, version } = parseReaderRoute(search);
  return {
    snapshot: key && !version ? send('reader:snapshot', { key }).catch(() => null) : null,
    // Unreadable storage gives the defaults.
    settings: browser.storage.local.get(STARTUP_KEYS).catch(() => ({})),
  };
}

/** The boot script's requests, taken once; started here if it did not run. */
export function takeHandoff(): ReaderHandoff {
  const handoff = window.__yanduReader ?? startRequests(location.search);
  window.__yanduReader = undefined;
  return handoff;
}

/** Paint the loading page in the reader's theme from the first frame (the settings confirm it later). */
export function applyCachedTheme(): void {
  const theme = cachedTheme();
  if (theme) document.documentElement.dataset.ydTheme = theme;
}
