/**
 * DOM ranges <-> positions in the speech text. The reader renders paragraph i as an element with
 * data-para="i" whose text content is exactly paragraphs[i]; emphasis and highlight painting (<strong>,
 * <mark>, …) only wrap text, so a position is "paragraph + count of characters before it" however the text
 * nodes are split. Nothing here depends on how the reader styles the text.
 */

import type { TextSelector } from '../types';
import { isSpace } from './normalize';
import { SpeechText, type TextPoint } from './speech-text';

const PARAGRAPH = '[data-para]';
const TEXT_NODE = 3;

/**
 * The selector for what the user selected, or null when there is nothing to keep: a collapsed range, one
 * that touches no paragraph, or one covering only whitespace. Ends outside any paragraph (a heading, the
 * gap between paragraphs, beyond the article) are moved to the nearest paragraph boundary inside the
 * range, and whitespace at either end is left out, as a reader would expect.
 */
export function selectorFromRange(
  range: Range,
  root: Element,
  paragraphs: readonly string[],
): TextSelector | null {
  if (range.collapsed || paragraphs.length === 0) return null;
  const touched = paragraphElements(root, paragraphs.length).filter((p) => range.intersectsNode(p.el));
  const first = touched[0];
  const last = touched[touched.length - 1];
  if (!first || !last) return null;

  const length = (para: number) => paragraphs[para]?.length ?? 0;
  const start: TextPoint = first.el.contains(range.startContainer)
    ? { para: first.para, offset: textOffset(first.el, range.startContainer, range.startOffset) }
    : { para: first.para, offset: 0 };
  const end: TextPoint = last.el.contains(range.endContainer)
    ? { para: last.para, offset: textOffset(last.el, range.endContainer, range.endOffset) }
    : { para: last.para, offset: length(last.para) };

  const text = new SpeechText(paragraphs);
  const from = text.offsetOf(text.clamp(start));
  const to = text.offsetOf(text.clamp(end));
  let s = Math.min(from, to);
  let e = Math.max(from, to);
  while (s < e && isSpace(text.joined.charCodeAt(s))) s++;
  while (e > s && isSpace(text.joined.charCodeAt(e - 1))) e--;
  if (s >= e) return null;
  return text.describeOffsets(s, e);
}

/**
 * The DOM range for a stored (or re-anchored) selector, or null when the paragraphs it names are not in
 * `root`. Offsets beyond a paragraph's text are clamped to its end.
 */
export function rangeFromSelector(root: Element, selector: TextSelector): Range | null {
  const startEl = paragraphElement(root, selector.startPara);
  const endEl = paragraphElement(root, selector.endPara);
  if (!startEl || !endEl) return null;
  const start = domPoint(startEl, selector.startOffset, 'start');
  const end = domPoint(endEl, selector.endOffset, 'end');
  const range = (root.ownerDocument ?? document).createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

interface ParagraphElement {
  el: Element;
  para: number;
}

/** Paragraph elements under root in document order, with a valid index into the speech. */
function paragraphElements(root: Element, count: number): ParagraphElement[] {
  const out: ParagraphElement[] = [];
  for (const el of root.querySelectorAll(PARAGRAPH)) {
    const para = paragraphIndex(el);
    if (para !== null && para < count) out.push({ el, para });
  }
  return out;
}

function paragraphIndex(el: Element): number | null {
  const value = el.getAttribute('data-para') ?? '';
  return /^\d+$/.test(value) ? Number(value) : null;
}

function paragraphElement(root: Element, para: number): Element | null {
  if (!Number.isInteger(para) || para < 0) return null;
  for (const el of root.querySelectorAll(PARAGRAPH)) {
    if (paragraphIndex(el) === para) return el;
  }
  return null;
}

function textNodes(el: Element): Text[] {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** Characters of el's text before the DOM boundary point (node, offset), which lies inside el. */
function textOffset(el: Element, node: Node, offset: number): number {
  if (node.nodeType === TEXT_NODE) return textBefore(el, node) + offset;
  const child = node.childNodes[offset];
  if (child) return textBefore(el, child);
  // After node's last child: everything up to and including node's own text.
  return textBefore(el, node) + (node.textContent?.length ?? 0);
}

/** Characters of el's text in text nodes that come before `target` (and are not inside it). */
function textBefore(el: Element, target: Node): number {
  let count = 0;
  for (const t of textNodes(el)) {
    if (t === target || target.contains(t) || target.compareDocumentPosition(t) & 4 /* FOLLOWING */) break;
    count += t.data.length;
  }
  return count;
}

/**
 * The DOM point `offset` characters into el's text. At a boundary between two text nodes a start goes
 * into the next node and an end stays in the previous one, so the range does not reach into neighbours
 * (a painted <mark> next to it, say).
 */
function domPoint(el: Element, offset: number, bias: 'start' | 'end'): { node: Node; offset: number } {
  const nodes = textNodes(el);
  const target = Math.max(0, Number.isFinite(offset) ? Math.trunc(offset) : 0);
  let before = 0;
  for (const t of nodes) {
    const len = t.data.length;
    if (bias === 'start' ? target < before + len : target <= before + len) {
      return { node: t, offset: target - before };
    }
    before += len;
  }
  const lastNode = nodes[nodes.length - 1];
  if (lastNode) return { node: lastNode, offset: lastNode.data.length };
  return { node: el, offset: bias === 'start' ? 0 : el.childNodes.length };
}
