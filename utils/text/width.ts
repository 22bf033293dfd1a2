/**
 * Width and space folding, one UTF-16 unit at a time (so folded text keeps its length and offsets):
 * search (utils/search.ts) and quote matching (utils/anchoring/normalize.ts) both fold with these.
 */

/** Full-width forms U+FF01..U+FF5E sit exactly 0xFEE0 above ASCII 0x21..0x7E; U+3000 is the ideographic space. */
export function halfWidthCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000) return 0x20;
  return code;
}

/** Whitespace of every kind a page or an editor may add: ASCII, NBSP, U+3000, zero-width, BOM. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0xfeff
  );
}
