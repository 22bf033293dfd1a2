/**
 * The library at 2,000 speeches (about 8,000 characters each) and 100,000 highlights, on fake-indexeddb in
 * Node (budgets: open ≤ 200 ms, search ≤ 50 ms). What runs on V8 here (summaries, sorting, the search index,
 * search itself) costs about the same in Chromium; the IndexedDB reads do not (fake-indexeddb is pure JS
 * and far slower), so the real open figure comes from the browser: bench/browser/library.bench.ts.
 *   npx tsx bench/library.bench.ts        (BENCH_QUICK=1 for a smoke run at a tenth of the size)
 * Search is compared with MiniSearch (a dev dependency for this bench only) on the same texts and queries.
 * Prints `name  median  min  max  unit` lines, then one JSON object of medians.
 */
import 'fake-indexeddb/auto';
import type MiniSearchType from 'minisearch';
import { SearchIndex } from '../utils/search';
import { YanduDB } from '../utils/store/db';
import {
  applyFilter,
  facets,
  loadLibraryData,
  loadRecent,
  readSummaryCache,
  SUMMARY_CACHE_KEY,
  sortSummaries,
  speechDocs,
  summarise,
  writeSummaryCache,
} from '../utils/store/library';
import type { Highlight, Note } from '../utils/types';
import { composeHighlights, composeNote, composeSpeechRecord, TOPICS } from './browser/compose';
import { bench, interleave, printMedians, QUICK, record, time } from './lib';

// The search peer (below), imported at run time and first: a missing dev dependency makes its figures
// MISSING, not the bench crash.
const MiniSearch = await import('minisearch').then(
  (m) => m.default as typeof MiniSearchType,
  () => null,
);

const SPEECHES = QUICK ? 200 : 2_000;
const PER_SPEECH = 50;
const CHARS = 8_000;
const size = `${SPEECHES / 1000}k speeches, ${(SPEECHES * PER_SPEECH) / 1000}k highlights`;

const db = new YanduDB('bench-library');
for (let first = 1; first <= SPEECHES; first += 100) {
  const records = [];
  for (let i = first; i < first + 100 && i <= SPEECHES; i++) records.push(composeSpeechRecord(i, CHARS));
  await db.speeches.bulkPut(records);
  await db.highlights.bulkPut(records.flatMap((s) => composeHighlights(s, PER_SPEECH)));
  await db.notes.bulkPut(records.map(composeNote));
}

// Opening: the first page through the indexes (no cache), or the summary cache; then everything.
await bench(`first page of 100 via indexes (fake-idb): ${size}`, () => loadRecent(db, 100), QUICK ? 3 : 10);
const [readAll] = await time(() => loadLibraryData(db), 1, 0);
record(`read whole library in slices (fake-idb): ${size}`, [readAll as number]);
const data = await loadLibraryData(db);
let summaries = summarise(data.speeches, data.highlights, data.notes);
await bench(`summarise: ${size}`, () => {
  summaries = summarise(data.speeches, data.highlights, data.notes);
});
const store = new Map<string, string>();
const storage = {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => store.set(k, v),
};
writeSummaryCache(storage, summaries);
console.log(`# summary cache: ${((store.get(SUMMARY_CACHE_KEY)?.length ?? 0) / 1024).toFixed(0)} KB of JSON`);
await bench(`read summary cache (JSON.parse + check): ${SPEECHES / 1000}k`, () => readSummaryCache(storage));
await bench(`sort + filter + facets: ${SPEECHES / 1000}k`, () => {
  sortSummaries(applyFilter(summaries, { speaker: null, year: null, category: 'task' }), 'title');
  facets(summaries);
});

// Search: the index is built after first paint; then every keystroke searches it.
const hs = new Map<string, Highlight[]>();
for (const h of data.highlights) hs.set(h.speechId, [...(hs.get(h.speechId) ?? []), h]);
const notes = new Map<string, Note>(data.notes.map((n) => [n.speechId, n]));
let index = new SearchIndex();
const [built] = await time(
  () => {
    index = new SearchIndex();
    for (const s of data.speeches) index.setSpeech(s.id, speechDocs(s, hs.get(s.id) ?? [], notes.get(s.id)));
  },
  QUICK ? 2 : 5,
  1,
);
record(`build search index (all slices, no pauses): ${size}`, [built as number]);
const [compacted] = await time(() => index.compact(), 1, 0);
record(`join each speech's documents (compact): ${size}`, [compacted as number]);
const chars = data.speeches.reduce((n, s) => n + s.paragraphs.join('\n').length, 0);
console.log(`# indexed ${(chars / 1e6).toFixed(1)} M characters of speech text`);

const TERMS = ['职工书屋', '技能竞赛', '厂务公开', '困难职工 帮扶', '工', '不在任何讲话里的词语'];
for (const term of TERMS) {
  let found = 0;
  await bench(`search "${term}": ${size}`, () => {
    found = index.search(term).length;
  });
  console.log(`#   "${term}" → ${found} speeches`);
}
const all: number[] = [];
for (const term of TERMS) all.push(...(await time(() => index.search(term), QUICK ? 5 : 20, 2)));
record(`search, all terms: ${size}`, all);

// The peer: MiniSearch over the same texts, one document per speech (its title, study note, notes,
// highlights and text, as speechDocs gives them), with a CJK bigram tokenizer (Chinese has no spaces; each
// run of characters becomes its overlapping pairs, a one-character run stays whole), every query term's
// pairs required (AND) and a one-character term matched as a prefix of the pairs. Its counts are speeches
// holding all the pairs, a superset of ours (exact substring); both are printed.
const bigrams = (text: string): string[] => {
  const out: string[] = [];
  for (const run of text.toLowerCase().split(/[\s\p{P}]+/u)) {
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
};
if (!MiniSearch) {
  console.log('# MISSING search vs MiniSearch: the minisearch dev dependency is not installed (npm install)');
} else {
  let mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: bigrams });
  const miniDocs = data.speeches.map((sp) => ({
    id: sp.id,
    text: speechDocs(sp, hs.get(sp.id) ?? [], notes.get(sp.id))
      .map((d) => d.text)
      .join('\n'),
  }));
  const [miniBuilt] = await time(
    () => {
      mini = new MiniSearch({ fields: ['text'], tokenize: bigrams });
      mini.addAll(miniDocs);
    },
    1,
    0,
  );
  record(`MiniSearch: build index (bigrams): ${size}`, [miniBuilt as number]);
  const miniSearch = (term: string) =>
    mini.search(term, { combineWith: 'AND', prefix: (t: string) => [...t].length === 1 });
  const pooled = { ours: [] as number[], mini: [] as number[] };
  // The Node terms and the Chromium bench's topic phrases (each in a twentieth of the speeches).
  for (const term of [...TERMS, ...TOPICS.slice(0, 6)]) {
    const runs = QUICK ? 5 : 20;
    const pair = await interleave(
      {
        ours: async () => time(() => index.search(term), 1, 0),
        mini: async () => time(() => miniSearch(term), 1, 0),
      },
      runs,
      2,
    );
    pooled.ours.push(...pair.ours.flat());
    pooled.mini.push(...pair.mini.flat());
    console.log(
      `#   "${term}": ours ${index.search(term).length} speeches (exact substring), MiniSearch ${miniSearch(term).length} (all bigrams)`,
    );
  }
  record(`search, all queries: ours: ${size}`, pooled.ours);
  record(`search, all queries: MiniSearch (CJK bigrams): ${size}`, pooled.mini);
}
printMedians();
