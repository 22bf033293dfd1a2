/**
 * Aligns the sentences of two texts. In order, each step taking only what the previous ones left:
 *   1. identical sentences within corresponding sections (in reading order when a sentence repeats);
 *   2. identical sentences anywhere else (a sentence now in another section: moved);
 *   3. similar sentences within corresponding sections, or in the same gap between two identical sentences
 *      that keep their order (an outline that reads differently in the two texts then does no harm), most
 *      alike first (reworded);
 *   4. similar sentences anywhere else, with a stricter likeness (moved and reworded).
 * Paragraph boundaries play no part, so paragraphs split, merged or moved within a section align unchanged.
 * `inOrder` marks the pairs of the longest run that keeps its order in both texts: a pair outside it has
 * changed place (classify.ts calls it moved only when it also changed section).
 * Pure: `sectionOf` maps an old section to its new counterpart (null: none; the whole map null: no frame).
 */
import { bigramSet, likelyPairs } from './similarity';
import type { Sentence } from './types';

export interface AlignOptions {
  /** Least likeness for a reworded sentence in the same section. */
  within: number;
  /** Least likeness for a sentence that also changed section. */
  across: number;
}

export const DEFAULT_ALIGN: AlignOptions = { within: 0.45, across: 0.6 };

export interface Alignment {
  /** new sentence index of each old sentence, or -1. */
  oldToNew: Int32Array;
  newToOld: Int32Array;
  /** Per old sentence: 1 when its pair belongs to the longest order-keeping run. */
  inOrder: Uint8Array;
}

/** Indexes (into `values`) of a longest strictly increasing subsequence: patience sorting, O(n log n). */
export function longestIncreasing(values: ArrayLike<number>): number[] {
  const tails: number[] = [];
  const prev = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] as number] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i] as number) out.push(i);
  return out.reverse();
}

/** The old sentences whose pairs keep their order, as a mask. */
function orderMask(oldToNew: Int32Array): Uint8Array {
  const olds: number[] = [];
  const news: number[] = [];
  oldToNew.forEach((n, o) => {
    if (n >= 0) {
      olds.push(o);
      news.push(n);
    }
  });
  const mask = new Uint8Array(oldToNew.length);
  for (const i of longestIncreasing(news)) mask[olds[i] as number] = 1;
  return mask;
}

/**
 * A sentence that repeats (各位代表！) is paired by sections first, so when the two outlines put a section
 * boundary on either side of one of its occurrences, the occurrences can end up paired crosswise: the first
 * old one with the second new one and back, which reads as a sentence moved. Identical sentences are
 * interchangeable, so the partners of each repeated key are handed out again in reading order on both sides:
 * an uncrossed pair never breaks the order of the others.
 */
function uncrossRepeats(olds: readonly Sentence[], oldToNew: Int32Array, newToOld: Int32Array): void {
  const groups = new Map<string, number[]>();
  for (const s of olds) {
    if (oldToNew[s.idx] === -1) continue;
    const g = groups.get(s.key);
    if (g) g.push(s.idx);
    else groups.set(s.key, [s.idx]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const partners = g.map((o) => oldToNew[o] as number).sort((a, b) => a - b);
    g.forEach((o, i) => {
      const n = partners[i] as number;
      oldToNew[o] = n;
      newToOld[n] = o;
    });
  }
}

export function alignSentences(
  olds: readonly Sentence[],
  news: readonly Sentence[],
  sectionPairs: ReadonlyArray<number | null> | null,
  options: AlignOptions = DEFAULT_ALIGN,
): Alignment {
  const oldToNew = new Int32Array(olds.length).fill(-1);
  const newToOld = new Int32Array(news.length).fill(-1);
  const link = (o: number, n: number) => {
    oldToNew[o] = n;
    newToOld[n] = o;
  };
  const sameFrame = (o: number, n: number) =>
    sectionPairs === null || sectionPairs[(olds[o] as Sentence).section] === (news[n] as Sentence).section;

  // 1 and 2: identical keys, queued in reading order.
  for (const acrossSections of [false, true]) {
    const queues = new Map<string, number[]>();
    for (const s of olds) {
      if (oldToNew[s.idx] !== -1) continue;
      const q = queues.get(s.key);
      if (q) q.push(s.idx);
      else queues.set(s.key, [s.idx]);
    }
    for (const s of news) {
      if (newToOld[s.idx] !== -1) continue;
      const q = queues.get(s.key);
      if (!q) continue;
      const at = q.findIndex((o) => acrossSections || sameFrame(o, s.idx));
      if (at < 0) continue;
      link(q[at] as number, s.idx);
      q.splice(at, 1);
    }
  }
  uncrossRepeats(olds, oldToNew, newToOld);

  // Gaps between the identical sentences that keep their order: gap k lies after the k-th of them.
  const anchors = orderMask(oldToNew);
  const oldGap = new Int32Array(olds.length);
  const newGap = new Int32Array(news.length).fill(-1);
  let k = 0;
  for (let o = 0; o < olds.length; o++) {
    if (anchors[o]) {
      k++;
      newGap[oldToNew[o] as number] = -2;
    }
    oldGap[o] = k;
  }
  k = 0;
  for (let n = 0; n < news.length; n++) {
    if (newGap[n] === -2) k++;
    newGap[n] = k;
  }
  const near = (o: number, n: number) => sameFrame(o, n) || oldGap[o] === newGap[n];

  // 3 and 4: likeness over what is left.
  const grams = new Map<string, Set<number>>();
  const gramsOf = (s: Sentence) => {
    let g = grams.get(s.key);
    if (!g) {
      g = bigramSet(s.key);
      grams.set(s.key, g);
    }
    return g;
  };
  for (const acrossSections of [false, true]) {
    const restOld = olds.filter((s) => oldToNew[s.idx] === -1).map((s) => ({ id: s.idx, grams: gramsOf(s) }));
    const restNew = news.filter((s) => newToOld[s.idx] === -1).map((s) => ({ id: s.idx, grams: gramsOf(s) }));
    if (restOld.length === 0 || restNew.length === 0) break;
    const threshold = acrossSections ? options.across : options.within;
    const cands = likelyPairs(restOld, restNew, threshold, acrossSections ? undefined : near);
    // Most alike first; between equals, the pair whose relative positions agree best.
    const rel = (o: number, n: number) => Math.abs(o / olds.length - n / news.length);
    cands.sort((a, b) => b.score - a.score || rel(a.o, a.n) - rel(b.o, b.n));
    for (const c of cands) {
      if (oldToNew[c.o] !== -1 || newToOld[c.n] !== -1) continue;
      link(c.o, c.n);
    }
  }
  return { oldToNew, newToOld, inOrder: orderMask(oldToNew) };
}
