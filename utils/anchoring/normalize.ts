/**
 * Folding for quote matching. Portals re-publish speeches with punctuation switched between full and half
 * width (，/, ：/: （/( …), with spaces or U+3000 indentation added or removed, and with paragraphs split or
 * merged; none of that should make a highlight lose its place. Matching therefore runs on a folded copy of
 * the text in which whitespace (including the '\n' between paragraphs) is dropped and width variants compare
 * equal, with a map back to offsets in the original text.
 */

import { halfWidthCode, isSpace } from '../text/width';

/** A folded copy of a text and, for every folded character, its offset in the original. */
export interface FoldedText {
  text: string;
  /** map[i] = offset in the original text of folded character i (strictly increasing). */
  map: Int32Array;
}

export { isSpace };

/** The folded form of one UTF-16 unit, or -1 when it is dropped. One unit never becomes several. */
export function foldCode(code: number): number {
  if (isSpace(code)) return -1;
  // ，：；（）！？ and full-width letters/digits become their ASCII twins.
  code = halfWidthCode(code);
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  switch (code) {
    case 0xff61: // half-width ideographic full stop
      return 0x3002;
    case 0x201c:
    case 0x201d:
    case 0x201e:
      return 0x22;
    case 0x2018:
    case 0x2019:
      return 0x27;
    case 0x2014: // em dash: —— and -- are the same pause
    case 0x2013:
    case 0x2015:
    case 0x2212:
      return 0x2d;
    default:
      return code;
  }
}

/** Folds a text and records where each folded character came from. */
export function foldText(raw: string): FoldedText {
  const n = raw.length;
  const codes = new Uint16Array(n);
  const map = new Int32Array(n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const folded = foldCode(raw.charCodeAt(i));
    if (folded < 0) continue;
    codes[len] = folded;
    map[len] = i;
    len++;
  }
  return { text: codesToString(codes, len), map: map.slice(0, len) };
}

/** Folds a short string (quote, prefix, suffix) without keeping the map. */
export function fold(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const folded = foldCode(raw.charCodeAt(i));
    if (folded >= 0) out += String.fromCharCode(folded);
  }
  return out;
}

/** Index of the first folded character whose original offset is >= rawOffset (map is sorted). */
export function foldedOffset(folded: FoldedText, rawOffset: number): number {
  let lo = 0;
  let hi = folded.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((folded.map[mid] ?? 0) < rawOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function codesToString(codes: Uint16Array, len: number): string {
  // fromCharCode.apply has an argument limit; go in chunks.
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < len; i += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[],
    );
  }
  return out;
}
