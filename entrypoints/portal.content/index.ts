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
    const detection = detectSpeech(document, location.href);
    document.documentElement.dataset.yanduDetected = detection.isSpeech ? 'speech' : 'other';
    void send('page:detected', { detection }).catch(() => undefined);
    if (!detection.isSpeech) return;
    const openReader = () =>
      send('reader:open', {
        url: location.href,
        html: document.documentElement.outerHTML,
        taken: Date.now(),
      });
    const remove = mountReaderButton(openReader);
    ctx.onInvalidated(remove);
    void autoOpen().then((yes) => {
      if (yes && ctx.isValid) void openReader();
    });
  },
});

/**
 * The user's "open speeches in the reader automatically" setting (off by default). Not after Back or
 * Forward: the user came back from the reader on purpose, and re-opening it would trap them.
 */
async function autoOpen(): Promise<boolean> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav?.type === 'back_forward') return false;
  const { autoOpenReader } = await browser.storage.local.get('autoOpenReader');
  return autoOpenReader === true;
}
