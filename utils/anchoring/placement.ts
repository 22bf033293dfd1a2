/**
 * Highlights as plain data: making one from a selection, placing stored ones on the text being shown, and
 * reading order. No database here (utils/store/speeches.ts stores them), so the reader's first paint needs none.
 */

import {
  type Highlight,
  type HighlightCategory,
  newTask,
  type OutlineNode,
  type TextSelector,
} from '../types';
import { anchorAll } from './anchor';
import { sectionOf } from './text-range';

function newId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

/** A new highlight record (not yet stored): its section comes from the outline it was made on. */
export function makeHighlight(
  speechId: string,
  selector: TextSelector,
  category: HighlightCategory,
  outline: readonly OutlineNode[],
  now = Date.now(),
  note = '',
): Highlight {
  const h: Highlight = {
    id: newId(),
    speechId,
    category,
    note,
    selector,
    section: sectionOf(selector, outline),
    created: now,
    updated: now,
  };
  if (category === 'task') h.task = newTask();
  return h;
}

/** Reading order: by start position, longer first when two start together (the outer one). */
export function compareReadingOrder(a: { selector: TextSelector }, b: { selector: TextSelector }): number {
  const x = a.selector;
  const y = b.selector;
  return (
    x.startPara - y.startPara ||
    x.startOffset - y.startOffset ||
    y.endPara - x.endPara ||
    y.endOffset - x.endOffset
  );
}

/** A highlight where the text being shown has it: placed (with the selector to paint) or not. */
export interface Placement {
  highlight: Highlight;
  /** Where it is in the text shown; null when it could not be found there (未能定位). */
  selector: TextSelector | null;
  section: number;
  reason?: string;
}

function sameSelector(a: TextSelector, b: TextSelector): boolean {
  return (
    a.startPara === b.startPara &&
    a.startOffset === b.startOffset &&
    a.endPara === b.endPara &&
    a.endOffset === b.endOffset &&
    a.exact === b.exact &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix
  );
}

/**
 * Place every highlight on the text shown (anchorAll: position, then quote+context, then strict fuzzy) and
 * say which stored records need their selector or section brought up to date. Pure.
 */
export function placeHighlights(
  paragraphs: readonly string[],
  outline: readonly OutlineNode[],
  highlights: readonly Highlight[],
): { placements: Placement[]; moves: { id: string; selector: TextSelector; section: number }[] } {
  const results = anchorAll(
    paragraphs,
    highlights.map((h) => h.selector),
  );
  const placements: Placement[] = [];
  const moves: { id: string; selector: TextSelector; section: number }[] = [];
  highlights.forEach((highlight, i) => {
    const result = results[i];
    if (!result?.placed) {
      placements.push({
        highlight,
        selector: null,
        section: highlight.section,
        reason: result && !result.placed ? result.reason : 'unknown',
      });
      return;
    }
    const section = sectionOf(result.selector, outline);
    placements.push({ highlight, selector: result.selector, section });
    if (result.weakContext) return;
    if (!sameSelector(result.selector, highlight.selector) || section !== highlight.section) {
      moves.push({ id: highlight.id, selector: result.selector, section });
    }
  });
  return { placements, moves };
}
