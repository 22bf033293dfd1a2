// What the user stored stays theirs, in real Chromium and Firefox: a portal page's script cannot open the reader
// nor store its text under another speech's address, nor bounce the user back into the reader after Back; a
// speech whose address now redirects or says 页面不存在 keeps its stored text; query-addressed pages are one
// record each. Pages: tests/fixtures/portal/trust/, served under addresses set per test (server.routes).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { detected, readerButtonLabel, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';
import { READER_BUTTON } from './support/session.ts';

const STEP = { timeout: 90_000 };
const STUDIED = '/zlzx/ldjh/202605/t20260501_9100001.html';
const FORGE = '/zlzx/ldjh/202605/t20260509_9100009.html';
const BOUNCER = '/zlzx/ldjh/202605/t20260508_9100008.html';
const MOVED = '/zlzx/ldjh/202605/t20260502_9100002.html';
const DELETED = '/zlzx/ldjh/202605/t20260503_9100003.html';
const QUERY = '/zlzx/ldjh/content.jsp';
const TITLE_A = '在全市职工书屋建设推进会上的讲话';
const TITLE_B = '在全市工会财务工作会议上的讲话';
const idOf = (path: string) => `ordoszgh.gov.cn${path}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The extension API an extension page sees (both browsers have `chrome`). */
interface ExtensionGlobal {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}

interface Saved {
  title: string;
  url: string;
  paragraphs: string[];
}

async function saved(b: YanduBrowser, path: string): Promise<Saved | undefined> {
  await b.extensionPage('/popup.html');
  return (await readRecord(b, 'speeches', idOf(path))) as Saved | undefined;
}

/** Open a portal page, press 阅读模式 and wait until the reader has stored it. */
async function study(b: YanduBrowser, path: string, title: string): Promise<void> {
  await b.openPortal(path);
  assert.equal(await detected(b), 'speech', `${path} is not detected as a speech`);
  await b.clickReaderButton();
  await b.waitFor(
    (t) =>
      document.querySelector('h1')?.textContent?.includes(t) && document.documentElement.dataset.yanduSaved,
    title,
    `the reader to store ${title}`,
  );
}

/** The tab is still on a portal page (not the reader) after giving a bounce every chance to happen. */
async function staysOnPortal(b: YanduBrowser, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let url = await b.url();
  while (Date.now() < deadline) {
    url = await b.url();
    assert.ok(!url.startsWith(b.extensionOrigin), `the tab went to the reader: ${url}`);
    await sleep(250);
  }
  return url;
}

/** The reader on a stored speech, once its look at the live page is done. */
async function readerAfterLiveCheck(b: YanduBrowser, path: string) {
  await b.extensionPage(`/reader.html?url=${encodeURIComponent(PORTAL_ORIGIN + path)}`);
  return b.waitFor(
    () =>
      document.documentElement.dataset.yanduLiveChecked === 'true' && {
        kept: document.documentElement.dataset.yanduLiveKept ?? '',
        changed: document.documentElement.dataset.yanduChanged ?? '',
        title: document.querySelector('h1')?.textContent ?? '',
        notice: document.querySelector('.yd-live-banner')?.textContent ?? '',
        change: document.querySelector('.yd-change-banner')?.textContent ?? '',
      },
    undefined,
    'the reader to check the live page',
    30_000,
  );
}

forEachBrowser('Trust', (b) => {
  test('the 阅读模式 button sits in a closed shadow root', STEP, async () => {
    b.server.routes.set(STUDIED, { file: 'trust/speech-a.html' });
    await b.openPortal(STUDIED);
    assert.equal(await detected(b), 'speech');
    assert.equal(await readerButtonLabel(b), '阅读模式');
  });

  test("a page's script can neither press 阅读模式 nor store its text as another speech", STEP, async () => {
    await study(b, STUDIED, TITLE_A);
    const before = await saved(b, STUDIED);
    assert.ok(before, 'the studied speech was not stored');

    b.server.routes.set(FORGE, { file: 'trust/forge.html' });
    await b.openPortal(`${FORGE}?target=${encodeURIComponent(STUDIED)}`);
    assert.equal(await detected(b), 'speech');
    // The control: the page did pose as the studied speech, rewrite its text and press the button, repeatedly.
    await b.waitFor(
      () => Number(document.documentElement.dataset.forgeTries ?? 0) >= 5,
      undefined,
      'the page to press 阅读模式 itself',
    );
    const posing = await staysOnPortal(b, 2000);
    assert.equal(new URL(posing).pathname, STUDIED, 'the page did not rewrite its address');
    assert.ok(await b.evaluate(() => document.body.textContent?.includes('伪造'), undefined));

    // The user presses it for real on this page: its address is not the one it loaded, so nothing opens.
    await b.click(READER_BUTTON);
    await staysOnPortal(b, 2000);

    const after = await saved(b, STUDIED);
    assert.deepEqual(after?.paragraphs, before.paragraphs, 'the studied speech was replaced');
    assert.ok(!after?.paragraphs.join('').includes('伪造'));
    assert.equal(await readRecord(b, 'speeches', idOf(FORGE)), undefined);
  });

  test('after Back from an auto-opened reader, a page that reloads itself stays a page', STEP, async () => {
    b.server.routes.set(BOUNCER, { file: 'trust/bouncer.html' });
    await b.extensionPage('/popup.html');
    await b.evaluate(
      () =>
        (globalThis as unknown as { chrome: ExtensionGlobal }).chrome.storage.local.set({
          autoOpenReader: true,
        }),
      undefined,
    );
    try {
      await b.openPortal(BOUNCER);
      await b.waitFor(
        (prefix) => location.href.startsWith(prefix) && document.documentElement.dataset.yanduSaved,
        `${b.extensionOrigin}/reader.html?`,
        'the reader to open by itself',
      );
      await b.back();
      // The control: the page came back and reloaded itself.
      await b.waitFor(
        () => location.protocol === 'http:' && Number(sessionStorage.getItem('bounces')) >= 1,
        undefined,
        'the page to reload itself after Back',
        20_000,
      );
      const url = await staysOnPortal(b, 4000);
      assert.equal(new URL(url).pathname, BOUNCER);
    } finally {
      // Back into the reader by Forward: through Firefox's door page, auto-open would move the tab first.
      if (!(await b.url()).startsWith(b.extensionOrigin)) {
        await b.evaluate(() => history.forward(), undefined);
        await b.waitFor((o) => location.href.startsWith(o), b.extensionOrigin, 'Forward to the reader');
      }
      await b.extensionPage('/popup.html');
      await b.evaluate(
        () =>
          (globalThis as unknown as { chrome: ExtensionGlobal }).chrome.storage.local.set({
            autoOpenReader: false,
          }),
        undefined,
      );
    }
  });

  test('a speech whose address now redirects to the home page keeps its stored text', STEP, async () => {
    b.server.routes.set(MOVED, { file: 'trust/speech-b.html' });
    await study(b, MOVED, TITLE_B);
    const before = await saved(b, MOVED);
    b.server.routes.set(MOVED, { redirect: '/index.html' });

    const view = await readerAfterLiveCheck(b, MOVED);
    assert.equal(view.kept, 'moved');
    assert.equal(view.changed, '', view.change);
    assert.ok(view.title.includes(TITLE_B), view.title);
    assert.match(view.notice, /跳转/);
    assert.deepEqual((await saved(b, MOVED))?.paragraphs, before?.paragraphs);
  });

  test('a speech whose address now says 页面不存在 (status 200) keeps its stored text', STEP, async () => {
    b.server.routes.set(DELETED, { file: 'trust/speech-a.html' });
    await study(b, DELETED, TITLE_A);
    const before = await saved(b, DELETED);
    b.server.routes.set(DELETED, { file: 'trust/not-found.html' });

    const view = await readerAfterLiveCheck(b, DELETED);
    assert.equal(view.kept, 'gone');
    assert.equal(view.changed, '', view.change);
    assert.ok(view.title.includes(TITLE_A), view.title);
    assert.match(view.notice, /不存在/);
    assert.deepEqual((await saved(b, DELETED))?.paragraphs, before?.paragraphs);
  });

  test('content.jsp?id=1 and ?id=2 are two speeches, each with its own record', STEP, async () => {
    b.server.routes.set(`${QUERY}?id=1`, { file: 'trust/speech-a.html' });
    b.server.routes.set(`${QUERY}?id=2`, { file: 'trust/speech-b.html' });
    await study(b, `${QUERY}?id=1`, TITLE_A);
    await study(b, `${QUERY}?id=2`, TITLE_B);

    assert.ok((await saved(b, `${QUERY}?id=1`))?.title.includes(TITLE_A));
    assert.ok((await saved(b, `${QUERY}?id=2`))?.title.includes(TITLE_B));
    // Opened again (offline copy first): each address shows its own speech.
    await b.extensionPage(`/reader.html?url=${encodeURIComponent(`${PORTAL_ORIGIN}${QUERY}?id=1`)}`);
    await b.waitFor(
      (t) =>
        document.documentElement.dataset.yanduReady && document.querySelector('h1')?.textContent?.includes(t),
      TITLE_A,
      'the reader to show the first speech',
    );
  });
});
