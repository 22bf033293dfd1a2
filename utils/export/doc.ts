/**
 * A neutral document model for the meeting templates (学习笔记, 研讨发言提纲, 心得体会, 全文带标注, 任务分解表,
 * 专题汇编): a flat list of blocks that each renderer (docx-blocks.ts, md-blocks.ts) lays out in its own way, so
 * every format of a template says the same thing in the same order.
 */
import type { HighlightCategory } from '../types';

/** A piece of text inside a paragraph: plain, or marked as a highlight of a category, or carrying a note. */
export interface DocRun {
  text: string;
  bold?: boolean;
  /** Highlight category: shaded and underlined by category in Word, bracketed in Markdown. */
  mark?: HighlightCategory;
  /** A note shown as a footnote on the run's end (Word) or after the paragraph (Markdown). */
  footnote?: string;
}

export interface DocTableColumn {
  title: string;
  /** Share of the text width, 0..1; the shares of a table add up to 1. */
  width: number;
}

export type DocBlock =
  /** The document's (or one speech's) title: 2号 小标宋, centred, outline level 1 in Word. */
  | { kind: 'title'; text: string; pageBreakBefore?: boolean }
  /** A centred line under a title: 讲话人·场合·日期, 署名. */
  | { kind: 'subtitle'; text: string }
  /** Section heading; level 1 = 一、 (黑体), 2 = （一） (楷体), 3 = 1. (仿宋 bold), 4 = （1） (仿宋). */
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** 学习时间：… — a label and its value, the label in bold. */
  | { kind: 'field'; label: string; value: string }
  /** Body paragraph with the 2-character first-line indent. */
  | { kind: 'para'; runs: DocRun[] }
  /** A numbered quote with its category label written out (readable in black and white). */
  | { kind: 'quote'; number: number; label: string; text: string; source?: string }
  /** The reader's note on the quote before it. */
  | { kind: 'note'; label: string; text: string }
  /** Category legend of the annotated full text. */
  | { kind: 'legend'; items: { category: HighlightCategory; name: string }[] }
  /** Right-aligned lines at the end (署名, date). */
  | { kind: 'signature'; lines: string[] }
  | { kind: 'table'; columns: DocTableColumn[]; rows: string[][]; flagged?: boolean[] };

export interface DocModel {
  /** File title (document properties) and the name the file is saved under. */
  title: string;
  orientation: 'portrait' | 'landscape';
  blocks: DocBlock[];
}

/** 2026-12-02 → 2026年12月2日 (the way dates are written in official documents); other text is kept as is. */
export function cnDate(day: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!m) return day ?? '';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** How a category shows in Word: a shade (light enough to print) and an underline that tells them apart in grey. */
export const CATEGORY_MARKS: Record<
  HighlightCategory,
  { fill: string; underline: 'single' | 'double' | 'wave' | 'dotted' }
> = {
  task: { fill: 'FFE699', underline: 'double' },
  thesis: { fill: 'BDD7EE', underline: 'single' },
  data: { fill: 'C6E0B4', underline: 'dotted' },
  question: { fill: 'F8CBAD', underline: 'wave' },
};
