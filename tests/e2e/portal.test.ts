// Yandu in real Chromium and Firefox on a local copy of the Ordos trade-union portal
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/… speeches, /…/gzdt/… news), served by tests/e2e/support.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import {
  detected,
  pageCanFetch,
  pageOpensYanduDatabase,
  pageStorage,
  readerButtonLabel,
  readRecord,
} from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';

const speech = firstPage('speech');
const news = firstPage('news');
const speechUrl = PORTAL_ORIGIN + speech.path;
/** The database key of a speech: host without www + path (utils/store/db.ts speechIdFromUrl). */
const speechId = new URL(speechUrl).hostname.replace(/^www\./, '') + speech.path;
const STEP = { timeout: 60_000 };

interface SavedSpeech {
  id: string;
  url: string;
  title: string;
  paragraphs: string[];
  firstOpened: number;
}

/** From the portal page, through the button, into the reader; returns the reader's heading. */
async function openReaderFromPortal(b: YanduBrowser): Promise<string> {
  await b.openPortal(speech.path);
  assert.equal(await detected(b), 'speech');
  await b.clickReaderButton();
  const heading = await b.waitFor(
    (title) => {
      const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
      return heading.includes(title) ? heading : '';
    },
    speech.title,
    `the reader to show the title ${speech.title}`,
  );
  // The offline copy is written once the text is on screen, not before: wait for the reader to say so.
  await b.waitFor(
    () => document.documentElement.dataset.yanduSaved === 'true',
    undefined,
    'the reader to store the speech',
  );
  return heading;
}

async function savedSpeech(b: YanduBrowser): Promise<SavedSpeech | undefined> {
  return (await readRecord(b, 'speeches', speechId)) as SavedSpeech | undefined;
}

forEachBrowser('Yandu on the portal', (b) => {
  test('marks a speech page and offers 阅读模式', STEP, async () => {
    await b.openPortal(speech.path);
    assert.equal(await detected(b), 'speech');
    assert.equal(await readerButtonLabel(b), '阅读模式');
  });

  test('acts on the portal without www too', STEP, async () => {
    await b.openPortal(`http://ordoszgh.gov.cn${speech.path}`);
    assert.equal(await b.url(), `http://ordoszgh.gov.cn${speech.path}`);
    assert.equal(await detected(b), 'speech');
    assert.equal(await readerButtonLabel(b), '阅读模式');
  });

  test('leaves a news page alone: no button', STEP, async () => {
    await b.openPortal(news.path);
    assert.equal(await detected(b), 'other');
    assert.equal(await readerButtonLabel(b), null);
  });

  test('阅读模式 opens the reader on the speech, and Back returns to the portal page', STEP, async () => {
    const heading = await openReaderFromPortal(b);
    assert.ok(heading.includes(speech.title), heading);
    assert.ok((await b.url()).startsWith(`${b.extensionOrigin}/reader.html?`));
    await b.screenshot('reader');
    await b.back();
    assert.equal(await b.url(), speechUrl);
    assert.equal(await detected(b), 'speech');
  });

  test("the portal page's scripts cannot reach what Yandu saved", STEP, async () => {
    await openReaderFromPortal(b);
    // The record is there, in the extension's origin (the control: the checks below could fail).
    const saved = await savedSpeech(b);
    assert.ok(saved, `no record ${speechId} in the extension's database`);
    assert.ok(saved.title.includes(speech.title));
    const body = saved.paragraphs.find((p) => p.length >= 8);
    assert.ok(body, 'the saved speech has no paragraph to look for');

    await b.openPortal(speech.path);
    await detected(b);
    const storage = await pageStorage(b);
    assert.ok(!storage.databases.includes('yandu'), `page sees databases ${storage.databases.join(', ')}`);
    for (const [where, text] of Object.entries(storage)) {
      const haystack = JSON.stringify(text);
      assert.ok(!/yandu/i.test(haystack), `"yandu" in the page's ${where}`);
      assert.ok(!haystack.includes(speechId), `the record id in the page's ${where}`);
      assert.ok(!haystack.includes(body.slice(0, 8)), `the saved speech text in the page's ${where}`);
    }
    // Asking for the database by name gets the page's own, empty one; the reader itself is off limits.
    assert.deepEqual(await pageOpensYanduDatabase(b), []);
    assert.match(await pageCanFetch(b, `${b.extensionOrigin}/reader.html`), /^refused/);
  });

  test('the saved speech survives a browser restart and reads offline', STEP, async () => {
    await openReaderFromPortal(b);
    const before = await savedSpeech(b);
    assert.ok(before, 'nothing saved before the restart');

    await b.restart();
    await b.extensionPage('/popup.html');
    const after = await savedSpeech(b);
    assert.ok(after, `record ${speechId} is gone after the restart`);
    assert.equal(after.firstOpened, before.firstOpened);
    assert.equal(after.title, before.title);
    assert.deepEqual(after.paragraphs, before.paragraphs);

    b.server.setOffline(true);
    try {
      await b.extensionPage(`/reader.html?url=${encodeURIComponent(speechUrl)}`);
      await b.waitFor(
        (title) => document.querySelector('h1')?.textContent?.includes(title),
        speech.title,
        'the reader to show the saved speech with the portal offline',
      );
      await b.screenshot('reader-offline');
    } finally {
      b.server.setOffline(false);
    }
  });
});
