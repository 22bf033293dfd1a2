/**
 * Where the time goes: a V8 CPU profile of the reader while it opens, summarised as self time per function
 * (top 30) and per script. Not a bench (prints no figures); a tool for investigating an OVER.
 *   npx tsx bench/browser/profile.ts reader       the 30k portal speech, stored copy (reader.html?url=…)
 *   npx tsx bench/browser/profile.ts highlights   a 100k speech with 1,000 highlights, as highlights.bench.ts
 *   npx tsx bench/browser/profile.ts library      library.html at 2,000 speeches (BENCH_QUICK=1: 200), a repeat
 *                                                 visit (the summary cache written by the warm-up open)
 *   npx tsx bench/browser/profile.ts library-first  the same with the summary cache emptied (a first visit)
 * The profile covers navigation start → the page's ready signal (+ 1 s for late work such as highlights); the
 * library's ends when its first row is in the page.
 */
import type { CDPSession } from 'playwright-core';
import { QUICK } from '../lib';
import { type BenchWindow, launchBench, longSpeechPath, portalUrl } from './launch';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const script = f.url ? (f.url.split('/').pop() ?? f.url) : '(native/engine)';
    const key = `${f.functionName || '(anonymous)'}  ${script}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const busy = total - (byFunction.get('(idle)  (native/engine):0:0') ?? 0);
  console.log(`# profiled ${total.toFixed(0)} ms, of which not idle ${busy.toFixed(0)} ms`);
  console.log('# self time by script:');
  for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
  console.log('# self time by function (top 30):');
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
}

async function profileNavigation(
  cdp: CDPSession,
  go: () => Promise<unknown>,
  settle: () => Promise<unknown>,
) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await go();
  await settle();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  summarise(profile);
}

const arg = process.argv[2] ?? 'reader';
const firstVisit = arg === 'library-first';
const what = firstVisit ? 'library' : arg;
const b = await launchBench();
try {
  const { page, context } = b;
  let target: string;
  if (what === 'reader') {
    // Open the portal speech once through the button so the reader stores it; then profile a reload.
    await page.goto(portalUrl(longSpeechPath()), { waitUntil: 'load' });
    await page.locator('yandu-reader-button button').click();
    await page.waitForFunction(() => document.documentElement.dataset.yanduSaved === 'true');
    target = page.url();
  } else {
    await page.goto(`${b.extensionOrigin}/reader.html`, { waitUntil: 'load' });
    await b.inject();
    if (what === 'highlights') {
      const seeded = await page.evaluate(() =>
        (window as unknown as BenchWindow).__yanduBench.seedSpeech(100_000, 1_000),
      );
      target = `${b.extensionOrigin}/reader.html?url=${encodeURIComponent(seeded.url)}`;
    } else {
      const n = QUICK ? 200 : 2_000;
      await page.evaluate(
        (count) => (window as unknown as BenchWindow).__yanduBench.seedLibrary(count, 50, 8_000),
        n,
      );
      await page.evaluate(() => localStorage.clear());
      target = `${b.extensionOrigin}/library.html`;
    }
  }
  // Warm once (the profile is of a repeat open), then profile in a fresh page of the same process.
  await page.goto(target, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  if (what === 'library') {
    // The summary cache is written once the whole library has been read.
    await page.waitForFunction(() => localStorage.getItem('yandu:library-summaries') !== null, undefined, {
      timeout: 120_000,
    });
    if (firstVisit) await page.evaluate(() => localStorage.clear());
  }
  const fresh = await context.newPage();
  // Start on an extension page, so the profiled navigation stays in the same renderer process.
  await fresh.goto(`${b.extensionOrigin}/popup.html`, { waitUntil: 'load' });
  const cdp = await context.newCDPSession(fresh);
  await profileNavigation(
    cdp,
    () => fresh.goto(target, { waitUntil: 'load' }),
    async () => {
      if (what === 'library') {
        await fresh.waitForSelector('.yd-lib-row', { timeout: 60_000 });
      } else {
        await fresh.waitForFunction(() => document.documentElement.dataset.yanduReady, undefined, {
          timeout: 20_000,
        });
      }
      // The library's profile ends at its first rows (what its figure measures), not after the later reads.
      if (what !== 'library') await fresh.waitForTimeout(1000);
      const marks = await fresh.evaluate(() =>
        performance
          .getEntries()
          .filter((e) => e.name.startsWith('yandu:'))
          .map(
            (e) =>
              `${e.name} @${e.startTime.toFixed(1)}${e.duration ? ` (${e.duration.toFixed(1)} ms)` : ''}`,
          ),
      );
      console.log(`# marks: ${marks.join(', ')}`);
    },
  );
} finally {
  await b.close();
}
