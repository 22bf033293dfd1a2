/**
 * Data model of a comparison between two texts of a speech or report (an OLD and a NEW one).
 * utils/compare/index.ts turns two CompareInputs into a Comparison.
 */
import type { OutlineNode } from '../types';

/** What a comparison reads: the paragraphs, and the outline when the caller already has one. */
export interface CompareInput {
  paragraphs: readonly string[];
  title?: string;
  outline?: readonly OutlineNode[];
}

/** One sentence of a text, located in its paragraph. */
export interface Sentence {
  /** Position among all sentences of the text. */
  idx: number;
  text: string;
  /** Matching key: compatibility-folded, no spaces, no final punctuation. */
  key: string;
  para: number;
  /** Character offsets of `text` in its paragraph. */
  start: number;
  end: number;
  /** Index of the top-level section (see utils/compare/sections.ts) holding the sentence. */
  section: number;
}

/** A top-level part of a text: a level-1 outline entry, or the part before the first one. */
export interface Section {
  label: string;
  /** First paragraph of the part. */
  para: number;
}

export type ChangeKind = 'added' | 'dropped' | 'changed' | 'moved';

/** A run of a sentence pair's in-sentence diff. */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** A figure or target that differs between the two sentences: 5% → 5.5%, 5%左右 → 4.5%—5%. */
export interface NumberChange {
  old: string | null;
  new: string | null;
}

export interface Change {
  kind: ChangeKind;
  /** The whole sentence(s) concerned; null on the side where it does not exist. */
  oldText: string | null;
  newText: string | null;
  oldPara: number | null;
  newPara: number | null;
  /** Label of the section holding the sentence (the new text's, except for a dropped sentence). */
  section: string | null;
  /** For a moved sentence: the old text's section. */
  fromSection?: string | null;
  /** Figures changed between the two sentences (changed or moved-and-reworded ones only). */
  numbers?: NumberChange[];
  /** In-sentence differences, when both sides exist and differ. */
  parts?: DiffPart[];
  /** Sentence indexes, for views that lay the two texts side by side. */
  oldIdx: number | null;
  newIdx: number | null;
}

export interface CompareSummary {
  added: number;
  dropped: number;
  changed: number;
  moved: number;
  /** Changes whose figures or targets differ (a subset of changed + moved). */
  figures: number;
  unchanged: number;
  oldSentences: number;
  newSentences: number;
  /** Section pairs matched between the texts, as labels. */
  sections: Array<{ old: string | null; new: string | null }>;
}

export interface Comparison {
  changes: Change[];
  summary: CompareSummary;
  /** The sentences of both texts, for views. */
  oldSentences: Sentence[];
  newSentences: Sentence[];
  oldSections: Section[];
  newSections: Section[];
  /** Old sentence index of each new sentence, or -1 (added). */
  newToOld: number[];
}
