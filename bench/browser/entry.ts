/**
 * In-page side of the Chromium benches, bundled by bundle.ts and evaluated in a portal page or an extension
 * page. Exposes Yandu's own code and Readability as `window.__yanduBench`, plus the timing loops, so the
 * loops run inside the page (one evaluation, no round trips inside a timed region).
 */
import { Readability } from '@mozilla/readability';
import { buildOutline } from '../../utils/outline/build';
import { detectSpeech } from '../../utils/page/detect';
import { extractSpeech } from '../../utils/page/extract';
import { YanduDB } from '../../utils/store/db';
import type { SpeechRecord } from '../../utils/types';
import { composeHighlights, composeNote, composeSpeechRecord } from './compose';

export interface ExtractionTimes {
  /** extractSpeech + buildOutline, ms per run */
  ours: number[];
  /** new Readability(doc).parse(), ms per run */
  readability: number[];
  extractOnly: number[];
  outlineOnly: number[];
  paragraphs: number;
  chars: number;
  outlineNodes: number;
  readabilityChars: number;
}

/**
 * Both on a fresh clone of the live document each run (Readability rewrites the document it is given;
 * the reader, too, works on a parsed copy, never the live page). Cloning is not timed. The order of the
 * two alternates so neither always runs on a warmer cache.
 */
function compareExtraction(runs: number, warmup: number): ExtractionTimes {
  const out: ExtractionTimes = {
    ours: [],
    readability: [],
    extractOnly: [],
    outlineOnly: [],
    paragraphs: 0,
    chars: 0,
    outlineNodes: 0,
    readabilityChars: 0,
  };
  const url = location.href;
  for (let i = 0; i < warmup + runs; i++) {
    const a = document.cloneNode(true) as Document;
    const b = document.cloneNode(true) as Document;
    let ours = 0;
    let extractOnly = 0;
    let theirs = 0;
    const runOurs = () => {
      const t0 = performance.now();
      const speech = extractSpeech(a, url);
      const t1 = performance.now();
      const outline = buildOutline(speech.paragraphs);
      const t2 = performance.now();
      ours = t2 - t0;
      extractOnly = t1 - t0;
      out.paragraphs = speech.paragraphs.length;
      out.chars = speech.paragraphs.join('').length;
      out.outlineNodes = outline.length;
    };
    const runTheirs = () => {
      const t0 = performance.now();
      const article = new Readability(b).parse();
      theirs = performance.now() - t0;
      out.readabilityChars = article?.textContent?.length ?? 0;
    };
    if (i % 2) {
      runTheirs();
      runOurs();
    } else {
      runOurs();
      runTheirs();
    }
    if (i < warmup) continue;
    out.ours.push(ours);
    out.readability.push(theirs);
    out.extractOnly.push(extractOnly);
    out.outlineOnly.push(ours - extractOnly);
  }
  return out;
}

/**
 * Detection as the content script runs it, on the live document. performance.now() is coarsened to 0.1 ms
 * in pages without cross-origin isolation, so each sample is the mean of a batch of calls.
 */
function timeDetection(batches: number, perBatch: number): { perCall: number[]; isSpeech: boolean } {
  let isSpeech = false;
  for (let i = 0; i < perBatch * 3; i++) isSpeech = detectSpeech(document, location.href).isSpeech;
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) detectSpeech(document, location.href);
    perCall.push((performance.now() - t0) / perBatch);
  }
  return { perCall, isSpeech };
}

/** Time parsing the page's HTML as the reader does with a snapshot (DOMParser), for the breakdown. */
function timeParse(runs: number): number[] {
  const html = document.documentElement.outerHTML;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    new DOMParser().parseFromString(html, 'text/html');
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function clearDb(db: YanduDB): Promise<void> {
  await db.transaction('rw', [db.speeches, db.highlights, db.notes], async () => {
    await Promise.all([db.speeches.clear(), db.highlights.clear(), db.notes.clear()]);
  });
}

/** One speech of about `chars` characters with `count` highlights, in the extension's database. */
async function seedSpeech(chars: number, count: number) {
  const db = new YanduDB();
  await clearDb(db);
  const speech = composeSpeechRecord(1, chars);
  const highlights = composeHighlights(speech, count);
  await db.transaction('rw', [db.speeches, db.highlights], async () => {
    await db.speeches.put(speech);
    await db.highlights.bulkPut(highlights);
  });
  db.close();
  return {
    url: speech.url,
    id: speech.id,
    chars: speech.paragraphs.join('').length,
    paragraphs: speech.paragraphs.length,
    highlights: highlights.length,
  };
}

/** `speeches` speeches of about `chars` characters with `perSpeech` highlights each and one note each. */
async function seedLibrary(speeches: number, perSpeech: number, chars: number) {
  const db = new YanduDB();
  await clearDb(db);
  let highlights = 0;
  const SLICE = 100;
  for (let first = 1; first <= speeches; first += SLICE) {
    const records: SpeechRecord[] = [];
    for (let i = first; i < first + SLICE && i <= speeches; i++) records.push(composeSpeechRecord(i, chars));
    const marks = records.flatMap((s) => composeHighlights(s, perSpeech, s.paragraphs.length));
    highlights += marks.length;
    await db.transaction('rw', [db.speeches, db.highlights, db.notes], async () => {
      await db.speeches.bulkPut(records);
      await db.highlights.bulkPut(marks);
      await db.notes.bulkPut(records.map(composeNote));
    });
  }
  db.close();
  return { speeches, highlights };
}

/** Ranges registered with the CSS Custom Highlight API on this page (what the reader painted). */
function paintedHighlightRanges(): number {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
  let n = 0;
  if (registry) for (const [, h] of registry) n += h.size;
  return n;
}

export const api = {
  detectSpeech,
  extractSpeech,
  buildOutline,
  Readability,
  compareExtraction,
  timeDetection,
  timeParse,
  seedSpeech,
  seedLibrary,
  paintedHighlightRanges,
};
export type BenchApi = typeof api;

(globalThis as unknown as { __yanduBench: BenchApi }).__yanduBench = api;
