/**
 * Bring a paragraph to a given distance below the viewport top (default: its scroll-margin), exactly.
 * Paragraphs off screen are laid out only when they come near (content-visibility in components/reader/reader.css), so
 * the first jump can land a little off once they are: correct it over the next few frames.
 * Returns a function that stops the corrections.
 */
export function scrollToParagraph(target: HTMLElement, top?: number): () => void {
  const wanted = top ?? (Number.parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
  let frame = 0;
  const settle = (tries: number) => {
    const delta = target.getBoundingClientRect().top - wanted;
    if (Math.abs(delta) > 1) window.scrollBy(0, delta);
    if (tries > 0) frame = requestAnimationFrame(() => settle(tries - 1));
  };
  target.scrollIntoView({ block: 'start' });
  settle(3);
  return () => cancelAnimationFrame(frame);
}
