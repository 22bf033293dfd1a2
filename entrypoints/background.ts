import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listen, type PageSnapshot } from '@/utils/messages';

const SNAPSHOT_PREFIX = 'snapshot:';

export default defineBackground(() => {
  listen({
    'page:detected': async ({ detection }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      await browser.action.setBadgeText({ tabId, text: detection.isSpeech ? '讲' : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      return undefined;
    },
    'reader:open': async (snapshot, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      // Session storage survives the background being unloaded between this message and the reader
      // asking for the snapshot, and is never written to disk.
      const key = `${tabId}-${snapshot.taken}`;
      await browser.storage.session.set({ [SNAPSHOT_PREFIX + key]: snapshot });
      const reader = browser.runtime.getURL('/reader.html');
      await browser.tabs.update(tabId, {
        url: `${reader}?url=${encodeURIComponent(snapshot.url)}&snapshot=${encodeURIComponent(key)}`,
      });
      return { ok: true };
    },
    'reader:snapshot': async ({ key }) => {
      const storageKey = SNAPSHOT_PREFIX + key;
      const found = await browser.storage.session.get(storageKey);
      await browser.storage.session.remove(storageKey);
      return (found[storageKey] as PageSnapshot | undefined) ?? null;
    },
  });
});
