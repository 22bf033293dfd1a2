/**
 * Painting highlights on the reader's text without touching it. Where the browser has the CSS Custom
 * Highlight API (Chrome 105+, Firefox 140+), ranges are registered in `CSS.highlights` under one name per
 * category (`yandu-task`, …) and styled with `::highlight(yandu-task)`: the DOM is never changed. Elsewhere
 * (older browsers, happy-dom) each highlighted stretch of text is wrapped in `<mark>`; clearing unwraps the
 * marks and joins the text nodes again, so paragraph text and the nodes Preact rendered are as before.
 *
 * Paragraph elements carry data-para="i" and their textContent is exactly paragraphs[i] (utils/anchoring/text-range.ts).
 */

import type { HighlightCategory, TextSelector } from '../types';

export interface PaintItem {
  id: string;
  category: HighlightCategory;
  /** A selector placed on the text being shown (re-anchored), not necessarily the stored one. */
  selector: TextSelector;
  /** Has a note: drawn with a dotted underline, so a note can be seen without opening it. */
  noted?: boolean;
  /** Lies strictly inside another highlight: outlined, else it is invisible in the outer one's colour. */
  nested?: boolean;
}

/** The extra marks a highlight can carry over its category colour (names in CSS.highlights and classes). */
export const NOTED_HIGHLIGHT = 'yandu-noted';
export const NESTED_HIGHLIGHT = 'yandu-nested';

/** Name of a category's highlight in CSS.highlights and in `::highlight(...)`. */
export function highlightName(category: HighlightCategory): string {
  return `yandu-${category}`;
}

/** The highlight of the passage being edited, drawn over its category colour. */
export const ACTIVE_HIGHLIGHT = 'yandu-active';

export const MARK_ATTR = 'data-yd-hl';

interface HighlightRegistry {
  set(name: string, value: unknown): unknown;
  delete(name: string): boolean;
  get(name: string): unknown;
}

/** Whether the CSS Custom Highlight API is there (feature test, never a browser sniff). */
export function hasHighlightApi(win: Window & typeof globalThis = window): boolean {
  const css = (win as { CSS?: { highlights?: unknown } }).CSS;
  return typeof (win as { Highlight?: unknown }).Highlight === 'function' && !!css?.highlights;
}

export interface Painter {
  readonly mode: 'highlight-api' | 'marks';
  /** Replace everything painted with these items (ids not placed on this text are simply left out). */
  paint(items: readonly PaintItem[]): void;
  /** Mark one painted highlight as the one being edited (null: none). */
  setActive(id: string | null): void;
  /** Remove every trace of painting. */
  clear(): void;
  /** Ids of the painted highlights under a viewport point, innermost (shortest) first. */
  hitTest(x: number, y: number, target?: EventTarget | null): string[];
  /** A DOM range over a painted highlight (for scrolling to it), or null. */
  rangeOf(id: string): Range | null;
}

export function createPainter(root: HTMLElement, forceMarks = false): Painter {
  const win = (root.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
  return !forceMarks && hasHighlightApi(win)
    ? printedWithMarks(new ApiPainter(root, win), root, win)
    : new MarkPainter(root);
}

/**
 * Firefox prints a static copy of the page, and `CSS.highlights` holds ranges of the live one: printed, the
 * highlights were gone. For the time of printing the same items are also wrapped in <mark> (styled like their
 * ::highlight twins), then unwrapped, and the ranges, which the wrapping moved, are registered again.
 */
function printedWithMarks(api: ApiPainter, root: HTMLElement, win: Window): Painter {
  const marks = new MarkPainter(root);
  let items: readonly PaintItem[] = [];
  let printing = false;
  win.addEventListener('beforeprint', () => {
    printing = true;
    marks.paint(items);
  });
  win.addEventListener('afterprint', () => {
    printing = false;
    marks.clear();
    api.paint(items);
  });
  return {
    mode: api.mode,
    paint(next) {
      items = [...next];
      if (printing) marks.clear();
      api.paint(items);
      if (printing) marks.paint(items);
    },
    setActive: (id) => api.setActive(id),
    clear() {
      items = [];
      marks.clear();
      api.clear();
    },
    hitTest: (x, y) => api.hitTest(x, y),
    rangeOf: (id) => api.rangeOf(id),
  };
}

/** Paragraph elements by index and their text nodes, looked up once per paint (not per highlight). */
class ParagraphIndex {
  private readonly elements = new Map<number, Element>();
  private readonly nodes = new Map<number, Text[]>();

  constructor(root: Element) {
    for (const el of root.querySelectorAll('[data-para]')) {
      const value = el.getAttribute('data-para') ?? '';
      if (/^\d+$/.test(value)) this.elements.set(Number(value), el);
    }
  }

  element(para: number): Element | undefined {
    return this.elements.get(para);
  }

  textNodes(para: number): Text[] {
    let list = this.nodes.get(para);
    if (!list) {
      list = [];
      const el = this.elements.get(para);
      if (el) {
        const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) list.push(n as Text);
      }
      this.nodes.set(para, list);
    }
    return list;
  }

  /** Forget a paragraph's text nodes after they were split. */
  invalidate(para: number): void {
    this.nodes.delete(para);
  }

  /**
   * The DOM point `offset` characters into a paragraph. Same convention as utils/anchoring/text-range.ts: at a boundary a
   * start goes into the next node and an end stays in the previous one.
   */
  point(para: number, offset: number, bias: 'start' | 'end'): { node: Node; offset: number } | null {
    const el = this.elements.get(para);
    if (!el) return null;
    const nodes = this.textNodes(para);
    const target = Math.max(0, Math.trunc(offset) || 0);
    let before = 0;
    for (const t of nodes) {
      const len = t.data.length;
      if (bias === 'start' ? target < before + len : target <= before + len)
        return { node: t, offset: target - before };
      before += len;
    }
    const last = nodes[nodes.length - 1];
    if (last) return { node: last, offset: last.data.length };
    return { node: el, offset: bias === 'start' ? 0 : el.childNodes.length };
  }

  range(selector: TextSelector): Range | null {
    const start = this.point(selector.startPara, selector.startOffset, 'start');
    const end = this.point(selector.endPara, selector.endOffset, 'end');
    if (!start || !end) return null;
    const range = (this.elements.get(selector.startPara) as Element).ownerDocument.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range.collapsed ? null : range;
  }
}

/** The caret position under a viewport point: caretPositionFromPoint (standard) or caretRangeFromPoint. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

class ApiPainter implements Painter {
  readonly mode = 'highlight-api';
  private ranges = new Map<string, Range>();
  private names = new Set<string>();
  private readonly registry: HighlightRegistry;
  private readonly HighlightCtor: new (
    ...ranges: Range[]
  ) => unknown;

  constructor(
    private readonly root: HTMLElement,
    win: Window & typeof globalThis,
  ) {
    this.registry = (win.CSS as unknown as { highlights: HighlightRegistry }).highlights;
    this.HighlightCtor = (win as unknown as { Highlight: new (...ranges: Range[]) => unknown }).Highlight;
  }

  paint(items: readonly PaintItem[]): void {
    const index = new ParagraphIndex(this.root);
    const byCategory = new Map<string, Range[]>();
    const ranges = new Map<string, Range>();
    for (const item of items) {
      const range = index.range(item.selector);
      if (!range) continue;
      ranges.set(item.id, range);
      const names = [highlightName(item.category)];
      if (item.noted) names.push(NOTED_HIGHLIGHT);
      if (item.nested) names.push(NESTED_HIGHLIGHT);
      for (const name of names) {
        const list = byCategory.get(name);
        if (list) list.push(range);
        else byCategory.set(name, [range]);
      }
    }
    for (const name of this.names) if (!byCategory.has(name)) this.registry.delete(name);
    for (const [name, list] of byCategory) this.registry.set(name, new this.HighlightCtor(...list));
    this.names = new Set(byCategory.keys());
    this.ranges = ranges;
  }

  setActive(id: string | null): void {
    const range = id ? this.ranges.get(id) : undefined;
    if (range) this.registry.set(ACTIVE_HIGHLIGHT, new this.HighlightCtor(range));
    else this.registry.delete(ACTIVE_HIGHLIGHT);
  }

  clear(): void {
    for (const name of this.names) this.registry.delete(name);
    this.registry.delete(ACTIVE_HIGHLIGHT);
    this.names.clear();
    this.ranges.clear();
  }

  /** No element to click: compare the caret under the pointer with each range, then confirm on its boxes. */
  hitTest(x: number, y: number): string[] {
    const caret = caretAt(this.root.ownerDocument, x, y);
    const hits: { id: string; length: number }[] = [];
    for (const [id, range] of this.ranges) {
      let inside: boolean;
      if (caret && this.root.contains(caret.node)) {
        // The caret lands between characters: a point on a range's end is the character after it.
        inside =
          range.comparePoint(caret.node, caret.offset) === 0 &&
          !(caret.node === range.endContainer && caret.offset === range.endOffset);
        // A click on the right half of the last character puts the caret after it: let the boxes decide.
        if (!inside && caret.node === range.endContainer && caret.offset === range.endOffset) {
          inside = rectsContain(range, x, y);
        }
      } else {
        inside = rectsContain(range, x, y);
      }
      if (inside) hits.push({ id, length: range.toString().length });
    }
    return hits.sort((a, b) => a.length - b.length).map((h) => h.id);
  }

  rangeOf(id: string): Range | null {
    return this.ranges.get(id) ?? null;
  }
}

class MarkPainter implements Painter {
  readonly mode = 'marks';
  private painted: PaintItem[] = [];

  constructor(private readonly root: HTMLElement) {}

  paint(items: readonly PaintItem[]): void {
    this.clear();
    const index = new ParagraphIndex(this.root);
    for (const item of items) this.wrap(index, item);
    this.painted = [...items];
  }

  /** Wrap every text node piece of one highlight in a mark; earlier marks may be split, never changed. */
  private wrap(index: ParagraphIndex, item: PaintItem): void {
    const { selector } = item;
    const doc = this.root.ownerDocument;
    for (let para = selector.startPara; para <= selector.endPara; para++) {
      const el = index.element(para);
      if (!el) continue;
      const from = para === selector.startPara ? selector.startOffset : 0;
      const to = para === selector.endPara ? selector.endOffset : Number.POSITIVE_INFINITY;
      let at = 0;
      for (const node of [...index.textNodes(para)]) {
        const len = node.data.length;
        const s = Math.max(from, at);
        const e = Math.min(to, at + len);
        at += len;
        if (e <= s) continue;
        let piece = node;
        if (s > at - len) piece = piece.splitText(s - (at - len));
        if (e - s < piece.data.length) piece.splitText(e - s);
        const mark = doc.createElement('mark');
        mark.className = `yd-hl yd-hl-${item.category}`;
        if (item.noted) mark.classList.add('is-noted');
        if (item.nested) mark.classList.add('is-nested');
        mark.setAttribute(MARK_ATTR, item.id);
        piece.replaceWith(mark);
        mark.append(piece);
      }
      index.invalidate(para);
    }
  }

  setActive(id: string | null): void {
    for (const mark of this.root.querySelectorAll(`mark[${MARK_ATTR}].is-active`))
      mark.classList.remove('is-active');
    if (!id) return;
    for (const mark of this.root.querySelectorAll(`mark[${MARK_ATTR}]`)) {
      if (mark.getAttribute(MARK_ATTR) === id) mark.classList.add('is-active');
    }
  }

  clear(): void {
    const parents = new Set<Node>();
    for (const mark of [...this.root.querySelectorAll(`mark[${MARK_ATTR}]`)].reverse()) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
      parents.add(parent);
    }
    for (const parent of parents) if (parent.isConnected) joinTextNodes(parent);
    this.painted = [];
  }

  hitTest(_x: number, _y: number, target?: EventTarget | null): string[] {
    const ids: string[] = [];
    let el =
      target instanceof Node ? (target.nodeType === 1 ? (target as Element) : target.parentElement) : null;
    for (; el && el !== this.root; el = el.parentElement) {
      const id = el.getAttribute(MARK_ATTR);
      if (id && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  rangeOf(id: string): Range | null {
    const item = this.painted.find((p) => p.id === id);
    if (!item) return null;
    const marks = [...this.root.querySelectorAll(`mark[${MARK_ATTR}]`)].filter(
      (m) => m.getAttribute(MARK_ATTR) === id,
    );
    const first = marks[0];
    const last = marks[marks.length - 1];
    if (!first || !last) return null;
    const range = this.root.ownerDocument.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    return range;
  }
}

/**
 * Join adjacent text nodes split by painting. Unlike Node.normalize() it keeps empty text nodes and joins
 * into the first node of a run, which is the node Preact created (splitText keeps the head in place).
 */
function joinTextNodes(parent: Node): void {
  let node = parent.firstChild;
  while (node) {
    const next = node.nextSibling;
    if (node.nodeType === 3 && next && next.nodeType === 3) {
      (node as Text).appendData((next as Text).data);
      next.remove();
      continue;
    }
    node = next;
  }
}
