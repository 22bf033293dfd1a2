/**
 * The frame of a comparison: each text's top-level sections (level-1 outline entries; the text before the
 * first one is a section of its own), and which section of the OLD text corresponds to which of the NEW one.
 * The outline comes with the input when the caller has it, else from utils/outline/build.ts.
 */
import { buildOutline } from '../outline/build';
import { bigramSet, dice } from './similarity';
import type { CompareInput, Section, Sentence } from './types';

export interface Frame {
  sections: Section[];
  /** Section index of every paragraph. */
  ofPara: number[];
}

const OPENING = '开头';

export function frameOf(input: CompareInput): Frame {
  const outline = input.outline ?? buildOutline(input.paragraphs);
  const tops = outline
    .filter((n) => n.level === 1 && n.para >= 0 && n.para < input.paragraphs.length)
    .slice()
    .sort((a, b) => a.para - b.para);
  const sections: Section[] = [];
  if (tops.length === 0 || (tops[0]?.para ?? 0) > 0) sections.push({ label: OPENING, para: 0 });
  for (const n of tops) {
    if (sections.at(-1)?.para === n.para) sections.pop();
    sections.push({ label: `${n.marker}${n.marker && !n.role ? '、' : ''}${n.title}`.trim(), para: n.para });
  }
  const ofPara: number[] = [];
  let s = 0;
  for (let p = 0; p < input.paragraphs.length; p++) {
    while (s + 1 < sections.length && (sections[s + 1]?.para ?? Infinity) <= p) s++;
    ofPara.push(s);
  }
  return { sections, ofPara };
}

/**
 * Pairs sections one to one, in order, on what they share: the sentences found word for word in both, the
 * characters pairs of their text, and (a little) their titles. A pair that shares almost nothing stays
 * unpaired. When one text has a single section (no outline), every section of both is one frame: returns
 * null, meaning "compare the texts as a whole".
 */
export function matchSections(
  oldFrame: Frame,
  newFrame: Frame,
  oldSents: readonly Sentence[],
  newSents: readonly Sentence[],
): Array<number | null> | null {
  const no = oldFrame.sections.length;
  const nn = newFrame.sections.length;
  if (no <= 1 || nn <= 1) return null;
  const textOf = (sents: readonly Sentence[], n: number) => {
    const parts: string[][] = Array.from({ length: n }, () => []);
    for (const s of sents) parts[s.section]?.push(s.key);
    return parts;
  };
  const oldText = textOf(oldSents, no);
  const newText = textOf(newSents, nn);
  const oldBig = oldText.map((t) => bigramSet(t.join('')));
  const newBig = newText.map((t) => bigramSet(t.join('')));
  const newKeys = newText.map((t) => new Set(t));
  const scored: Array<{ o: number; n: number; score: number }> = [];
  for (let o = 0; o < no; o++) {
    for (let n = 0; n < nn; n++) {
      const shared = oldText[o]?.filter((k) => newKeys[n]?.has(k)).length ?? 0;
      const sentShare = (2 * shared) / Math.max(1, (oldText[o]?.length ?? 0) + (newText[n]?.length ?? 0));
      const titles = dice(
        bigramSet(oldFrame.sections[o]?.label ?? ''),
        bigramSet(newFrame.sections[n]?.label ?? ''),
      );
      const score = sentShare + dice(oldBig[o] as Set<number>, newBig[n] as Set<number>) + 0.25 * titles;
      if (score >= 0.3) scored.push({ o, n, score });
    }
  }
  // Sections keep their order in a report: the pairing is the order-keeping one with the highest total
  // score (a weighted longest common subsequence over the two section lists).
  const score = new Map(scored.map((c) => [c.o * nn + c.n, c.score]));
  const best: number[][] = Array.from({ length: no + 1 }, () => new Array(nn + 1).fill(0));
  for (let o = no - 1; o >= 0; o--) {
    for (let n = nn - 1; n >= 0; n--) {
      const row = best[o] as number[];
      const here = score.get(o * nn + n);
      row[n] = Math.max(
        (best[o + 1] as number[])[n] as number,
        row[n + 1] as number,
        here === undefined ? 0 : here + ((best[o + 1] as number[])[n + 1] as number),
      );
    }
  }
  const pair: Array<number | null> = new Array(no).fill(null);
  for (let o = 0, n = 0; o < no && n < nn; ) {
    const here = score.get(o * nn + n);
    const total = (best[o] as number[])[n] as number;
    if (here !== undefined && total === here + ((best[o + 1] as number[])[n + 1] as number)) {
      pair[o] = n;
      o++;
      n++;
    } else if (total === (best[o + 1] as number[])[n]) o++;
    else n++;
  }
  return pair;
}
