/**
 * A template's blocks as the print page lays them out: notes that Word puts in footnotes become numbered
 * notes (¹ ² …) listed after each speech's text, since no browser prints real footnotes. Pure.
 */
import type { DocBlock, DocModel, DocRun } from './doc';

export type PrintRun = Omit<DocRun, 'footnote'> & { noteNumber?: number };

export type PrintBlock =
  | Exclude<DocBlock, { kind: 'para' }>
  | { kind: 'para'; runs: PrintRun[] }
  /** One numbered note; `first` carries the 注释 heading above the list. */
  | { kind: 'endnote'; number: number; text: string; first: boolean };

export const PRINT_LABELS = { endnotes: '注释' } as const;

/** Blocks with footnotes numbered per speech (from 1 after each title) and listed before the next title. */
export function printBlocks(model: DocModel): PrintBlock[] {
  const out: PrintBlock[] = [];
  let pending: { number: number; text: string }[] = [];
  let n = 0;
  const flush = () => {
    pending.forEach((note, i) => {
      out.push({ kind: 'endnote', number: note.number, text: note.text, first: i === 0 });
    });
    pending = [];
    n = 0;
  };
  for (const block of model.blocks) {
    if (block.kind === 'title') flush();
    if (block.kind !== 'para') {
      out.push(block);
      continue;
    }
    const runs: PrintRun[] = block.runs.map(({ footnote, ...run }) => {
      const text = footnote?.trim();
      if (!text) return run;
      n += 1;
      pending.push({ number: n, text });
      return { ...run, noteNumber: n };
    });
    out.push({ kind: 'para', runs });
  }
  flush();
  return out;
}
