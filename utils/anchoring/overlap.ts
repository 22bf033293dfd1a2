import type { TextSelector } from '../types';

/** A point in the speech's text: paragraph, then offset in it. */
type Point = readonly [para: number, offset: number];

const startOf = (s: TextSelector): Point => [s.startPara, s.startOffset];
const endOf = (s: TextSelector): Point => [s.endPara, s.endOffset];

function compare(a: Point, b: Point): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** The same stretch of text (highlighting it again changes the category, no second one). */
export function sameRange(a: TextSelector, b: TextSelector): boolean {
  return compare(startOf(a), startOf(b)) === 0 && compare(endOf(a), endOf(b)) === 0;
}

/** `inner` lies within `outer` and is not the same stretch. */
export function strictlyInside(inner: TextSelector, outer: TextSelector): boolean {
  return (
    compare(startOf(outer), startOf(inner)) <= 0 &&
    compare(endOf(inner), endOf(outer)) <= 0 &&
    !sameRange(inner, outer)
  );
}

/**
 * Ids of the highlights that lie strictly inside another one: painted with the category colour alone they
 * vanish into the outer one (same colour), so they get an extra mark.
 */
export function nestedIds(items: readonly { id: string; selector: TextSelector }[]): Set<string> {
  const nested = new Set<string>();
  for (const inner of items) {
    if (items.some((outer) => outer !== inner && strictlyInside(inner.selector, outer.selector))) {
      nested.add(inner.id);
    }
  }
  return nested;
}
