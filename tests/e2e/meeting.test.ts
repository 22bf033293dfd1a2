// 学习会 mode (meeting.html?speech=…) and the print views in real browsers: a speech with highlights and
// notes is stepped through with ←/→ showing only what was marked, the timer runs, the 学习材料 pack prints one
// section a page, and the 全文带标注 print view prints the whole text with page numbers and without the
// browser's header and footer (no extension address). The speech imitates the portal's 领导讲话 pages
// (http://www.ordoszgh.gov.cn/zlzx/ldjh/…); its text is composed for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportHref, meetingHref } from '../../utils/routes.ts';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { pdfPages } from './support/pdf.ts';
import { type SeedHighlight, seedSpeech } from './support/seed.ts';

const STEP = { timeout: 120_000 };
const SPEECH_ID = 'ordoszgh.gov.cn/zlzx/ldjh/202612/t20261202_e2e.html';

/** Paragraph i of the composed speech: long enough that the whole text runs over several A4 pages. */
const filler =
  '各级工会组织要坚持以职工为中心，把服务职工的各项举措落到基层一线，做到事事有回音、件件有着落。';
const PARAGRAPHS = [
  '同志们：今天召开全市职工服务工作推进会，主要任务是总结经验、部署工作。',
  '一、健全帮扶机制，守住困难职工生活底线',
  `年底前完成困难职工档案动态更新。${filler.repeat(4)}`,
  `这一段没有任何标注，只在全文里出现。${filler.repeat(4)}`,
  '二、扩大普惠服务，让职工得到实惠',
  `今年新建职工驿站三十个。${filler.repeat(4)}`,
  `普惠服务要覆盖新就业形态劳动者。${filler.repeat(4)}`,
  '三、强化组织保障，确保任务落地',
  `上半年开展一次专项督查。${filler.repeat(4)}`,
  `各单位要把任务分解到人。${filler.repeat(5)}`,
  `同志们，做好今年的工作意义重大。${filler.repeat(4)}`,
];
const OUTLINE = [
  { level: 1, marker: '一、', title: '健全帮扶机制，守住困难职工生活底线', para: 1, offset: 0 },
  { level: 1, marker: '二、', title: '扩大普惠服务，让职工得到实惠', para: 4, offset: 0 },
  { level: 1, marker: '三、', title: '强化组织保障，确保任务落地', para: 7, offset: 0 },
];
const HIGHLIGHTS: SeedHighlight[] = [
  {
    id: 'e2e-m1',
    para: 2,
    exact: '年底前完成困难职工档案动态更新',
    category: 'task',
    section: 0,
    note: '由帮扶中心牵头',
  },
  { id: 'e2e-m2', para: 5, exact: '今年新建职工驿站三十个', category: 'data', section: 1, note: '' },
  {
    id: 'e2e-m3',
    para: 8,
    exact: '上半年开展一次专项督查',
    category: 'question',
    section: 2,
    note: '督查由谁牵头？',
  },
];
const SLIDES = [
  '一、健全帮扶机制，守住困难职工生活底线',
  '二、扩大普惠服务，让职工得到实惠',
  '三、强化组织保障，确保任务落地',
  '学习心得',
];
const STUDY_NOTE = '我单位从帮扶和督查两处着手。';

/** The composed speech, its highlights and its 学习心得 in the extension's database. */
const seed = (b: YanduBrowser) =>
  seedSpeech(b, {
    id: SPEECH_ID,
    title: '在全市职工服务工作推进会上的讲话',
    speaker: '王某某',
    occasion: '全市职工服务工作推进会',
    date: '2026-12-02',
    paragraphs: PARAGRAPHS,
    outline: OUTLINE,
    highlights: HIGHLIGHTS,
    studyNote: STUDY_NOTE,
  });

const heading = (b: YanduBrowser) =>
  b.evaluate(() => document.querySelector('.yd-meeting-slide h1')?.textContent, null);

forEachBrowser('学习会', (b) => {
  test('←/→ move between sections showing only highlights and notes, and the timer runs', STEP, async () => {
    // The 学习会 page of a speech not there yet opens the database (creating its tables) and says so.
    await b.extensionPage(`/${meetingHref('none')}`);
    await b.waitFor(() => document.getElementById('app')?.textContent, null, 'the not-found line', 30_000);
    assert.equal(await seed(b), true);
    await b.extensionPage(`/${meetingHref(SPEECH_ID)}`);
    await b.waitFor(
      () => document.documentElement.dataset.yanduMeetingReady,
      null,
      'the 学习会 page',
      30_000,
    );
    assert.equal(await heading(b), SLIDES[0]);
    const slide = () =>
      b.evaluate(() => document.querySelector('.yd-meeting-slide')?.textContent ?? '', null);
    const first = await slide();
    assert.match(first, /【重点任务】年底前完成困难职工档案动态更新/);
    assert.match(first, /由帮扶中心牵头/);
    // Only what was marked: the text around the highlight is not shown.
    assert.doesNotMatch(first, /动态更新。各级工会组织/);
    await b.press('ArrowRight');
    await b.waitFor(
      (h) => document.querySelector('.yd-meeting-slide h1')?.textContent === h,
      SLIDES[1],
      'slide 2',
    );
    assert.match(await slide(), /【数据】今年新建职工驿站三十个/);
    await b.press('ArrowRight');
    await b.press('ArrowRight');
    await b.waitFor(
      (h) => document.querySelector('.yd-meeting-slide h1')?.textContent === h,
      SLIDES[3],
      'the 学习心得',
    );
    assert.match(await slide(), new RegExp(STUDY_NOTE));
    // The last section stays the last.
    await b.press('ArrowRight');
    assert.equal(await heading(b), SLIDES[3]);
    await b.press('ArrowLeft');
    await b.waitFor(
      (h) => document.querySelector('.yd-meeting-slide h1')?.textContent === h,
      SLIDES[2],
      'slide 3',
    );
    const before = await b.evaluate(() => document.querySelector('[role="timer"]')?.textContent, null);
    await b.waitFor(
      (t) => {
        const now = document.querySelector('[role="timer"]')?.textContent;
        return now !== t && /^\d+:\d\d$/.test(now ?? '');
      },
      before,
      'the timer to move on',
    );
    await b.screenshot('meeting');
  });

  test('the 学习材料 pack prints each section on a page of its own, without the controls', STEP, async () => {
    // Built once the first slide is on the screen, so printing from the browser's menu finds it too.
    await b.waitFor(
      (n) => document.querySelectorAll('.yd-meeting-pack-page').length === n,
      SLIDES.length,
      'the print pack',
    );
    await b.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    }, null);
    await b.click('.yd-meeting-print');
    assert.equal(await b.evaluate(() => (window as unknown as { printed: number }).printed, null), 1);
    const pages = pdfPages(b, await b.pdf({ headerFooter: true }), 'meeting-pack');
    assert.equal(pages.length, SLIDES.length, pages.join('\n---\n'));
    for (const [i, title] of SLIDES.entries()) {
      assert.ok(pages[i]?.includes(title), `page ${i + 1} holds ${title}`);
    }
    assert.ok(pages[0]?.includes('在全市职工服务工作推进会上的讲话'));
    assert.ok(pages[2]?.includes('督查由谁牵头？'));
    for (const page of pages) {
      assert.doesNotMatch(page, /extension:\/\/|打印学习材料|全屏/);
      assert.doesNotMatch(page, /^\d+:\d\d/);
    }
  });

  test(
    'the 全文带标注 print view: whole text, legend, numbered notes, page numbers, no address',
    STEP,
    async () => {
      await b.extensionPage(`/${exportHref({ speechIds: [SPEECH_ID], template: 'annotated' })}`);
      await b.waitFor(
        () => document.documentElement.dataset.yanduExportReady,
        null,
        'the print view',
        30_000,
      );
      const dom = await b.evaluate(
        () => ({
          marks: [...document.querySelectorAll('.yd-print-body .yd-print-para mark')].map(
            (m) => m.textContent,
          ),
          legend: [...document.querySelectorAll('.yd-print-legend mark')].map((m) => m.textContent),
          refs: [...document.querySelectorAll('.yd-print-noteref')].map((s) => s.textContent),
          sheets: document.querySelectorAll('.yd-print-sheet').length,
        }),
        null,
      );
      assert.deepEqual(
        dom.marks,
        HIGHLIGHTS.map((h) => h.exact),
      );
      assert.deepEqual(dom.legend, ['重点任务', '重要论述', '数据', '疑问']);
      assert.deepEqual(dom.refs, ['1', '2']);
      assert.ok(dom.sheets >= 2, `${dom.sheets} sheets`);
      await b.screenshot('annotated-print');
      const pages = pdfPages(b, await b.pdf({ headerFooter: true }), 'annotated-print');
      // One printed page per sheet, each numbered in order, and nowhere the page's address.
      assert.equal(pages.length, dom.sheets);
      pages.forEach((page, i) => {
        assert.ok(page.includes(`—${i + 1}—`), `page ${i + 1} is numbered: ${page.slice(-40)}`);
        assert.doesNotMatch(page, /extension:\/\/|export\.html/);
      });
      const all = pages.join('').replace(/\d/g, '');
      for (const p of PARAGRAPHS)
        assert.ok(all.includes(p.replace(/\s+/g, '').replace(/\d/g, '')), p.slice(0, 20));
      assert.ok(all.includes('由帮扶中心牵头'));
      assert.ok(all.includes('督查由谁牵头？'));
    },
  );

  if (b.name === 'chromium') {
    test(
      'control: an ordinary page printed the same way carries the browser header and footer',
      STEP,
      async () => {
        await b.openPortal(firstPage('speech').path);
        const pages = pdfPages(b, await b.pdf({ headerFooter: true }), 'portal-control');
        assert.match(pages[0] ?? '', /ordoszgh\.gov\.cn/);
      },
    );
  }
});
