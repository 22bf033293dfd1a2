// "Go to it" always shows it, and reading resumes where it stopped, in real
// browsers (1280×900): 查看原文 in the task list and a click in the notes panel put a highlight near the end of
// a 30-line paragraph on screen, flashed; a library search hit for a phrase 97% down opens the reader with the
// phrase on screen; a speech left in the middle opens there again from the library, which shows how far it
// was read. The speech imitates the portal's 领导讲话 pages (http://www.ordoszgh.gov.cn/zlzx/ldjh/…); its
// text is composed for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compilationHref } from '../../utils/routes.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { type SeedSpeech, seedSpeech } from './support/seed.ts';

const STEP = { timeout: 120_000 };
const FAR = '把职工服务阵地建到产业园区和新就业形态劳动者身边';
const DEEP = '青年人才驿站建设';
const LONG_PARA = 20;
const DEEP_PARA = 58;

/** ~1,500 characters: 30-odd lines in the reader's column, the highlight in its last lines. */
const longParagraph = `${Array.from(
  { length: 40 },
  (_, i) => `第${i + 1}项要求是把各项帮扶措施落实落细，`,
).join('')}同时要${FAR}，让服务触手可及。`;

const paragraphs = Array.from({ length: 60 }, (_, i) => {
  if (i === 0) return '同志们：';
  if (i === 1) return '一、健全帮扶机制';
  if (i === 40) return '二、加强阵地建设';
  if (i === LONG_PARA) return longParagraph;
  if (i === DEEP_PARA) return `要统筹推进${DEEP}，为来鄂尔多斯创业就业的青年提供落脚点。`;
  return `第${i}段：要坚持以职工为中心，围绕职工急难愁盼问题，一件一件抓落实，一年接着一年干，久久为功。`;
});

const SPEECH: SeedSpeech = {
  id: 'ordoszgh.gov.cn/zlzx/ldjh/202604/t20260402_jump.html',
  title: '在全市职工服务阵地建设推进会上的讲话',
  speaker: '王某某',
  occasion: '全市职工服务阵地建设推进会',
  date: '2026-04-02',
  paragraphs,
  outline: [
    { level: 1, marker: '一、', title: '健全帮扶机制', para: 1, offset: 0 },
    { level: 1, marker: '二、', title: '加强阵地建设', para: 40, offset: 0 },
  ],
  highlights: [
    {
      id: 'e2e-j-far',
      para: LONG_PARA,
      exact: FAR,
      category: 'task',
      section: 0,
      note: '',
      task: { status: 'todo', due: null, progress: '' },
    },
  ],
};

/** 40 sections of a heading and one paragraph each; the last section a single short line. */
const SECTIONS = 40;
const MANY: SeedSpeech = {
  id: 'ordoszgh.gov.cn/zlzx/ldjh/202604/t20260403_sections.html',
  title: '关于职工服务四十项重点工作的说明',
  speaker: '王某某',
  occasion: '全市工会工作会议',
  date: '2026-04-03',
  paragraphs: Array.from({ length: SECTIONS * 2 }, (_, i) => {
    const n = Math.floor(i / 2) + 1;
    if (i % 2 === 0) return `（${n}）第${n}项重点工作`;
    return n === SECTIONS
      ? '按计划推进。'
      : `第${n}项工作要明确牵头单位和责任人，细化时间表和路线图，定期调度，确保按期完成，取得职工认可的实效。`;
  }),
  outline: Array.from({ length: SECTIONS }, (_, k) => ({
    level: 1,
    marker: `（${k + 1}）`,
    title: `第${k + 1}项重点工作`,
    para: k * 2,
    offset: 0,
  })),
  highlights: [],
};

interface OnScreen {
  top: number;
  bottom: number;
  height: number;
  flashed: boolean;
}

/** Where the first line of `exact` in paragraph `para` is (viewport px), and whether a flash box covers it. */
function passageBox(b: YanduBrowser, para: number, exact: string): Promise<OnScreen | null> {
  return b.evaluate(
    ({ para, exact }) => {
      const el = document.querySelector(`[data-para="${para}"]`);
      const at = el?.textContent?.indexOf(exact) ?? -1;
      if (!el || at < 0) return null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (at < seen + node.data.length) {
          range.setStart(node, at - seen);
          range.setEnd(node, Math.min(node.data.length, at - seen + 1));
          break;
        }
        seen += node.data.length;
      }
      const line = range.getClientRects()[0];
      if (!line) return null;
      // The flash: a range in CSS.highlights (Chromium, Firefox 140+), else boxes over the lines.
      const flash = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(
        'yandu-flash',
      );
      const flashed =
        [...(flash ?? [])].some((r) => r.toString().includes(exact)) ||
        [...document.querySelectorAll('.yd-flash')].some((f) => {
          const r = f.getBoundingClientRect();
          return r.top <= line.top + 1 && r.bottom >= line.bottom - 1;
        });
      return { top: line.top, bottom: line.bottom, height: window.innerHeight, flashed };
    },
    { para, exact },
  );
}

/** Wait until the passage's first line is inside the window and flashed; the box it was found at. */
function waitOnScreen(b: YanduBrowser, para: number, exact: string, what: string): Promise<OnScreen> {
  return b.waitFor(
    ({ para, exact }) => {
      const el = document.querySelector(`[data-para="${para}"]`);
      const text = el?.textContent ?? '';
      const at = text.indexOf(exact);
      if (!el || at < 0 || !document.documentElement.dataset.yanduReady) return null;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (at < seen + node.data.length) {
          range.setStart(node, at - seen);
          range.setEnd(node, Math.min(node.data.length, at - seen + 1));
          break;
        }
        seen += node.data.length;
      }
      const line = range.getClientRects()[0];
      if (!line || line.top < 0 || line.bottom > window.innerHeight) return null;
      // The flash: a range in CSS.highlights (Chromium, Firefox 140+), else boxes over the lines.
      const flash = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(
        'yandu-flash',
      );
      const flashed =
        [...(flash ?? [])].some((r) => r.toString().includes(exact)) ||
        [...document.querySelectorAll('.yd-flash')].some((f) => {
          const r = f.getBoundingClientRect();
          return r.top <= line.top + 1 && r.bottom >= line.bottom - 1;
        });
      return flashed ? { top: line.top, bottom: line.bottom, height: window.innerHeight, flashed } : null;
    },
    { para, exact },
    what,
    30_000,
  );
}

/** The first paragraph on screen. */
function firstOnScreen(b: YanduBrowser): Promise<number> {
  return b.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-para]'))
      if (el.getBoundingClientRect().bottom > 0) return Number(el.dataset.para);
    return -1;
  }, null);
}

/** The 专题汇编 page opens the database first (creating its tables), so speeches can be put in. */
async function openDatabase(b: YanduBrowser): Promise<void> {
  await b.extensionPage(`/${compilationHref()}`);
  await b.waitFor(
    () => document.documentElement.dataset.yanduCompilationReady,
    null,
    'the database to be opened',
    30_000,
  );
}

async function openLibrary(b: YanduBrowser, path: string): Promise<void> {
  // Another page first, so the library really loads again (it reads the database once).
  await b.extensionPage(`/${compilationHref()}`);
  await b.extensionPage(path);
}

forEachBrowser('go to it, and resume reading', (b) => {
  test('查看原文 in the task list shows a highlight at the end of a long paragraph', STEP, async () => {
    await openDatabase(b);
    assert.equal(await seedSpeech(b, SPEECH), true);
    await openLibrary(b, '/library.html#tasks');
    await b.waitFor(
      () => !!document.querySelector('[data-highlight-id="e2e-j-far"] .yd-task-open'),
      null,
      'the task row',
      30_000,
    );
    await b.click('[data-highlight-id="e2e-j-far"] .yd-task-open');
    const box = await waitOnScreen(b, LONG_PARA, FAR, 'the highlight on screen and flashed');
    // Its first line near a third of the window, not pushed down by the paragraph's 30 lines above it.
    assert.ok(box.top >= box.height * 0.2 && box.top <= box.height * 0.45, JSON.stringify(box));
    // The paragraph's start is far above: the passage itself was gone to.
    const start = await b.evaluate(
      (p) => document.querySelector(`[data-para="${p}"]`)?.getBoundingClientRect().top ?? 0,
      LONG_PARA,
    );
    assert.ok(start < 0, `paragraph start at ${start}`);
  });

  test('a click in the notes panel shows the highlight too', STEP, async () => {
    await b.evaluate(() => window.scrollTo(0, 0), null);
    await b.waitFor(() => window.scrollY === 0, null, 'the top of the speech');
    const before = await passageBox(b, LONG_PARA, FAR);
    assert.ok(before && before.top > before.height, 'the highlight starts off screen');
    await b.click('.yd-side-tab-notes');
    await b.waitFor(
      () => !!document.querySelector('[data-highlight="e2e-j-far"] .yd-note-link'),
      null,
      'the highlight in the notes panel',
    );
    await b.click('[data-highlight="e2e-j-far"] .yd-note-link');
    const box = await waitOnScreen(b, LONG_PARA, FAR, 'the highlight on screen after the notes click');
    assert.ok(box.bottom <= box.height);
  });

  test('a library search hit 97% down opens the reader there', STEP, async () => {
    await openLibrary(b, '/library.html');
    const href = await b.waitFor(
      (word) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (!input) return null;
        if (input.value !== word) {
          input.value = word;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }
        return document.querySelector('a.yd-snippet-text')?.getAttribute('href');
      },
      DEEP,
      'the search hit',
      30_000,
    );
    assert.match(href, new RegExp(`#p=${DEEP_PARA}:\\d+:${DEEP.length}$`));
    await b.click('a.yd-snippet-text');
    const box = await waitOnScreen(b, DEEP_PARA, DEEP, 'the phrase on screen and flashed');
    assert.ok(box.top >= 0 && box.bottom <= box.height);
  });

  test(
    'a speech left in the middle opens there again from the library, which shows the progress',
    STEP,
    async () => {
      await openLibrary(b, '/library.html');
      const title = `[data-speech-id="${SPEECH.id}"] .yd-lib-title`;
      await b.waitFor((s) => !!document.querySelector(s), title, 'the speech row', 30_000);
      await b.click(title);
      await b.waitFor(() => document.documentElement.dataset.yanduHighlights, null, 'the reader', 30_000);
      await b.evaluate(() => {
        const root = document.documentElement;
        window.scrollTo(0, (root.scrollHeight - window.innerHeight) / 2);
      }, null);
      const left = await firstOnScreen(b);
      assert.ok(left > 10 && left < 50, `paragraph ${left} on screen`);
      // Stored once scrolling pauses (localStorage, utils/reader/positions.ts).
      await b.waitFor(
        (p) => {
          const raw = localStorage.getItem('yandu:reading-positions');
          return (
            raw &&
            Object.values(JSON.parse(raw) as Record<string, { para: number }>).some((x) => x.para === p)
          );
        },
        left,
        'the position to be stored',
      );

      await openLibrary(b, '/library.html');
      const read = await b.waitFor(
        (id) => document.querySelector(`[data-speech-id="${id}"] .yd-lib-read`)?.textContent,
        SPEECH.id,
        'the reading progress in the library',
        30_000,
      );
      const percent = Number(/已读 (\d+)%/.exec(read)?.[1]);
      assert.ok(percent >= 30 && percent <= 70, read);

      await b.click(title);
      await b.waitFor(() => document.documentElement.dataset.yanduHighlights, null, 'the reader', 30_000);
      await b.waitFor(
        (p) => {
          for (const el of document.querySelectorAll<HTMLElement>('[data-para]'))
            if (el.getBoundingClientRect().bottom > 0) return Number(el.dataset.para) === p;
          return false;
        },
        left,
        `paragraph ${left} on screen again`,
      );
    },
  );

  test(
    'at the end of the text the last, short section is current, and its outline entry is in view',
    STEP,
    async () => {
      await openDatabase(b);
      assert.equal(await seedSpeech(b, MANY), true);
      await openLibrary(b, '/library.html');
      const title = `[data-speech-id="${MANY.id}"] .yd-lib-title`;
      await b.waitFor((s) => !!document.querySelector(s), title, 'the speech row', 30_000);
      await b.click(title);
      await b.waitFor(() => document.documentElement.dataset.yanduHighlights, null, 'the reader', 30_000);
      await b.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight), null);
      const current = await b.waitFor(
        () => {
          const link = document.querySelector('#yd-outline .yd-ol-link.is-current');
          const list = document.querySelector('#yd-outline .yd-outline-scroll');
          if (!link || !list) return null;
          const r = link.getBoundingClientRect();
          const box = list.getBoundingClientRect();
          return { text: link.textContent ?? '', inView: r.top >= box.top && r.bottom <= box.bottom };
        },
        null,
        'a current outline entry',
      );
      assert.match(current.text, new RegExp(`第${SECTIONS}项重点工作`));
      // The list is taller than the panel: the entry was scrolled into it as the reader read on.
      await b.waitFor(
        () => {
          const link = document.querySelector('#yd-outline .yd-ol-link.is-current');
          const list = document.querySelector('#yd-outline .yd-outline-scroll');
          if (!link || !list || list.scrollHeight <= list.clientHeight) return false;
          const r = link.getBoundingClientRect();
          const box = list.getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom;
        },
        null,
        'the current entry in view in a list taller than the panel',
      );
    },
  );
});
