/**
 * Scores buildOutline against the gold `outline` of every .json file in a corpus directory.
 *   npm run eval:outline -- DIR [DIR…] [--verbose]
 * A predicted node matches a gold node when level and para agree and the offsets differ by at most 2
 * (markers are ignored: the corpora write 第一 and 第一， differently). Prints precision/recall/F1 per level
 * and overall; --verbose adds each file's misses and false alarms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildOutline } from '../utils/outline/build';
import type { OutlineNode } from '../utils/types';

interface GoldNode {
  level: number;
  marker: string;
  title: string;
  para: number;
  offset: number;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface FileResult {
  id: string;
  missed: GoldNode[];
  extra: OutlineNode[];
  matched: number;
}

const LEVELS = [1, 2, 3] as const;

/** Greedy one-to-one matching in document order. */
export function matchNodes(
  gold: GoldNode[],
  pred: OutlineNode[],
): { missed: GoldNode[]; extra: OutlineNode[] } {
  const used = new Set<number>();
  const missed: GoldNode[] = [];
  for (const g of gold) {
    const k = pred.findIndex(
      (p, i) =>
        !used.has(i) && p.level === g.level && p.para === g.para && Math.abs(p.offset - g.offset) <= 2,
    );
    if (k >= 0) used.add(k);
    else missed.push(g);
  }
  return { missed, extra: pred.filter((_, i) => !used.has(i)) };
}

function readCorpus(dir: string): Array<Record<string, unknown>> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
}

const f1 = (t: Tally) => {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

export function evaluate(files: Array<Record<string, unknown>>): { table: string; results: FileResult[] } {
  const tally = new Map<string, Tally>();
  for (const k of ['1', '2', '3', 'all']) tally.set(k, { tp: 0, fp: 0, fn: 0 });
  const results: FileResult[] = [];
  for (const file of files) {
    const paragraphs = Array.isArray(file.paragraphs) ? (file.paragraphs as string[]) : [];
    const gold = Array.isArray(file.outline) ? (file.outline as GoldNode[]) : [];
    const pred = buildOutline(paragraphs);
    const { missed, extra } = matchNodes(gold, pred);
    results.push({ id: String(file.id ?? '?'), missed, extra, matched: gold.length - missed.length });
    for (const key of ['all', ...LEVELS.map(String)]) {
      const t = tally.get(key) as Tally;
      const inLevel = (lv: number) => key === 'all' || String(lv) === key;
      const g = gold.filter((n) => inLevel(n.level)).length;
      const m = missed.filter((n) => inLevel(n.level)).length;
      t.tp += g - m;
      t.fn += m;
      t.fp += extra.filter((n) => inLevel(n.level)).length;
    }
  }
  const lines = ['level   gold  pred    P      R      F1'];
  for (const key of ['1', '2', '3', 'all']) {
    const t = tally.get(key) as Tally;
    const { p, r, f } = f1(t);
    // A level with no gold and no predicted node has nothing to score.
    const fmt = (x: number) => (t.tp + t.fp + t.fn === 0 ? '  n/a' : x.toFixed(3));
    lines.push(
      `${key.padEnd(5)} ${String(t.tp + t.fn).padStart(6)} ${String(t.tp + t.fp).padStart(5)}  ${fmt(p)}  ${fmt(r)}  ${fmt(f)}`,
    );
  }
  return { table: lines.join('\n'), results };
}

function describe(n: { level: number; marker: string; title: string; para: number; offset: number }): string {
  return `L${n.level} ${n.marker} @${n.para}:${n.offset} ${n.title.slice(0, 30)}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dirs = args.filter((a) => !a.startsWith('-'));
  if (dirs.length === 0) {
    console.error('usage: npm run eval:outline -- DIR [DIR…] [--verbose]');
    process.exit(2);
  }
  for (const dir of dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      console.error(`not a directory: ${dir}`);
      process.exitCode = 2;
      continue;
    }
    const files = readCorpus(dir);
    const { table, results } = evaluate(files);
    console.log(`\n== outline: ${dir} (${files.length} files)\n${table}`);
    if (verbose) {
      for (const r of results) {
        if (r.missed.length === 0 && r.extra.length === 0) continue;
        console.log(`\n${r.id}: ${r.matched} matched`);
        for (const n of r.missed) console.log(`  missed  ${describe(n)}`);
        for (const n of r.extra) console.log(`  extra   ${describe(n)}`);
      }
    }
    await printDetection(files);
  }
}

/** The detector's own evaluation, when its module exists (written separately); skipped silently otherwise. */
async function printDetection(files: Array<Record<string, unknown>>): Promise<void> {
  const path = join(import.meta.dirname ?? __dirname, 'eval-detect.ts');
  if (!statSync(path, { throwIfNoEntry: false })) return;
  try {
    const mod = (await import(pathToFileURL(path).href)) as {
      evalDetection?: (f: Array<Record<string, unknown>>) => string;
    };
    if (typeof mod.evalDetection === 'function') console.log(`\n== detection\n${mod.evalDetection(files)}`);
  } catch (e) {
    console.error(`eval-detect failed: ${(e as Error).message}`);
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void main();
