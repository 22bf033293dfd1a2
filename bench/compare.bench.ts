/**
 * The comparison engine (utils/compare) in Node.
 *   npx tsx bench/compare.bench.ts          (BENCH_QUICK=1 for a smoke run)
 * Speed: OLD and NEW texts of 10k, 20k, 40k characters (budget: 20k pair ≤ 300 ms; growth should be about
 * linear), the heap a 100k pair needs, and the real 2024 → 2025 pair when the dev data is there.
 * Accuracy: pairs made from the dev corpus with known edits (bench/compare-pairs.ts), scored per kind
 * (bench/compare-score.ts) for the engine and for a plain sentence-level diff. The corpus texts are split
 * by file-name position into a part whose pairs were looked at while choosing the engine's thresholds (dev)
 * and a part that was not (held-out); the held-out figures are the ones that count.
 * The last line is one JSON object: the medians plus { accuracy: { ours, baseline } } (held-out).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { diffArrays } from 'diff';
import { compareTexts } from '../utils/compare';
import type { DiffArrays } from '../utils/compare/numbers';
import { splitSentences } from '../utils/compare/sentences';
import { DEFAULT_EDITS, makePair, type Pair } from './compare-pairs';
import { baselineDiff, emptyTally, KINDS, score, type Tally } from './compare-score';
import { QUICK, record, time } from './lib';

const SHARED = resolve(import.meta.dirname, '../../shared');
const diff: DiffArrays = (a, b) => diffArrays(a, b);

interface Doc {
  name: string;
  paragraphs: string[];
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const dir of ['corpus-full', 'compare']) {
    const path = join(SHARED, dir);
    if (!existsSync(path)) continue;
    for (const f of readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const data = JSON.parse(readFileSync(join(path, f), 'utf8')) as { paragraphs?: unknown };
      if (Array.isArray(data.paragraphs)) docs.push({ name: `${dir}/${f}`, paragraphs: data.paragraphs });
    }
  }
  return docs;
}

/** Composed paragraphs, for a machine without the dev corpus: numbered sections of varied sentences. */
function composed(chars: number): string[] {
  const CN = '一二三四五六七八九十';
  const verbs = ['推进', '加强', '完善', '落实', '优化', '深化', '提升', '保障'];
  const things = [
    '重点项目',
    '营商环境',
    '公共服务',
    '就业岗位',
    '科技创新',
    '乡村振兴',
    '生态保护',
    '民生实事',
  ];
  const paras: string[] = [];
  let n = 0;
  let total = 0;
  for (let s = 0; total < chars; s++) {
    paras.push(`${CN[s % 10]}、第${s + 1}方面的工作`);
    for (let p = 0; p < 8 && total < chars; p++) {
      let para = '';
      for (let k = 0; k < 4; k++, n++) {
        para += `${verbs[n % 8]}${things[(n * 3) % 8]}第${n}项任务，全年完成${(n * 7) % 97}个，增长${(n % 9) + 1}.${n % 10}%。`;
      }
      paras.push(para);
      total += para.length;
    }
  }
  return paras;
}

/** Paragraphs of the corpus texts, one after another, up to `chars` characters. */
function corpusText(docs: readonly Doc[], chars: number): string[] {
  if (!docs.length) return composed(chars);
  const out: string[] = [];
  let total = 0;
  for (let d = 0; total < chars; d++) {
    for (const p of docs[d % docs.length]?.paragraphs ?? []) {
      if (total >= chars) break;
      out.push(p);
      total += p.length;
    }
  }
  return out;
}

function speedPair(docs: readonly Doc[], chars: number): Pair {
  const old = corpusText(docs, chars);
  const foreign = splitSentences(corpusText(docs.slice(1), 5000)).map((s) => s.text);
  const scale = Math.max(1, Math.round(chars / 20000));
  const edits = { ...DEFAULT_EDITS };
  for (const k of Object.keys(edits) as Array<keyof typeof edits>) edits[k] *= scale;
  return makePair(`${chars}`, old, foreign, chars, edits);
}

/** CPU time of this process per run (user + system), in ms: less blurred than wall time on a busy machine. */
function cpuTimes(fn: () => unknown, runs = QUICK ? 5 : 30): number[] {
  for (let i = 0; i < 3; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    out.push((used.user + used.system) / 1000);
  }
  return out;
}

async function speed(docs: readonly Doc[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const chars of [10_000, 20_000, 40_000, 100_000]) {
    const pair = speedPair(docs, chars);
    const run = () => compareTexts({ paragraphs: pair.old }, { paragraphs: pair.new }, diff);
    const f = record(
      `compare ${chars / 1000}k chars (Node)`,
      await time(run, chars > 40_000 ? 5 : undefined),
    );
    record(`compare ${chars / 1000}k chars (Node, CPU time)`, cpuTimes(run, chars > 40_000 ? 5 : undefined));
    out[`compare${chars / 1000}k`] = f.median;
  }
  const real = join(SHARED, 'compare');
  if (existsSync(join(real, 'gwr-2024.json'))) {
    const read = (y: number) =>
      JSON.parse(readFileSync(join(real, `gwr-${y}.json`), 'utf8')) as { paragraphs: string[] };
    const a = read(2024);
    const b = read(2025);
    record('compare gwr 2024 → 2025 (Node)', await time(() => compareTexts(a, b, diff)));
  }
  // Heap for a 100k pair: in use after a collection, before and with the comparison's result alive.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const pair = speedPair(docs, 100_000);
  const held: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 5); i++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = compareTexts({ paragraphs: pair.old }, { paragraphs: pair.new }, diff);
    gc();
    const after = process.memoryUsage().heapUsed;
    if (result.changes.length === 0) throw new Error('100k pair: no change found');
    held.push((after - before) / 2 ** 20);
    total.push(after / 2 ** 20);
  }
  record('compare 100k chars: heap held by the result', held, 'MB');
  record('compare 100k chars: heap in use (whole bench)', total, 'MB');
  return out;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '—';
}

function show(label: string, ours: Tally, base: Tally): void {
  console.log(`\n# accuracy, ${label}`);
  console.log('kind       edits | ours: recall  precision (reports) | baseline: recall  precision (reports)');
  const total = (t: Tally) =>
    Object.values(t.kinds).reduce(
      (a, k) => ({
        truth: a.truth + k.truth,
        found: a.found + k.found,
        reported: a.reported + k.reported,
        right: a.right + k.right,
      }),
      { truth: 0, found: 0, reported: 0, right: 0 },
    );
  const rows = [
    ...KINDS.map((k) => [k, ours.kinds[k], base.kinds[k]] as const),
    ['all', total(ours), total(base)] as const,
  ];
  for (const [k, o, b] of rows) {
    console.log(
      `${k.padEnd(10)} ${String(o.truth).padStart(5)} | ${pct(o.found, o.truth).padStart(12)} ${pct(o.right, o.reported).padStart(10)} (${o.reported}) | ${pct(b.found, b.truth).padStart(16)} ${pct(b.right, b.reported).padStart(10)} (${b.reported})`,
    );
  }
  console.log(
    `false alarms on moved/split/merged paragraphs: ours ${ours.falseAlarms}, baseline ${base.falseAlarms}`,
  );
}

function accuracy(docs: readonly Doc[], heldOut: boolean): { ours: Tally; baseline: Tally; pairs: number } {
  const part = docs.filter((_, i) => (i % 3 === 2) === heldOut);
  const ours = emptyTally();
  const baseline = emptyTally();
  let pairs = 0;
  const seeds = QUICK ? 1 : 3;
  part.forEach((doc, d) => {
    const others = part.filter((_, j) => j !== d);
    const foreign = others
      .flatMap((o) => splitSentences(o.paragraphs))
      .map((s) => s.text)
      .filter((t) => t.length >= 12 && /[。！？]$/u.test(t));
    for (let seed = 1; seed <= seeds; seed++) {
      const pair = makePair(doc.name, doc.paragraphs, foreign, seed * 7919 + d);
      const result = compareTexts({ paragraphs: pair.old }, { paragraphs: pair.new }, diff);
      score(pair, result.changes, ours);
      score(pair, baselineDiff(pair.old, pair.new, diff), baseline);
      pairs++;
    }
  });
  return { ours, baseline, pairs };
}

async function main(): Promise<void> {
  const docs = loadDocs();
  if (!docs.length) console.log('# MISSING accuracy: the dev corpus (../shared/corpus-full) is not there');
  console.log('name                                                   median        min        max  unit');
  const medians = await speed(docs);
  let extra = {};
  if (docs.length) {
    const dev = accuracy(docs, false);
    show(`dev part (${dev.pairs} pairs)`, dev.ours, dev.baseline);
    const held = accuracy(docs, true);
    show(`held-out part (${held.pairs} pairs, not used for tuning)`, held.ours, held.baseline);
    extra = {
      accuracy: { ours: held.ours, baseline: held.baseline, dev: { ours: dev.ours, baseline: dev.baseline } },
    };
  }
  console.log(JSON.stringify({ ...medians, ...extra }));
}

main();
