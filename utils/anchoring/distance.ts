/**
 * Edit distances (Levenshtein: insertions, deletions, substitutions) used to verify anchoring candidates.
 * Both run on short strings or small windows found by seeding (see utils/anchoring/match-quote.ts), so a plain dynamic
 * programme over one column is fast enough and easy to trust.
 */

export interface WindowMatch {
  start: number;
  end: number;
  errors: number;
}

let colCost = new Int32Array(64);
let colStart = new Int32Array(64);

function scratch(size: number): void {
  if (colCost.length >= size) return;
  colCost = new Int32Array(size * 2);
  colStart = new Int32Array(size * 2);
}

/**
 * Best approximate occurrence of `pattern` inside text[from, to): the substring with the fewest edits
 * (ties: the first one). Null when every substring needs more than maxErrors edits.
 */
export function bestMatchInWindow(
  text: string,
  from: number,
  to: number,
  pattern: string,
  maxErrors: number,
): WindowMatch | null {
  const m = pattern.length;
  if (m === 0) return null;
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  scratch(m + 1);
  const cost = colCost;
  const start = colStart;
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    start[i] = from;
  }
  let bestErrors = maxErrors + 1;
  let bestStart = -1;
  let bestEnd = -1;
  // Ukkonen's cut-off: rows below the last one within maxErrors cannot lead to a match, so each column is
  // computed only down to one row past it; the row after that holds maxErrors + 1 as a floor.
  let active = Math.min(m, maxErrors);
  for (let j = from; j < to; j++) {
    const t = text.charCodeAt(j);
    let diagCost = 0;
    let diagStart = start[0] as number;
    cost[0] = 0;
    start[0] = j + 1;
    const bottom = Math.min(m, active + 1);
    for (let i = 1; i <= bottom; i++) {
      const leftCost = cost[i] as number;
      const leftStart = start[i] as number;
      let c = diagCost + (pattern.charCodeAt(i - 1) === t ? 0 : 1);
      let s = diagStart;
      // Prefer the diagonal (match/substitution), then skipping a text character, then a pattern character.
      if (leftCost + 1 < c) {
        c = leftCost + 1;
        s = leftStart;
      }
      const upCost = (cost[i - 1] as number) + 1;
      if (upCost < c) {
        c = upCost;
        s = start[i - 1] as number;
      }
      diagCost = leftCost;
      diagStart = leftStart;
      cost[i] = c;
      start[i] = s;
    }
    if (bottom < m) cost[bottom + 1] = maxErrors + 1;
    active = bottom;
    while (active > 0 && (cost[active] as number) > maxErrors) active--;
    if (active === m) {
      const errors = cost[m] as number;
      if (errors < bestErrors) {
        bestErrors = errors;
        bestStart = start[m] as number;
        bestEnd = j + 1;
      }
    }
  }
  if (bestStart < 0) return null;
  return { start: bestStart, end: bestEnd, errors: bestErrors };
}

/**
 * Edits needed to make `pattern` sit against position `at` of `text`: with dir = 1 the pattern must start
 * at `at` (a suffix context), with dir = -1 it must end there (a prefix context); its far end is free.
 * Text missing beyond either end of `text` counts as deleted. Contexts are at most 32 characters, so this
 * is Myers's bit-vector algorithm in one 32-bit word; longer patterns take the plain dynamic programme.
 */
export function affixDistance(pattern: string, text: string, at: number, dir: 1 | -1): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const available = dir > 0 ? text.length - at : at;
  const n = Math.max(0, Math.min(available, m + Math.ceil(m / 2) + 2));
  if (m > 32) return affixDistanceByTable(pattern, text, at, dir, n);
  const peq = patternMasks;
  peq.clear();
  for (let i = 0; i < m; i++) {
    const c = dir > 0 ? pattern.charCodeAt(i) : pattern.charCodeAt(m - 1 - i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const high = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < n; j++) {
    const eq = peq.get(dir > 0 ? text.charCodeAt(at + j) : text.charCodeAt(at - 1 - j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & high) score++;
    else if (mh & high) score--;
    // Shifting in a 1: row 0 grows by one per text character (the pattern is anchored at `at`).
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

const patternMasks = new Map<number, number>();

function affixDistanceByTable(pattern: string, text: string, at: number, dir: 1 | -1, n: number): number {
  return alignAt(pattern, text, at, dir, n).errors;
}

/**
 * Like affixDistance, for a pattern of any length and over up to `n` text characters, also telling how
 * many text characters the best alignment covers (the first such length when several are equally good).
 * Used to extend a quote from one end that is known to be in place.
 */
export function alignAt(
  pattern: string,
  text: string,
  at: number,
  dir: 1 | -1,
  n: number,
): { errors: number; length: number } {
  const m = pattern.length;
  n = Math.max(0, Math.min(n, dir > 0 ? text.length - at : at));
  scratch(m + 1);
  const cost = colCost;
  for (let i = 0; i <= m; i++) cost[i] = i;
  let best = cost[m] as number;
  let length = 0;
  for (let j = 0; j < n; j++) {
    const t = dir > 0 ? text.charCodeAt(at + j) : text.charCodeAt(at - 1 - j);
    let diag = cost[0] as number;
    cost[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const p = dir > 0 ? pattern.charCodeAt(i - 1) : pattern.charCodeAt(m - i);
      const left = cost[i] as number;
      let c = diag + (p === t ? 0 : 1);
      if (left + 1 < c) c = left + 1;
      const up = (cost[i - 1] as number) + 1;
      if (up < c) c = up;
      diag = left;
      cost[i] = c;
    }
    if ((cost[m] as number) < best) {
      best = cost[m] as number;
      length = j + 1;
    }
  }
  return { errors: best, length };
}

/** Plain Levenshtein distance (quote similarity in tests and checks). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  scratch(m + 1);
  const cost = colCost;
  for (let i = 0; i <= m; i++) cost[i] = i;
  for (let j = 0; j < b.length; j++) {
    const t = b.charCodeAt(j);
    let diag = cost[0] as number;
    cost[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const left = cost[i] as number;
      let c = diag + (a.charCodeAt(i - 1) === t ? 0 : 1);
      if (left + 1 < c) c = left + 1;
      const up = (cost[i - 1] as number) + 1;
      if (up < c) c = up;
      diag = left;
      cost[i] = c;
    }
  }
  return cost[m] as number;
}

/** Length of the longest common subsequence: how many of a's characters b still has, in order. */
export function commonSubsequence(a: string, b: string): number {
  const m = a.length;
  scratch(m + 1);
  const row = colCost;
  row.fill(0, 0, m + 1);
  for (let j = 0; j < b.length; j++) {
    const t = b.charCodeAt(j);
    let diag = 0;
    for (let i = 1; i <= m; i++) {
      const left = row[i] as number;
      const best = a.charCodeAt(i - 1) === t ? diag + 1 : Math.max(left, row[i - 1] as number);
      diag = left;
      row[i] = best;
    }
  }
  return row[m] as number;
}
