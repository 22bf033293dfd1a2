/**
 * Scores buildOutline against the gold outlines of the development corpora.
 *   npm run eval:outline                      every corpus in ../shared (corpus/, corpus-full/)
 *   npm run eval:outline -- DIR [DIR…]        the given corpus directories
 *   options: --verbose (each file's misses and false alarms), --detect (also the detector's evaluation of
 *   the given directories, scripts/eval-detect.ts), --write-scores (record the figures in
 *   tests/fixtures/outline/scores/dev-scores.json, the regression guard's floor)
 *
 * A predicted node matches a gold node when level and para agree and the offsets differ by at most 2
 * (markers are ignored: corpus-full writes 第一， and the older corpus 第一). Role nodes (开头 / 结束语) are not
 * enumeration nodes and are left out of the scoring. Prints P/R/F1 per level, the number of texts whose
 * outline is wholly correct, and two figures side by side:
 *   plain  the shipped parameters (DEFAULT_PARAMS in utils/outline/params.ts) on every text;
 *   LOSO   leave one source out: for each source (`source.repo`, else the page's `site`) the parameters are
 *          fitted by coordinate search (PARAM_GRID) on all other sources and that source is scored with them.
 * The parameters fitted on all sources are printed too, so a shipped value that no longer fits shows.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildOutline } from '../utils/outline/build';
import { DEFAULT_PARAMS, type OutlineParams, PARAM_GRID } from '../utils/outline/params';
import type { OutlineNode } from '../utils/types';

export interface GoldNode {
  level: number;
  marker: string;
  title: string;
  para: number;
  offset: number;
}

export interface CorpusFile {
  id: string;
  corpus: string;
  source: string;
  paragraphs: string[];
  outline: GoldNode[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Per level (1, 2, 3) and over all levels, plus texts wholly right. */
export interface Score {
  levels: Record<'1' | '2' | '3' | 'all', Tally>;
  texts: number;
  whollyCorrect: number;
}

export interface FileResult {
  id: string;
  missed: GoldNode[];
  extra: OutlineNode[];
  matched: number;
}

const KEYS = ['1', '2', '3', 'all'] as const;
const HERE = dirname(fileURLToPath(import.meta.url));

/** Greedy one-to-one matching in document order; role nodes (开头 / 结束语) are ignored. */
export function matchNodes(
  gold: GoldNode[],
  predicted: OutlineNode[],
): { missed: GoldNode[]; extra: OutlineNode[] } {
  const pred = predicted.filter((p) => p.role === undefined);
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

/** The source a text came from: the repository it was found in, else the site of the page. */
function sourceOf(raw: Record<string, unknown>): string {
  const src = raw.source as { repo?: unknown } | undefined;
  if (src && typeof src.repo === 'string') return src.repo;
  if (typeof raw.site === 'string') return raw.site;
  if (typeof raw.url === 'string') {
    try {
      return new URL(raw.url).host;
    } catch {
      // fall through
    }
  }
  return String(raw.id ?? '?');
}

export function readCorpus(dir: string): CorpusFile[] {
  const name = dir.replace(/\/+$/u, '').split('/').pop() ?? dir;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)
    .filter((raw) => Array.isArray(raw.paragraphs))
    .map((raw) => ({
      id: String(raw.id ?? '?'),
      corpus: name,
      source: sourceOf(raw),
      paragraphs: raw.paragraphs as string[],
      outline: Array.isArray(raw.outline) ? (raw.outline as GoldNode[]) : [],
    }));
}

/** The development corpora in a shared data directory (corpus/, corpus-full/); throws if there are none. */
export function readShared(sharedDir: string): CorpusFile[] {
  const dirs = ['corpus', 'corpus-full'].map((d) => join(sharedDir, d));
  const missing = dirs.filter((d) => !statSync(d, { throwIfNoEntry: false })?.isDirectory());
  if (missing.length > 0) throw new Error(`outline corpora not found: ${missing.join(', ')}`);
  return dirs.flatMap(readCorpus);
}

export const defaultSharedDir = () => process.env.YANDU_SHARED ?? resolve(HERE, '..', '..', 'shared');

const emptyScore = (): Score => ({
  levels: {
    '1': { tp: 0, fp: 0, fn: 0 },
    '2': { tp: 0, fp: 0, fn: 0 },
    '3': { tp: 0, fp: 0, fn: 0 },
    all: { tp: 0, fp: 0, fn: 0 },
  },
  texts: 0,
  whollyCorrect: 0,
});

function add(into: Score, s: Score): void {
  for (const k of KEYS) {
    into.levels[k].tp += s.levels[k].tp;
    into.levels[k].fp += s.levels[k].fp;
    into.levels[k].fn += s.levels[k].fn;
  }
  into.texts += s.texts;
  into.whollyCorrect += s.whollyCorrect;
}

function scoreFile(file: CorpusFile, params: OutlineParams): { score: Score; result: FileResult } {
  const { missed, extra } = matchNodes(file.outline, buildOutline(file.paragraphs, params));
  const score = emptyScore();
  score.texts = 1;
  score.whollyCorrect = missed.length === 0 && extra.length === 0 ? 1 : 0;
  for (const k of KEYS) {
    const inLevel = (lv: number) => k === 'all' || String(lv) === k;
    const g = file.outline.filter((n) => inLevel(n.level)).length;
    const m = missed.filter((n) => inLevel(n.level)).length;
    score.levels[k].tp += g - m;
    score.levels[k].fn += m;
    score.levels[k].fp += extra.filter((n) => inLevel(n.level)).length;
  }
  const result = { id: file.id, missed, extra, matched: file.outline.length - missed.length };
  return { score, result };
}

export function prf(t: Tally): { p: number; r: number; f: number } {
  const p = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** What the fitting maximises: F1 over all levels plus the share of wholly correct texts. */
const objective = (s: Score) => prf(s.levels.all).f + s.whollyCorrect / Math.max(1, s.texts);

export interface Evaluation {
  plain: Score;
  loso: Score;
  fittedOnAll: OutlineParams;
  fittedScore: Score;
  perCorpus: Map<string, Score>;
  results: FileResult[];
  /** How many parameter sets were scored on every text. */
  setsTried: number;
}

const PARAM_KEYS = Object.keys(DEFAULT_PARAMS) as Array<keyof OutlineParams>;
const keyOf = (p: OutlineParams) => PARAM_KEYS.map((k) => p[k]).join(',');
/** How many values differ from the shipped defaults: a change needs evidence, so ties go to fewer. */
const changes = (p: OutlineParams) => PARAM_KEYS.filter((k) => p[k] !== DEFAULT_PARAMS[k]).length;

/**
 * Plain (shipped parameters), fitted-on-all and leave-one-source-out scores over the given texts. Fitting is
 * a coordinate search over PARAM_GRID from the defaults (one parameter at a time, best value kept, until no
 * change); every parameter set is scored once per source and cached, so the folds share the work.
 */
export function evaluateAll(files: CorpusFile[], fit = true): Evaluation {
  const sources = [...new Set(files.map((f) => f.source))].sort();
  const perCorpus = new Map<string, Score>();
  const results: FileResult[] = [];
  const cache = new Map<string, Map<string, Score>>();
  const bySource = (params: OutlineParams) => {
    const key = keyOf(params);
    let m = cache.get(key);
    if (m === undefined) {
      m = new Map<string, Score>();
      for (const src of sources) m.set(src, emptyScore());
      for (const file of files) add(m.get(file.source) as Score, scoreFile(file, params).score);
      cache.set(key, m);
    }
    return m;
  };
  const total = (params: OutlineParams, skip?: string) => {
    const s = emptyScore();
    for (const [src, sc] of bySource(params)) if (src !== skip) add(s, sc);
    return s;
  };
  const better = (a: OutlineParams, b: OutlineParams, skip?: string) => {
    const va = objective(total(a, skip));
    const vb = objective(total(b, skip));
    return va > vb + 1e-12 || (va > vb - 1e-12 && changes(a) < changes(b));
  };
  const fitOn = (skip?: string): OutlineParams => {
    let best: OutlineParams = { ...DEFAULT_PARAMS };
    for (let round = 0; round < 3; round++) {
      let moved = false;
      for (const k of PARAM_KEYS) {
        for (const v of PARAM_GRID[k]) {
          const trial = { ...best, [k]: v };
          if (better(trial, best, skip)) {
            best = trial;
            moved = true;
          }
        }
      }
      if (!moved) break;
    }
    return best;
  };
  // The shipped defaults, file by file, for the per-corpus tables and --verbose.
  const plainBySource = new Map<string, Score>();
  for (const src of sources) plainBySource.set(src, emptyScore());
  for (const file of files) {
    const { score, result } = scoreFile(file, { ...DEFAULT_PARAMS });
    results.push(result);
    add(plainBySource.get(file.source) as Score, score);
    if (!perCorpus.has(file.corpus)) perCorpus.set(file.corpus, emptyScore());
    add(perCorpus.get(file.corpus) as Score, score);
  }
  cache.set(keyOf({ ...DEFAULT_PARAMS }), plainBySource);
  const plain = total({ ...DEFAULT_PARAMS });
  if (!fit) {
    return {
      plain,
      loso: plain,
      fittedOnAll: { ...DEFAULT_PARAMS },
      fittedScore: plain,
      perCorpus,
      results,
      setsTried: 1,
    };
  }
  const loso = emptyScore();
  for (const src of sources) add(loso, bySource(fitOn(src)).get(src) as Score);
  const fittedOnAll = fitOn();
  return {
    plain,
    loso,
    fittedOnAll,
    fittedScore: total(fittedOnAll),
    perCorpus,
    results,
    setsTried: cache.size,
  };
}

const fmt = (x: number) => x.toFixed(3);

/** A table of P/R/F1 per level and wholly correct texts, one or more score columns side by side. */
export function formatTable(columns: Array<[string, Score]>): string {
  const head = `level  gold  ${columns.map(([n]) => `${n.padEnd(8)}P      R      F1   `).join('  ')}`;
  const lines = [head];
  for (const k of KEYS) {
    const gold = (columns[0] as [string, Score])[1].levels[k];
    const cells = columns.map(([, s]) => {
      const t = s.levels[k];
      const { p, r, f } = prf(t);
      const none = t.tp + t.fp + t.fn === 0;
      return none ? `${''.padEnd(8)}  n/a    n/a    n/a` : `${''.padEnd(8)}${fmt(p)}  ${fmt(r)}  ${fmt(f)}`;
    });
    lines.push(`${k.padEnd(5)} ${String(gold.tp + gold.fn).padStart(5)}  ${cells.join('  ')}`);
  }
  lines.push(
    `wholly correct texts: ${columns.map(([n, s]) => `${n} ${s.whollyCorrect}/${s.texts}`).join(', ')}`,
  );
  return lines.join('\n');
}

/** The figures the regression guard compares (tests/fixtures/outline/scores/dev-scores.json). */
export function figures(e: Evaluation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, s] of [
    ['plain', e.plain],
    ['loso', e.loso],
  ] as const) {
    for (const k of KEYS) out[`${name}.f1.${k}`] = Number(prf(s.levels[k]).f.toFixed(4));
    out[`${name}.whollyCorrect`] = s.whollyCorrect;
  }
  out.texts = e.plain.texts;
  return out;
}

export const SCORES_FILE = resolve(HERE, '..', 'tests', 'fixtures', 'outline', 'scores', 'dev-scores.json');

function describeNode(n: { level: number; marker: string; title: string; para: number; offset: number }) {
  return `L${n.level} ${n.marker} @${n.para}:${n.offset} ${n.title.slice(0, 30)}`;
}

/** The detector's own evaluation, when its module exists (written separately); skipped silently otherwise. */
async function printDetection(files: Array<Record<string, unknown>>): Promise<void> {
  const path = join(HERE, 'eval-detect.ts');
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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dirs = args.filter((a) => !a.startsWith('-'));
  let files: CorpusFile[];
  try {
    files = dirs.length > 0 ? dirs.flatMap(readCorpus) : readShared(defaultSharedDir());
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const t0 = performance.now();
  const e = evaluateAll(files);
  const ms = performance.now() - t0;
  const sources = new Set(files.map((f) => f.source)).size;
  console.log(
    `outline: ${files.length} texts from ${sources} sources, ${e.setsTried} parameter sets scored (${Math.round(ms)} ms)\n`,
  );
  for (const [corpus, s] of e.perCorpus)
    console.log(`== ${corpus} (plain)\n${formatTable([['plain', s]])}\n`);
  console.log(
    `== all corpora\n${formatTable([
      ['plain', e.plain],
      ['LOSO', e.loso],
    ])}`,
  );
  const changed = (Object.keys(DEFAULT_PARAMS) as Array<keyof OutlineParams>)
    .filter((k) => e.fittedOnAll[k] !== DEFAULT_PARAMS[k])
    .map((k) => `${k}=${e.fittedOnAll[k]}`);
  console.log(
    `\nplain = shipped DEFAULT_PARAMS; fitted on all sources: ${changed.length ? changed.join(', ') : 'the defaults'}` +
      ` (all-level F1 ${fmt(prf(e.fittedScore.levels.all).f)}, wholly correct ${e.fittedScore.whollyCorrect}/${e.fittedScore.texts})`,
  );
  if (verbose) {
    for (const r of e.results) {
      if (r.missed.length === 0 && r.extra.length === 0) continue;
      console.log(`\n${r.id}: ${r.matched} matched`);
      for (const n of r.missed) console.log(`  missed  ${describeNode(n)}`);
      for (const n of r.extra) console.log(`  extra   ${describeNode(n)}`);
    }
  }
  // Given explicit directories (the older usage), the detector's evaluation of the same pages follows.
  for (const dir of dirs) {
    const raw = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);
    if (args.includes('--detect')) await printDetection(raw);
  }
  if (args.includes('--write-scores')) {
    writeFileSync(SCORES_FILE, `${JSON.stringify(figures(e), null, 2)}\n`);
    console.log(`\nwrote ${SCORES_FILE}`);
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void main();
