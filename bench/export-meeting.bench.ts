/**
 * Meeting-template and 学习会 timings (budgets absolute, as the product sets them: 学习笔记 .docx for 50 speeches / 2,000
 * noted highlights ≤ 3 s with no blocking step over 200 ms; 任务分解表 .xlsx of 500 tasks ≤ 1 s; 学习会 mode
 * open ≤ 150 ms). "longest blocking step" is the longest stretch between two pauses of the chunked build
 * (template, block chunks, packing): how long the page could not respond. 学习会 open is measured in Chromium
 * with the built extension: meeting.html?speech=… navigated to, until its first contentful paint (the first
 * section with its highlights: the page paints nothing before it), for a speech of 30 sections and 200
 * highlights with notes.
 *   npx tsx bench/export-meeting.bench.ts        (BENCH_QUICK=1 for a smoke run)
 * Prints `name median min max unit` lines, the budgets, then one JSON object of medians.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORY_NAMES, makeHighlight, makeLibrary, makeSpeech } from '../tests/support/records';
import { blocksToDocxBytes } from '../utils/export/docx-blocks';
import { tasksToXlsxBytes } from '../utils/export/table-files';
import type { TemplateInput } from '../utils/export/templates/common';
import { notesTemplate } from '../utils/export/templates/notes';
import { taskTableRows } from '../utils/export/templates/tasks';
import { meetingHref } from '../utils/routes';
import { pipeBrowser } from './browser/pipe-browser';
import { makeVariants } from './browser/variants';
import { bench, budgetUpTo, gapMeter, interleave, printMedians, QUICK, record } from './lib';

function input(speeches: number, perSpeech: number): TemplateInput {
  const lib = makeLibrary(speeches, perSpeech);
  for (const h of lib.highlights) h.note ||= '结合本单位实际，细化措施，明确责任人和时间节点。';
  return {
    ...lib,
    categoryNames: CATEGORY_NAMES,
    settings: { learner: '张三', unit: '办公室' },
    exportedAt: new Date(),
  };
}

/** The .docx and .xlsx figures (Node); BENCH_MEETING_ONLY=1 leaves them out, to time the 学习会 open alone. */
async function exportFigures() {
  const large = input(50, 40); // 2,000 highlights, every fourth a task: 500 tasks
  const runs = QUICK ? 2 : 7;

  const docxFigure = await bench(
    '学习笔记 docx: 50 speeches, 2000 notes',
    async () => blocksToDocxBytes(notesTemplate(large)),
    runs,
  );

  const gaps: number[] = [];
  for (let i = 0; i < runs; i++) {
    const gap = gapMeter();
    const model = notesTemplate(large);
    gap.tick();
    await new Promise((r) => setTimeout(r, 0));
    gap.restart();
    await blocksToDocxBytes(model, { onProgress: gap.tick });
    gaps.push(gap.longest());
  }
  const gapFigure = record('学习笔记 docx 50 speeches: longest blocking step', gaps);

  const rows = taskTableRows(large);
  if (rows.length !== 500) throw new Error(`expected 500 tasks, got ${rows.length}`);
  const xlsxFigure = await bench(
    '任务分解表 xlsx: 500 tasks',
    async () => tasksToXlsxBytes(taskTableRows(large)),
    QUICK ? 2 : 7,
  );
  const bytes = await blocksToDocxBytes(notesTemplate(large));
  record('学习笔记 docx 50 speeches: file size', [bytes.length / 1024], 'KiB');
  return { docxFigure, gapFigure, xlsxFigure };
}

/**
 * 学习会 open in Chromium, beside a minimal extension page (variants.ts: bench-blank.html) opened the same way,
 * interleaved: navigation → first contentful paint. The meeting page paints nothing before its first slide,
 * and each open checks it: the slide (`.yd-meeting-slide`, seen by a MutationObserver installed before the
 * page's scripts) must be in the document before that paint, or the figure would be an empty frame's.
 * Driven over a bare DevTools pipe (pipe-browser.ts): no driver code runs in the page it times.
 */
async function meetingOpen(rounds: number) {
  const speech = makeSpeech(1, 30, 120);
  const highlights = Array.from({ length: 200 }, (_, j) => ({
    ...makeHighlight(speech, j),
    note: '结合本单位实际，细化措施，明确责任人和时间节点。',
  }));
  const note = { id: speech.id, speechId: speech.id, text: '学习心得。', created: 1, updated: 1 };
  const home = await mkdtemp(join(tmpdir(), 'yandu-bench-meeting-'));
  const pipe = await pipeBrowser((await makeVariants('chromium', home, ['ours'])).ours);
  try {
    const { cdp, tab, extensionOrigin } = pipe;
    await cdp.send('Page.enable', {}, tab);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: WATCH_SLIDE }, tab);
    const url = (id: string) => `${extensionOrigin}/${meetingHref(id)}`;
    // The page of a speech not stored yet opens (and so creates) the database; then the speech is written.
    await cdp.send('Page.navigate', { url: url('none') }, tab);
    await cdp.waitFor(tab, `document.getElementById('app')?.textContent`, 30_000, 100);
    await cdp.evaluate(tab, seed({ speech, highlights, note }));
    const phases = { scripts: [] as number[], read: [] as number[], painted: [] as number[] };
    const open = (target: string, meeting: boolean) => async () => {
      await cdp.send('Page.navigate', { url: target }, tab);
      // Leave the page alone while it opens; then look a few times a second.
      await new Promise((r) => setTimeout(r, 400));
      await cdp.waitFor(tab, `${MARKS}.fcp !== undefined`, 30_000, 100);
      const m = await cdp.evaluate<Record<string, number>>(tab, MARKS);
      const fcp = m.fcp as number;
      if (meeting) {
        if (m.slide === undefined || m.slide > fcp) {
          throw new Error('meeting.html painted before its first slide was on the page');
        }
        if (m.start !== undefined && m.read !== undefined) {
          phases.scripts.push(m.start);
          phases.read.push(m.read - m.start);
          phases.painted.push(fcp - m.read);
        }
      }
      return fcp;
    };
    const samples = await interleave(
      { meeting: open(url(speech.id), true), blank: open(`${extensionOrigin}/bench-blank.html`, false) },
      rounds,
    );
    return { ...samples, phases };
  } finally {
    await pipe.close();
    await rm(home, { recursive: true, force: true });
  }
}

/** Before the page's scripts: the time the first slide is in the document (the minimal page has no slide). */
const WATCH_SLIDE = `(() => {
  if (!location.pathname.endsWith('/meeting.html')) return;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.yd-meeting-slide')) return;
    performance.mark('bench:slide-in-document');
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** The first contentful paint, the slide's arrival and the page's own marks (undefined until there). */
const MARKS = `(() => {
  const get = (name) => performance.getEntriesByName(name)[0]?.startTime;
  return { fcp: get('first-contentful-paint'), slide: get('bench:slide-in-document'),
    start: get('yandu:meeting-start'), read: get('yandu:meeting-read') };
})()`;

/** Raw IndexedDB writes of the records (the page has opened Yandu's database, so its stores exist). */
const seed = (records: unknown) => `new Promise((resolve, reject) => {
  const records = ${JSON.stringify(records)};
  const open = indexedDB.open('yandu');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const tx = open.result.transaction(['speeches', 'highlights', 'notes'], 'readwrite');
    tx.objectStore('speeches').put(records.speech);
    for (const h of records.highlights) tx.objectStore('highlights').put(h);
    tx.objectStore('notes').put(records.note);
    tx.oncomplete = () => { open.result.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

const exported = process.env.BENCH_MEETING_ONLY === '1' ? undefined : await exportFigures();
const opens = await meetingOpen(QUICK ? 1 : 12);
const meetingFigure = record('学习会 open: 30 sections, 200 highlights (Chromium FCP)', opens.meeting);
const blankFigure = record('minimal extension page open (Chromium, meeting bench)', opens.blank);
console.log(`# ratio to the minimal page: ${(meetingFigure.median / blankFigure.median).toFixed(2)}×`);
record('学习会 open: navigation → yandu:meeting-start (scripts)', opens.phases.scripts);
record('学习会 open: start → records read (database, settings)', opens.phases.read);
record('学习会 open: records read → first paint (slides, render, layout)', opens.phases.painted);

if (exported) {
  const { docxFigure, gapFigure, xlsxFigure } = exported;
  budgetUpTo('学习笔记 .docx: 50 speeches / 2,000 highlights (absolute, Node)', docxFigure, 3000);
  budgetUpTo('学习笔记 .docx: longest blocking step (absolute, Node)', gapFigure, 200);
  budgetUpTo('任务分解表 .xlsx: 500 tasks (absolute, Node)', xlsxFigure, 1000);
}
budgetUpTo('学习会 mode open, navigation → first paint (absolute, Chromium)', meetingFigure, 150);
printMedians();
