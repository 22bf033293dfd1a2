/**
 * The print page's own pagination. Browsers print the address and the title in the page margins unless the
 * page sets `@page { margin: 0 }`, and Firefox (ESR 153) has no `@page` margin boxes for `counter(page)`;
 * so export.html?template=… lays its blocks onto A4 sheets itself (margin 0, the sheet carries the margins)
 * and prints "— n —" on each sheet. Pure: the heights are measured by components/export/PagedDocument.tsx.
 */

/** CSS pixels per millimetre (1 px = 1/96 in, on screen and in print). */
export const PX_PER_MM = 96 / 25.4;

/** A4 in mm and the text block of a sheet: 25 mm top and bottom (the page number sits in the bottom one), 22 mm sides. */
export const SHEET = { width: 210, height: 297, top: 25, bottom: 25, side: 22 } as const;

export interface SheetSize {
  /** Text block height in CSS px. */
  height: number;
}

export function sheetSize(orientation: 'portrait' | 'landscape'): SheetSize {
  const h = orientation === 'portrait' ? SHEET.height : SHEET.width;
  return { height: (h - SHEET.top - SHEET.bottom) * PX_PER_MM };
}

export interface MeasuredBlock {
  /** Height with its margins, in CSS px. */
  height: number;
  /** Starts a new sheet (a speech's title after the first). */
  breakBefore?: boolean;
  /** A heading: never left alone at the foot of a sheet. */
  keepWithNext?: boolean;
}

/**
 * Block indexes per sheet, in order. A block goes to the next sheet when it does not fit; a heading moves
 * with the block after it; a block taller than a whole sheet gets a sheet of its own (it then runs over).
 * `slack` is the share of the height kept free for rounding between the screen and the printer's layout.
 */
export function paginate(blocks: readonly MeasuredBlock[], pageHeight: number, slack = 0.03): number[][] {
  const room = pageHeight * (1 - slack);
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  const close = () => {
    if (current.length > 0) pages.push(current);
    current = [];
    used = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as MeasuredBlock;
    const h = Math.max(0, b.height);
    if (b.breakBefore) close();
    // A heading and the block after it fit together, or the heading goes over with it.
    const next = blocks[i + 1];
    const need =
      b.keepWithNext && next && !next.breakBefore ? h + Math.min(Math.max(0, next.height), room / 4) : h;
    if (current.length > 0 && used + need > room) close();
    current.push(i);
    used += h;
  }
  close();
  return pages;
}
