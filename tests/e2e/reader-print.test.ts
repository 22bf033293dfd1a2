// Printing the reader (打印 in its toolbar, or Ctrl+P) in real Chromium and Firefox: the highlights print in
// their category colours even with the browser's "background graphics" off, the pages are numbered, and the
// browser's own header and footer (which would carry the chrome-extension:// address) are not there.
// The speech imitates the portal's 领导讲话 pages; its text is composed for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportHref, readerHref } from '../../utils/routes.ts';
import { forEachBrowser } from './support/harness.ts';
import { colouredPixels, pdfPages } from './support/pdf.ts';
import { type SeedHighlight, seedSpeech } from './support/seed.ts';

const STEP = { timeout: 120_000 };
const ID = 'ordoszgh.gov.cn/zlzx/ldjh/202612/t20261203_print.html';
const body = '工会组织要把服务职工的举措落到基层一线，做到事事有回音、件件有着落，让职工群众切实感受到温暖。';
const PARAGRAPHS = [
  '同志们：今天召开全市工会重点工作部署会。',
  '一、把职工服务做实',
  `年底前建成职工驿站五十个。${body.repeat(6)}`,
  `这一段没有标注。${body.repeat(8)}`,
  '二、把基层组织建强',
  `上半年完成基层工会规范化建设达标验收。${body.repeat(8)}`,
  `各单位要把任务分解到人。${body.repeat(10)}`,
];
const HIGHLIGHTS: SeedHighlight[] = [
  { id: 'p1', para: 2, exact: '年底前建成职工驿站五十个', category: 'task', section: 0, note: '' },
  {
    id: 'p2',
    para: 5,
    exact: '上半年完成基层工会规范化建设达标验收',
    category: 'data',
    section: 1,
    note: '',
  },
];

forEachBrowser('reader print', (b) => {
  test(
    'the printed reader shows the highlights, numbers its pages and carries no address',
    STEP,
    async () => {
      await b.extensionPage('/library.html');
      await b.waitFor(() => document.getElementById('app')?.textContent, null, 'the library', 30_000);
      const seeded = await seedSpeech(b, {
        id: ID,
        title: '在全市工会重点工作部署会上的讲话',
        speaker: '李某某',
        occasion: '全市工会重点工作部署会',
        date: '2026-12-03',
        paragraphs: PARAGRAPHS,
        outline: [
          { level: 1, marker: '一、', title: '把职工服务做实', para: 1, offset: 0 },
          { level: 1, marker: '二、', title: '把基层组织建强', para: 4, offset: 0 },
        ],
        highlights: HIGHLIGHTS,
      });
      assert.equal(seeded, true);
      await b.extensionPage(`/${readerHref({ url: `http://www.${ID}` })}`);
      await b.waitFor(
        (n) => document.documentElement.dataset.yanduHighlights === String(n),
        HIGHLIGHTS.length,
        'the reader to paint the highlights',
        30_000,
      );
      const pages = pdfPages(b, await b.pdf({ headerFooter: true }), 'reader-print');
      assert.ok(pages.length >= 2, `${pages.length} page(s)`);
      pages.forEach((page, i) => {
        assert.doesNotMatch(page, /extension:\/\/|reader\.html/, `page ${i + 1} carries no address`);
        // Chromium draws @page margin boxes; Firefox ESR does not (yet), so its pages carry no number.
        if (b.name === 'chromium')
          assert.ok(page.includes(`—${i + 1}—`), `page ${i + 1} is numbered: …${page.slice(-30)}`);
      });
      assert.ok(pages[0]?.includes('年底前建成职工驿站五十个'));
      // The first page holds a task highlight: its colour is printed (a few hundred pixels at 40 dpi).
      const coloured = colouredPixels(b, 'reader-print');
      assert.ok(coloured > 100, `${coloured} coloured pixels on page 1`);
    },
  );

  test(
    'the printed study export (打印 in the export page) numbers its pages and carries no address',
    STEP,
    async () => {
      await b.extensionPage(`/${exportHref({ speechIds: [ID] })}`);
      await b.waitFor(
        () => document.documentElement.dataset.yanduExportReady,
        null,
        'the export page laid out for print',
        30_000,
      );
      const sheets = await b.evaluate(
        () => document.querySelectorAll('.yd-export-printable .yd-print-sheet').length,
        null,
      );
      const pages = pdfPages(b, await b.pdf({ headerFooter: true }), 'export-print');
      // What prints are the laid-out sheets, not the on-screen page with the browser's header and footer.
      assert.equal(pages.length, sheets);
      pages.forEach((page, i) => {
        assert.ok(page.includes(`—${i + 1}—`), `page ${i + 1} is numbered: …${page.slice(-30)}`);
        assert.doesNotMatch(page, /extension:\/\/|export\.html/, `page ${i + 1} carries no address`);
      });
      const all = pages.join('');
      for (const h of HIGHLIGHTS) assert.ok(all.includes(h.exact), h.exact);
    },
  );
});
