// Highlights and notes in the real reader, in Chromium and Firefox: selecting text, 重点任务, a note,
// surviving a browser restart, two open readers of one speech, and the restore+paint time of a long speech.
// Imitates a speech under http://www.ordoszgh.gov.cn/zlzx/ldjh/… (tests/fixtures/portal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type TabActions, type YanduBrowser } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';

const speech = firstPage('speech');
const speechUrl = PORTAL_ORIGIN + speech.path;
const readerPath = `/reader.html?url=${encodeURIComponent(speechUrl)}`;
const STEP = { timeout: 90_000 };

interface StoredHighlight {
  id: string;
  category: string;
  note: string;
  section: number;
  task?: { status: string };
  selector: { startPara: number; startOffset: number; endPara: number; endOffset: number; exact: string };
}

/** How the reader painted: the size of each CSS highlight, and the <mark> count (fallback). */
function painting(b: TabActions) {
  return b.evaluate(() => {
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, { size: number }> } }).CSS
      ?.highlights;
    return {
      api: !!registry,
      task: registry?.get('yandu-task')?.size ?? 0,
      data: registry?.get('yandu-data')?.size ?? 0,
      marks: document.querySelectorAll('mark[data-yd-hl]').length,
      painted: document.documentElement.dataset.yanduHighlights ?? '',
    };
  }, undefined);
}

/** Wait until the reader has painted `count` highlights (data-yandu-highlights). */
function paintedCount(b: TabActions, count: number) {
  return b.waitFor(
    (n) => document.documentElement.dataset.yanduHighlights === String(n),
    count,
    `the reader to paint ${count} highlight(s)`,
  );
}

/** Select 12 characters of the first long body paragraph, as a drag would, and release the mouse. */
function selectPassage(b: YanduBrowser) {
  return b.evaluate(async () => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.yd-body p[data-para]')];
    const p = paragraphs.find((el) => (el.textContent ?? '').length > 60) as HTMLElement;
    p.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(first, 2);
    range.setEnd(first, Math.min(first.data.length, 14));
    const selection = document.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return { para: Number(p.dataset.para), text: range.toString() };
  }, undefined);
}

/**
 * Click in the middle of a painted highlight's first line box. With the Highlight API there is no element
 * there: the reader must hit-test the point (caretPositionFromPoint / caretRangeFromPoint).
 */
function clickHighlight(b: YanduBrowser, quote: string) {
  return b.evaluate((exact) => {
    const body = document.querySelector('.yd-body') as HTMLElement;
    const text = body.textContent ?? '';
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const at = text.indexOf(exact);
    let seen = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (at < seen + n.data.length) {
        const range = document.createRange();
        range.setStart(n, at - seen + 1);
        range.setEnd(n, at - seen + 2);
        const rect = range.getClientRects()[0] as DOMRect;
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        const target = document.elementFromPoint(x, y) as Element;
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }));
        return true;
      }
      seen += n.data.length;
    }
    return false;
  }, quote);
}

/** Type into a textarea the way an input method delivers text (value + input event). */
function typeInto(b: YanduBrowser, selector: string, value: string) {
  return b.evaluate(
    ({ selector, value }) => {
      const area = document.querySelector(selector) as HTMLTextAreaElement;
      area.focus();
      area.value = value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, value },
  );
}

/** The stored record once it has a note (or after 5 s, as it is then). */
async function storedOnceNoted(b: YanduBrowser, id: string): Promise<StoredHighlight> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const stored = (await readRecord(b, 'highlights', id)) as StoredHighlight;
    if (stored?.note || Date.now() > deadline) return stored;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** 保存 in the popover (the click on the passage itself was a real hit-test above). */
function pressSave(b: YanduBrowser) {
  return b.evaluate(
    () => (document.querySelector('.yd-hl-editor .yd-hl-save') as HTMLButtonElement).click(),
    undefined,
  );
}

function editorHighlightId(b: YanduBrowser) {
  return b.waitFor(
    () => document.querySelector<HTMLElement>('.yd-hl-editor')?.dataset.highlight,
    undefined,
    'the highlight popover to open',
  );
}

forEachBrowser('Highlights and notes', (b) => {
  let highlightId = '';
  let quote = '';

  test('select text → 重点任务 → a note; painted without touching the text', STEP, async () => {
    await b.openPortal(speech.path);
    assert.equal(await detected(b), 'speech');
    await b.clickReaderButton();
    await b.waitFor(() => document.documentElement.dataset.yanduSaved, undefined, 'the speech to be stored');
    await paintedCount(b, 0);

    const selected = await selectPassage(b);
    quote = selected.text;
    await b.waitFor(() => !!document.querySelector('.yd-hl-toolbar'), undefined, 'the selection toolbar');
    await b.click('.yd-hl-toolbar [data-category="task"]');
    await paintedCount(b, 1);

    const paint = await painting(b);
    // Both browsers here have the CSS Custom Highlight API (Chromium 105+, Firefox 140+): no marks.
    assert.deepEqual(paint, { api: true, task: 1, data: 0, marks: 0, painted: '1' });

    assert.ok(await clickHighlight(b, quote), 'the highlighted text is on the page');
    highlightId = await editorHighlightId(b);
    await typeInto(b, '.yd-hl-editor textarea', '要逐项分解\n按季度督查');
    await b.screenshot('highlight-popover');
    await pressSave(b);
    await b.waitFor(() => !document.querySelector('.yd-hl-editor'), undefined, 'the popover to close');

    const stored = await storedOnceNoted(b, highlightId);
    assert.equal(stored.category, 'task');
    assert.equal(stored.note, '要逐项分解\n按季度督查');
    assert.equal(stored.task?.status, 'todo');
    assert.equal(stored.selector.exact, quote);
    assert.equal(stored.selector.startPara, selected.para);
    const text = await b.evaluate(
      (para) => document.querySelector(`[data-para="${para}"]`)?.textContent ?? '',
      selected.para,
    );
    assert.ok(text.includes(quote));
  });

  test('after a browser restart the highlight is painted again and its note is there', STEP, async () => {
    assert.ok(highlightId, 'the first test made a highlight');
    await b.restart();
    await b.extensionPage(readerPath);
    await paintedCount(b, 1);
    const paint = await painting(b);
    assert.equal(paint.task, 1);
    await b.click('.yd-side-tab-notes');
    const note = await b.waitFor(
      (id) => document.querySelector(`.yd-note-item[data-highlight="${id}"] .yd-note-text`)?.textContent,
      highlightId,
      'the note in the notes panel',
    );
    assert.equal(note, '要逐项分解\n按季度督查');
    await b.screenshot('notes-panel');
  });

  test(
    'two open readers of the speech see each other’s edits, and neither loses the other’s',
    STEP,
    async () => {
      assert.ok(highlightId, 'the first test made a highlight');
      await b.extensionPage(readerPath);
      await paintedCount(b, 1);
      // A second reader of the same speech, in a tab of its own.
      const second = await b.openTab(readerPath);
      await paintedCount(second, 1);

      // The second reader changes the category through its popover (opened from its notes panel)…
      // Each step clicks once its element is there (the second reader renders on its own schedule; the
      // element's own click, as the tab may be in the background).
      const clickWhenThere = (selector: string, what: string) =>
        second.waitFor(
          (sel) => {
            const el = document.querySelector<HTMLElement>(sel);
            el?.click();
            return !!el;
          },
          selector,
          what,
        );
      await clickWhenThere('.yd-side-tab-notes', 'the 批注 tab of the second reader');
      await clickWhenThere(
        `.yd-note-item[data-highlight="${highlightId}"] button`,
        'the entry in the second reader’s notes panel',
      );
      await clickWhenThere('.yd-hl-editor [data-category="data"]', 'the popover in the second reader');
      // …and this reader repaints it as 数据 without a reload.
      await b.waitFor(
        () => {
          const registry = (globalThis as unknown as { CSS: { highlights: Map<string, { size: number }> } })
            .CSS.highlights;
          return (
            (registry.get('yandu-data')?.size ?? 0) === 1 && (registry.get('yandu-task')?.size ?? 0) === 0
          );
        },
        undefined,
        'the first reader to show the category chosen in the second',
      );

      // This reader edits the note; the second shows it, and the category change is still there.
      assert.ok(await clickHighlight(b, quote));
      await editorHighlightId(b);
      await typeInto(b, '.yd-hl-editor textarea', '两个窗口都能看到');
      await pressSave(b);
      const seen = await second.waitFor(
        (id) =>
          document.querySelector(`.yd-note-item[data-highlight="${id}"] .yd-note-text`)?.textContent ===
          '两个窗口都能看到',
        highlightId,
        'the second reader to show the note written in the first',
      );
      assert.ok(seen);
      const stored = (await readRecord(b, 'highlights', highlightId)) as StoredHighlight;
      assert.equal(stored.category, 'data');
      assert.equal(stored.note, '两个窗口都能看到');
      await second.close();
    },
  );

  test(
    'restore + paint of 1,000 highlights on a 100,000-character speech (figure printed)',
    STEP,
    async () => {
      const benchUrl = `${PORTAL_ORIGIN}/zlzx/ldjh/209901/t20990101_9.html`;
      // A composed long speech and 1,000 highlights, written with raw IndexedDB into the extension's database.
      await b.extensionPage('/popup.html');
      await b.evaluate(
        (url) =>
          new Promise<void>((resolve, reject) => {
            const words = ['坚持', '职工', '服务', '落实', '工会', '创新', '基层', '保障', '建设', '发展'];
            const paragraphs: string[] = [];
            for (let p = 0; p < 500; p++) {
              let s = '';
              for (let i = 0; s.length < 198; i++) s += words[(p * 7 + i * 3 + (i >> 2)) % words.length];
              paragraphs.push(`${s.slice(0, 198)}。${p % 10}`);
            }
            const joined = paragraphs.join('\n');
            const starts: number[] = [];
            let at = 0;
            for (const p of paragraphs) {
              starts.push(at);
              at += p.length + 1;
            }
            const id = new URL(url).hostname.replace(/^www\./, '') + new URL(url).pathname;
            const highlights: object[] = [];
            for (let i = 0; i < 1000; i++) {
              const para = i % 500;
              const startOffset = 10 + Math.floor(i / 500) * 90;
              const endOffset = startOffset + 30;
              const s = (starts[para] as number) + startOffset;
              const e = (starts[para] as number) + endOffset;
              highlights.push({
                id: `bench-${i}`,
                speechId: id,
                category: ['task', 'thesis', 'data', 'question'][i % 4],
                note: i % 3 === 0 ? '批注' : '',
                selector: {
                  startPara: para,
                  startOffset,
                  endPara: para,
                  endOffset,
                  exact: joined.slice(s, e),
                  prefix: joined.slice(Math.max(0, s - 32), s),
                  suffix: joined.slice(e, e + 32),
                },
                section: -1,
                ...(i % 4 === 0 ? { task: { status: 'todo', due: null, progress: '' } } : {}),
                created: i,
                updated: i,
              });
            }
            const open = indexedDB.open('yandu');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(['speeches', 'highlights'], 'readwrite');
              tx.objectStore('speeches').put({
                id,
                url,
                title: '长篇讲话（性能测试）',
                speaker: null,
                occasion: null,
                date: null,
                source: null,
                paragraphs,
                contentHash: 'bench',
                outline: [],
                firstOpened: 1,
                lastOpened: 1,
              });
              for (const h of highlights) tx.objectStore('highlights').put(h);
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        benchUrl,
      );
      const figures: { restore: number; placePaint: number; frame: number }[] = [];
      for (let run = 0; run < 3; run++) {
        await b.extensionPage(`/reader.html?url=${encodeURIComponent(benchUrl)}&run=${run}`);
        await paintedCount(b, 1000);
        figures.push(
          await b.waitFor(
            () => {
              const ms = performance.getEntriesByName('yandu:highlights-frame')[0]?.duration;
              return ms === undefined
                ? null
                : {
                    restore:
                      performance.getEntriesByName('yandu:highlights-restore')[0]?.duration ?? Number.NaN,
                    placePaint:
                      performance.getEntriesByName('yandu:highlights-place-paint')[0]?.duration ?? Number.NaN,
                    frame: ms,
                  };
            },
            undefined,
            'the figures of the first restore',
          ),
        );
      }
      const chars = await b.evaluate(
        () => document.querySelector('.yd-body')?.textContent?.length ?? 0,
        undefined,
      );
      assert.ok(chars >= 100_000, `the speech has ${chars} characters`);
      const paint = await painting(b);
      assert.equal(paint.task + paint.data, 500);
      const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
      console.log(
        `[bench ${b.name}] 1,000 highlights on ${chars.toLocaleString('en')} characters: ` +
          `read+place+paint ${fmt(figures.map((f) => f.restore))} ms; ` +
          `place+paint ${fmt(figures.map((f) => f.placePaint))} ms; ` +
          `until the next frame was drawn ${fmt(figures.map((f) => f.frame))} ms`,
      );
    },
  );
});
