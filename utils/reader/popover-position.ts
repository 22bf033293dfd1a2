/**
 * Where a popover centred on a point (CSS `translate(-50%)`) may sit so that none of it leaves the window:
 * on a narrow window the note popover of a passage near the left edge sat at left −33 px, cutting off its
 * category chips and 删除标注. `width` is the popover's CSS width,
 * min(24rem, 100vw − 2rem) (components/highlights/highlights.css), unless given.
 */
export function popoverCentre(
  x: number,
  view: { width: number; scrollX: number; rem?: number },
  margin = 8,
  width = Math.min(24 * (view.rem ?? 16), view.width - 2 * (view.rem ?? 16)),
): number {
  const half = width / 2;
  const lo = view.scrollX + half + margin;
  const hi = view.scrollX + view.width - half - margin;
  if (hi < lo) return view.scrollX + view.width / 2;
  return Math.min(hi, Math.max(lo, x));
}
