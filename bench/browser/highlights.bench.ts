/**
 * Restore + paint 1,000 highlights on a 100,000-character speech in the reader, Chromium (budget ≤ 50 ms).
 * A composed speech and 1,000 highlights are written to the extension's database from an extension page;
 * then the reader is opened on the speech's address (stored copy, as after a reload) N times.
 *
 * The budget figure is read from the reader's own marks: `yandu:highlights-start` (before the highlights are
 * read from the database) to `yandu:highlights-painted` (after the frame that shows them; like
 * `yandu:painted`, from a task queued in requestAnimationFrame). Until the reader sets them, the figure is
 * MISSING and a stand-in is printed: the same steps driven by the bench in the painted reader page (read
 * with Dexie, anchorAll, createPainter().paint, next frame), which leaves out the reader's own overheads.
 *   npx tsx bench/browser/highlights.bench.ts        (BENCH_QUICK=1 for a smoke run)
 */
import { printMedians, QUICK, record } from '../lib';
import type { RestoreTimes } from './entry-highlights';
import { type BenchWindow, launchBench } from './launch';

const CHARS = 100_000;
const HIGHLIGHTS = 1_000;
const RUNS = QUICK ? 2 : 10;
const START = 'yandu:highlights-start';
const PAINTED = 'yandu:highlights-painted';

const b = await launchBench(['entry.ts', 'entry-highlights.ts']);
try {
  const { page } = b;
  await b.page.goto(`${b.extensionOrigin}/reader.html`, { waitUntil: 'load' });
  await b.inject();
  const seeded = await page.evaluate(
    ([chars, count]) => (window as unknown as BenchWindow).__yanduBench.seedSpeech(chars, count),
    [CHARS, HIGHLIGHTS] as const,
  );
  console.log(
    `# seeded: ${seeded.chars} characters, ${seeded.paragraphs} paragraphs, ${seeded.highlights} highlights`,
  );
  const readerUrl = `${b.extensionOrigin}/reader.html?url=${encodeURIComponent(seeded.url)}`;

  const own: number[] = [];
  const standIn: RestoreTimes[] = [];
  const painted: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    await page.goto(readerUrl, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.yanduReady, undefined, {
      timeout: 20_000,
    });
    const ready = await page.evaluate(() => document.documentElement.dataset.yanduReady);
    if (ready !== 'true') throw new Error(`the reader reported ${ready} for the seeded speech`);
    // The reader's own restore, when it marks it (give it a moment after the text's paint).
    const marks = await page
      .waitForFunction(
        ([start, end]) => {
          const s = performance.getEntriesByName(start)[0];
          const e = performance.getEntriesByName(end)[0];
          return s && e
            ? {
                start: s.startTime,
                end: e.startTime,
                paint: performance.getEntriesByName('yandu:painted')[0]?.startTime ?? 0,
              }
            : null;
        },
        [START, PAINTED] as const,
        { timeout: 5_000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => null);
    await b.inject('entry-highlights.ts');
    const times = await page.evaluate(
      (id) =>
        (
          window as unknown as { __yanduHighlights: { restoreAndPaint(id: string): Promise<RestoreTimes> } }
        ).__yanduHighlights.restoreAndPaint(id),
      seeded.id,
    );
    if (run === 0) continue; // warm-up: caches and the JIT cold
    if (marks) {
      own.push(marks.end - marks.start);
      painted.push(marks.end - marks.paint);
    }
    standIn.push(times);
  }
  const last = standIn.at(-1);
  console.log(`# stand-in: ${last?.placed} of ${HIGHLIGHTS} placed, painter mode ${last?.mode}`);
  if (own.length) {
    record('restore + paint 1000 highlights: 100k speech (reader marks)', own);
    record('highlights painted after the text (yandu:painted → highlights-painted)', painted);
  } else {
    console.log(
      `# MISSING restore + paint 1000 highlights: the reader sets no ${START} / ${PAINTED} marks yet ` +
        '(entrypoints/reader/main.tsx or the component that restores highlights should mark both).',
    );
  }
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
