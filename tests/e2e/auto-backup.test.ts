// 自动备份 in real Chromium (issue #14 item 9): the user turns it on in the library's backup panel, and the
// background writes the whole library as Yandu/yandu-backup-YYYY-MM-DD.json into the browser's download
// folder, once a day at most. The speech is the local copy of a portal speech page
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/….html), stored as the reader stores it.
//
// The `downloads` permission is optional (asked in the click). Headless Chromium cannot answer the
// permission prompt, so this profile's copy of the extension has it granted at install (moved to
// `permissions` in the copy's manifest): permissions.request then answers true without a prompt, as
// after a user's 允许. Firefox is skipped: a temporary add-on's optional permission is granted through the
// same prompt, which WebDriver BiDi cannot answer either.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { firstPage, startFixtureServer } from './support/fixtures.ts';
import { BROWSERS } from './support/harness.ts';
import { copyExtension } from './support/paths.ts';
import { PORTAL_ORIGIN, type PortalServer } from './support/portal-server.ts';

const speechUrl = PORTAL_ORIGIN + firstPage('speech').path;
const speechId = new URL(speechUrl).hostname.replace(/^www\./, '') + firstPage('speech').path;
const STEP = { timeout: 90_000 };

const skip = BROWSERS.includes('chromium')
  ? false
  : 'YANDU_BROWSERS leaves Chromium out; 自动备份 runs in Chromium only (Firefox cannot grant an optional permission without its prompt)';
if (BROWSERS.includes('firefox')) {
  console.log(
    '# auto-backup [firefox] skipped: the optional downloads permission is granted only through the ' +
      "browser's prompt, which WebDriver BiDi cannot answer for a temporary add-on",
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** A stored speech and one highlight, written with raw IndexedDB as the reader would have stored them. */
function storeSpeech(page: Page): Promise<void> {
  return page.evaluate(
    ({ id, url }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['speeches', 'highlights'], 'readwrite');
          const now = Date.now();
          const paragraphs = ['同志们：', '第一，抓好困难职工帮扶。全年走访慰问困难职工不少于1200户。'];
          tx.objectStore('speeches').put({
            id,
            url,
            title: '在全市工会工作会议上的讲话',
            speaker: null,
            occasion: null,
            date: '2026-03-01',
            source: null,
            paragraphs,
            contentHash: 'e2e',
            outline: [],
            firstOpened: now,
            lastOpened: now,
          });
          tx.objectStore('highlights').put({
            id: 'e2e-auto-backup',
            speechId: id,
            category: 'task',
            note: '',
            selector: {
              startPara: 1,
              startOffset: 3,
              endPara: 1,
              endOffset: 11,
              exact: paragraphs[1]?.slice(3, 11),
              prefix: '第一，',
              suffix: '',
            },
            section: -1,
            task: { status: 'todo', due: null, progress: '' },
            created: now,
            updated: now,
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { id: speechId, url: speechUrl },
  );
}

describe('自动备份 [chromium]', { skip }, () => {
  let server: PortalServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let origin = '';
  const home = mkdtempSync(join(tmpdir(), 'yandu-e2e-auto-backup-'));
  const downloads = join(home, 'downloads');
  const yanduFolder = join(downloads, 'Yandu');
  const files = () => {
    try {
      return readdirSync(yanduFolder).sort();
    } catch {
      return [];
    }
  };

  before(async () => {
    server = await startFixtureServer();
    const extension = copyExtension('chromium', home);
    const manifestPath = join(extension, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    assert.deepEqual(
      manifest.optional_permissions,
      ['downloads'],
      'the build asks for downloads as optional',
    );
    manifest.permissions = [...manifest.permissions, 'downloads'];
    manifest.optional_permissions = [];
    writeFileSync(manifestPath, JSON.stringify(manifest));
    // The download folder, and no Save-as dialog, as a user's browser is set up by default.
    const profileDir = join(home, 'profile');
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    mkdirSync(downloads);
    writeFileSync(
      join(profileDir, 'Default', 'Preferences'),
      JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }),
    );
    const launched = await launchChromium({ profileDir, port: server.port, headless: true, extension });
    context = launched.context;
    origin = `chrome-extension://${launched.extensionId}`;
    // Playwright routes downloads into its own folder under generated names: give them back to the browser.
    const cdp = await context.browser()?.newBrowserCDPSession();
    await cdp?.send('Browser.setDownloadBehavior', { behavior: 'default' });
    page = context.pages()[0] ?? (await context.newPage());
  }, STEP);

  after(async () => {
    await context?.close();
    await server?.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('turning it on writes the whole library as a dated file in a Yandu folder', STEP, async () => {
    await page.goto(`${origin}/library.html`, { waitUntil: 'load' });
    await page.getByText('还没有备份过').waitFor();
    await storeSpeech(page);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: '每天' }).click();
    const name = `yandu-backup-${today()}.json`;
    await page.getByText(`已写入自动备份：Yandu/${name}`).waitFor({ timeout: 30_000 });
    assert.deepEqual(files(), [name]);
    const backup = JSON.parse(readFileSync(join(yanduFolder, name), 'utf8'));
    assert.equal(backup.format, 'yandu-backup');
    assert.deepEqual(
      backup.speeches.map((s: { id: string }) => s.id),
      [speechId],
    );
    assert.deepEqual(
      backup.highlights.map((h: { id: string }) => h.id),
      ['e2e-auto-backup'],
    );
    // The panel now counts from it.
    await page.getByText('上次备份：今天').waitFor();
    assert.equal(await page.getByRole('button', { name: '每天' }).getAttribute('aria-pressed'), 'true');
  });

  test(
    'a speech saved again the same day writes no second file; the choice survives a reload',
    STEP,
    async () => {
      // What the reader sends after it saved a speech.
      const reply = await page.evaluate(() => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
        };
        return chrome.runtime.sendMessage({ yandu: 'backup:check', data: {} });
      });
      assert.deepEqual(reply, { written: null, why: 'not-due' });
      assert.equal(files().length, 1);
      await page.reload({ waitUntil: 'load' });
      await page.getByText(`最近一次自动备份：Yandu/yandu-backup-${today()}.json`).waitFor();
      assert.equal(await page.getByRole('button', { name: '每天' }).getAttribute('aria-pressed'), 'true');
    },
  );
});
