/**
 * Finds a stored quote again in a speech whose text may have changed, Hypothesis-style (quote + context +
 * expected position), but strict: a highlight painted on the wrong sentence misleads the reader, while an
 * unplaced one is still listed (未能定位) and can be re-attached by hand. So a candidate must both look like
 * the quote and sit in a context that looks like the stored one, unless the quote alone is unmistakable.
 *
 * How: everything runs on folded text (utils/anchoring/normalize.ts), so width and whitespace changes and split or
 * merged paragraphs cost nothing. Exact occurrences come first. For approximate ones the quote is cut into
 * k + 1 pieces (k = allowed edits): any occurrence with at most k edits contains one piece unchanged
 * (pigeonhole), so the pieces are looked up in a bigram index built once per text and only the windows
 * around their hits are verified with an edit-distance scan. Candidates are scored on the share of quote and
 * context characters that agree, with distance from the expected position as a tie-breaker. A long quote
 * none of whose candidates passes may still be placed by its two ends (utils/anchoring/ends.ts).
 */

import { affixDistance, bestMatchInWindow } from './distance';
import { matchEnds } from './ends';
import { type FoldedText, fold, foldedOffset } from './normalize';
import { lowerBound, type SearchText } from './search-text';

/** Quotes shorter than this (after folding) must match exactly: one edit in three characters is another word. */
const MIN_FUZZY_LENGTH = 4;
/** Longer quotes (whole sections) are not searched approximately as a whole, only by their ends. */
const MAX_FUZZY_LENGTH = 600;
/** Quotes at least this long (folded) may be placed by their two ends when the middle changed a lot. */
const MIN_SPLIT_LENGTH = 24;
/** Windows verified per quote, most promising (most pieces hit) first. */
const MAX_WINDOWS = 24;
/** Exact occurrences of a common quote that get a full context comparison. */
const SHORTLIST = 48;
/** Pieces per quote (caps the edits searched for in very long quotes). */
const MAX_PIECES = 1024;
/** A piece occurring more often than this is only looked for near the expected place (NEAR_HITS each side). */
const MAX_PIECE_HITS = 300;
const NEAR_HITS = 16;
/** Exact occurrences scored per quote; a quote found more often than this needs its position to be found. */
const MAX_EXACT = 400;

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
  const ends = m >= MIN_SPLIT_LENGTH ? matchEnds(text, query, quote, (q) => matchQuote(text, q).match) : null;
  if (ends) return { match: ends };
  return { match: null, reason: pool.length === 0 ? 'not-found' : 'weak-match' };
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
    for (const at of starts.slice(Math.max(0, near - 4), near + 4)) chosen.add(at);
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
      return uniqueExact && m >= 10 && c.contextScore >= 0.25;
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
