/**
 * Chromium benches for the portal page and the reader (budgets in scripts/bench.mjs):
 * - extractSpeech + buildOutline against Readability.parse on the 30,000-character portal speech, same page,
 *   same run (ratio ≤ 0.5);
 * - detectSpeech on the news page, as the content script runs it on every portal page (≤ 1 ms);
 * - a click on 阅读模式 until the reader's first frame, the speech with its outline, is on screen (the
 *   browser's first-contentful-paint, a presentation time; ≤ 150 ms), with the reader's own marks as a
 *   breakdown (click-to-reader.ts).
 *   npx tsx bench/browser/reader.bench.ts        (BENCH_QUICK=1 for a smoke run)
 * Needs the Chromium build in .output/chrome-mv3 (scripts/bench.mjs builds it when stale).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, printMedians, QUICK, record } from '../lib';
import { clickBench } from './click-to-reader';
import { type BenchWindow, launchBench, longSpeechPath, newsPath, portalUrl } from './launch';
import { makeVariants } from './variants';

const EXTRACT_RUNS = QUICK ? 5 : 40;
const DETECT_BATCHES = QUICK ? 5 : 40;
const DETECT_PER_BATCH = QUICK ? 20 : 100;
const CLICK_RUNS = QUICK ? 1 : 15;

const b = await launchBench();
try {
  const { page } = b;
  const speechPath = longSpeechPath();

  // 1. Extraction + outline against Readability, in the portal page itself.
  await page.goto(portalUrl(speechPath), { waitUntil: 'load' });
  await b.inject();
  const ex = await page.evaluate(
    (runs) => (window as unknown as BenchWindow).__yanduBench.compareExtraction(runs, 5),
    EXTRACT_RUNS,
  );
  console.log(
    `# 30k speech: ours ${ex.paragraphs} paragraphs, ${ex.chars} characters, ${ex.outlineNodes} outline nodes; ` +
      `Readability ${ex.readabilityChars} characters of text`,
  );
  if (ex.chars < 30_000) throw new Error(`extraction found only ${ex.chars} characters of the 30k speech`);
  const ours = record('extract+outline: 30k speech (Chromium)', ex.ours);
  const theirs = record('Readability.parse: 30k speech (Chromium)', ex.readability);
  record('extractSpeech only: 30k speech (Chromium)', ex.extractOnly);
  record('buildOutline only: 30k speech (Chromium)', ex.outlineOnly);
  record(
    'extract+outline / Readability, per run',
    ex.ours.map((t, i) => t / (ex.readability[i] as number)),
    'ratio',
  );
  console.log(`# ratio of the medians: ${(ours.median / theirs.median).toFixed(3)}`);
  const parse = await page.evaluate(
    (runs) => (window as unknown as BenchWindow).__yanduBench.timeParse(runs),
    EXTRACT_RUNS,
  );
  record('DOMParser: 30k speech page (reader step)', parse);

  // 2. Detection on a page that is not a speech (what most portal visits are), and on the speech.
  const speechDetect = await page.evaluate(
    ([batches, per]) => (window as unknown as BenchWindow).__yanduBench.timeDetection(batches, per),
    [DETECT_BATCHES, DETECT_PER_BATCH] as const,
  );
  await page.goto(portalUrl(newsPath()), { waitUntil: 'load' });
  await b.inject();
  const newsDetect = await page.evaluate(
    ([batches, per]) => (window as unknown as BenchWindow).__yanduBench.timeDetection(batches, per),
    [DETECT_BATCHES, DETECT_PER_BATCH] as const,
  );
  if (newsDetect.isSpeech || !speechDetect.isSpeech)
    throw new Error('detection verdicts are not as expected');
  record('detect: news page (non-speech)', newsDetect.perCall);
  record('detect: 30k speech page', speechDetect.perCall);
} finally {
  await b.close();
}

// 3. Click on 阅读模式 → reader painted with the outline, in browsers driven over a bare DevTools pipe
// (cdp-pipe.ts says why not Playwright), against the same click path ending on a minimal extension page and
// on a Readability reader page (variants.ts): three browsers open, clicks interleaved round by round. Fresh
// navigation to the portal page every click; the first round is a warm-up (service worker, code cold).
const home = await mkdtemp(join(tmpdir(), 'yandu-bench-variants-'));
const started: Awaited<ReturnType<typeof clickBench>>[] = [];
try {
  const dirs = await makeVariants('chromium', home);
  const ours = await clickBench(dirs.ours);
  started.push(ours);
  const blank = await clickBench(dirs.blank, 'page');
  started.push(blank);
  const readability = await clickBench(dirs.readability, 'page');
  started.push(readability);
  const runs = await interleave(
    { ours: () => ours.sample(), blank: () => blank.sample(), readability: () => readability.sample() },
    CLICK_RUNS,
  );
  const fcp = (k: keyof typeof runs) => runs[k].map((s) => s.fcp);
  record('click → reader on screen (FCP): 30k speech', fcp('ours'));
  record('click → minimal extension page (FCP)', fcp('blank'));
  record('click → Readability reader page (FCP): 30k speech', fcp('readability'));
  record(
    'click → first frame done on the main thread (yandu:painted)',
    runs.ours.map((s) => s.painted),
  );
  const complete = runs.ours.flatMap((s) => (s.complete === undefined ? [] : [s.complete]));
  if (complete.length) record('click → whole text in the page (yandu:complete)', complete);
  for (const k of ['ours', 'readability'] as const) {
    const lcp = runs[k].flatMap((s) => (s.lcp === undefined ? [] : [s.lcp]));
    if (lcp.length) record(`click → largest contentful paint: ${k}`, lcp);
  }
  const phases = new Map<string, number[]>();
  for (const s of runs.ours) for (const [n, v] of s.phases) phases.set(n, [...(phases.get(n) ?? []), v]);
  for (const [name, samples] of phases) record(`click→paint: ${name}`, samples);
} finally {
  for (const b of started) await b.close();
  await rm(home, { recursive: true, force: true });
}
printMedians();
