/**
 * Placing a long quote by its ends, for when its middle changed too much for the edit bound of
 * utils/anchoring/match-quote.ts: a sentence added or dropped inside a highlighted passage, or one end cut off together
 * with the text around it. Each end must sit in a well-matched stored context; what lies between must still
 * hold most of the quote's characters in order, so a passage rewritten between intact neighbours is not
 * taken for the old one.
 */

import { alignAt, commonSubsequence } from './distance';
import { fold, foldedOffset, isSpace } from './normalize';
import type { QuoteMatch, QuoteQuery } from './quote';
import type { SearchText } from './search-text';

/** A quote placed from one end only may have lost at most this share of its characters. */
const MAX_ONE_SIDED_LOSS = 0.35;
/** Longer quotes are only placed by two ends (aligning them from one end would cost too much). */
const MAX_ONE_SIDED_LENGTH = 600;
/** A stored context this long (folded) is distinctive enough to mark where a quote began or ended. */
const MIN_CONTEXT_ANCHOR = 16;

/**
 * A passage that gained or lost a sentence in the middle is too far from its quote for the edit bound,
 * yet both of its ends are still where they were. So its start is looked for through the quote's first
 * characters (with the prefix) or through the stored prefix itself, its end likewise, and the span between
 * is accepted only if it comes in order, is about as long as the quote, and still holds most of the
 * quote's characters in order (so a rewritten passage between intact neighbours is not taken).
 * `find` places a short quote (matchQuote, passed in so the two modules do not import each other).
 */
export function matchEnds(
  text: SearchText,
  query: QuoteQuery,
  quote: string,
  find: (query: QuoteQuery) => QuoteMatch | null,
): QuoteMatch | null {
  const prefix = fold(query.prefix);
  const suffix = fold(query.suffix);
  if (!prefix || !suffix) return null; // an end without context is no evidence
  const m = quote.length;
  const raw = text.raw;
  const size = Math.min(32, Math.floor(m / 3));
  const starts: { at: number; context: number }[] = [];
  const ends: { at: number; context: number }[] = [];

  const head = find({ quote: quote.slice(0, size), prefix, suffix: '', hint: query.hint });
  if (head && strongEnd(head)) starts.push({ at: head.start, context: head.contextScore });
  const tailHint = query.hint + query.quote.length - size;
  const tail = find({ quote: quote.slice(m - size), prefix: '', suffix, hint: tailHint });
  if (tail && strongEnd(tail)) ends.push({ at: tail.end, context: tail.contextScore });
  if (prefix.length >= MIN_CONTEXT_ANCHOR) {
    const before = find({
      quote: prefix,
      prefix: '',
      suffix: '',
      hint: query.hint - prefix.length,
    });
    if (before && before.quoteScore >= 0.85) starts.push({ at: skipSpace(raw, before.end, 1), context: 1 });
  }
  if (suffix.length >= MIN_CONTEXT_ANCHOR) {
    const after = find({ quote: suffix, prefix: '', suffix: '', hint: tailHint + size });
    if (after && after.quoteScore >= 0.85) ends.push({ at: skipSpace(raw, after.start, -1), context: 1 });
  }

  const pair = pairEnds(text, quote, starts, ends, query.quote.length, prefix.length, suffix.length);
  if (pair) return pair;
  // Only one end in place (the other cut off with the text around it): extend the quote from that end,
  // accepting it only if most of it is still there and that end sits in a well-matched context.
  const folded = text.folded;
  for (const end of ends) {
    if (end.context < 0.8 || m > MAX_ONE_SIDED_LENGTH) continue;
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
    if (start.context < 0.8 || m > MAX_ONE_SIDED_LENGTH) continue;
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
