import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { type AutoBackupResult, type BackupWriter, checkAutoBackup, jsonDataUrl } from '@/utils/auto-backup';
import { listen, type OpenRequest, type PageSnapshot, type TabStatus } from '@/utils/messages';
import { readerHref } from '@/utils/routes';
import { enabledSitePatterns, isPortalUrl, PORTAL_MATCHES } from '@/utils/sites';
import { mirroredStore } from '@/utils/store/backup/local-mirror';
import { getDb } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import { pageStorage } from '@/utils/store/local';
import type { Detection } from '@/utils/types';

// Session storage: survives the background being unloaded (MV3), never reaches the disk, and no web page
// can read it.
const SNAPSHOT_PREFIX = 'snapshot:';
const DETECTION_PREFIX = 'detection:';
/** The speech this tab last showed in the reader: auto-open never takes the user there a second time. */
const OPENED_PREFIX = 'opened:';
const MENU_ID = 'yandu-open-reader';
const ENABLED_SITES_SCRIPT = 'yandu-enabled-sites';

/**
 * Snapshots handed over in this worker's lifetime, answered from memory: the reader asks within a
 * fraction of a second, and a storage round trip would sit on the path to its first paint. The copy in
 * session storage is for a worker that was stopped in between (MV3 may unload it at any time).
 */
const recentSnapshots = new Map<string, { snapshot: PageSnapshot; stored: Promise<void> }>();
/** A reader that never asked (the tab was closed at once) must not keep a page in memory or storage. */
const RECENT_FOR_MS = 60_000;

/** Park the page's snapshot and move the tab to the reader, as Firefox's about:reader does (Back returns). */
async function showInReader(tabId: number, snapshot: PageSnapshot): Promise<{ ok: boolean; error?: string }> {
  const key = `${tabId}-${snapshot.taken}`;
  const stored = browser.storage.session.set({ [SNAPSHOT_PREFIX + key]: snapshot });
  recentSnapshots.set(key, { snapshot, stored: stored.catch(() => undefined) });
  setTimeout(() => {
    recentSnapshots.delete(key);
    void browser.storage.session.remove(SNAPSHOT_PREFIX + key).catch(() => undefined);
  }, RECENT_FOR_MS);
  const reader = browser.runtime.getURL('/reader.html');
  // The tab moves at once; the session copy is written meanwhile. If that write fails (session storage is
  // small), the reader is still served from memory: the opening itself has not failed.
  stored.catch((error: unknown) => console.warn('[yandu] could not keep a session copy of the page', error));
  await browser.tabs.update(tabId, {
    url: readerHref({ url: snapshot.url, snapshot: key }, reader),
  });
  return { ok: true };
}

/**
 * Whether a snapshot may open the reader, and under which address. It is stored under the address the tab
 * loaded (`url`); a page that has since rewritten its address to another document's (History API) is not
 * opened at all, since its text may belong to either. Auto-open takes a tab to a speech once: a page that
 * reloads or re-navigates itself after Back cannot bounce the user into the reader again.
 */
async function admit(
  tabId: number,
  request: OpenRequest,
  sender: { url?: string },
): Promise<{ ok: true; snapshot: PageSnapshot } | { ok: false; error: string }> {
  const { url, html, taken } = request;
  const id = speechIdFromUrl(url);
  const sameOrigin = (other: string | undefined) => {
    try {
      return !other || new URL(other).origin === new URL(url).origin;
    } catch {
      return false;
    }
  };
  if (!/^https?:/.test(url) || !sameOrigin(sender.url))
    return { ok: false, error: i18n.t('popupUnsupportedPage') };
  if (request.current && speechIdFromUrl(request.current) !== id) {
    return { ok: false, error: i18n.t('errorPageReaddressed') };
  }
  const key = OPENED_PREFIX + tabId;
  if (request.auto && (await browser.storage.session.get(key))[key] === id) {
    return { ok: false, error: 'already shown in this tab' };
  }
  await browser.storage.session.set({ [key]: id });
  return { ok: true, snapshot: { url, html, taken } };
}

/** Take a snapshot of any page Yandu may read (the portal, or a site the user enabled) and open the reader. */
async function openReaderInTab(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      // Serialised into the page's isolated world: loadedAddress() of portal.content/index.ts, inlined.
      func: () => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          url: nav?.name || location.href,
          current: location.href,
          html: document.documentElement.outerHTML,
          taken: Date.now(),
        };
      },
    });
    const request = result?.result as OpenRequest | undefined;
    if (!request?.html) return { ok: false, error: i18n.t('popupUnsupportedPage') };
    const admitted = await admit(tabId, request, {});
    if (!admitted.ok) return admitted;
    return await showInReader(tabId, admitted.snapshot);
  } catch (error) {
    return { ok: false, error: i18n.t('errorOpenReader', [String(error)]) };
  }
}

async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** Run the detector (and its button) on the sites the user enabled, as on the portal. */
async function syncEnabledSites(): Promise<void> {
  const matches = enabledSitePatterns(await grantedOrigins());
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ENABLED_SITES_SCRIPT] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [ENABLED_SITES_SCRIPT] });
  if (matches.length) {
    await browser.scripting.registerContentScripts([
      { id: ENABLED_SITES_SCRIPT, matches, js: ['content-scripts/portal.js'], runAt: 'document_idle' },
    ]);
  }
  await browser.contextMenus
    .update(MENU_ID, { documentUrlPatterns: [...PORTAL_MATCHES, ...matches] })
    .catch(() => undefined);
}

async function tabStatus(tabId: number): Promise<TabStatus> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? '';
  const key = DETECTION_PREFIX + tabId;
  const stored = (await browser.storage.session.get(key))[key] as
    | { url: string; detection: Detection }
    | undefined;
  const onPortal = isPortalUrl(url);
  let siteEnabled = false;
  if (!onPortal && /^https?:/.test(url)) {
    siteEnabled = await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  }
  return {
    url,
    onPortal,
    siteEnabled,
    canOpen: onPortal || siteEnabled,
    detection: stored && stored.url === url ? stored.detection : null,
  };
}

/** Resolves when download `id` is complete, rejects when the browser gave up on it. */
function downloadFinished(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (state: string | undefined, error: string | undefined) => {
      if (state !== 'complete' && state !== 'interrupted') return;
      browser.downloads.onChanged.removeListener(listener);
      if (state === 'complete') resolve();
      else reject(new Error(error ?? 'interrupted'));
    };
    const listener = (delta: Browser.downloads.DownloadDelta) => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    browser.downloads.onChanged.addListener(listener);
    // A small file may be done before the listener was added.
    void browser.downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
}

/** The automatic backup's file, through the optional downloads permission (utils/auto-backup.ts decides when). */
const backupWriter: BackupWriter = {
  allowed: () => browser.permissions.contains({ permissions: ['downloads'] }),
  write: async (text, filename) => {
    // Chrome's service worker has no URL.createObjectURL: a data: URL there (Chromium took a 40 MB one
    // here); Firefox's event page has it.
    const blobUrl =
      typeof URL.createObjectURL === 'function'
        ? URL.createObjectURL(new Blob([text], { type: 'application/json' }))
        : null;
    try {
      const id = await browser.downloads.download({
        url: blobUrl ?? jsonDataUrl(text),
        filename,
        saveAs: false,
        // One file a day: a retry the same day replaces the file, never piles up copies.
        conflictAction: 'overwrite',
      });
      await downloadFinished(id);
    } finally {
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    }
  },
};

/** One automatic-backup check at a time: start-up and a save may ask at once, and must not write twice. */
let backupCheck: Promise<AutoBackupResult> | null = null;
function autoBackup(): Promise<AutoBackupResult> {
  backupCheck ??= checkAutoBackup(
    getDb(),
    backupWriter,
    Date.now(),
    async () => pageStorage() ?? (await mirroredStore()),
  ).finally(() => {
    backupCheck = null;
  });
  return backupCheck;
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: i18n.t('contextMenuOpenReader'),
      contexts: ['page'],
      documentUrlPatterns: PORTAL_MATCHES,
    });
    void syncEnabledSites();
  });
  browser.runtime.onStartup.addListener(() => void syncEnabledSites());
  // Each start of the background (the browser's, or the worker woken again): cheap when nothing is due.
  autoBackup().catch((error: unknown) => console.warn('[yandu] automatic backup failed', error));
  browser.permissions.onAdded.addListener(() => void syncEnabledSites());
  browser.permissions.onRemoved.addListener(() => void syncEnabledSites());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void openReaderInTab(tab.id);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'open-reader') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (target?.id !== undefined && target.url && (await tabStatus(target.id)).canOpen) {
      await openReaderInTab(target.id);
    }
  });
  browser.tabs.onRemoved.addListener(
    (tabId) => void browser.storage.session.remove([DETECTION_PREFIX + tabId, OPENED_PREFIX + tabId]),
  );

  listen({
    'page:detected': async ({ detection }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      await browser.storage.session.set({
        [DETECTION_PREFIX + tabId]: { url: sender.tab?.url ?? '', detection },
      });
      await browser.action.setBadgeText({ tabId, text: detection.isSpeech ? '讲' : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
      return undefined;
    },
    'reader:open': async (request, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false, error: 'no tab' };
      const admitted = await admit(tabId, request, { url: sender.url ?? sender.tab?.url });
      return admitted.ok ? showInReader(tabId, admitted.snapshot) : admitted;
    },
    'reader:snapshot': async ({ key }) => {
      const storageKey = SNAPSHOT_PREFIX + key;
      const recent = recentSnapshots.get(key);
      recentSnapshots.delete(key);
      // One-shot: drop it, but do not make the reader wait for that before it can paint.
      if (recent) {
        void recent.stored.then(() => browser.storage.session.remove(storageKey));
        return recent.snapshot;
      }
      const found = await browser.storage.session.get(storageKey);
      void browser.storage.session.remove(storageKey);
      return (found[storageKey] as PageSnapshot | undefined) ?? null;
    },
    'tab:status': ({ tabId }) => tabStatus(tabId),
    'tab:openReader': ({ tabId }) => openReaderInTab(tabId),
    'sites:changed': async () => {
      await syncEnabledSites();
      return undefined;
    },
    'backup:check': () => autoBackup(),
  });
});
