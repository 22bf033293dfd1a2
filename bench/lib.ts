/**
 * Tiny benchmark helpers shared by the bench/ scripts: run a function repeatedly, print one line
 * `name  median  min  max  unit`, and collect medians for the final JSON object. Set BENCH_QUICK=1 for a smoke run.
 */
import { loadavg } from 'node:os';

export const QUICK = process.env.BENCH_QUICK === '1';

export interface Figure {
  name: string;
  median: number;
  min: number;
  max: number;
  unit: string;
}

const figures: Figure[] = [];

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function record(name: string, samples: number[], unit = 'ms'): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const figure = {
    name,
    median: median(sorted),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    unit,
  };
  figures.push(figure);
  console.log(formatFigure(figure));
  return figure;
}

export function formatFigure(f: Figure): string {
  const n = (v: number) =>
    Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(4);
  return `${f.name.padEnd(50)} ${n(f.median).padStart(10)} ${n(f.min).padStart(10)} ${n(f.max).padStart(10)}  ${f.unit}`;
}

/** Time `fn` (sync or async) `runs` times after `warmup` untimed runs; returns the samples in ms. */
export async function time(
  fn: () => unknown,
  runs = QUICK ? 5 : 30,
  warmup = QUICK ? 1 : 5,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function bench(name: string, fn: () => unknown, runs?: number): Promise<Figure> {
  return record(name, await time(fn, runs));
}

/** Print the medians of everything recorded so far as one JSON object (the last line of a bench script). */
export function printMedians(): void {
  console.log(JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, f.median]))));
}

/**
 * Declare a budget for the runner (scripts/bench.mjs reads `# BUDGET {json}` lines, so a bench brings its
 * own budgets and the runner's table needs no edit). A ratio budget names two figures printed by the same
 * script, measured side by side (interleaved); the load average at the time is printed with it.
 */
export function budgetRatio(label: string, ours: Figure, baseline: Figure, max: number, note = ''): void {
  printBudget({ label, ours: ours.name, baseline: baseline.name, max, note });
}

/** An absolute budget on one figure (`max` in the figure's unit). */
export function budgetUpTo(label: string, figure: Figure, max: number): void {
  printBudget({ label, figure: figure.name, max });
}

function printBudget(budget: Record<string, unknown>): void {
  const [l1 = 0, l5 = 0] = loadavg();
  console.log(`# BUDGET ${JSON.stringify({ ...budget, load: [+l1.toFixed(2), +l5.toFixed(2)] })}`);
}

/**
 * Interleaved samples of several contestants: round after round, each takes one sample, the order rotating
 * so none always runs first or right after the same neighbour; drift in the machine's load falls on all.
 */
export async function interleave<K extends string, S>(
  samplers: Record<K, () => Promise<S>>,
  rounds: number,
  warmup = 1,
): Promise<Record<K, S[]>> {
  const names = Object.keys(samplers) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as S[]])) as Record<K, S[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as K;
      const sample = await samplers[name]();
      if (round >= warmup) out[name].push(sample);
    }
  }
  return out;
}

/**
 * The longest stretch between two calls of `tick`: the longest blocking step of chunked work that calls it
 * between its steps (its onProgress). `restart` starts the next stretch without counting the one before.
 */
export function gapMeter(): { tick: () => void; restart: () => void; longest: () => number } {
  let last = performance.now();
  let longest = 0;
  return {
    tick: () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    },
    restart: () => {
      last = performance.now();
    },
    longest: () => longest,
  };
}
