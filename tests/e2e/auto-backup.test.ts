// 自动备份 in real browsers: the user turns it on in the library's backup panel, and the
// background writes the whole library as Yandu/yandu-backup-YYYY-MM-DD.json into the browser's download
// folder, once a day at most. The speech is stored as the reader stores a portal speech page
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/….html).
//
// The `downloads` permission is optional, asked in the click. Chromium: headless mode cannot answer the
// permission prompt, so this profile's copy of the extension has it granted at install (moved to
// `permissions` in the copy's manifest), and permissions.request answers true at once, as after 允许;
// the background is a service worker and writes a data: URL. Firefox: the profile grants optional
// permissions without a prompt (extensions.webextOptionalPermissionPrompts), the real request path; its
// background is an event page and writes a blob: URL.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { FirefoxSession } from './support/firefox.ts';
import { doorPath, firstPage, startFixtureServer } from './support/fixtures.ts';
import { BROWSERS } from './support/harness.ts';
import { type BrowserName, copyExtension } from './support/paths.ts';
import { PORTAL_ORIGIN, type PortalServer } from './support/portal-server.ts';
import { type InPage, pollInPage, type Truthy } from './support/session.ts';

const speechUrl = PORTAL_ORIGIN + firstPage('speech').path;
const speechId = new URL(speechUrl).hostname.replace(/^www\./, '') + firstPage('speech').path;
const STEP = { timeout: 120_000 };

/** What the flow needs of a browser: the shared session API's part, for both launch paths below. */
const TOPIC = '职工服务专题学习';

interface Driver {
  extensionPage(path: string): Promise<void>;
  evaluate<A, T>(fn: InPage<A, T>, arg: A): Promise<T>;
  waitFor<A, T>(fn: InPage<A, T>, arg: A, what: string, timeoutMs?: number): Promise<Truthy<T>>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chromium with the permission granted in this profile, a download folder and no Save-as dialog (as a
 * user's browser is set up by default).
 */
async function chromiumDriver(server: PortalServer, home: string, downloads: string): Promise<Driver> {
  const extension = copyExtension('chromium', home);
  const manifestPath = join(extension, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.deepEqual(manifest.optional_permissions, ['downloads'], 'the build asks for downloads as optional');
  manifest.permissions = [...manifest.permissions, 'downloads'];
  manifest.optional_permissions = [];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const profileDir = join(home, 'profile');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false } }),
  );
  const { context, extensionId } = await launchChromium({
    profileDir,
    port: server.port,
    headless: true,
    extension,
  });
  // Playwright routes downloads into its own folder under generated names: give them back to the browser.
  const cdp = await context.browser()?.newBrowserCDPSession();
  await cdp?.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const page: Page = context.pages()[0] ?? (await context.newPage());
  const evaluate = <A, T>(fn: InPage<A, T>, arg: A) =>
    page.evaluate(fn as (a: unknown) => T | Promise<T>, arg as unknown) as Promise<T>;
  return {
    extensionPage: async (path) => {
      await page.goto(`chrome-extension://${extensionId}${path}`, { waitUntil: 'load' });
    },
    evaluate,
    waitFor: (fn, arg, what, timeoutMs = 30_000) => pollInPage(evaluate, fn, arg, what, timeoutMs),
    click: (selector) => page.locator(selector).click({ timeout: 10_000 }),
    close: () => context.close(),
  };
}

async function firefoxDriver(server: PortalServer, downloads: string): Promise<Driver> {
  return FirefoxSession.launch(server, doorPath(), {
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  });
}

/** A stored speech and one highlight, written with raw IndexedDB as the reader would have stored them. */
function storeSpeech(b: Driver): Promise<void> {
  return b.evaluate(
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

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

const shows = (b: Driver, text: string) =>
  b.waitFor((t) => document.body.textContent?.includes(t), text, `the library to show “${text}”`);

const pressed = (b: Driver) =>
  b.evaluate(
    () => document.querySelector('.yd-backup-every [aria-pressed="true"]')?.textContent ?? null,
    undefined,
  );

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`自动备份 [${name}]`, {
    skip: !BROWSERS.includes(name) && `YANDU_BROWSERS leaves ${name} out`,
  }, () => {
    let server: PortalServer | undefined;
    let b: Driver | undefined;
    const home = mkdtempSync(join(tmpdir(), `yandu-e2e-auto-backup-${name}-`));
    const downloads = join(home, 'downloads');
    const file = `yandu-backup-${today()}.json`;
    const files = () => {
      try {
        return readdirSync(join(downloads, 'Yandu')).sort();
      } catch {
        return [];
      }
    };
    const browser = () => {
      if (!b) throw new Error(`${name} is not running`);
      return b;
    };

    before(async () => {
      mkdirSync(downloads);
      server = await startFixtureServer();
      b =
        name === 'chromium'
          ? await chromiumDriver(server, home, downloads)
          : await firefoxDriver(server, downloads);
    }, STEP);

    after(async () => {
      await b?.close();
      await server?.close();
      rmSync(home, { recursive: true, force: true });
    });

    test('turning it on writes the whole library as a dated file in a Yandu folder', STEP, async () => {
      const b = browser();
      await b.extensionPage('/library.html');
      await shows(b, '还没有备份过');
      await storeSpeech(b);
      // A 专题汇编 title typed on its page: kept in the pages' localStorage, which Chrome's background (a
      // service worker) cannot read; the file must carry it all the same.
      await b.extensionPage('/compilation.html');
      await b.waitFor(() => !!document.querySelector('input[name="topic"]'), null, 'the 专题汇编 page');
      await b.evaluate((topic) => {
        const input = document.querySelector('input[name="topic"]') as HTMLInputElement;
        input.focus();
        input.value = topic;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, TOPIC);
      await b.extensionPage('/library.html');
      await shows(b, '还没有备份过');
      assert.equal(await pressed(b), '关闭');
      await b.click('.yd-backup-every button[data-every="1"]');
      await shows(b, `已写入自动备份：Yandu/${file}`);
      assert.deepEqual(files(), [file]);
      const backup = JSON.parse(readFileSync(join(downloads, 'Yandu', file), 'utf8'));
      assert.equal(backup.format, 'yandu-backup');
      assert.deepEqual(
        backup.speeches.map((s: { id: string }) => s.id),
        [speechId],
      );
      assert.deepEqual(
        backup.highlights.map((h: { id: string }) => h.id),
        ['e2e-auto-backup'],
      );
      assert.equal(backup.compilation?.topic, TOPIC);
      // The panel counts from it now.
      await shows(b, '上次备份：今天');
      assert.equal(await pressed(b), '每天');
    });

    test(
      'a speech saved again the same day writes no second file; the choice survives a reload',
      STEP,
      async () => {
        const b = browser();
        // What the reader sends once it saved a speech.
        const reply = await b.evaluate(() => {
          const g = globalThis as unknown as {
            browser?: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
            chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
          };
          return (g.browser ?? g.chrome).runtime.sendMessage({ yandu: 'backup:check', data: {} });
        }, undefined);
        assert.deepEqual(reply, { written: null, why: 'not-due' });
        assert.deepEqual(files(), [file]);
        await b.extensionPage('/library.html');
        await shows(b, `最近一次自动备份：Yandu/${file}`);
        assert.equal(await pressed(b), '每天');
      },
    );
  });
}
