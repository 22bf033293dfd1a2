/**
 * Chromium benches for the portal page and the reader (budgets in scripts/bench.mjs):
 * - extractSpeech + buildOutline against Readability.parse on the 30,000-character portal speech, same page,
 *   same run (ratio ≤ 0.5);
 * - detectSpeech on the news page, as the content script runs it on every portal page (≤ 1 ms);
 * - a click on 阅读模式 until the reader has painted the speech with its outline (≤ 150 ms), with the
 *   reader's own marks as a breakdown.
 *   npx tsx bench/browser/reader.bench.ts        (BENCH_QUICK=1 for a smoke run)
 * Needs the Chromium build in .output/chrome-mv3 (scripts/bench.mjs builds it when stale).
 */
import { printMedians, QUICK, record } from '../lib';
import { type BenchWindow, launchBench, longSpeechPath, newsPath, portalUrl } from './launch';

const EXTRACT_RUNS = QUICK ? 5 : 40;
const DETECT_BATCHES = QUICK ? 5 : 40;
const DETECT_PER_BATCH = QUICK ? 20 : 100;
const CLICK_RUNS = QUICK ? 3 : 15;

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

  // 3. Click on 阅读模式 → reader painted with the outline. Fresh navigation every run; the first is a
  // warm-up (service worker and reader code cold).
  const total: number[] = [];
  /** The browser's own paint timing: when the frame reached the screen (yandu:painted is main-thread side). */
  const fcp: number[] = [];
  const phases = new Map<string, number[]>();
  const phase = (name: string, ms: number) => {
    const list = phases.get(name) ?? [];
    list.push(ms);
    phases.set(name, list);
  };
  for (let run = 0; run < CLICK_RUNS + 1; run++) {
    await page.goto(portalUrl(speechPath), { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.yanduDetected === 'speech' &&
        Boolean(document.querySelector('yandu-reader-button')?.shadowRoot?.querySelector('button')),
      undefined,
      { timeout: 15_000 },
    );
    const clickedAt = await page.evaluate(() => {
      const button = document
        .querySelector('yandu-reader-button')
        ?.shadowRoot?.querySelector('button') as HTMLButtonElement;
      const at = performance.timeOrigin + performance.now();
      button.click();
      return at;
    });
    await page.waitForURL(/\/reader\.html\?/, { timeout: 15_000 });
    await page.waitForFunction(() => document.documentElement.dataset.yanduReady, undefined, {
      timeout: 15_000,
    });
    const r = await page.evaluate(() => ({
      ready: document.documentElement.dataset.yanduReady,
      origin: performance.timeOrigin,
      outline: document.querySelectorAll('nav li, [class*="outline"] li').length,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      marks: Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('yandu:'))
          .map((m) => [m.name.slice(6), m.startTime]),
      ) as Record<string, number>,
      nav: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).toJSON() as Record<
        string,
        number
      >,
    }));
    if (r.ready !== 'true') throw new Error(`the reader reported ${r.ready} instead of painting the speech`);
    // Stored after the paint: let it finish so it does not run into the next measurement.
    await page
      .waitForFunction(() => document.documentElement.dataset.yanduSaved === 'true', undefined, {
        timeout: 10_000,
      })
      .catch(() => console.log('# (the reader did not report the speech saved within 10 s)'));
    if (run === 0) {
      console.log(`# reader outline entries seen: ${r.outline}; marks: ${Object.keys(r.marks).join(', ')}`);
      continue;
    }
    const m = r.marks;
    if (m.painted === undefined)
      throw new Error('the reader set data-yandu-ready without a yandu:painted mark');
    total.push(r.origin + m.painted - clickedAt);
    if (r.fcp >= 0) fcp.push(r.origin + r.fcp - clickedAt);
    phase('click → reader navigation start', r.origin - clickedAt);
    phase('navigation → HTML received', r.nav.responseEnd ?? 0);
    phase('HTML → yandu:start (scripts)', (m.start ?? 0) - (r.nav.responseEnd ?? 0));
    if (m.snapshot !== undefined) {
      phase('start → snapshot parsed', m.snapshot - (m.start ?? 0));
      phase('snapshot → extracted', (m.extracted ?? m.snapshot) - m.snapshot);
      phase('extracted → loaded (outline, settings)', (m.loaded ?? 0) - (m.extracted ?? m.snapshot));
    } else {
      phase('start → loaded', (m.loaded ?? 0) - (m.start ?? 0));
    }
    phase('loaded → rendered (Preact)', (m.rendered ?? 0) - (m.loaded ?? 0));
    phase('rendered → painted', m.painted - (m.rendered ?? 0));
  }
  record('click → reader painted: 30k speech', total);
  if (fcp.length) record('click → first-contentful-paint (browser timing)', fcp);
  for (const [name, samples] of phases) record(`click→paint: ${name}`, samples);
} finally {
  await b.close();
}
printMedians();
