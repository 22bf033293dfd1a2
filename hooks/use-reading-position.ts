import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { currentSection } from '@/utils/outline/sections';
import { readingProgress } from '@/utils/reader/model';
import type { OutlineNode } from '@/utils/types';

export interface ReadingPosition {
  /** Outline index of the section being read, -1 before the first. */
  current: number;
  /** 0–100 */
  progress: number;
}

/** The reading line sits a little below the top, where the eye starts a new section. */
function readingLine(): number {
  return Math.min(window.innerHeight * 0.25, 160);
}

/**
 * Scroll-spy and progress. A scroll handler batched to one measurement per frame: it reads the top of
 * the few paragraphs that start sections (never every paragraph). Items inside one paragraph (一要…
 * 二要…) get a top estimated from their character offset.
 *
 * `pin` makes a clicked entry current even when a sibling shares its paragraph or the page cannot
 * scroll far enough to bring it to the top, until the reader scrolls again.
 */
export function useReadingPosition(
  outline: readonly OutlineNode[],
  articleRef: RefObject<HTMLElement | null>,
  layoutKey: string,
): ReadingPosition & { pin: (index: number) => void } {
  const [position, setPosition] = useState<ReadingPosition>({ current: -1, progress: 0 });
  const pinned = useRef<{ index: number; scrollY: number } | null>(null);

  const measure = useCallback(() => {
    const article = articleRef.current;
    if (!article) return;
    const root = document.documentElement;
    const progress = readingProgress(window.scrollY, root.scrollHeight, window.innerHeight);
    const elements = new Map<number, HTMLElement>();
    const tops = outline.map((node) => {
      let el = elements.get(node.para);
      if (!el) {
        el = article.querySelector<HTMLElement>(`[data-para="${node.para}"]`) ?? undefined;
        if (!el) return Number.POSITIVE_INFINITY;
        elements.set(node.para, el);
      }
      const rect = el.getBoundingClientRect();
      const length = el.textContent?.length ?? 0;
      return length > 0 && node.offset > 0 ? rect.top + (rect.height * node.offset) / length : rect.top;
    });
    const line = readingLine();
    // At the end of a page that scrolls: the reader can go no further, so the last section on screen is current.
    const atEnd = window.scrollY > 0 && window.scrollY + window.innerHeight >= root.scrollHeight - 2;
    let current = currentSection(tops, line, atEnd, window.innerHeight);
    const pin = pinned.current;
    if (pin) {
      // Still where the jump left it (give or take a paragraph settling above): the clicked entry stays current.
      const top = tops[pin.index] ?? Number.POSITIVE_INFINITY;
      const paraTop = outline[pin.index]
        ? elements.get(outline[pin.index]?.para ?? -1)?.getBoundingClientRect().top
        : undefined;
      const atJump = Math.abs(window.scrollY - pin.scrollY) < 2;
      const stillOnTop = paraTop !== undefined && paraTop >= -line && paraTop <= line;
      if (atJump || (stillOnTop && top < window.innerHeight)) current = pin.index;
      else pinned.current = null;
    }
    setPosition((prev) =>
      prev.current === current && prev.progress === progress ? prev : { current, progress },
    );
  }, [outline, articleRef]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          measure();
        });
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
    // layoutKey: a new font or size moves every paragraph, so measure again.
  }, [measure, layoutKey]);

  const pin = useCallback((index: number) => {
    pinned.current = { index, scrollY: window.scrollY };
    setPosition((prev) => ({ ...prev, current: index }));
  }, []);

  return { ...position, pin };
}
