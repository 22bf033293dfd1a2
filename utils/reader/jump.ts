/**
 * Where "go to it" puts a passage: the first line of the passage itself, not the top of
 * its paragraph, a third of the way down the window. A highlight near the end of a 20–30-line paragraph
 * used to land below the fold when the paragraph start was put there. Pure: the reader measures, this decides.
 */

import type { Passage } from '../routes';

/** How far below the viewport top the first line of a passage gone to sits. */
export function jumpLine(viewportHeight: number): number {
  return Math.round(viewportHeight / 3);
}

/**
 * How far to scroll (window.scrollBy) to put a passage whose first line's top is at `firstLineTop` (viewport
 * coordinates) on the jump line; 0 when it is there already (within a pixel).
 */
export function jumpDelta(firstLineTop: number, viewportHeight: number): number {
  const delta = firstLineTop - jumpLine(viewportHeight);
  return Math.abs(delta) > 1 ? delta : 0;
}

/**
 * The passage of a match in a speech's searchable text (its paragraphs joined with '\n', utils/store/library.ts):
 * which paragraph holds `start`, the offset in it, and the length up to `end` (cut at the paragraph's end,
 * since the reader's passage lies in one paragraph). null for an empty or out-of-range match.
 */
export function passageOfMatch(text: string, start: number, end: number): Passage | null {
  if (!(start >= 0 && end > start && start < text.length)) return null;
  let para = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < start; i = text.indexOf('\n', i + 1)) {
    para++;
    lineStart = i + 1;
  }
  const lineEnd = text.indexOf('\n', start);
  const stop = Math.min(end, lineEnd === -1 ? text.length : lineEnd);
  return { para, offset: start - lineStart, length: Math.max(1, stop - start) };
}

/**
 * How far to scroll a list (the outline panel) so that an entry is in view, or 0 when it is: an entry
 * above or below the list's visible box is brought to a third of it, so the entries after it show too.
 * All in viewport coordinates.
 */
export function keepInView(
  entry: { top: number; bottom: number },
  list: { top: number; bottom: number },
): number {
  if (entry.top >= list.top && entry.bottom <= list.bottom) return 0;
  return Math.round(entry.top - list.top - (list.bottom - list.top) / 3);
}
