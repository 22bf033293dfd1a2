import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '@/utils/messages';
import { detectSpeech } from '@/utils/page/detect';
import { PORTAL_MATCHES } from '@/utils/sites';
import { mountReaderButton } from './button';

// Runs on every portal page, so it stays tiny: detection and a button, nothing else. Extraction, the
// outline and the database live in the extension's own pages.
export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const loaded = loadedAddress();
    const detection = detectSpeech(document, loaded);
    document.documentElement.dataset.yanduDetected = detection.isSpeech ? 'speech' : 'other';
    void send('page:detected', { detection }).catch(() => undefined);
    if (!detection.isSpeech) return;
    const openReader = (auto: boolean) =>
      send('reader:open', {
        url: loaded,
        current: location.href,
        html: document.documentElement.outerHTML,
        taken: Date.now(),
        auto,
      });
    const remove = mountReaderButton(() => openReader(false));
    ctx.onInvalidated(remove);
    void autoOpen().then((yes) => {
      if (yes && ctx.isValid) void openReader(true);
    });
  },
});

/**
 * The address the tab loaded this document from. `location` follows history.pushState/replaceState, which
 * the page's scripts may call to pose as another article; the navigation entry keeps the loaded address
 * (and this isolated world sees the browser's own `performance`, not one the page replaced).
 */
function loadedAddress(): string {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.name || location.href;
}

/**
 * The user's "open speeches in the reader automatically" setting (off by default). Not after Back or
 * Forward: the user came back from the reader on purpose, and re-opening it would trap them (the
 * background also opens a page automatically only once per tab, whatever the page does to come back).
 */
async function autoOpen(): Promise<boolean> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav?.type === 'back_forward') return false;
  const { autoOpenReader } = await browser.storage.local.get('autoOpenReader');
  return autoOpenReader === true;
}
