/**
 * Finds a stored quote again in a speech whose text may have changed, Hypothesis-style (quote + context +
 * expected position), but strict: a highlight painted on the wrong sentence misleads the reader, while an
 * unplaced one is still listed (未能定位) and can be re-attached by hand. So a candidate must both look like
 * the quote and sit in a context that looks like the stored one, unless the quote alone is unmistakable.
 *
 * How: everything runs on folded text (anchor-normalize.ts), so width and whitespace changes and split or
 * merged paragraphs cost nothing. Exact occurrences come first. For approximate ones the quote is cut into
 * k + 1 pieces (k = allowed edits): any occurrence with at most k edits contains one piece unchanged
 * (pigeonhole), so the pieces are looked up in a bigram index built once per text and only the windows
 * around their hits are verified with an edit-distance scan. Candidates are scored on the share of quote and
 * context characters that agree, with distance from the expected position as a tie-breaker.
 */

import { affixDistance, alignAt, bestMatchInWindow, commonSubsequence } from './anchor-distance';
import { type FoldedText, fold, foldedOffset, foldText, isSpace } from './anchor-normalize';

/** Quotes shorter than this (after folding) must match exactly: one edit in three characters is another word. */
const MIN_FUZZY_LENGTH = 4;
/** A quote placed from one end only may have lost at most this share of its characters. */
const MAX_ONE_SIDED_LOSS = 0.35;
/** Longer quotes (whole sections) are not searched approximately as a whole, only by their ends. */
const MAX_FUZZY_LENGTH = 600;
/** Quotes at least this long (folded) may be placed by their two ends when the middle changed a lot. */
const MIN_SPLIT_LENGTH = 24;
/** A stored context this long (folded) is distinctive enough to mark where a quote began or ended. */
const MIN_CONTEXT_ANCHOR = 16;
/** Windows verified per quote, most promising (most pieces hit) first. */
const MAX_WINDOWS = 24;
/** Exact occurrences of a common quote that get a full context comparison. */
const SHORTLIST = 12;
/** Pieces per quote (caps the edits searched for in very long quotes). */
const MAX_PIECES = 1024;
/** A piece occurring more often than this is only looked for near the expected place (NEAR_HITS each side). */
const MAX_PIECE_HITS = 300;
const NEAR_HITS = 16;
/** Exact occurrences scored per quote; a quote found more often than this needs its position to be found. */
const MAX_EXACT = 400;

/** A speech text prepared for many quote searches: folded once, bigram index built on first fuzzy search. */
export class SearchText {
  readonly raw: string;
  readonly folded: FoldedText;
  private heads: Int32Array | null = null;
  private positions: Int32Array | null = null;

  constructor(raw: string) {
    this.raw = raw;
    this.folded = foldText(raw);
  }

  /** Start offsets (folded) of every occurrence of `piece` in the folded text, in order. */
  occurrences(piece: string, limit = Number.POSITIVE_INFINITY): number[] {
    const text = this.folded.text;
    const found: number[] = [];
    if (piece.length < 2) {
      for (let at = text.indexOf(piece); at >= 0 && found.length < limit; at = text.indexOf(piece, at + 1)) {
        found.push(at);
      }
      return found;
    }
    this.buildIndex();
    const heads = this.heads as Int32Array;
    const positions = this.positions as Int32Array;
    const h = bigramHash(piece.charCodeAt(0), piece.charCodeAt(1));
    for (let i = heads[h] as number, end = heads[h + 1] as number; i < end && found.length < limit; i++) {
      const at = positions[i] as number;
      if (text.startsWith(piece, at)) found.push(at);
    }
    return found;
  }

  /** Counting sort of all bigram positions by hash: three linear passes, no per-bigram allocation. */
  private buildIndex(): void {
    if (this.heads) return;
    const text = this.folded.text;
    const n = Math.max(0, text.length - 1);
    const heads = new Int32Array(HASH_SIZE + 1);
    const hashes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const h = bigramHash(text.charCodeAt(i), text.charCodeAt(i + 1));
      hashes[i] = h;
      heads[h + 1] = (heads[h + 1] as number) + 1;
    }
    for (let h = 0; h < HASH_SIZE; h++) heads[h + 1] = (heads[h + 1] as number) + (heads[h] as number);
    const fill = heads.slice(0, HASH_SIZE);
    const positions = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const h = hashes[i] as number;
      positions[fill[h] as number] = i;
      fill[h] = (fill[h] as number) + 1;
    }
    this.heads = heads;
    this.positions = positions;
  }
}

const HASH_BITS = 17;
const HASH_SIZE = 1 << HASH_BITS;

function bigramHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - HASH_BITS);
}

export interface QuoteQuery {
  quote: string;
  prefix: string;
  suffix: string;
  /** Expected start, as an offset in the raw text; only breaks near-ties. */
  hint: number;
  /** Raw start offset at which the stored position still shows the exact quote, if it does. */
  position?: number;
}

export interface QuoteMatch {
  /** Offsets in the raw text. */
  start: number;
  end: number;
  /** Edits between the folded quote and the folded match. */
  errors: number;
  /** 1 - errors / quote length. */
  quoteScore: number;
  /** 1 - (context edits) / (context length); 1 when there was no context to compare. */
  contextScore: number;
  score: number;
}

export type QuoteResult = { match: QuoteMatch; reason?: undefined } | { match: null; reason: UnplacedReason };

/** Why a quote could not be placed (stored with nothing; shown as 未能定位 with this as the detail). */
export type UnplacedReason = 'empty-quote' | 'not-found' | 'weak-match';

interface Candidate {
  /** Folded offsets. */
  start: number;
  end: number;
  errors: number;
  quoteScore: number;
  contextScore: number;
  score: number;
}

/** Finds the best acceptable place for a quote, or says why there is none. */
export function matchQuote(text: SearchText, query: QuoteQuery): QuoteResult {
  const quote = fold(query.quote);
  const m = quote.length;
  if (m === 0) return { match: null, reason: 'empty-quote' };
  const folded = text.folded;
  const scorer = new Scorer(folded, quote, query);

  const occurrences = text.occurrences(quote, MAX_EXACT);
  const unique = occurrences.length === 1;
  const exact = scorer.shortlist(occurrences, m).map((at) => scorer.candidate(at, at + m, 0));
  exact.sort(byScore);
  const bestExact = exact.find((c) => scorer.acceptable(c, unique));
  // An exact occurrence in its old context needs no fuzzy search; any other competes with fuzzy candidates
  // (a typo fixed in the right place beats the same words in a merely similar context elsewhere).
  if (bestExact && (bestExact.contextScore >= 0.95 || bestExact.start === scorer.position)) {
    return { match: toRaw(folded, bestExact) };
  }

  const known = bestExact ? bestExact.score : 0;
  const fuzzy =
    m >= MIN_FUZZY_LENGTH && m <= MAX_FUZZY_LENGTH
      ? fuzzyCandidates(text, quote, scorer, occurrences, known)
      : [];
  const pool = exact.concat(fuzzy.filter((c) => !exact.some((e) => e.start === c.start)));
  pool.sort(byScore);
  const best = pool.find((c) => scorer.acceptable(c, unique));
  if (best) return { match: toRaw(folded, best) };
  const ends = m >= MIN_SPLIT_LENGTH ? matchEnds(text, query, quote) : null;
  if (ends) return { match: ends };
  return { match: null, reason: pool.length === 0 ? 'not-found' : 'weak-match' };
}

/**
 * A passage that gained or lost a sentence in the middle is too far from its quote for the edit bound,
 * yet both of its ends are still where they were. So its start is looked for through the quote's first
 * characters (with the prefix) or through the stored prefix itself, its end likewise, and the span between
 * is accepted only if it comes in order, is about as long as the quote, and still holds most of the
 * quote's characters in order (so a rewritten passage between intact neighbours is not taken).
 */
function matchEnds(text: SearchText, query: QuoteQuery, quote: string): QuoteMatch | null {
  const prefix = fold(query.prefix);
  const suffix = fold(query.suffix);
  if (!prefix || !suffix) return null; // an end without context is no evidence
  const m = quote.length;
  const raw = text.raw;
  const size = Math.min(32, Math.floor(m / 3));
  const starts: { at: number; context: number }[] = [];
  const ends: { at: number; context: number }[] = [];

  const head = matchQuote(text, { quote: quote.slice(0, size), prefix, suffix: '', hint: query.hint }).match;
  if (head && strongEnd(head)) starts.push({ at: head.start, context: head.contextScore });
  const tailHint = query.hint + query.quote.length - size;
  const tail = matchQuote(text, { quote: quote.slice(m - size), prefix: '', suffix, hint: tailHint }).match;
  if (tail && strongEnd(tail)) ends.push({ at: tail.end, context: tail.contextScore });
  if (prefix.length >= MIN_CONTEXT_ANCHOR) {
    const before = matchQuote(text, {
      quote: prefix,
      prefix: '',
      suffix: '',
      hint: query.hint - prefix.length,
    }).match;
    if (before && before.quoteScore >= 0.85) starts.push({ at: skipSpace(raw, before.end, 1), context: 1 });
  }
  if (suffix.length >= MIN_CONTEXT_ANCHOR) {
    const after = matchQuote(text, { quote: suffix, prefix: '', suffix: '', hint: tailHint + size }).match;
    if (after && after.quoteScore >= 0.85) ends.push({ at: skipSpace(raw, after.start, -1), context: 1 });
  }

  const pair = pairEnds(text, quote, starts, ends, query.quote.length, prefix.length, suffix.length);
  if (pair) return pair;
  // Only one end in place (the other cut off with the text around it): extend the quote from that end,
  // accepting it only if most of it is still there and that end sits in a well-matched context.
  const folded = text.folded;
  for (const end of ends) {
    if (end.context < 0.8 || m > MAX_FUZZY_LENGTH) continue;
    const e = foldedOffset(folded, end.at);
    const r = alignAt(quote, folded.text, e, -1, m + Math.ceil(m / 2));
    if (r.length === 0 || r.errors > MAX_ONE_SIDED_LOSS * m) continue;
    // A stray punctuation mark before what is left ("。" ending the previous sentence) aligns for free
    // against the quote's lost part; a quote that did not start with punctuation does not get it back.
    let from = e - r.length;
    while (from < e - 1 && isPunctuation(folded.text, from) && !isPunctuation(quote, 0)) from++;
    const start = folded.map[from] as number;
    return oneSided(
      start,
      end.at,
      r.errors,
      m,
      end.context * (suffix.length / (prefix.length + suffix.length)),
    );
  }
  for (const start of starts) {
    if (start.context < 0.8 || m > MAX_FUZZY_LENGTH) continue;
    const s = foldedOffset(folded, start.at);
    const r = alignAt(quote, folded.text, s, 1, m + Math.ceil(m / 2));
    if (r.length === 0 || r.errors > MAX_ONE_SIDED_LOSS * m) continue;
    let to = s + r.length;
    while (to > s + 1 && isPunctuation(folded.text, to - 1) && !isPunctuation(quote, m - 1)) to--;
    const end = (folded.map[to - 1] as number) + 1;
    return oneSided(
      start.at,
      end,
      r.errors,
      m,
      start.context * (prefix.length / (prefix.length + suffix.length)),
    );
  }
  return null;
}

function isPunctuation(text: string, at: number): boolean {
  return /\p{P}/u.test(text[at] ?? '');
}

function oneSided(start: number, end: number, errors: number, m: number, contextScore: number): QuoteMatch {
  return { start, end, errors, quoteScore: Math.max(0, 1 - errors / m), contextScore, score: contextScore };
}

/** The first start/end pair that comes in order, spans about the quote's length and holds most of it. */
function pairEnds(
  text: SearchText,
  quote: string,
  starts: { at: number; context: number }[],
  ends: { at: number; context: number }[],
  rawLength: number,
  prefixLength: number,
  suffixLength: number,
): QuoteMatch | null {
  const m = quote.length;
  const raw = text.raw;
  for (const start of starts) {
    for (const end of ends) {
      if (end.at <= start.at || end.at - start.at > 2 * rawLength + 200) continue;
      const span = fold(raw.slice(start.at, end.at));
      const kept = sharedCharacters(quote, span);
      if (kept < 0.65 * m) continue;
      // A lower bound of the edit distance; exact enough to report how much changed.
      const errors = Math.max(m, span.length) - kept;
      const contextScore =
        (start.context * prefixLength + end.context * suffixLength) / (prefixLength + suffixLength);
      return {
        start: start.at,
        end: end.at,
        errors,
        quoteScore: Math.max(0, 1 - errors / m),
        contextScore,
        score: contextScore,
      };
    }
  }
  return null;
}

/**
 * How many of the quote's characters the span still has: in order (longest common subsequence) when that
 * is affordable, else counted as a multiset, for passages of thousands of characters.
 */
function sharedCharacters(quote: string, span: string): number {
  if (quote.length * span.length <= 4_000_000) return commonSubsequence(quote, span);
  const counts = new Map<number, number>();
  for (let i = 0; i < span.length; i++) {
    const c = span.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < quote.length; i++) {
    const c = quote.charCodeAt(i);
    const left = counts.get(c) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(c, left - 1);
    }
  }
  return shared;
}

/** First non-space offset from `at` going forward (dir 1), or the offset after the last one going back. */
function skipSpace(raw: string, at: number, dir: 1 | -1): number {
  if (dir > 0) {
    while (at < raw.length && isSpace(raw.charCodeAt(at))) at++;
  } else {
    while (at > 0 && isSpace(raw.charCodeAt(at - 1))) at--;
  }
  return at;
}

function strongEnd(match: QuoteMatch): boolean {
  return match.quoteScore >= 0.8 && match.contextScore >= 0.6;
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score;
}

function toRaw(folded: FoldedText, c: Candidate): QuoteMatch {
  const start = folded.map[c.start] as number;
  const end = (folded.map[c.end - 1] as number) + 1;
  return {
    start,
    end,
    errors: c.errors,
    quoteScore: c.quoteScore,
    contextScore: c.contextScore,
    score: c.score,
  };
}

/** Scores candidates of one query and decides which are good enough. */
class Scorer {
  readonly position: number;
  private readonly prefix: string;
  private readonly suffix: string;
  /** Expected start, folded. */
  readonly hint: number;

  constructor(
    private readonly folded: FoldedText,
    private readonly quote: string,
    query: QuoteQuery,
  ) {
    this.prefix = fold(query.prefix);
    this.suffix = fold(query.suffix);
    this.hint = foldedOffset(folded, query.hint);
    this.position = query.position === undefined ? -1 : foldedOffset(folded, query.position);
  }

  /**
   * A common phrase can occur hundreds of times; only the occurrences whose neighbours agree most with the
   * stored context (counted in unchanged characters) and the one nearest the expected place are worth the
   * edit-distance scoring.
   */
  shortlist(starts: number[], m: number): number[] {
    if (starts.length <= SHORTLIST) return starts;
    const text = this.folded.text;
    const agreement = (at: number) => {
      let n = 0;
      const p = this.prefix;
      while (n < p.length && text.charCodeAt(at - 1 - n) === p.charCodeAt(p.length - 1 - n)) n++;
      let k = 0;
      const s = this.suffix;
      while (k < s.length && text.charCodeAt(at + m + k) === s.charCodeAt(k)) k++;
      return n + k;
    };
    const ranked = starts.map((at) => ({ at, agreement: agreement(at) }));
    ranked.sort((a, b) => b.agreement - a.agreement);
    const chosen = new Set(ranked.slice(0, SHORTLIST).map((r) => r.at));
    // The occurrences just before and after the expected place stay in: text edited around a short quote
    // may agree little with the stored context and still be the right place.
    const near = lowerBound(starts, this.hint);
    for (const at of starts.slice(Math.max(0, near - 2), near + 2)) chosen.add(at);
    if (this.position >= 0 && starts.includes(this.position)) chosen.add(this.position);
    return [...chosen];
  }

  candidate(start: number, end: number, errors: number): Candidate {
    const text = this.folded.text;
    const quoteScore = 1 - errors / this.quote.length;
    const contextLength = this.prefix.length + this.suffix.length;
    let contextScore = 1;
    if (contextLength > 0) {
      const before = text.endsWith(this.prefix, start) ? 0 : affixDistance(this.prefix, text, start, -1);
      const after = text.startsWith(this.suffix, end) ? 0 : affixDistance(this.suffix, text, end, 1);
      contextScore = 1 - (before + after) / contextLength;
    }
    const distance = Math.abs(start - this.hint) / Math.max(1, text.length);
    const score = 0.95 * this.agreement(quoteScore, contextScore) + 0.05 * (1 - Math.min(1, distance));
    return { start, end, errors, quoteScore, contextScore, score };
  }

  /**
   * Share of quote and context characters that agree. Every character counts the same, so for a short
   * quote the context decides and for a long one the quote does: a typo fixed in the right place beats the
   * same few words in a merely similar sentence elsewhere.
   */
  agreement(quoteScore: number, contextScore: number): number {
    const m = this.quote.length;
    const n = this.prefix.length + this.suffix.length;
    return (m * quoteScore + n * contextScore) / (m + n);
  }

  /**
   * The strict threshold. Exact quotes need a context that is at least half the same, unless they are
   * still at their stored position or long and unique (a sentence moved to another paragraph). Approximate
   * ones (typo fixed inside the quote) need both a close quote and a mostly unchanged context.
   */
  acceptable(c: Candidate, uniqueExact: boolean): boolean {
    const m = this.quote.length;
    if (c.errors === 0) {
      if (c.contextScore >= 0.5) return true;
      if (c.start === this.position) return c.contextScore >= 0.25 || m >= 6;
      return uniqueExact && m >= 10;
    }
    if (m < MIN_FUZZY_LENGTH) return false;
    return (
      (c.quoteScore >= 0.75 && c.contextScore >= 0.7) ||
      (c.quoteScore >= 0.85 && c.contextScore >= 0.4) ||
      // A long passage that still agrees on 40+ characters is unmistakable even if its start or end was
      // cut (then one side of the context no longer lines up).
      (c.quoteScore >= 0.75 && c.contextScore >= 0.4 && m - c.errors >= 40)
    );
  }
}

/** Approximate candidates with at most ⌊m/4⌋ edits, found through exact pieces (pigeonhole filter). */
function fuzzyCandidates(
  text: SearchText,
  quote: string,
  scorer: Scorer,
  exact: readonly number[],
  known: number,
): Candidate[] {
  const m = quote.length;
  const k = Math.min(MAX_PIECES - 1, Math.floor(m / 4));
  const pieces = k + 1;
  // One number per hit: (implied start + m) * MAX_PIECES + piece, so a numeric sort orders by start.
  const keys: number[] = [];
  let skipped = 0;
  for (let p = 0; p < pieces; p++) {
    const from = Math.floor((p * m) / pieces);
    const to = Math.floor(((p + 1) * m) / pieces);
    let found = text.occurrences(quote.slice(from, to));
    if (found.length > MAX_PIECE_HITS) {
      // A piece found everywhere (a common phrase) says little; only its hits near the expected place are
      // kept, where a quote with a corrected typo most likely still is.
      const near = lowerBound(found, scorer.hint + from);
      found = found.slice(Math.max(0, near - NEAR_HITS), near + NEAR_HITS);
      skipped++;
    }
    for (const at of found) keys.push((at - from + m) * MAX_PIECES + p);
  }
  if (keys.length === 0) return [];
  const hits = Float64Array.from(keys).sort();

  // Hits whose implied starts lie within k of the window's first one share a window (so a window stays
  // m + 3k wide even where pieces are found all over the text).
  const windows: { from: number; to: number; pieces: number }[] = [];
  const seen = new Int32Array(pieces).fill(-1);
  let first = Math.floor((hits[0] as number) / MAX_PIECES) - m;
  let last = first;
  let distinct = 0;
  for (const key of hits) {
    const start = Math.floor(key / MAX_PIECES) - m;
    const piece = key % MAX_PIECES;
    if (start - first > k) {
      windows.push({ from: first - k, to: last + m + k, pieces: distinct });
      first = start;
      distinct = 0;
    }
    last = start;
    if (seen[piece] !== windows.length) {
      seen[piece] = windows.length;
      distinct++;
    }
  }
  windows.push({ from: first - k, to: last + m + k, pieces: distinct });
  // Exact occurrences are candidates already (or were deliberately left out): verify only the other
  // windows, most pieces first and, among equals, nearest the expected place first.
  const near = (w: { from: number }) => Math.abs(w.from + k - scorer.hint);
  const inexact = windows.filter((w) => {
    const inside = exact[lowerBound(exact, w.from)];
    return inside === undefined || inside + m > w.to;
  });
  inexact.sort((a, b) => b.pieces - a.pieces || near(a) - near(b));

  const found: Candidate[] = [];
  const folded = text.folded.text;
  let bestScore = known;
  for (const w of inexact.slice(0, MAX_WINDOWS)) {
    // Each piece missing from a window costs (about) one edit there; a window that cannot beat the best
    // candidate so far even with a perfect context is not verified. Windows come most-hit first.
    const quoteBound = 1 - Math.max(0, pieces - skipped - w.pieces) / m;
    if (0.95 * scorer.agreement(quoteBound, 1) + 0.05 < bestScore) break;
    const match = bestMatchInWindow(folded, w.from, w.to, quote, k);
    if (!match || found.some((c) => c.start === match.start)) continue;
    const c = scorer.candidate(match.start, match.end, match.errors);
    found.push(c);
    if (scorer.acceptable(c, false) && c.score > bestScore) bestScore = c.score;
  }
  return found;
}

/** First index i with sorted[i] >= value. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
