/**
 * Scoring for the comparison accuracy bench: a reported change is right when a known edit has the same kind
 * and the same sentence(s); precision per reported kind, recall per edit kind. Also the plain sentence-level
 * diff the engine is measured against (like Python's difflib: an LCS over the sentences, a replaced run
 * paired sentence by sentence as changed, the rest added or dropped).
 */
import type { DiffArrays } from '../utils/compare/numbers';
import { changedFigures } from '../utils/compare/numbers';
import { splitSentences } from '../utils/compare/sentences';
import type { Pair, Truth, TruthKind } from './compare-pairs';

export interface Reported {
  kind: 'added' | 'dropped' | 'changed' | 'moved';
  oldText: string | null;
  newText: string | null;
  numbers?: Array<{ old: string | null; new: string | null }>;
}

export const KINDS: TruthKind[] = ['added', 'dropped', 'reworded', 'figures', 'moved'];

export function kindOf(c: Reported): TruthKind {
  if (c.kind === 'changed') return c.numbers && c.numbers.length > 0 ? 'figures' : 'reworded';
  return c.kind;
}

function sameFigures(c: Reported, t: Truth): boolean {
  const fold = (s: string | null) => (s ?? '').normalize('NFKC');
  return (t.numbers ?? []).every((n) =>
    (c.numbers ?? []).some((m) => fold(m.old) === fold(n.old) && fold(m.new) === fold(n.new)),
  );
}

export interface Tally {
  /** per kind: edits, edits found with the right kind, reports, right reports. */
  kinds: Record<TruthKind, { truth: number; found: number; reported: number; right: number }>;
  /** Reports on sentences of moved, split or merged paragraphs (each one a false alarm). */
  falseAlarms: number;
}

export function emptyTally(): Tally {
  const kinds = {} as Tally['kinds'];
  for (const k of KINDS) kinds[k] = { truth: 0, found: 0, reported: 0, right: 0 };
  return { kinds, falseAlarms: 0 };
}

export function score(pair: Pair, reported: readonly Reported[], tally: Tally): void {
  const matched = new Set<Truth>();
  for (const c of reported) {
    const k = kindOf(c);
    tally.kinds[k].reported++;
    const hit = pair.truth.find(
      (t) =>
        !matched.has(t) &&
        t.kind === k &&
        t.oldText === c.oldText &&
        t.newText === c.newText &&
        (k !== 'figures' || sameFigures(c, t)),
    );
    if (hit) {
      matched.add(hit);
      tally.kinds[k].right++;
    } else if ((c.oldText && pair.untouched.has(c.oldText)) || (c.newText && pair.untouched.has(c.newText))) {
      tally.falseAlarms++;
    }
  }
  for (const t of pair.truth) {
    tally.kinds[t.kind].truth++;
    if (matched.has(t)) tally.kinds[t.kind].found++;
  }
}

/** The baseline: sentence-level LCS diff (the diff library's array diff over whole sentences). */
export function baselineDiff(
  oldParas: readonly string[],
  newParas: readonly string[],
  diffArrays: DiffArrays,
): Reported[] {
  const a = splitSentences(oldParas);
  const b = splitSentences(newParas);
  const out: Reported[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const n = Math.min(removed.length, added.length);
    for (let i = 0; i < n; i++) {
      const numbers = changedFigures(removed[i] as string, added[i] as string, diffArrays);
      out.push({
        kind: 'changed',
        oldText: removed[i] as string,
        newText: added[i] as string,
        ...(numbers.length ? { numbers } : {}),
      });
    }
    for (const t of removed.slice(n)) out.push({ kind: 'dropped', oldText: t, newText: null });
    for (const t of added.slice(n)) out.push({ kind: 'added', oldText: null, newText: t });
    removed = [];
    added = [];
  };
  // Compare by key (spacing and final punctuation ignored), report the sentences as written.
  const byKeyA = a.map((s) => s.key);
  const byKeyB = b.map((s) => s.key);
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(byKeyA, byKeyB)) {
    const n = part.value.length;
    if (part.removed) {
      removed.push(...a.slice(ia, ia + n).map((s) => s.text));
      ia += n;
    } else if (part.added) {
      added.push(...b.slice(ib, ib + n).map((s) => s.text));
      ib += n;
    } else {
      flush();
      ia += n;
      ib += n;
    }
  }
  flush();
  return out;
}
