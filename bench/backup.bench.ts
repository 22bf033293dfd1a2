/**
 * Backup timings at 2,000 speeches and 100,000 highlights (plus 2,000 notes) on fake-indexeddb (budgets:
 * export ≤ 3 s, import ≤ 10 s). "export" reads the three tables and writes the JSON text; "import" parses and
 * validates the text and merges it into an empty database in one transaction. fake-indexeddb is slower than a
 * browser's IndexedDB, so these are upper bounds.
 *   npx tsx bench/backup.bench.ts        (BENCH_QUICK=1 for a smoke run at a tenth of the size)
 * Prints `name  median  min  max  unit` lines, then one JSON object of medians.
 */
import 'fake-indexeddb/auto';
import { makeLibrary } from '../tests/support/records';
import { exportBackup, importBackup, parseBackup, serializeBackup } from '../utils/store/backup';
import { YanduDB } from '../utils/store/db';
import { printMedians, QUICK, record } from './lib';

const SPEECHES = QUICK ? 200 : 2_000;
const PER_SPEECH = 50; // 2,000 × 50 = 100,000 highlights
const RUNS = QUICK ? 2 : 3;

const lib = makeLibrary(SPEECHES, PER_SPEECH);
const source = new YanduDB('bench-backup-source');
// Seeded in slices: fake-indexeddb's request queue is slow with 100,000 requests pending at once.
for (let i = 0; i < lib.highlights.length; i += 5_000) {
  await source.highlights.bulkAdd(lib.highlights.slice(i, i + 5_000));
}
await source.speeches.bulkAdd(lib.speeches);
await source.notes.bulkAdd(lib.notes);

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

const size = `${SPEECHES / 1000}k speeches, ${(SPEECHES * PER_SPEECH) / 1000}k highlights`;
const exportTimes: number[] = [];
let text = '';
for (let i = 0; i < RUNS; i++) {
  const [ms, out] = await timed(async () => serializeBackup(await exportBackup(source)));
  exportTimes.push(ms);
  text = out;
}
record(`backup export: ${size}`, exportTimes);
record('backup file size', [text.length / 1024 / 1024], 'M chars');

const parseTimes: number[] = [];
const importTimes: number[] = [];
const mergeTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const target = new YanduDB(`bench-backup-target-${i}`);
  const [parseMs, parsed] = await timed(async () => parseBackup(text));
  if (!parsed.ok) throw new Error(parsed.reason);
  const [writeMs] = await timed(() => importBackup(target, parsed.backup));
  parseTimes.push(parseMs);
  importTimes.push(parseMs + writeMs);
  // Importing the same file again: every record is compared and kept, nothing written.
  const [mergeMs] = await timed(() => importBackup(target, parsed.backup));
  mergeTimes.push(mergeMs);
  target.close();
  await target.delete();
}
record('backup parse + validate', parseTimes);
record(`backup import (empty db): ${size}`, importTimes);
record('backup re-import (all kept)', mergeTimes);

source.close();
await source.delete();
printMedians();
