import { jumpDelta } from '@/utils/reader/jump';
import './jump.css';

const FLASH_MS = 1600;

/**
 * The DOM range of `length` characters from `offset` in a paragraph element (its text content is the
 * paragraph's text, however emphasis or <mark> split it into text nodes), clamped to the text; null when
 * the paragraph is empty.
 */
export function rangeInParagraph(el: Element, offset: number, length: number): Range | null {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let at = 0;
  let started = false;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const size = node.data.length;
    if (!started && offset < at + size) {
      range.setStart(node, Math.max(0, offset - at));
      started = true;
    }
    if (started && offset + length <= at + size) {
      range.setEnd(node, Math.max(0, offset + length - at));
      return range;
    }
    at += size;
    last = node;
  }
  if (!last) return null;
  if (!started) range.setStart(last, last.data.length);
  range.setEnd(last, last.data.length);
  return range;
}

/** The top of the range's first line box (viewport coordinates). */
function firstLineTop(range: Range): number | null {
  const first = range.getClientRects()[0];
  if (first) return first.top;
  const rect = range.getBoundingClientRect();
  return rect.width || rect.height ? rect.top : null;
}

/**
 * Scroll a passage's first line to a third of the window (utils/reader/jump.ts) and flash it. The jump is
 * instant; paragraphs off screen are laid out only when they come near (content-visibility in reader.css),
 * so it is corrected over the next few frames, and the flash is drawn once it has settled. Returns a
 * function that stops the corrections.
 */
export function jumpToRange(range: Range): () => void {
  const start = range.startContainer;
  const para = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest('[data-para]');
  para?.scrollIntoView({ block: 'start' });
  let frame = 0;
  const settle = (tries: number) => {
    const top = firstLineTop(range);
    const delta = top === null ? 0 : jumpDelta(top, window.innerHeight);
    if (delta) window.scrollBy(0, delta);
    if (tries > 0) frame = requestAnimationFrame(() => settle(tries - 1));
    else flashRange(range);
  };
  settle(3);
  return () => cancelAnimationFrame(frame);
}

/** Name of the flash in CSS.highlights and in `::highlight(yandu-flash)` (jump.css). */
export const FLASH_HIGHLIGHT = 'yandu-flash';

interface HighlightApi {
  highlights: Map<string, unknown>;
  Highlight: new (...ranges: Range[]) => { priority: number };
}

function highlightApi(win: Window): HighlightApi | null {
  const css = (win as { CSS?: { highlights?: Map<string, unknown> } }).CSS;
  const Highlight = (win as { Highlight?: HighlightApi['Highlight'] }).Highlight;
  return css?.highlights && typeof Highlight === 'function'
    ? { highlights: css.highlights, Highlight }
    : null;
}

/**
 * Show briefly where the passage is, without changing the text. Where the CSS Custom Highlight API is (as
 * for painting, utils/reader/paint.ts) the range itself is highlighted, so it stays on the words while
 * paragraphs around it are laid out; elsewhere boxes over its line boxes fade out (jump.css; steady, not
 * fading, for prefers-reduced-motion).
 */
export function flashRange(range: Range): void {
  const doc = range.startContainer.ownerDocument;
  const win = doc?.defaultView;
  if (!doc?.body || !win) return;
  const api = highlightApi(win);
  if (api) {
    const flash = new api.Highlight(range);
    flash.priority = 10;
    api.highlights.set(FLASH_HIGHLIGHT, flash);
    setTimeout(() => {
      if (api.highlights.get(FLASH_HIGHLIGHT) === flash) api.highlights.delete(FLASH_HIGHLIGHT);
    }, FLASH_MS);
    return;
  }
  for (const old of doc.querySelectorAll('.yd-flash')) old.remove();
  const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const made = boxes.map((r) => {
    const box = doc.createElement('div');
    box.className = 'yd-flash';
    box.setAttribute('aria-hidden', 'true');
    Object.assign(box.style, {
      left: `${r.left + win.scrollX}px`,
      top: `${r.top + win.scrollY}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
    });
    doc.body.append(box);
    return box;
  });
  if (made.length)
    setTimeout(() => {
      for (const box of made) box.remove();
    }, FLASH_MS);
}
