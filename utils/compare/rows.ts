/**
 * The side-by-side reading of a comparison: one row per sentence pair, in the new text's order, a dropped
 * sentence where it stood in the old text (after the row of its nearest predecessor that survives), each
 * row under the section it belongs to. Also the address of the comparison page.
 */
import type { Change, Comparison, Sentence } from './types';

export interface CompareRow {
  /** Label of the section the row is shown under. */
  section: string | null;
  old: Sentence | null;
  new: Sentence | null;
  /** null: the same sentence in both texts. */
  change: Change | null;
}

export function compareRows(c: Comparison): CompareRow[] {
  const byNew = new Map<number, Change>();
  const droppedAt = new Map<number, Change>();
  for (const ch of c.changes) {
    if (ch.newIdx !== null) byNew.set(ch.newIdx, ch);
    else if (ch.oldIdx !== null) droppedAt.set(ch.oldIdx, ch);
  }
  const oldToNew = new Int32Array(c.oldSentences.length).fill(-1);
  c.newToOld.forEach((o, n) => {
    if (o >= 0) oldToNew[o] = n;
  });
  const after = new Map<number, Sentence[]>();
  let anchor = -1;
  for (const o of c.oldSentences) {
    const n = oldToNew[o.idx] as number;
    if (n >= 0) anchor = n;
    else if (droppedAt.has(o.idx)) after.set(anchor, [...(after.get(anchor) ?? []), o]);
  }
  const rows: CompareRow[] = [];
  let section: string | null = c.newSections[0]?.label ?? null;
  const dropped = (list: Sentence[] | undefined) => {
    for (const o of list ?? []) {
      rows.push({ section, old: o, new: null, change: droppedAt.get(o.idx) ?? null });
    }
  };
  dropped(after.get(-1));
  for (const n of c.newSentences) {
    section = c.newSections[n.section]?.label ?? section;
    const o = c.newToOld[n.idx] ?? -1;
    rows.push({ section, old: c.oldSentences[o] ?? null, new: n, change: byNew.get(n.idx) ?? null });
    dropped(after.get(n.idx));
  }
  return rows;
}

/** The comparison page's address inside the extension (pass it to browser.runtime.getURL). */
export function comparePageUrl(oldId: string, newId: string): string {
  return `/compare.html?${new URLSearchParams({ old: oldId, new: newId })}`;
}

/** What the view shows: the whole text, every change, or one kind of change. */
export type RowFilter = 'all' | 'changes' | 'added' | 'dropped' | 'numbers';

export function filterRows(rows: readonly CompareRow[], filter: RowFilter): CompareRow[] {
  switch (filter) {
    case 'all':
      return [...rows];
    case 'changes':
      return rows.filter((r) => r.change !== null);
    case 'numbers':
      return rows.filter((r) => (r.change?.numbers?.length ?? 0) > 0);
    default:
      return rows.filter((r) => r.change?.kind === filter);
  }
}
