// The library page (library.html) in real browsers: a speech opened from the local copy of the portal
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/… leaders' speeches) is listed, a note is found by search (and is
// still found after Back from the result), a key task is marked done, and a Word export is checked inside its
// .docx.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';

const speech = firstPage('speech');
const speechUrl = PORTAL_ORIGIN + speech.path;
/** The database key of a speech: host without www + path (utils/store/db.ts speechIdFromUrl). */
const speechId = new URL(speechUrl).hostname.replace(/^www\./, '') + speech.path;
const HIGHLIGHT_ID = 'e2e-task-1';
/** Composed for this test: a note with a word that appears nowhere in the speech. */
const NOTE = '会后组织各基层工会对照清单逐项认领';
const SEARCH_WORD = '逐项认领';
const STEP = { timeout: 90_000 };

interface StoredHighlight {
  task?: { status: string; due: string | null; progress: string };
  updated: number;
}

/** A 重点任务 highlight with a note on the speech's second paragraph, written with raw IndexedDB. */
function putTaskHighlight(b: YanduBrowser): Promise<string> {
  return b.evaluate(
    ({ speechId, id, note }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['speeches', 'highlights'], 'readwrite');
          const read = tx.objectStore('speeches').get(speechId);
          read.onsuccess = () => {
            const paragraphs: string[] = read.result?.paragraphs ?? [];
            const para = paragraphs.findIndex((p) => p.length > 20);
            const exact = (paragraphs[para] ?? '').slice(0, 16);
            const now = Date.now();
            tx.objectStore('highlights').put({
              id,
              speechId,
              category: 'task',
              note,
              selector: {
                startPara: para,
                startOffset: 0,
                endPara: para,
                endOffset: exact.length,
                exact,
                prefix: '',
                suffix: (paragraphs[para] ?? '').slice(16, 48),
              },
              section: -1,
              task: { status: 'todo', due: '2020-06-30', progress: '' },
              created: now,
              updated: now,
            });
            tx.oncomplete = () => {
              db.close();
              resolve(exact);
            };
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { speechId, id: HIGHLIGHT_ID, note: NOTE },
  );
}

forEachBrowser('Library', (b) => {
  test('a speech opened in the reader is listed in the library', STEP, async () => {
    await b.openPortal(speech.path);
    assert.equal(await detected(b), 'speech');
    await b.clickReaderButton();
    await b.waitFor(
      () => document.documentElement.dataset.yanduSaved,
      undefined,
      'the reader to store the speech',
    );
    const exact = await putTaskHighlight(b);
    assert.ok(exact.length > 0, 'the stored speech has paragraphs to highlight');

    await b.extensionPage('/library.html');
    const title = await b.waitFor(
      (id) => document.querySelector(`[data-speech-id="${CSS.escape(id)}"] .yd-lib-title`)?.textContent,
      speechId,
      'the speech row in the library',
    );
    assert.equal(title, speech.title);
    const chips = await b.evaluate(
      (id) =>
        [...document.querySelectorAll(`[data-speech-id="${CSS.escape(id)}"] .yd-chip`)].map((c) =>
          c.textContent?.trim(),
        ),
      speechId,
    );
    assert.deepEqual(chips, ['重点任务1']);
    await b.screenshot('library');
  });

  test('search finds the note by one of its words and shows it in context', STEP, async () => {
    const snippet = await b.waitFor(
      (word) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (!input) return '';
        if (input.value !== word) {
          input.value = word;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }
        const mark = document.querySelector('.yd-snippet mark');
        return mark?.textContent === word ? (mark.closest('.yd-snippet')?.textContent ?? '') : '';
      },
      SEARCH_WORD,
      'a snippet with the word marked',
      20_000,
    );
    assert.ok(snippet.includes('批注'), snippet);
    assert.ok(snippet.includes(NOTE), snippet);
    const rows = await b.evaluate(() => document.querySelectorAll('.yd-lib-row').length, undefined);
    assert.equal(rows, 1, 'only the speech with the note is listed');
    const href = await b.evaluate(
      () => document.querySelector('.yd-snippet a')?.getAttribute('href'),
      undefined,
    );
    assert.equal(href, `reader.html?url=${encodeURIComponent(speechUrl)}#h=${HIGHLIGHT_ID}`);
  });

  test('Back from a search result shows the same search and result', STEP, async () => {
    await b.click('.yd-snippet a');
    await b.waitFor(
      () => location.pathname === '/reader.html' && document.readyState === 'complete',
      undefined,
      'the reader to open at the result',
    );
    await b.back();
    const kept = await b.waitFor(
      (word) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        const mark = document.querySelector('.yd-snippet mark');
        return location.pathname === '/library.html' && input?.value === word && mark?.textContent === word
          ? input.value
          : '';
      },
      SEARCH_WORD,
      'the library with the search word and its result again',
      20_000,
    );
    assert.equal(kept, SEARCH_WORD);
  });

  test('the key task is listed overdue and can be marked done', STEP, async () => {
    await b.click('#yd-tab-tasks');
    const overdue = await b.waitFor(
      (id) => document.querySelector(`[data-highlight-id="${id}"]`)?.classList.contains('is-overdue'),
      HIGHLIGHT_ID,
      'the task, flagged overdue',
    );
    assert.equal(overdue, true);
    await b.screenshot('library-tasks');
    await b.click(`[data-highlight-id="${HIGHLIGHT_ID}"] .yd-seg-done`);
    const stored = await b.waitFor(
      async (id) => {
        const open = indexedDB.open('yandu');
        const db = await new Promise<IDBDatabase>((resolve) => {
          open.onsuccess = () => resolve(open.result);
        });
        const record = await new Promise<{ task?: { status: string } }>((resolve) => {
          const get = db.transaction('highlights').objectStore('highlights').get(id);
          get.onsuccess = () => resolve(get.result);
        });
        db.close();
        return record?.task?.status === 'done' ? record : null;
      },
      HIGHLIGHT_ID,
      'the task to be stored as done',
    );
    assert.ok(stored);
    const again = (await readRecord(b, 'highlights', HIGHLIGHT_ID)) as StoredHighlight;
    assert.deepEqual(again.task, { status: 'done', due: '2020-06-30', progress: '' });
    const flagged = await b.waitFor(
      (id) => {
        const item = document.querySelector(`[data-highlight-id="${id}"]`);
        return item && !item.classList.contains('is-overdue') ? 'no longer overdue' : '';
      },
      HIGHLIGHT_ID,
      'the overdue flag to go',
    );
    assert.ok(flagged);
  });

  test('exports the speech as a .docx holding its title and the note', STEP, async () => {
    await b.click('#yd-tab-speeches');
    await b.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]');
      if (input) {
        input.value = '';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      // Keep what the page hands to the browser's download (a Blob URL on an <a download>) for the test.
      const w = window as unknown as { yanduE2eDownloads: { name: string; blob: Blob }[] };
      w.yanduE2eDownloads = [];
      const blobs = new Map<string, Blob>();
      const create = URL.createObjectURL;
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        const url = create.call(URL, obj);
        if (obj instanceof Blob) blobs.set(url, obj);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        const blob = blobs.get(this.href);
        if (blob && this.download) w.yanduE2eDownloads.push({ name: this.download, blob });
      };
    }, undefined);
    await b.click(`[data-speech-id="${speechId}"] .yd-lib-check`);
    await b.waitFor(
      () => document.querySelector('.yd-lib-selection') !== null,
      undefined,
      'the selection bar',
    );
    await b.click('.yd-lib-selection .yd-btn-primary');
    // (Booleans, not elements: an element does not survive the trip out of Firefox.)
    await b.waitFor(() => document.querySelector('[role="dialog"]') !== null, undefined, 'the export dialog');
    await b.screenshot('library-export');
    await b.click('[role="dialog"] .yd-btn-primary');
    const file = await b.waitFor(
      async () => {
        const w = window as unknown as { yanduE2eDownloads?: { name: string; blob: Blob }[] };
        const d = w.yanduE2eDownloads?.[0];
        if (!d) return null;
        const bytes = new Uint8Array(await d.blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        }
        return { name: d.name, type: d.blob.type, base64: btoa(binary) };
      },
      undefined,
      'the .docx download',
      30_000,
    );
    assert.match(file.name, /^学习笔记-.+-\d{4}-\d{2}-\d{2}\.docx$/);
    assert.equal(file.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(Buffer.from(file.base64, 'base64')));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    assert.ok(xml.includes(speech.title), 'the speech title is in the document');
    assert.ok(xml.includes(NOTE), 'the note is in the document');
    // The dialog's default template is the 学习笔记 (task states are the 任务分解表's): the quote is labelled.
    assert.ok(xml.includes('重点任务'), 'the task quote carries its category label');
    const message = await b.waitFor(
      () => document.querySelector('[role="dialog"] [role="status"]')?.textContent,
      undefined,
      'the export message',
    );
    assert.ok(message.includes(file.name), message);
  });

  test(
    'the export dialog is modal (the page behind is inert); Escape closes it and focus returns',
    STEP,
    async () => {
      assert.equal(
        await b.evaluate(
          () => document.querySelector('dialog.yd-modal')?.matches(':modal') ?? false,
          undefined,
        ),
        true,
      );
      await b.press('Escape');
      await b.waitFor(() => document.querySelector('dialog') === null, undefined, 'the dialog to close');
      const focused = await b.evaluate(() => document.activeElement?.textContent ?? '', undefined);
      assert.equal(focused, '导出', 'focus is back on the button that opened the dialog');
    },
  );
});
