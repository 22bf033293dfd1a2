/**
 * Turns an alignment into the list of changes a reader checks, in the new text's reading order (a dropped
 * sentence comes where it stood, after the new sentence aligned with its predecessor):
 *   added   — a new sentence with no counterpart;
 *   dropped — an old sentence with no counterpart;
 *   changed — aligned within corresponding sections, text differs (figures that differ listed in `numbers`);
 *   moved   — aligned across sections and out of the order the other sentences keep (reworded or not): a
 *             sentence that only seems to change section because an outline reads differently stays put.
 * Identical sentences in corresponding sections are no change, whatever paragraph they sit in.
 */
import type { Alignment } from './align';
import { inlineDiff } from './inline';
import { changedFigures, type DiffArrays } from './numbers';
import type { Change, Section, Sentence } from './types';

export interface ClassifyInput {
  olds: readonly Sentence[];
  news: readonly Sentence[];
  oldSections: readonly Section[];
  newSections: readonly Section[];
  sectionPairs: ReadonlyArray<number | null> | null;
  alignment: Alignment;
  diffArrays: DiffArrays;
}

export function classify(input: ClassifyInput): Change[] {
  const { olds, news, oldSections, newSections, sectionPairs, alignment, diffArrays } = input;
  const oldLabel = (s: Sentence) => oldSections[s.section]?.label ?? null;
  const newLabel = (s: Sentence) => newSections[s.section]?.label ?? null;
  const sameFrame = (o: Sentence, n: Sentence) =>
    sectionPairs === null || sectionPairs[o.section] === n.section;

  const dropped = (o: Sentence): Change => ({
    kind: 'dropped',
    oldText: o.text,
    newText: null,
    oldPara: o.para,
    newPara: null,
    section: oldLabel(o),
    oldIdx: o.idx,
    newIdx: null,
  });

  // Old sentences without counterpart, filed after the last old sentence before them that has one.
  const droppedAfter = new Map<number, Sentence[]>();
  let anchor = -1;
  for (const o of olds) {
    const n = alignment.oldToNew[o.idx] as number;
    if (n >= 0) {
      anchor = n;
      continue;
    }
    const list = droppedAfter.get(anchor);
    if (list) list.push(o);
    else droppedAfter.set(anchor, [o]);
  }

  const changes: Change[] = [];
  for (const o of droppedAfter.get(-1) ?? []) changes.push(dropped(o));
  for (const n of news) {
    const oi = alignment.newToOld[n.idx] as number;
    const o = oi >= 0 ? (olds[oi] as Sentence) : null;
    if (!o) {
      changes.push({
        kind: 'added',
        oldText: null,
        newText: n.text,
        oldPara: null,
        newPara: n.para,
        section: newLabel(n),
        oldIdx: null,
        newIdx: n.idx,
      });
    } else {
      const moved = !sameFrame(o, n) && !alignment.inOrder[o.idx];
      const reworded = o.key !== n.key;
      if (moved || reworded) {
        const change: Change = {
          kind: moved ? 'moved' : 'changed',
          oldText: o.text,
          newText: n.text,
          oldPara: o.para,
          newPara: n.para,
          section: newLabel(n),
          oldIdx: o.idx,
          newIdx: n.idx,
        };
        if (moved) change.fromSection = oldLabel(o);
        if (reworded) {
          change.parts = inlineDiff(o.text, n.text, diffArrays);
          const numbers = changedFigures(o.text, n.text, diffArrays);
          if (numbers.length > 0) change.numbers = numbers;
        }
        changes.push(change);
      }
    }
    for (const d of droppedAfter.get(n.idx) ?? []) changes.push(dropped(d));
  }
  return changes;
}
