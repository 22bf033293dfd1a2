/**
 * Library search over speech texts, highlights and notes. Chinese has no spaces between words, so matching is
 * by substring on normalised text (full-width letters, digits and punctuation folded to their ASCII twins, case
 * folded), not by whitespace tokens. Punctuation, quotes and blanks are left out of the comparison on both
 * sides (会站家一体化 must find “会站家”一体化), so the normalised copy is shorter than the
 * text; line breaks stay, so a match never runs from one paragraph into the next. A match found in the
 * normalised copy is mapped back to the original characters for the snippet (originalRanges).
 *
 * Search is an indexOf scan of the normalised documents, with one shortcut: each speech keeps a small bit set
 * (a Bloom filter) of the character pairs (bigrams) in its documents, and a speech missing any pair of a term
 * is skipped without scanning. At 2,000 speeches of 8,000 characters a term found nowhere cost a 45-55 ms
 * scan (V8's indexOf is slow for long two-byte patterns); the filter leaves only the few speeches that hold
 * all of its pairs to scan (bench/library.bench.ts). Built in slices after first paint.
 */

import { passageOfMatch } from './reader/jump';
import type { Passage } from './routes';
import { halfWidthCode } from './text/width';

export type SearchDocKind = 'title' | 'studyNote' | 'note' | 'highlight' | 'text';

/** One searchable text. `highlightId` links a highlight or its note to the passage in the reader. */
export interface SearchDoc {
  speechId: string;
  kind: SearchDocKind;
  text: string;
  highlightId?: string;
}

interface IndexedDoc extends SearchDoc {
  norm: string;
}

interface IndexedSpeech {
  /** In KIND_ORDER: title, study note, notes, highlights, text. */
  docs: IndexedDoc[];
  pairs: Uint32Array;
  /**
   * Every document's normalised text in one string (separated by U+0000, which no term holds), and where each
   * starts: one indexOf per term and speech instead of one per document (a speech has ~100 small ones).
   * null when documents were added since: rebuilt on the next search.
   */
  joined: string | null;
  starts: number[];
}

const SEPARATOR = '\u0000';

/** Build a speech's joined text; each document's `norm` becomes a slice of it (no second copy). */
function join(entry: IndexedSpeech): string {
  if (entry.joined !== null) return entry.joined;
  const joined = entry.docs.map((d) => d.norm).join(SEPARATOR);
  let at = 0;
  entry.starts = entry.docs.map((d) => {
    const start = at;
    d.norm = joined.slice(start, start + d.norm.length);
    at += d.norm.length + 1;
    return start;
  });
  entry.joined = joined;
  return joined;
}

/** Index of the document holding position `p` of the joined text. */
function docAt(starts: readonly number[], p: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 2^14 bits (2 KB) a speech: about a fifth of them set by an 8,000-character speech with its notes. */
const PAIR_BITS = 14;
const PAIR_WORDS = (1 << PAIR_BITS) >>> 5;

function pairBit(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);
}

function addPairs(bits: Uint32Array, text: string): void {
  let prev = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bit = pairBit(prev, c);
    bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
    prev = c;
  }
}

/** Could the speech hold `term`? False means certainly not (every character pair of the term is checked). */
function mayHold(bits: Uint32Array, term: string): boolean {
  for (let i = 1; i < term.length; i++) {
    const bit = pairBit(term.charCodeAt(i - 1), term.charCodeAt(i));
    if (((bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/** A snippet cut from one document: text around the matches, with the matched parts marked. */
export interface Snippet {
  kind: SearchDocKind;
  highlightId?: string;
  /** Where the first match is in the speech's text (kind 'text'): the reader opens there (routes.ts `#p=`). */
  passage?: Passage;
  /** Alternating plain and marked parts, in order; join the texts to get the snippet. */
  parts: { text: string; mark: boolean }[];
  /** Text was cut before / after the snippet. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SpeechHits {
  speechId: string;
  /** More documents of this speech match than `docs` holds (the scan stopped there). */
  more: boolean;
  /** The first matching documents (notes first), for snippetsOf: snippets are cut only for rows shown. */
  docs: (SearchDoc & { norm: string })[];
  terms: string[];
}

/** Snippets of a speech's hits, cut when its row is shown (a search can match every speech). */
export function snippetsOf(hits: SpeechHits, radius = 28): Snippet[] {
  return hits.docs.map((d) => makeSnippet(d, hits.terms, radius));
}

// Full-width forms U+FF01..U+FF5E sit exactly 0xFEE0 above ASCII 0x21..0x7E; U+3000 is the ideographic space.
const NEEDS_FOLD = /[\uFF01-\uFF5E\u3000A-Z\u00C0-\u024F\u0391-\u03A9\u0410-\u042F]/;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  const half = halfWidthCode(code);
  if (half !== code) return String.fromCharCode(half).toLowerCase();
  const lower = c.toLowerCase();
  // A few characters lower-case to two (İ): keep the original so positions stay aligned.
  return lower.length === 1 ? lower : c;
}

/**
 * What the comparison leaves out: blanks other than the line break, and punctuation of every script (quotes,
 * brackets, 、，。《》·—…), except the few marks that carry meaning in a query (6%, #3, A&B, @).
 * Judged after width folding, so full-width forms (％) are kept or dropped as their ASCII twins are.
 */
const SKIPPED = /^(?:[^\S\n]|(?![%‰#&@])\p{P})$/u;

const KEEP = 0;
const SKIP = 1;
const FOLD = 2;
let kinds: Uint8Array | undefined;

/**
 * What normalisation does to each UTF-16 unit (KEEP, SKIP, FOLD), built on first use. One table lookup per
 * character instead of a replace for the folding and another for the punctuation (a \p{P} class): building
 * the index of 16 M characters would otherwise cost about half as much again.
 */
function charKinds(): Uint8Array {
  if (kinds) return kinds;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: kept (no punctuation outside the BMP matters)
    const ch = String.fromCharCode(c);
    const folded = NEEDS_FOLD.test(ch) ? foldChar(ch) : ch;
    table[c] = SKIPPED.test(folded) ? SKIP : folded !== ch ? FOLD : KEEP;
  }
  kinds = table;
  return table;
}

/**
 * The text as search compares it: full-width ASCII forms folded to half-width, letters lower-cased, and
 * punctuation and blanks (SKIPPED) left out. Text with nothing to fold or leave out comes back as the same
 * string. Positions shift where characters were left out: originalRanges maps them back.
 */
export function normalizeForSearch(text: string): string {
  const kind = charKinds();
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const k = kind[text.charCodeAt(i)];
    if (k === KEEP) continue;
    if (i > run) out += text.slice(run, i);
    if (k === FOLD) out += foldChar(text.charAt(i));
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/**
 * Ranges [start, end) of `normalizeForSearch(text)` as ranges of `text`: each starts at the original
 * character of its first normalised one and ends after the original of its last, so the punctuation
 * inside a match (会站家”一体化) is marked with it and that around it (the opening “) is not.
 * `ranges` must be in ascending order, as matchRanges gives them.
 */
export function originalRanges(text: string, ranges: readonly [number, number][]): [number, number][] {
  const kind = charKinds();
  const left: number[] = [];
  for (let i = 0; i < text.length; i++) if (kind[text.charCodeAt(i)] === SKIP) left.push(i);
  if (left.length === 0) return ranges.map(([s, e]) => [s, e]);
  // Normalised position n is original position n + (characters left out before it): walk both in order.
  let k = 0;
  const original = (n: number) => {
    while (k < left.length && (left[k] as number) <= n + k) k++;
    return n + k;
  };
  return ranges.map(([s, e]) => {
    const start = original(s);
    return [start, e > s ? original(e - 1) + 1 : start];
  });
}

/**
 * The query as terms: split at blanks (a space means "and"), each normalised (punctuation left out, so
 * “会站家”一体化 and 会站家一体化 are one term), duplicates and empty terms dropped.
 */
export function queryTerms(query: string): string[] {
  const terms = query
    // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 separates documents in the index
    .replace(/\u0000/g, ' ')
    .split(/[\s\u3000]+/)
    // An empty query (every page's first frame) must not build the normalisation table (10 ms).
    .filter(Boolean)
    .map(normalizeForSearch)
    .filter(Boolean);
  return [...new Set(terms)];
}

const KIND_ORDER: Record<SearchDocKind, number> = { title: 0, studyNote: 1, note: 2, highlight: 3, text: 4 };

/**
 * The searchable documents of the library, normalised as they are added. Speeches can be added in slices
 * (addDocs between pauses) so building never freezes the page, and removed again when a speech is deleted.
 */
export class SearchIndex {
  private bySpeech = new Map<string, IndexedSpeech>();

  get speechCount(): number {
    return this.bySpeech.size;
  }

  /** Set (or replace) the documents of one speech; documents of other speeches are ignored. */
  setSpeech(speechId: string, docs: readonly SearchDoc[]): void {
    this.bySpeech.delete(speechId);
    this.addDocs(docs.filter((d) => d.speechId === speechId));
  }

  /**
   * Add documents to their speeches (a speech is created by its first document). The library adds texts as
   * speeches are read and highlights later, so a search can run on what is indexed so far.
   */
  addDocs(docs: readonly SearchDoc[]): void {
    const touched = new Set<IndexedSpeech>();
    for (const d of docs) {
      if (!d.text) continue;
      let entry = this.bySpeech.get(d.speechId);
      if (!entry) {
        entry = { docs: [], pairs: new Uint32Array(PAIR_WORDS), joined: null, starts: [] };
        this.bySpeech.set(d.speechId, entry);
      }
      const norm = normalizeForSearch(d.text);
      entry.docs.push({ ...d, norm });
      addPairs(entry.pairs, norm);
      touched.add(entry);
    }
    for (const entry of touched) {
      entry.docs.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
      entry.joined = null;
    }
  }

  /**
   * Join up to `limit` speeches' documents now rather than during the next search; true when none is left.
   * The library calls it in slices with pauses once loading is done.
   */
  compact(limit = Number.POSITIVE_INFINITY): boolean {
    let n = 0;
    for (const entry of this.bySpeech.values()) {
      if (entry.joined !== null) continue;
      if (n++ >= limit) return false;
      join(entry);
    }
    return true;
  }

  removeSpeech(speechId: string): void {
    this.bySpeech.delete(speechId);
  }

  has(speechId: string): boolean {
    return this.bySpeech.has(speechId);
  }

  /**
   * Speeches where every term occurs (in any of their documents), with up to `maxSnippets` documents each.
   * `within` limits the search to those speeches (the filters in force). Order: the index's insertion order.
   */
  search(query: string, options: { within?: ReadonlySet<string>; maxSnippets?: number } = {}): SpeechHits[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const maxSnippets = options.maxSnippets ?? 3;
    const out: SpeechHits[] = [];
    for (const [speechId, entry] of this.bySpeech) {
      if (options.within && !options.within.has(speechId)) continue;
      if (!terms.every((t) => mayHold(entry.pairs, t))) continue;
      const joined = join(entry);
      if (!terms.every((t) => joined.indexOf(t) !== -1)) continue;
      // The first documents holding any term, in document order: each term's occurrences are walked a
      // document at a time, stopping once one more than can be shown is known.
      const hit = new Set<number>();
      for (const t of terms) {
        let n = 0;
        let p = joined.indexOf(t);
        while (p !== -1 && n <= maxSnippets) {
          const i = docAt(entry.starts, p);
          hit.add(i);
          n++;
          const next = entry.starts[i + 1];
          if (next === undefined) break;
          p = joined.indexOf(t, next);
        }
      }
      const order = [...hit].sort((a, b) => a - b);
      out.push({
        speechId,
        docs: order.slice(0, maxSnippets).map((i) => entry.docs[i] as IndexedDoc),
        more: order.length > maxSnippets,
        terms,
      });
    }
    return out;
  }
}

/** Marked ranges [start, end) of every term in `norm`, merged where they touch or overlap. */
export function matchRanges(norm: string, terms: readonly string[], limit = 50): [number, number][] {
  const ranges: [number, number][] = [];
  for (const t of terms) {
    let at = norm.indexOf(t);
    let n = 0;
    while (at !== -1 && n < limit) {
      ranges.push([at, at + t.length]);
      at = norm.indexOf(t, at + t.length);
      n++;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A snippet around the first match of a document: `radius` characters either side, kept within the
 * paragraph (line) of the match, with every match inside the window marked.
 */
export function makeSnippet(
  doc: SearchDoc & { norm?: string },
  terms: readonly string[],
  radius = 28,
): Snippet {
  const norm = doc.norm ?? normalizeForSearch(doc.text);
  const ranges = originalRanges(doc.text, matchRanges(norm, terms));
  const first = ranges[0] ?? [0, 0];
  const lineStart = doc.text.lastIndexOf('\n', first[0] - 1) + 1;
  const nextBreak = doc.text.indexOf('\n', first[1]);
  const lineEnd = nextBreak === -1 ? doc.text.length : nextBreak;
  const start = Math.max(lineStart, first[0] - radius);
  const end = Math.min(lineEnd, Math.max(first[1] + radius, start + radius * 2));
  const parts: Snippet['parts'] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const ms = Math.max(s, start);
    const me = Math.min(e, end);
    if (ms > at) parts.push({ text: doc.text.slice(at, ms), mark: false });
    parts.push({ text: doc.text.slice(ms, me), mark: true });
    at = me;
  }
  if (at < end) parts.push({ text: doc.text.slice(at, end), mark: false });
  // The text document is the paragraphs joined with '\n': its original offsets give the paragraph.
  const passage = doc.kind === 'text' && ranges[0] ? passageOfMatch(doc.text, first[0], first[1]) : null;
  return {
    kind: doc.kind,
    ...(doc.highlightId ? { highlightId: doc.highlightId } : {}),
    ...(passage ? { passage } : {}),
    parts,
    clippedStart: start > 0,
    clippedEnd: end < doc.text.length,
  };
}
