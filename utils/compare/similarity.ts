/**
 * Likeness of two sentences: Dice over their sets of adjacent character pairs (bigrams), punctuation and
 * spaces left out. Chinese has no spaces between words, and a reworded sentence keeps most of its character
 * pairs, so this is the usual measure; an inverted index over the bigrams keeps the search near-linear.
 */

const SKIP = /[\s\p{P}\p{S}]/u;
const skipCache = new Map<number, boolean>();

/** Punctuation, symbols and spaces carry no wording; CJK ideographs and ASCII letters/digits are decided fast. */
function skipped(code: number, ch: string): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  if (code >= 0x30 && code <= 0x39) return false;
  const lower = code | 32;
  if (lower >= 97 && lower <= 122) return false;
  let v = skipCache.get(code);
  if (v === undefined) {
    v = SKIP.test(ch);
    skipCache.set(code, v);
  }
  return v;
}

/** Bigrams as numbers (two UTF-16 code units), punctuation and spaces removed. */
export function bigramSet(text: string): Set<number> {
  const set = new Set<number>();
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (skipped(code, text[i] as string)) continue;
    if (prev >= 0) set.add(prev * 65536 + code);
    prev = code;
  }
  // A one-character sentence still needs a feature of its own.
  if (set.size === 0 && prev >= 0) set.add(prev);
  return set;
}

export function dice(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface Candidate {
  o: number;
  n: number;
  score: number;
}

/**
 * Every (old, new) pair among the given items whose likeness is at least `threshold`, and for which `allowed`
 * holds. Items are found through the bigrams they share; bigrams found in very many items (常用 pairs like
 * 发展, 推进) are not used to find candidates, only to score them.
 */
export function likelyPairs(
  olds: ReadonlyArray<{ id: number; grams: ReadonlySet<number> }>,
  news: ReadonlyArray<{ id: number; grams: ReadonlySet<number> }>,
  threshold: number,
  allowed: (o: number, n: number) => boolean = () => true,
): Candidate[] {
  const index = new Map<number, number[]>();
  olds.forEach((item, i) => {
    for (const g of item.grams) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const common = Math.max(24, Math.ceil(olds.length / 8));
  const out: Candidate[] = [];
  // Per old item: bigrams shared with the current new item, counted through the rare bigrams only.
  const shared = new Int32Array(olds.length);
  const touched: number[] = [];
  news.forEach((item) => {
    // A sentence made only of common pairs (a short formula) is looked up through all of them.
    let rareCount = 0;
    for (const g of item.grams) if ((index.get(g)?.length ?? 0) <= common && index.has(g)) rareCount++;
    const rare = rareCount > 0;
    let skippedGrams = 0;
    for (const g of item.grams) {
      const list = index.get(g);
      if (!list) continue;
      if (rare && list.length > common) {
        skippedGrams++;
        continue;
      }
      for (const oi of list) {
        if (shared[oi] === 0) touched.push(oi);
        shared[oi] = (shared[oi] as number) + 1;
      }
    }
    for (const oi of touched) {
      const old = olds[oi] as (typeof olds)[number];
      // The skipped common bigrams can add at most `skippedGrams` to the count: prune on that bound.
      const bound = (2 * ((shared[oi] as number) + skippedGrams)) / (old.grams.size + item.grams.size);
      shared[oi] = 0;
      if (bound < threshold || !allowed(old.id, item.id)) continue;
      const score = skippedGrams ? dice(old.grams, item.grams) : bound;
      if (score >= threshold) out.push({ o: old.id, n: item.id, score });
    }
    touched.length = 0;
  });
  return out;
}
