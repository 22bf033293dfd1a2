/**
 * Heading titles of outline items: the text after the marker up to the sentence end, the next sibling marker
 * or the paragraph end.
 */
import type { Candidate } from './markers';

const TITLE_END = /[。；;！!？?]/u;
const TRAILING = /[\s，,、：:；;…—\-.．]+$/u;
const LEADING = /^[\s，,、：:．.]+/u;

/** The item's heading is the rest of its paragraph: its body follows in the next paragraphs. */
export function endsParagraph(c: Candidate, p: string): boolean {
  const t = computeTitle(c, undefined, p); // not cached: siblings in the paragraph are ignored on purpose
  const at = p.indexOf(t, c.end);
  return at >= 0 && /^[。；;！!？?\s]*$/u.test(p.slice(at + t.length));
}

/** Headings are short; looking further than this for the sentence end only costs time on huge paragraphs. */
const MAX_TITLE = 200;

/**
 * Titles are asked for several times per item (filters, previews, output). `next` is always the item's next
 * sibling in its list (undefined for the last one), so one cached value per item is right.
 */
const titles = new WeakMap<Candidate, string>();

export function titleOf(c: Candidate, next: Candidate | undefined, p: string): string {
  let t = titles.get(c);
  if (t === undefined) {
    t = computeTitle(c, next, p);
    titles.set(c, t);
  }
  return t;
}

/** Heading text after the marker: up to the sentence end, the next sibling marker or the paragraph end. */
export function computeTitle(c: Candidate, next: Candidate | undefined, p: string): string {
  let stop = Math.min(p.length, c.end + MAX_TITLE);
  if (next && next.para === c.para && next.offset > c.end) stop = Math.min(stop, next.offset);
  let rest = p.slice(c.end, stop).replace(LEADING, '');
  const end = rest.search(TITLE_END);
  if (end >= 0) rest = rest.slice(0, end);
  // Flattened pages join a heading and its body with a space between two Chinese characters.
  const gap = /[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/u.exec(rest);
  if (gap) rest = rest.slice(0, gap.index + 1);
  return rest.replace(TRAILING, '');
}
