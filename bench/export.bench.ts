/**
 * Study-export timings (budgets: one speech with 30 highlights to .docx ≤ 300 ms; 50 speeches with 2,000 noted
 * highlights ≤ 3 s). "longest blocking step" is the longest stretch between two progress callbacks of the chunked
 * docx export: how long the page could not respond.
 *   npx tsx bench/export.bench.ts        (BENCH_QUICK=1 for a smoke run)
 * Prints `name median min max unit` lines, then one JSON object of medians.
 */
import 'fake-indexeddb/auto';
import { CATEGORY_NAMES, makeLibrary } from '../tests/support/records';
import { toDocxBytes } from '../utils/export/docx';
import { toMarkdown } from '../utils/export/markdown';
import { buildStudyExport, buildStudyExportChunked, type StudyExportInput } from '../utils/export/model';
import { toPlainText } from '../utils/export/text';
import { bench, gapMeter, printMedians, QUICK, record } from './lib';

function input(speeches: number, perSpeech: number): StudyExportInput {
  const lib = makeLibrary(speeches, perSpeech);
  // Every highlight carries a note, so 50 × 40 gives the 2,000 notes of the budget case.
  for (const h of lib.highlights) h.note ||= '结合本单位实际，细化措施，明确责任人和时间节点。';
  return { ...lib, categoryNames: CATEGORY_NAMES, includeTasks: true, exportedAt: new Date() };
}

const small = input(1, 30);
const large = input(50, 40);

await bench('docx: 1 speech, 30 highlights', async () => toDocxBytes(buildStudyExport(small)));
const runs = QUICK ? 2 : 7;
await bench(
  'docx: 50 speeches, 2000 notes',
  async () => toDocxBytes(await buildStudyExportChunked(large)),
  runs,
);

const model = buildStudyExport(large);
await bench('model: 50 speeches, 2000 highlights', () => buildStudyExport(large));
await bench('markdown: 50 speeches, 2000 highlights', () => toMarkdown(model));
await bench('text: 50 speeches, 2000 highlights', () => toPlainText(model));

const gaps: number[] = [];
for (let i = 0; i < runs; i++) {
  const gap = gapMeter();
  await toDocxBytes(await buildStudyExportChunked(large, { onProgress: gap.tick }), { onProgress: gap.tick });
  gaps.push(gap.longest());
}
record('docx 50 speeches: longest blocking step', gaps);

const bytes = await toDocxBytes(model);
record('docx 50 speeches: file size', [bytes.length / 1024], 'KiB');
printMedians();
