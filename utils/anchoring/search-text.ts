/**
 * A speech text prepared for many quote searches: folded once (utils/anchoring/normalize.ts) and indexed by
 * bigram on the first search that needs it, so that looking up where a short piece of a quote occurs costs
 * a bucket scan instead of a pass over the whole speech.
 */

import { type FoldedText, foldText } from './normalize';

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

/** First index i with sorted[i] >= value. */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
