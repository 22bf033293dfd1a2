// 专题汇编 (compilation.html) in real browsers: highlights of two speeches are gathered, filtered to one
// category, rearranged with the ↑ button and by dragging, and the arrangement survives a reload; the Word file
// and the print view hold the excerpts in that order, each with its 出处 (speaker, occasion, date, section).
// The speeches imitate the portal's 领导讲话 pages (http://www.ordoszgh.gov.cn/zlzx/ldjh/…); their texts are
// composed here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { compilationHref } from '../../utils/routes.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { captureDownloads, takeDownload } from './support/reader-steps.ts';
import { type SeedSpeech, seedSpeech } from './support/seed.ts';

const STEP = { timeout: 120_000 };
const PAGE = `/${compilationHref()}`;

const SPEECHES: SeedSpeech[] = [
  {
    id: 'ordoszgh.gov.cn/zlzx/ldjh/202603/t20260312_cpl1.html',
    title: '在全市工会工作会议上的讲话',
    speaker: '王某某',
    occasion: '全市工会工作会议',
    date: '2026-03-12',
    paragraphs: [
      '同志们：',
      '一、坚持服务职工的工作主线',
      '服务职工是工会的基本职责。要把困难职工帮扶做实做细，年底前完成档案更新。',
    ],
    outline: [{ level: 1, marker: '一、', title: '坚持服务职工的工作主线', para: 1, offset: 0 }],
    highlights: [
      {
        id: 'e2e-c1',
        para: 2,
        exact: '服务职工是工会的基本职责',
        category: 'thesis',
        section: 0,
        note: '作为开篇',
      },
      { id: 'e2e-c2', para: 2, exact: '年底前完成档案更新', category: 'task', section: 0, note: '' },
    ],
  },
  {
    id: 'ordoszgh.gov.cn/zlzx/ldjh/202606/t20260620_cpl2.html',
    title: '在市总工会职工代表大会上的讲话',
    speaker: '李某某',
    occasion: '市总工会职工代表大会',
    date: '2026-06-20',
    paragraphs: ['各位代表：', '一、提升普惠服务水平', '职工之家建设要提速。全年新建职工驿站三十个。'],
    outline: [{ level: 1, marker: '一、', title: '提升普惠服务水平', para: 1, offset: 0 }],
    highlights: [
      { id: 'e2e-c3', para: 2, exact: '职工之家建设要提速', category: 'thesis', section: 0, note: '' },
      { id: 'e2e-c4', para: 2, exact: '全年新建职工驿站三十个', category: 'data', section: 0, note: '' },
    ],
  },
];
const CITE_1 = '王某某在全市工会工作会议上的讲话（2026年3月12日）·一、坚持服务职工的工作主线';
const CITE_3 = '李某某在市总工会职工代表大会上的讲话（2026年6月20日）·一、提升普惠服务水平';

/** Open the page and wait until the library is read; the ids of the excerpts shown, in order. */
async function openPage(b: YanduBrowser): Promise<void> {
  await b.extensionPage(PAGE);
  await b.waitFor(
    () => document.documentElement.dataset.yanduCompilationReady,
    null,
    'the 专题汇编 page',
    30_000,
  );
}
const shown = (b: YanduBrowser) =>
  b.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('.yd-cpl-entry')]
        .map((e) => e.dataset.highlightId)
        .join(' '),
    null,
  );
const until = (b: YanduBrowser, ids: string, what: string) =>
  b.waitFor(
    (want) =>
      [...document.querySelectorAll<HTMLElement>('.yd-cpl-entry')]
        .map((e) => e.dataset.highlightId)
        .join(' ') === want,
    ids,
    what,
  );

forEachBrowser('专题汇编', (b) => {
  test(
    'gathers highlights across speeches, filters, reorders and keeps the order over a reload',
    STEP,
    async () => {
      // The page opens the database first (creating its tables), with nothing to gather yet.
      await openPage(b);
      for (const speech of SPEECHES) assert.equal(await seedSpeech(b, speech), true);
      await openPage(b);
      assert.equal(await shown(b), 'e2e-c1 e2e-c2 e2e-c3 e2e-c4');
      const source = await b.evaluate(
        () => document.querySelector('[data-highlight-id="e2e-c1"] .yd-cpl-source')?.textContent ?? '',
        null,
      );
      assert.ok(source.includes(CITE_1), source);

      await b.click('input[name="category"][value="thesis"]');
      await until(b, 'e2e-c1 e2e-c3', 'only the 重要论述');
      await b.click('[data-highlight-id="e2e-c3"] .yd-cpl-up');
      await until(b, 'e2e-c3 e2e-c1', 'the second excerpt moved first');
      await b.screenshot('compilation');

      await openPage(b);
      await until(b, 'e2e-c3 e2e-c1', 'the same filter and order after a reload');
    },
  );

  test(
    'the Word file and the print view hold the excerpts in the chosen order with their 出处',
    STEP,
    async () => {
      await captureDownloads(b);
      await b.click('.yd-cpl-word');
      const file = await takeDownload(b);
      assert.match(file.name, /^专题汇编-2篇讲话-\d{4}-\d{2}-\d{2}\.docx$/);
      const xml = new TextDecoder().decode(unzipSync(file.bytes)['word/document.xml']);
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      assert.ok(text.indexOf('职工之家建设要提速') > -1, 'the moved excerpt is in the file');
      assert.ok(
        text.indexOf('职工之家建设要提速') < text.indexOf('服务职工是工会的基本职责'),
        'in the chosen order',
      );
      assert.ok(text.includes(CITE_3) && text.includes(CITE_1), 'each with its 出处');
      assert.ok(!text.includes('全年新建职工驿站三十个'), 'the filtered-out excerpt is not in the file');

      await b.click('.yd-cpl-print');
      await b.waitFor(
        () => document.documentElement.dataset.yanduCompilationPrint,
        null,
        'the print view',
        30_000,
      );
      const quotes = await b.evaluate(
        () =>
          [...document.querySelectorAll('.yd-print-sheet .yd-print-quote')].map((q) => q.textContent ?? ''),
        null,
      );
      assert.equal(quotes.length, 2, quotes.join('\n'));
      assert.ok(quotes[0]?.includes('职工之家建设要提速') && quotes[0].includes(CITE_3), quotes[0]);
      assert.ok(quotes[1]?.includes('服务职工是工会的基本职责') && quotes[1].includes(CITE_1), quotes[1]);
      await b.screenshot('compilation-print');
    },
  );
  test(
    'back from the print view, an excerpt dragged onto the upper half of another lands above it',
    STEP,
    async () => {
      await b.click('.yd-cpl-back');
      await until(b, 'e2e-c3 e2e-c1', 'the list again');
      // The page's own drag events, as the browser sends them while the mouse drags (with a DataTransfer).
      await b.evaluate(() => {
        const row = document.querySelector('[data-highlight-id="e2e-c1"]') as HTMLElement;
        row.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: new DataTransfer() }));
      }, null);
      await b.evaluate(() => {
        const target = document.querySelector('[data-highlight-id="e2e-c3"]') as HTMLElement;
        const box = target.getBoundingClientRect();
        const init = {
          bubbles: true,
          cancelable: true,
          dataTransfer: new DataTransfer(),
          clientY: box.top + 4,
        };
        target.dispatchEvent(new DragEvent('dragover', init));
      }, null);
      await b.waitFor(
        () => document.querySelector('[data-highlight-id="e2e-c3"]')?.classList.contains('is-drop-above'),
        null,
        'the drop mark above the first row',
      );
      await b.evaluate(() => {
        const target = document.querySelector('[data-highlight-id="e2e-c3"]') as HTMLElement;
        const box = target.getBoundingClientRect();
        const init = {
          bubbles: true,
          cancelable: true,
          dataTransfer: new DataTransfer(),
          clientY: box.top + 4,
        };
        target.dispatchEvent(new DragEvent('drop', init));
        document.querySelector('[data-highlight-id="e2e-c1"]')?.dispatchEvent(new DragEvent('dragend', init));
      }, null);
      await until(b, 'e2e-c1 e2e-c3', 'the dragged excerpt first');
    },
  );
});
