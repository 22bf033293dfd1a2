// Two readers of one speech typing the same note, a tab opened from a reader (window.open: a copy of its
// sessionStorage, as a duplicated tab has), and a reader tab closed mid-typing, in real tabs of Chromium and
// Firefox (b.openTab). Per-tab drafts: utils/reader/tab.ts, utils/store/drafts.ts.
// Imitates a speech under http://www.ordoszgh.gov.cn/zlzx/ldjh/… (tests/fixtures/portal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type TabActions, type YanduBrowser, type YanduTab } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';
import { clickText, selectText, typeInto } from './support/reader-steps.ts';

const speech = firstPage('speech');
const speechUrl = PORTAL_ORIGIN + speech.path;
const readerPath = `/reader.html?url=${encodeURIComponent(speechUrl)}`;
const STEP = { timeout: 90_000 };
const MINE_A = '甲：按季度督查';
const MINE_B = '乙：建立工作台账';

/** Reader B: a second real tab on the reader page, once it has painted `count` highlights. */
async function openSecondReader(b: YanduBrowser, count: number): Promise<YanduTab> {
  const tab = await b.openTab(readerPath);
  await painted(tab, count);
  return tab;
}

function painted(t: TabActions, count: number) {
  return t.waitFor(
    (n) => document.documentElement.dataset.yanduHighlights === String(n),
    count,
    `${t.name} reader to paint the highlights`,
  );
}

/**
 * Click `selector` in a tab once it is there (the element's own click: the tab may be in the background,
 * where the other browser's tab has the focus).
 */
function clickWhenThere(t: TabActions, selector: string, what: string) {
  return t.waitFor(
    (sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      el?.click();
      return !!el;
    },
    selector,
    what,
  );
}

function valueIn(t: TabActions, selector: string) {
  return t.evaluate((sel) => document.querySelector<HTMLTextAreaElement>(sel)?.value ?? null, selector);
}

/** The tab id a reader keeps in its sessionStorage (utils/reader/tab.ts). */
function tabId(t: TabActions) {
  return t.waitFor(() => sessionStorage.getItem('yandu:tab'), undefined, 'the reader’s tab id');
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
    await painted(b, 1);

    // Reader A opens the highlight's note…
    assert.ok(await clickText(b, at.exact));
    highlightId = await b.waitFor(
      () => document.querySelector<HTMLElement>('.yd-hl-editor')?.dataset.highlight,
      undefined,
      'reader A’s popover',
    );
    // …and so does reader B, in a tab of its own (its own sessionStorage: another tab id), from its notes panel.
    const readerB = await openSecondReader(b, 1);
    await clickWhenThere(readerB, '.yd-side-tab-notes', 'the 批注 tab of reader B');
    await clickWhenThere(readerB, `.yd-note-item[data-highlight="${highlightId}"] button`, 'the entry in B');
    await readerB.waitFor(() => !!document.querySelector('.yd-hl-editor textarea'), undefined, 'B’s popover');

    assert.notEqual(await tabId(readerB), await tabId(b), 'a new tab has a tab id of its own');
    // Both type, each in its own tab.
    await typeInto(b, '.yd-hl-editor textarea', MINE_A);
    await typeInto(readerB, '.yd-hl-editor textarea', MINE_B);
    assert.equal(await valueIn(b, '.yd-hl-editor textarea'), MINE_A);
    assert.equal(await valueIn(readerB, '.yd-hl-editor textarea'), MINE_B);

    // A saves (保存 closes its popover).
    await clickWhenThere(b, '.yd-hl-editor .yd-hl-save', 'reader A’s 保存');
    await b.waitFor(() => !document.querySelector('.yd-hl-editor'), undefined, 'reader A’s popover to close');
    assert.equal(await storedNote(b, highlightId), MINE_A);
    // B still shows its own text, and its draft is its own row (A's save took nothing of it).
    assert.equal(await valueIn(readerB, '.yd-hl-editor textarea'), MINE_B);

    // B saves: asked in its popover, and nothing is overwritten meanwhile.
    await clickWhenThere(readerB, '.yd-hl-editor .yd-hl-save', 'reader B’s 保存');
    const asked = await readerB.waitFor(
      () => document.querySelector('.yd-note-conflict')?.textContent,
      undefined,
      'reader B to ask which text to keep',
    );
    assert.ok(asked.includes(MINE_A), 'the prompt shows the text saved in A');
    assert.equal(await storedNote(b, highlightId), MINE_A);
    const draftsOfB = async () =>
      (await allDrafts(b)).filter((d) => d.id.startsWith(`highlight:${highlightId}#tab:`));
    assert.deepEqual(
      (await draftsOfB()).map((d) => d.text),
      [MINE_B],
      'B’s unsaved text is kept as B’s own draft',
    );
    await readerB.evaluate(
      () => document.querySelector('.yd-note-conflict')?.scrollIntoView({ block: 'center' }),
      undefined,
    );
    await readerB.screenshot('two-tabs-conflict');

    // B duplicated (复制标签页: the copy has B's sessionStorage, B's tab id with it, as a tab B opened with
    // window.open would) takes an id of its own and leaves B's unsaved draft to B: it shows the stored note.
    const idOfB = await tabId(readerB);
    const copy = await b.duplicateTab(readerB);
    assert.equal(
      await copy.evaluate(() => sessionStorage.getItem('yandu:tab'), undefined),
      idOfB,
      'the copy starts with B’s sessionStorage',
    );
    await painted(copy, 1);
    await clickWhenThere(copy, '.yd-side-tab-notes', 'the 批注 tab of the copy');
    await clickWhenThere(
      copy,
      `.yd-note-item[data-highlight="${highlightId}"] button`,
      'the entry in the copy',
    );
    const shown = await copy.waitFor(
      () => document.querySelector<HTMLTextAreaElement>('.yd-hl-editor textarea')?.value,
      undefined,
      'the copy’s popover',
    );
    assert.equal(shown, MINE_A, 'the copy shows the stored note, not B’s draft');
    const copyId = await copy.waitFor(
      (mine) => {
        const id = sessionStorage.getItem('yandu:tab');
        return id !== mine && id;
      },
      idOfB,
      'the copy to take a tab id of its own',
    );
    assert.ok(copyId);
    assert.deepEqual(
      (await draftsOfB()).map((d) => d.id),
      [`highlight:${highlightId}#tab:${idOfB}`],
      'B’s draft is still B’s',
    );
    await copy.close();

    await clickWhenThere(readerB, '.yd-note-conflict [data-choice="both"]', '两者都保留');
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
    assert.equal(await valueIn(readerB, '.yd-hl-editor textarea'), both);
    await readerB.close();
  });

  test('a reader tab closed mid-typing, without 保存: opened again, the text is there', STEP, async () => {
    assert.ok(highlightId, 'the first test stored the speech');
    await b.extensionPage(readerPath);
    await painted(b, 1);
    const typing = await openSecondReader(b, 1);
    await clickWhenThere(typing, '.yd-side-tab-notes', 'the 批注 tab of the second reader');
    const text = '心得：重在落实，一条一条抓';
    await typing.waitFor(
      () => !!document.querySelector('.yd-study-note-text'),
      undefined,
      'the 学习心得 box',
    );
    await typeInto(typing, '.yd-study-note-text', text);
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
    await typing.close();

    // A new tab on the speech (its own sessionStorage, a new tab id) takes over the closed tab's draft.
    const reopened = await openSecondReader(b, 1);
    await clickWhenThere(reopened, '.yd-side-tab-notes', 'the 批注 tab of the reopened reader');
    const shown = await reopened.waitFor(
      (want) => {
        const value = document.querySelector<HTMLTextAreaElement>('.yd-study-note-text')?.value;
        return value === want ? value : '';
      },
      text,
      'the 学习心得 typed before closing',
    );
    assert.equal(shown, text);
    await reopened.close();
  });
});
