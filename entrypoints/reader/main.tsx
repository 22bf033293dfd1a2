import { browser } from 'wxt/browser';
import { send } from '@/utils/messages';
import type { SnapshotReply } from './app';

/**
 * The reader's first script, kept tiny: it asks the background for the page snapshot at once, so that
 * round trip runs while the browser is still loading and compiling the reader (app.tsx), instead of
 * after it. Everything else is in app.tsx.
 */
// Marks for bench/ and the e2e timing: start → data ready → rendered → painted.
performance.mark('yandu:start');
const params = new URLSearchParams(location.search);
const key = params.get('snapshot');
const snapshot: Promise<SnapshotReply> | null =
  key && !params.get('version') ? send('reader:snapshot', { key }).catch(() => null) : null;
// The settings too (utils/settings.ts STARTUP_KEYS, not imported: that module would delay this one).
// Unreadable storage gives the defaults.
const settings = browser.storage.local
  .get(['readerSettings', 'autoOpenReader', 'highlightCategories'])
  .catch(() => ({}));
void import('./app').then((app) => app.main(snapshot, settings));
