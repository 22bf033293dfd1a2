// Two readers of one speech typing the same note, and a reader closed mid-typing,
// in Chromium and Firefox. The second reader is an iframe of the same extension page (as in
// highlights.test.ts "two readers"): for IndexedDB, liveQuery and Web Locks it is another tab, and it shares
// the first one's sessionStorage, as a tab opened with window.open would.
// Imitates a speech under http://www.ordoszgh.gov.cn/zlzx/ldjh/… (tests/fixtures/portal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';
import { clickText, selectText, typeInto } from './support/reader-steps.ts';

const speech = firstPage('speech');
const speechUrl = PORTAL_ORIGIN + speech.path;
const readerPath = `/reader.html?url=${encodeURIComponent(speechUrl)}`;
const STEP = { timeout: 90_000 };
const MINE_A = '甲：按季度督查';
const MINE_B = '乙：建立工作台账';

/** Open reader B (an iframe of the same reader page) and wait until it has painted `count` highlights. */
async function openSecondReader(b: YanduBrowser, count: number): Promise<void> {
  await b.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        document.getElementById('second-reader')?.remove();
        // Off to the side, so it never covers the text clicked in reader A.
        const frame = document.createElement('iframe');
        frame.id = 'second-reader';
        frame.style.cssText = 'position:fixed;left:-1100px;top:0;width:1000px;height:700px;border:0';
        frame.onload = () => resolve();
        frame.src = src;
        document.body.append(frame);
      }),
    readerPath,
  );
  await b.waitFor(
    (n) =>
      (document.getElementById('second-reader') as HTMLIFrameElement | null)?.contentDocument?.documentElement
        .dataset.yanduHighlights === String(n),
    count,
    'reader B to paint the highlights',
  );
}

/** Click `selector` in reader B once it is there. */
function clickInB(b: YanduBrowser, selector: string, what: string) {
  return b.waitFor(
    (sel) => {
      const doc = (document.getElementById('second-reader') as HTMLIFrameElement).contentDocument;
      const el = doc?.querySelector<HTMLElement>(sel);
      el?.click();
      return !!el;
    },
    selector,
    what,
  );
}

/** Type into reader B's field, as an input method delivers text (focus moves there from reader A). */
function typeInB(b: YanduBrowser, selector: string, value: string) {
  return b.waitFor(
    ({ selector, value }) => {
      const frame = document.getElementById('second-reader') as HTMLIFrameElement;
      const area = frame.contentDocument?.querySelector<HTMLTextAreaElement>(selector);
      if (!area) return false;
      area.focus();
      area.value = value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    },
    { selector, value },
    `reader B's ${selector}`,
  );
}

function valueIn(b: YanduBrowser, frame: boolean, selector: string) {
  return b.evaluate(
    ({ frame, selector }) => {
      const doc = frame
        ? (document.getElementById('second-reader') as HTMLIFrameElement).contentDocument
        : document;
      return doc?.querySelector<HTMLTextAreaElement>(selector)?.value ?? null;
    },
    { frame, selector },
  );
}

/** Every draft row (raw IndexedDB). */
function allDrafts(b: YanduBrowser) {
  return b.evaluate(
    () =>
      new Promise<{ id: string; text: string }[]>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    undefined,
  );
}

async function storedNote(b: YanduBrowser, id: string): Promise<string> {
  return String(((await readRecord(b, 'highlights', id)) as { note?: string } | undefined)?.note ?? '');
}

forEachBrowser('Two readers, one note', (b) => {
  let highlightId = '';

  test('each tab keeps its own text; the later save asks; 两者都保留 stores both', STEP, async () => {
    await b.openPortal(speech.path);
    assert.equal(await detected(b), 'speech');
    await b.clickReaderButton();
    await b.waitFor(() => document.documentElement.dataset.yanduSaved, undefined, 'the speech to be stored');
    const at = await b.evaluate(() => {
      const p = [...document.querySelectorAll<HTMLElement>('.yd-body p[data-para]')].find(
        (el) => (el.textContent ?? '').length > 60,
      ) as HTMLElement;
      return { para: Number(p.dataset.para), exact: (p.textContent ?? '').slice(2, 14) };
    }, undefined);
    assert.ok(await selectText(b, at.para, at.exact));
    await b.click('.yd-hl-toolbar [data-category="task"]');
    await b.waitFor(
      () => document.documentElement.dataset.yanduHighlights === '1',
      undefined,
      'one highlight',
    );

    // Reader A opens the highlight's note…
    assert.ok(await clickText(b, at.exact));
    highlightId = await b.waitFor(
      () => document.querySelector<HTMLElement>('.yd-hl-editor')?.dataset.highlight,
      undefined,
      'reader A’s popover',
    );
    // …and so does reader B, from its notes panel.
    await openSecondReader(b, 1);
    await clickInB(b, '.yd-side-tab-notes', 'the 批注 tab of reader B');
    await clickInB(b, `.yd-note-item[data-highlight="${highlightId}"] button`, 'the entry in reader B');
    await b.waitFor(
      () =>
        !!(document.getElementById('second-reader') as HTMLIFrameElement).contentDocument?.querySelector(
          '.yd-hl-editor textarea',
        ),
      undefined,
      'reader B’s popover',
    );

    // Both type; focus moving to B saves A's text (blur), and B keeps what it typed.
    await typeInto(b, '.yd-hl-editor textarea', MINE_A);
    await typeInB(b, '.yd-hl-editor textarea', MINE_B);
    assert.equal(await valueIn(b, false, '.yd-hl-editor textarea'), MINE_A);
    assert.equal(await valueIn(b, true, '.yd-hl-editor textarea'), MINE_B);

    // A saves (保存 closes its popover).
    await b.click('.yd-hl-editor .yd-hl-save');
    await b.waitFor(() => !document.querySelector('.yd-hl-editor'), undefined, 'reader A’s popover to close');
    assert.equal(await storedNote(b, highlightId), MINE_A);
    // B still shows its own text, and its draft is its own row (A's save took nothing of it).
    assert.equal(await valueIn(b, true, '.yd-hl-editor textarea'), MINE_B);

    // B saves: asked in its popover, and nothing is overwritten meanwhile.
    await clickInB(b, '.yd-hl-editor .yd-hl-save', 'reader B’s 保存');
    const asked = await b.waitFor(
      () =>
        (document.getElementById('second-reader') as HTMLIFrameElement).contentDocument?.querySelector(
          '.yd-note-conflict',
        )?.textContent,
      undefined,
      'reader B to ask which text to keep',
    );
    assert.ok(asked.includes(MINE_A), 'the prompt shows the text saved in A');
    assert.equal(await storedNote(b, highlightId), MINE_A);
    const drafts = await allDrafts(b);
    const mine = drafts.filter((d) => d.id.startsWith(`highlight:${highlightId}#tab:`));
    assert.deepEqual(
      mine.map((d) => d.text),
      [MINE_B],
      'B’s unsaved text is kept as B’s own draft',
    );
    // Reader B brought into view for the picture of the prompt, then put back aside.
    await b.evaluate(() => {
      const frame = document.getElementById('second-reader') as HTMLIFrameElement;
      frame.style.left = '0';
      frame.style.zIndex = '99';
      frame.contentDocument?.querySelector('.yd-note-conflict')?.scrollIntoView({ block: 'center' });
    }, undefined);
    await b.screenshot('two-tabs-conflict');
    await b.evaluate(() => {
      (document.getElementById('second-reader') as HTMLIFrameElement).style.left = '-1100px';
    }, undefined);

    await clickInB(b, '.yd-note-conflict [data-choice="both"]', '两者都保留');
    const both = `${MINE_A}\n\n——————\n\n${MINE_B}`;
    await b.waitFor(
      (id) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('yandu');
          open.onsuccess = () => {
            const get = open.result.transaction('highlights').objectStore('highlights').get(id);
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result?.note === `甲：按季度督查\n\n——————\n\n乙：建立工作台账`);
            };
          };
        }),
      highlightId,
      'both texts to be stored',
    );
    assert.equal(await storedNote(b, highlightId), both);
    assert.equal(await valueIn(b, true, '.yd-hl-editor textarea'), both);
  });

  test('a reader closed mid-typing, without 保存: reopened, the text is there', STEP, async () => {
    assert.ok(highlightId, 'the first test stored the speech');
    await b.extensionPage(readerPath);
    await b.waitFor(() => document.documentElement.dataset.yanduHighlights === '1', undefined, 'the reader');
    await openSecondReader(b, 1);
    await clickInB(b, '.yd-side-tab-notes', 'the 批注 tab of reader B');
    const text = '心得：重在落实，一条一条抓';
    await typeInB(b, '.yd-study-note-text', text);
    // Closed before the pause that saves the note, without 保存: once the keystroke has reached the
    // tab's draft row (written at each keystroke), as a person closing a tab is slower than that write.
    await b.waitFor(
      (want) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('yandu');
          open.onsuccess = () => {
            const all = open.result.transaction('drafts').objectStore('drafts').getAll();
            all.onsuccess = () => {
              open.result.close();
              resolve(all.result.some((d: { text: string }) => d.text === want));
            };
          };
        }),
      text,
      'the keystroke to reach the draft',
    );
    await b.evaluate(() => document.getElementById('second-reader')?.remove(), undefined);

    await openSecondReader(b, 1);
    await clickInB(b, '.yd-side-tab-notes', 'the 批注 tab of the reopened reader');
    const shown = await b.waitFor(
      (want) => {
        const frame = document.getElementById('second-reader') as HTMLIFrameElement;
        const value = frame.contentDocument?.querySelector<HTMLTextAreaElement>('.yd-study-note-text')?.value;
        return value === want ? value : '';
      },
      text,
      'the 学习心得 typed before closing',
    );
    assert.equal(shown, text);
  });
});
