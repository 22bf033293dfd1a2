/**
 * Figures and targets in a sentence (5%, 5.5%, 1200万, 4.5%—5%, 5%左右, 3.5亿元以上) and which of them changed
 * between two versions of a sentence. A range or a qualifier (左右, 以上 …) is part of the figure: 5%左右 →
 * 4.5%—5% is one changed target, not three.
 */
import type { NumberChange } from './types';

const NUM = '[0-9０-９]+(?:[.．][0-9０-９]+)?多?(?:万亿|亿|万|千)?多?[%％‰]?';
// Plain strings, not String.raw: the extension build escapes non-ASCII characters in strings only.
const FIGURE = new RegExp(`${NUM}(?:\\s*[—–\\-~～至到]+\\s*${NUM})?(?:左右|以上|以内|以下|上下)?`, 'gu');

export interface Figure {
  text: string;
  start: number;
  end: number;
}

export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    out.push({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/** The sentence as tokens: each figure one token, every other character (or surrogate pair) one token. */
function figureTokens(text: string): Array<{ text: string; figure: boolean }> {
  const out: Array<{ text: string; figure: boolean }> = [];
  let at = 0;
  for (const f of figuresIn(text)) {
    for (const ch of text.slice(at, f.start)) out.push({ text: ch, figure: false });
    out.push({ text: f.text, figure: true });
    at = f.end;
  }
  for (const ch of text.slice(at)) out.push({ text: ch, figure: false });
  return out;
}

/**
 * The figures that differ, in order. The two sentences are diffed as tokens (by `diffArrays`, the diff
 * library's array diff, passed in so this module stays free of it), each figure one token, so a figure is
 * placed by the words around it: in 一个2000万的单……几个2000万的单 → 一个2201万的单……几个2000万的单 it is the
 * first 2000万 that changed (diffing the lists of figures alone matched the repeated figure to the wrong
 * occurrence and reported one figure added and another dropped). In each run of removed and added tokens the
 * removed figures are paired, in order, with the added ones; a figure with no counterpart is paired with null.
 */
export function changedFigures(oldText: string, newText: string, diffArrays: DiffArrays): NumberChange[] {
  const a = figuresIn(oldText).map((f) => fold(f.text));
  const b = figuresIn(newText).map((f) => fold(f.text));
  if (a.join('\n') === b.join('\n')) return [];
  const oldTokens = figureTokens(oldText);
  const newTokens = figureTokens(newText);
  const out: NumberChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const o = removed[i] ?? null;
      const n = added[i] ?? null;
      // The same figure on both sides of a rewritten phrase did not change.
      if (o === null || n === null || fold(o) !== fold(n)) out.push({ old: o, new: n });
    }
    removed = [];
    added = [];
  };
  let io = 0;
  let inew = 0;
  const parts = diffArrays(
    oldTokens.map((t) => fold(t.text)),
    newTokens.map((t) => fold(t.text)),
  );
  for (const part of parts) {
    const n = part.value.length;
    if (part.removed) {
      for (const t of oldTokens.slice(io, io + n)) if (t.figure) removed.push(t.text);
      io += n;
    } else if (part.added) {
      for (const t of newTokens.slice(inew, inew + n)) if (t.figure) added.push(t.text);
      inew += n;
    } else {
      flush();
      io += n;
      inew += n;
    }
  }
  flush();
  // A figure found on both sides that only changed place in the sentence (clauses swapped) did not change.
  const unpaired = (side: 'old' | 'new') =>
    out.filter((c) => c[side] !== null && c[side === 'old' ? 'new' : 'old'] === null);
  const gone = new Set<NumberChange>();
  for (const o of unpaired('old')) {
    const n = unpaired('new').find((c) => !gone.has(c) && fold(c.new as string) === fold(o.old as string));
    if (n) {
      gone.add(o);
      gone.add(n);
    }
  }
  return out.filter((c) => !gone.has(c));
}

export type DiffArrays = (
  a: string[],
  b: string[],
) => Array<{ value: string[]; added: boolean; removed: boolean }>;
