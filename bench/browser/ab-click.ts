/**
 * A/B of the click → reader timing between two Chromium builds, for deciding a change on a shared, noisy
 * machine: both browsers stay open and the clicks alternate A, B, A, B…, so drift in the machine's load
 * falls on both alike. Prints both medians and the median of the paired differences.
 *   npx tsx bench/browser/ab-click.ts <build A> <build B> [pairs=20]
 * (a build is a folder like .output/chrome-mv3; copy one away before rebuilding to keep it)
 */
import { median } from '../lib';
import { type ClickSample, clickBench } from './click-to-reader';

const [dirA, dirB, pairsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: npx tsx bench/browser/ab-click.ts <build A> <build B> [pairs]');
  process.exit(2);
}
const pairs = Number(pairsArg ?? 20);
const a = await clickBench(dirA);
const b = await clickBench(dirB).catch(async (error: unknown) => {
  await a.close();
  throw error;
});
const samples: { a: ClickSample; b: ClickSample }[] = [];
try {
  await a.sample();
  await b.sample();
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so neither always follows the other's after-work.
    if (i % 2 === 0) samples.push({ a: await a.sample(), b: await b.sample() });
    else {
      const second = await b.sample();
      samples.push({ a: await a.sample(), b: second });
    }
  }
} finally {
  await a.close();
  await b.close();
}
const show = (name: string, pick: (s: ClickSample) => number | undefined) => {
  const pa = samples.map((s) => pick(s.a)).filter((v): v is number => v !== undefined);
  const pb = samples.map((s) => pick(s.b)).filter((v): v is number => v !== undefined);
  const diffs = samples.flatMap((s) => {
    const x = pick(s.a);
    const y = pick(s.b);
    return x === undefined || y === undefined ? [] : [y - x];
  });
  const f = (v: number) => v.toFixed(1).padStart(7);
  console.log(`${name.padEnd(58)} A ${f(median(pa))}  B ${f(median(pb))}  B−A ${f(median(diffs))} ms`);
};
show('click → first-contentful-paint', (s) => s.fcp);
show('click → yandu:painted', (s) => s.painted);
show('click → yandu:complete', (s) => s.complete);
for (const [i, [name]] of (samples[0]?.a.phases ?? []).entries()) {
  show(name, (s) => s.phases[i]?.[1]);
}
