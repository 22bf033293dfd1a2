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

/**
 * The figures that differ, in order: the two lists are diffed (by `diffArrays`, the diff library's array
 * diff, passed in so this module stays free of it), and each run of removed figures is paired with the run
 * of added ones that replaces it; a figure with no counterpart is paired with null.
 */
export function changedFigures(oldText: string, newText: string, diffArrays: DiffArrays): NumberChange[] {
  const a = figuresIn(oldText).map((f) => f.text);
  const b = figuresIn(newText).map((f) => f.text);
  if (a.length === 0 && b.length === 0) return [];
  const out: NumberChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      out.push({ old: removed[i] ?? null, new: added[i] ?? null });
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays(a.map(fold), b.map(fold))) {
    const raw = part.value;
    if (part.removed) removed.push(...raw);
    else if (part.added) added.push(...raw);
    else flush();
  }
  flush();
  return out;
}

export type DiffArrays = (
  a: string[],
  b: string[],
) => Array<{ value: string[]; added: boolean; removed: boolean }>;
