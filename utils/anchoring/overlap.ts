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
 * vanish into the outer one (same colour), so they get an extra mark. Runs on every paint, so one sweep in
 * reading order (start ascending, longer first) instead of comparing every pair: a stretch is inside another
 * when some stretch sorted before it, and not the same stretch, ends at or after its end.
 */
export function nestedIds(items: readonly { id: string; selector: TextSelector }[]): Set<string> {
  const sorted = [...items].sort(
    (a, b) =>
      compare(startOf(a.selector), startOf(b.selector)) || compare(endOf(b.selector), endOf(a.selector)),
  );
  const nested = new Set<string>();
  let furthest: Point | null = null;
  for (let i = 0; i < sorted.length; ) {
    // Highlights over the same stretch are one group: none of them is inside another of the group.
    let j = i + 1;
    const first = sorted[i] as (typeof sorted)[number];
    while (j < sorted.length && sameRange((sorted[j] as (typeof sorted)[number]).selector, first.selector))
      j++;
    const end = endOf(first.selector);
    if (furthest && compare(furthest, end) >= 0)
      for (let k = i; k < j; k++) nested.add(sorted[k]?.id as string);
    if (!furthest || compare(end, furthest) > 0) furthest = end;
    i = j;
  }
  return nested;
}
