// Issue #14 item 7, in real Chromium and Firefox: the library deletes a speech while a reader shows it. The
// reader says so (此讲话已在资料库中删除), and a highlight made after that is stored with the speech put back,
// not under a speech the library no longer lists. The library runs in a tab of its own (b.openTab).
// Imitates a speech under http://www.ordoszgh.gov.cn/zlzx/ldjh/… (tests/fixtures/portal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type TabActions, type YanduBrowser } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';
import { storedHighlights } from './support/reader-steps.ts';

const speech = firstPage('speech');
const speechUrl = PORTAL_ORIGIN + speech.path;
const speechId = speechUrl.replace(/^https?:\/\/(www\.)?/, '');
const STEP = { timeout: 90_000 };

/**
 * Click the element matching `selector` in the library tab once it is there (the element's own click: the
 * tab may be in the background).
 */
function clickInLibrary(library: TabActions, selector: string, what: string) {
  return library.waitFor(
    (sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      el?.click();
      return !!el;
    },
    selector,
    what,
  );
}

/** Select 12 characters of the first long body paragraph, as a drag would, and release the mouse. */
function selectPassage(b: YanduBrowser) {
  return b.evaluate(async () => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.yd-body p[data-para]')];
    const p = paragraphs.find((el) => (el.textContent ?? '').length > 60) as HTMLElement;
    p.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const first = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const range = document.createRange();
    range.setStart(first, 2);
    range.setEnd(first, Math.min(first.data.length, 14));
    const selection = document.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return range.toString();
  }, undefined);
}

forEachBrowser('A speech deleted in the library while a reader shows it', (b) => {
  test('the reader shows the banner; a highlight made after it is kept, with the speech', STEP, async () => {
    await b.openPortal(speech.path);
    assert.equal(await detected(b), 'speech');
    await b.clickReaderButton();
    await b.waitFor(() => document.documentElement.dataset.yanduSaved, undefined, 'the speech to be stored');
    await b.waitFor(
      () => document.documentElement.dataset.yanduStored === 'yes',
      undefined,
      'the reader to follow the stored speech',
    );

    // The library, in another tab, deletes the speech (删除 → the dialog's 删除).
    const library = await b.openTab('/library.html');
    await clickInLibrary(
      library,
      `.yd-lib-row[data-speech-id="${speechId}"] .yd-lib-delete`,
      'the library’s 删除 button',
    );
    await clickInLibrary(library, 'dialog .yd-btn-danger', 'the dialog’s 删除');

    const bannerText = await b.waitFor(
      () => document.querySelector('.yd-deleted-banner')?.textContent,
      undefined,
      'the reader’s 此讲话已在资料库中删除 banner',
    );
    assert.match(bannerText, /此讲话已在资料库中删除/);
    await library.close();

    // A highlight made now is stored, and the speech is back in the library with it.
    const quote = await selectPassage(b);
    await b.waitFor(() => !!document.querySelector('.yd-hl-toolbar'), undefined, 'the selection toolbar');
    await b.click('.yd-hl-toolbar [data-category="task"]');
    await b.waitFor(
      () =>
        document.querySelector('.yd-deleted-banner') === null &&
        !!document.querySelector('.yd-restored-banner'),
      undefined,
      'the speech to be put back',
    );
    // The speech is put back before the highlight is written, and Dexie's liveQuery paints a write before it
    // commits: read the database (raw IndexedDB, from this page) until the highlight is there, then leave.
    for (let tries = 0; (await storedHighlights(b, speechId)).length === 0; tries++) {
      assert.ok(tries < 100, 'the new highlight is written');
      await new Promise((r) => setTimeout(r, 100));
    }
    await b.extensionPage('/popup.html');
    const record = (await readRecord(b, 'speeches', speechId)) as { title?: string } | undefined;
    assert.ok(record?.title, 'the speech is stored again');
    const highlights = await storedHighlights(b, speechId);
    assert.deepEqual(
      highlights.map((h) => (h.selector as { exact: string }).exact),
      [quote],
      'the highlight made after the delete is stored under the speech',
    );
  });
});
