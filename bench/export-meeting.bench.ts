/**
 * Meeting-template timings (budgets: 学习笔记 .docx for 50 speeches / 2,000 noted highlights ≤ 3 s with no
 * blocking step over 200 ms; 任务分解表 .xlsx of 500 tasks ≤ 1 s). "longest blocking step" is the longest stretch
 * between two pauses of the chunked build (template, block chunks, packing): how long the page could not respond.
 *   npx tsx bench/export-meeting.bench.ts        (BENCH_QUICK=1 for a smoke run)
 * Prints `name median min max unit` lines, then one JSON object of medians.
 */
import { CATEGORY_NAMES, makeLibrary } from '../tests/fixtures/export/records';
import { blocksToDocxBytes } from '../utils/export/docx-blocks';
import { tasksToXlsxBytes } from '../utils/export/table-files';
import type { TemplateInput } from '../utils/export/templates/common';
import { notesTemplate } from '../utils/export/templates/notes';
import { taskTableRows } from '../utils/export/templates/tasks';
import { bench, printMedians, QUICK, record } from './lib';

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

await bench(
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
record('学习笔记 docx 50 speeches: longest blocking step', gaps);

const rows = taskTableRows(large);
if (rows.length !== 500) throw new Error(`expected 500 tasks, got ${rows.length}`);
await bench('任务分解表 xlsx: 500 tasks', async () => tasksToXlsxBytes(taskTableRows(large)), QUICK ? 2 : 7);
const bytes = await blocksToDocxBytes(notesTemplate(large));
record('学习笔记 docx 50 speeches: file size', [bytes.length / 1024], 'KiB');
printMedians();
