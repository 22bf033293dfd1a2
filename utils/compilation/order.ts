/**
 * The order of a 专题汇编: the user arranges the excerpts by dragging or with ↑↓, and the
 * arrangement is one list of highlight ids across the whole library. The page shows a filtered part of it; a
 * move there changes the places of the shown excerpts only, so the hidden ones keep theirs and the order
 * survives changing the filter. Pure functions: the page stores the list (state.ts).
 */

/** `ids` with the item at `from` moved to index `to` (both clamped); a new array, `ids` unchanged. */
export function moveItem<T>(ids: readonly T[], from: number, to: number): T[] {
  const out = [...ids];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1) as [T];
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

/**
 * The whole order after the shown excerpts were rearranged: `all` is every excerpt in the current order,
 * `shown` the shown ones as now arranged (a subset of `all`). Each place in `all` held by a shown excerpt
 * takes the next one of `shown`; the others stay where they are.
 */
export function mergeOrder(all: readonly string[], shown: readonly string[]): string[] {
  const isShown = new Set(shown);
  let next = 0;
  return all.map((id) => (isShown.has(id) ? (shown[next++] as string) : id));
}

/**
 * Where an item dropped on row `over` lands, given where it came from and whether the pointer was on the
 * lower half of that row: below the row when on its lower half, above it otherwise.
 */
export function dropIndex(from: number, over: number, lowerHalf: boolean): number {
  const target = lowerHalf ? over + 1 : over;
  // Taking the item out first shifts the rows after it up by one.
  return from < target ? target - 1 : target;
}
