/**
 * A speech's paragraphs as one string (joined with '\n', the way a quote spanning paragraphs is stored)
 * plus the offset at which each paragraph starts, so that (paragraph, offset) points and offsets in the
 * joined text convert both ways. Built once per speech and shared by all its highlights.
 */

import type { TextSelector } from '../types';

/** Characters of context stored on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

/** A position in the speech: paragraph index and character offset inside that paragraph. */
export interface TextPoint {
  para: number;
  offset: number;
}

export class SpeechText {
  readonly paragraphs: readonly string[];
  readonly joined: string;
  /** starts[i] = offset of paragraph i in `joined`. */
  readonly starts: Int32Array;

  constructor(paragraphs: readonly string[]) {
    this.paragraphs = paragraphs;
    this.joined = paragraphs.join('\n');
    this.starts = new Int32Array(paragraphs.length);
    let at = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      this.starts[i] = at;
      at += (paragraphs[i] as string).length + 1;
    }
  }

  paragraphLength(para: number): number {
    return this.paragraphs[para]?.length ?? 0;
  }

  /** Offset in the joined text, or -1 when the point does not exist in this text. */
  offsetOf(point: TextPoint): number {
    const { para, offset } = point;
    if (!Number.isInteger(para) || !Number.isInteger(offset)) return -1;
    if (para < 0 || para >= this.paragraphs.length || offset < 0 || offset > this.paragraphLength(para)) {
      return -1;
    }
    return (this.starts[para] as number) + offset;
  }

  /** The point at a joined-text offset (the '\n' after a paragraph counts as that paragraph's end). */
  pointAt(offset: number): TextPoint {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const para = Math.max(0, lo);
    const inPara = Math.max(0, Math.min(this.paragraphLength(para), offset - (starts[para] ?? 0)));
    return { para, offset: inPara };
  }

  /** Clamps a point into the text: paragraph index into range, offset into its paragraph. */
  clamp(point: TextPoint): TextPoint {
    const last = this.paragraphs.length - 1;
    const para = Math.max(0, Math.min(last, Math.trunc(Number(point.para)) || 0));
    const offset = Math.max(0, Math.min(this.paragraphLength(para), Math.trunc(Number(point.offset)) || 0));
    return { para, offset };
  }

  /**
   * The selector for the text between two points. Points are clamped and ordered, and a start at the end of
   * a paragraph or an end at the start of one is moved across the paragraph break, so the quote never
   * begins or ends with the '\n' a reader cannot see (triple-click selections end at the next paragraph).
   */
  describe(from: TextPoint, to: TextPoint): TextSelector {
    if (this.paragraphs.length === 0) {
      return { startPara: 0, startOffset: 0, endPara: 0, endOffset: 0, exact: '', prefix: '', suffix: '' };
    }
    let start = this.clamp(from);
    let end = this.clamp(to);
    if (start.para > end.para || (start.para === end.para && start.offset > end.offset)) {
      [start, end] = [end, start];
    }
    while (start.para < end.para && start.offset >= this.paragraphLength(start.para)) {
      start = { para: start.para + 1, offset: 0 };
    }
    while (end.para > start.para && end.offset === 0) {
      end = { para: end.para - 1, offset: this.paragraphLength(end.para - 1) };
    }
    const s = (this.starts[start.para] as number) + start.offset;
    const e = (this.starts[end.para] as number) + end.offset;
    return {
      startPara: start.para,
      startOffset: start.offset,
      endPara: end.para,
      endOffset: end.offset,
      exact: this.joined.slice(s, e),
      prefix: this.joined.slice(Math.max(0, s - CONTEXT_LENGTH), s),
      suffix: this.joined.slice(e, e + CONTEXT_LENGTH),
    };
  }

  /** The selector for joined-text offsets [start, end). */
  describeOffsets(start: number, end: number): TextSelector {
    return this.describe(this.pointAt(start), this.pointAt(end));
  }
}
