/**
 * Compares two texts of a speech or report (last year's and this year's, a report and the speech that set
 * its tasks): sentences (sentences.ts) framed by sections (sections.ts), aligned (align.ts), classified
 * (classify.ts). `compareTexts` is synchronous and takes the diff library's array diff; `compare` loads the
 * library itself (a dynamic import, so the extension fetches it only when a comparison is made).
 */
import { type AlignOptions, alignSentences, DEFAULT_ALIGN } from './align';
import { classify } from './classify';
import type { DiffArrays } from './numbers';
import { frameOf, matchSections } from './sections';
import { splitSentences } from './sentences';
import type { Change, CompareInput, CompareSummary, Comparison } from './types';

export type { Change, CompareInput, CompareSummary, Comparison } from './types';

export function compareTexts(
  oldInput: CompareInput,
  newInput: CompareInput,
  diffArrays: DiffArrays,
  options: AlignOptions = DEFAULT_ALIGN,
): Comparison {
  const oldFrame = frameOf(oldInput);
  const newFrame = frameOf(newInput);
  const olds = splitSentences(oldInput.paragraphs, (p) => oldFrame.ofPara[p] ?? 0);
  const news = splitSentences(newInput.paragraphs, (p) => newFrame.ofPara[p] ?? 0);
  const sectionPairs = matchSections(oldFrame, newFrame, olds, news);
  const alignment = alignSentences(olds, news, sectionPairs, options);
  const changes = classify({
    olds,
    news,
    oldSections: oldFrame.sections,
    newSections: newFrame.sections,
    sectionPairs,
    alignment,
    diffArrays,
  });
  const pairedNew = new Set(sectionPairs?.filter((n) => n !== null));
  const sections: CompareSummary['sections'] = sectionPairs
    ? [
        ...oldFrame.sections.map((s, o) => ({
          old: s.label,
          new: newFrame.sections[sectionPairs[o] ?? -1]?.label ?? null,
        })),
        ...newFrame.sections.filter((_, n) => !pairedNew.has(n)).map((s) => ({ old: null, new: s.label })),
      ]
    : [];
  return {
    changes,
    summary: summarize(changes, olds.length, news.length, sections),
    oldSentences: olds,
    newSentences: news,
    oldSections: oldFrame.sections,
    newSections: newFrame.sections,
    newToOld: Array.from(alignment.newToOld),
  };
}

function summarize(
  changes: readonly Change[],
  oldSentences: number,
  newSentences: number,
  sections: CompareSummary['sections'],
): CompareSummary {
  const count = (kind: Change['kind']) => changes.filter((c) => c.kind === kind).length;
  const paired = changes.filter((c) => c.kind === 'changed' || c.kind === 'moved').length;
  return {
    added: count('added'),
    dropped: count('dropped'),
    changed: count('changed'),
    moved: count('moved'),
    figures: changes.filter((c) => c.numbers && c.numbers.length > 0).length,
    unchanged: newSentences - count('added') - paired,
    oldSentences,
    newSentences,
    sections,
  };
}

/** Loads the diff library (once; later calls share the load): a caller may start it before reading its texts. */
export const loadDiff = () => import('diff');

/** Loads the diff library (once) and compares. */
export async function compare(oldInput: CompareInput, newInput: CompareInput): Promise<Comparison> {
  const { diffArrays } = await loadDiff();
  return compareTexts(oldInput, newInput, (a, b) => diffArrays(a, b));
}
