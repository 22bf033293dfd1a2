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

import { CATEGORY_NAMES, makeHighlight, makeLibrary, makeSpeech } from '../tests/support/records';
import { blocksToDocxBytes } from '../utils/export/docx-blocks';
import { tasksToXlsxBytes } from '../utils/export/table-files';
import type { TemplateInput } from '../utils/export/templates/common';
import { notesTemplate } from '../utils/export/templates/notes';
import { taskTableRows } from '../utils/export/templates/tasks';
import { meetingHref } from '../utils/routes';
import { launchBench } from './browser/launch';
import { bench, budgetUpTo, printMedians, QUICK, record } from './lib';

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

const large = input(50, 40); // 2,000 highlights, every fourth a task: 500 tasks
const runs = QUICK ? 2 : 7;

const docxFigure = await bench(
  '学习笔记 docx: 50 speeches, 2000 notes',
  async () => blocksToDocxBytes(notesTemplate(large)),
  runs,
);

const gaps: number[] = [];
for (let i = 0; i < runs; i++) {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  };
  const model = notesTemplate(large);
  tick();
  await new Promise((r) => setTimeout(r, 0));
  last = performance.now();
  await blocksToDocxBytes(model, { onProgress: tick });
  gaps.push(longest);
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

/** 学习会 open in Chromium: navigation → first contentful paint of meeting.html, `rounds` times. */
async function meetingOpen(rounds: number): Promise<number[]> {
  const speech = makeSpeech(1, 30, 120);
  const highlights = Array.from({ length: 200 }, (_, j) => ({
    ...makeHighlight(speech, j),
    note: '结合本单位实际，细化措施，明确责任人和时间节点。',
  }));
  const note = { id: speech.id, speechId: speech.id, text: '学习心得。', created: 1, updated: 1 };
  const b = await launchBench([]);
  try {
    const url = (id: string) => `${b.extensionOrigin}/${meetingHref(id)}`;
    // The page of a speech not stored yet opens (and so creates) the database; then the speech is written.
    await b.page.goto(url('none'));
    await b.page.waitForFunction(() => document.getElementById('app')?.textContent);
    await b.page.evaluate(
      (records) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('yandu');
          open.onsuccess = () => {
            const tx = open.result.transaction(['speeches', 'highlights', 'notes'], 'readwrite');
            tx.objectStore('speeches').put(records.speech);
            for (const h of records.highlights) tx.objectStore('highlights').put(h);
            tx.objectStore('notes').put(records.note);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      { speech, highlights, note },
    );
    const samples: number[] = [];
    for (let i = 0; i < rounds + 1; i++) {
      await b.page.goto(url(speech.id));
      await b.page.waitForFunction(() => document.documentElement.dataset.yanduMeetingReady);
      // A string, not a function: tsx would wrap a function's inner helpers in its own __name(), and a
      // string evaluated over DevTools is not subject to the page's CSP (waitForFunction's eval is).
      let fcp: number | null = null;
      for (let tries = 0; fcp === null && tries < 500; tries++) {
        fcp = await b.page.evaluate<number | null>(
          "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null",
        );
        if (fcp === null) await new Promise((r) => setTimeout(r, 20));
      }
      if (fcp === null) throw new Error('meeting.html never reported a first contentful paint');
      if (i > 0) samples.push(fcp); // the first open compiles the page's modules: a warm-up
    }
    return samples;
  } finally {
    await b.close();
  }
}
const meetingFigure = record(
  '学习会 open: 30 sections, 200 highlights (Chromium FCP)',
  await meetingOpen(QUICK ? 1 : 12),
);

budgetUpTo('学习笔记 .docx: 50 speeches / 2,000 highlights (absolute, Node)', docxFigure, 3000);
budgetUpTo('学习笔记 .docx: longest blocking step (absolute, Node)', gapFigure, 200);
budgetUpTo('任务分解表 .xlsx: 500 tasks (absolute, Node)', xlsxFigure, 1000);
budgetUpTo('学习会 mode open, navigation → first paint (absolute, Chromium)', meetingFigure, 150);
printMedians();
