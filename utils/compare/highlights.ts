/**
 * The reader's highlights in a comparison: which sentences each one covers (by its stored paragraph and
 * offsets), and the key tasks (重点任务) of the old speech none of whose sentences has a counterpart in the new
 * one: "not carried over".
 */
import type { Highlight, TextSelector } from '../types';
import type { Comparison, Sentence } from './types';

/** Position of a (paragraph, offset) point, comparable across paragraphs. */
const point = (para: number, offset: number) => para * 1e7 + offset;

function covers(sel: TextSelector, s: Sentence): boolean {
  const from = point(sel.startPara, sel.startOffset);
  const to = point(sel.endPara, sel.endOffset);
  return from < point(s.para, s.end) && to > point(s.para, s.start);
}

/** Highlights per sentence index. */
export function highlightsBySentence(
  sentences: readonly Sentence[],
  highlights: readonly Highlight[],
): Map<number, Highlight[]> {
  const out = new Map<number, Highlight[]>();
  const byPara = new Map<number, Sentence[]>();
  for (const s of sentences) byPara.set(s.para, [...(byPara.get(s.para) ?? []), s]);
  for (const h of highlights) {
    for (let p = h.selector.startPara; p <= h.selector.endPara; p++) {
      for (const s of byPara.get(p) ?? []) {
        if (covers(h.selector, s)) out.set(s.idx, [...(out.get(s.idx) ?? []), h]);
      }
    }
  }
  return out;
}

/** Key tasks of the old speech whose sentences were all dropped. */
export function tasksNotCarriedOver(c: Comparison, oldHighlights: readonly Highlight[]): Highlight[] {
  const tasks = oldHighlights.filter((h) => h.category === 'task');
  const bySentence = highlightsBySentence(c.oldSentences, tasks);
  const kept = new Set<number>();
  c.newToOld.forEach((o) => {
    if (o >= 0) kept.add(o);
  });
  const carried = new Set<string>();
  const seen = new Set<string>();
  for (const [idx, list] of bySentence) {
    for (const h of list) {
      seen.add(h.id);
      if (kept.has(idx)) carried.add(h.id);
    }
  }
  return tasks.filter((h) => seen.has(h.id) && !carried.has(h.id));
}
