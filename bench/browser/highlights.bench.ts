/**
 * Restore + paint 1,000 highlights on a 100,000-character speech in the reader, Chromium, against a bare
 * Dexie read of the same 1,000 records in the same page right after each run (entry-dexie.ts; ≤ 1.5×).
 * A composed speech and 1,000 highlights are written to the extension's database from an extension page;
 * then the reader is opened on the speech's address (stored copy, as after a reload) N times, in Chromium driven
 * over a bare DevTools pipe (pipe-browser.ts) so that no driver code runs in the reader meanwhile.
 *
 * The budget figure is the reader's own measure `yandu:highlights-restore` (components/highlights/HighlightLayer.tsx: from
 * asking the database to painter.paint() returning, on the first restore), or, if a reader sets them instead,
 * the marks `yandu:highlights-start` → `yandu:highlights-painted`. Without either the figure is MISSING. A
 * stand-in is printed as well: the same steps driven by the bench in the painted reader page (read with
 * Dexie, anchorAll, createPainter().paint) plus the next frame, which the reader's measure leaves out.
 *   npx tsx bench/browser/highlights.bench.ts        (BENCH_QUICK=1 for a smoke run)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../tests/e2e/support/paths.ts';
import { printMedians, QUICK, record } from '../lib';
import { benchBundle } from './bundle';
import type { RestoreTimes } from './entry-highlights';
import { type BenchWindow, launchBench } from './launch';
import { pipeBrowser } from './pipe-browser';

const CHARS = 100_000;
const HIGHLIGHTS = 1_000;
const RUNS = QUICK ? 1 : 10;
const MEASURE = 'yandu:highlights-restore';
const PLACE_PAINT = 'yandu:highlights-place-paint';
const START = 'yandu:highlights-start';
const PAINTED = 'yandu:highlights-painted';

if (!existsSync(join(REPO, 'utils/reader/paint.ts'))) {
  console.log(
    '# MISSING restore + paint 1000 highlights: no utils/reader/paint.ts (highlights not built yet)',
  );
  process.exit(0);
}

interface Seeded {
  id: string;
  url: string;
  chars: number;
  paragraphs: number;
  highlights: number;
}

// 1. The reader's own measure, in Chromium driven over a bare DevTools pipe: nothing of the driver runs in
// the reader while it restores (Playwright's injected script and its per-frame polling would).
const own: number[] = [];
const placePaint: number[] = [];
/** The baseline beside each run: a bare Dexie read of the same 1,000 records in the same page. */
const bare: number[] = [];
const dexieBundle = await benchBundle('entry-dexie.ts');
let how = '';
let timedOut = 0;
const pipe = await pipeBrowser();
try {
  const { cdp, tab, extensionOrigin } = pipe;
  await cdp.send('Page.navigate', { url: `${extensionOrigin}/reader.html` }, tab);
  await cdp.waitFor(tab, `location.protocol === 'chrome-extension:' && document.readyState === 'complete'`);
  await cdp.evaluate(tab, await benchBundle('entry.ts'));
  const seeded = await cdp.evaluate<Seeded>(tab, `__yanduBench.seedSpeech(${CHARS}, ${HIGHLIGHTS})`);
  console.log(
    `# seeded: ${seeded.chars} characters, ${seeded.paragraphs} paragraphs, ${seeded.highlights} highlights`,
  );
  const readerUrl = `${extensionOrigin}/reader.html?url=${encodeURIComponent(seeded.url)}`;
  const found = `(() => {
    const m = performance.getEntriesByName(${JSON.stringify(MEASURE)}, 'measure')[0];
    if (m) {
      const pp = performance.getEntriesByName(${JSON.stringify(PLACE_PAINT)}, 'measure')[0];
      return { total: m.duration, placePaint: pp ? pp.duration : -1, how: 'measure' };
    }
    const s = performance.getEntriesByName(${JSON.stringify(START)})[0];
    const e = performance.getEntriesByName(${JSON.stringify(PAINTED)})[0];
    return s && e ? { total: e.startTime - s.startTime, placePaint: -1, how: 'marks' } : null;
  })()`;
  for (let run = 0; run < RUNS + 1; run++) {
    await cdp.send('Page.navigate', { url: readerUrl }, tab);
    // Leave the reader alone while it opens and restores; then look, a few times a second.
    await new Promise((r) => setTimeout(r, 800));
    const result = await cdp
      .waitFor(tab, found, 20_000, 200)
      .then(() => cdp.evaluate<{ total: number; placePaint: number; how: string }>(tab, found))
      .catch(() => null);
    if (run === 0) continue; // warm-up: caches and the JIT cold
    if (!result) {
      // Not dropped silently: a run that never restored would bias the median low.
      timedOut += 1;
      continue;
    }
    own.push(result.total);
    if (result.placePaint >= 0) placePaint.push(result.placePaint);
    // The reader has restored; once its after-work is done (the rest of the text, the save), in the same
    // page, the bare read (its own connection, opened untimed).
    await new Promise((r) => setTimeout(r, 500));
    await cdp.evaluate(tab, dexieBundle);
    const read = await cdp.evaluate<{ ms: number; records: number }>(
      tab,
      `__benchDexie.readHighlights(${JSON.stringify(seeded.id)})`,
    );
    if (read.records !== HIGHLIGHTS) throw new Error(`the bare read found ${read.records} highlights`);
    bare.push(read.ms);
    how = result.how;
    if (run === 1) {
      const placed = await cdp.evaluate<number>(
        tab,
        `(() => { let n = 0; const r = CSS.highlights; if (r) for (const [, h] of r) n += h.size; return n; })()`,
      );
      console.log(`# run ${run}: the reader painted ${placed} highlight ranges`);
    }
  }
} finally {
  await pipe.close();
}
if (timedOut > 0) console.log(`# ${timedOut} of ${RUNS} reader runs did not restore within 20 s`);
if (own.length && timedOut <= RUNS / 4) {
  record(`restore + paint 1000 highlights: 100k speech (reader ${how})`, own);
  record('bare Dexie read of the 1000 highlights (same page)', bare);
  if (placePaint.length) record('reader: highlights place + paint (after the read)', placePaint);
} else if (own.length) {
  console.log('# MISSING restore + paint 1000 highlights: too many runs did not restore (see above)');
} else {
  console.log(
    `# MISSING restore + paint 1000 highlights: the reader records neither the measure ${MEASURE} nor ` +
      `the marks ${START} / ${PAINTED} (components/highlights/HighlightLayer.tsx, on the first restore).`,
  );
}

// 2. The stand-in, driven by the bench in the painted reader page (Playwright).
const b = await launchBench(['entry.ts', 'entry-highlights.ts']);
try {
  const { page } = b;
  await b.page.goto(`${b.extensionOrigin}/reader.html`, { waitUntil: 'load' });
  await b.inject();
  const seeded = await page.evaluate(
    ([chars, count]) => (window as unknown as BenchWindow).__yanduBench.seedSpeech(chars, count),
    [CHARS, HIGHLIGHTS] as const,
  );
  const readerUrl = `${b.extensionOrigin}/reader.html?url=${encodeURIComponent(seeded.url)}`;
  const standIn: RestoreTimes[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto(readerUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.yanduReady, undefined, {
      timeout: 20_000,
    });
    const ready = await page.evaluate(() => document.documentElement.dataset.yanduReady);
    if (ready !== 'true') throw new Error(`the reader reported ${ready} for the seeded speech`);
    await b.inject('entry-highlights.ts');
    const times = await page.evaluate(
      (id) =>
        (
          window as unknown as { __yanduHighlights: { restoreAndPaint(id: string): Promise<RestoreTimes> } }
        ).__yanduHighlights.restoreAndPaint(id),
      seeded.id,
    );
    if (run === 0) continue; // warm-up: caches and the JIT cold
    standIn.push(times);
  }
  const last = standIn.at(-1);
  console.log(`# stand-in: ${last?.placed} of ${HIGHLIGHTS} placed, painter mode ${last?.mode}`);
  record(
    'stand-in restore + paint 1000 highlights (bench-driven)',
    standIn.map((t) => t.total),
  );
  record(
    'stand-in: read from IndexedDB',
    standIn.map((t) => t.read),
  );
  record(
    'stand-in: anchorAll',
    standIn.map((t) => t.anchor),
  );
  record(
    'stand-in: painter.paint',
    standIn.map((t) => t.paint),
  );
  record(
    'stand-in: next frame (style, layout, paint)',
    standIn.map((t) => t.frame),
  );
} finally {
  await b.close();
}
printMedians();
