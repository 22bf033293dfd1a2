import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { scrollToParagraph } from '@/components/reader/scroll-to-paragraph';
import type { OutlineNode } from '@/utils/types';

export interface SectionJump {
  outline: readonly OutlineNode[];
  articleRef: RefObject<HTMLElement | null>;
  /** The whole text is in the page; `completeNow` puts it in. */
  textComplete: boolean;
  completeNow: () => void;
  /** Tell the scroll-spy which entry was gone to. */
  pin: (index: number) => void;
  /** After the jump (the narrow window's drawer closes). */
  onJumped: () => void;
}

/** Going to an outline entry's paragraph; one clicked before the rest of the text was in is gone to once it is. */
export function useSectionJump(jump: SectionJump): (index: number) => void {
  const pending = useRef<number | null>(null);
  const goToSection = (index: number) => {
    const node = jump.outline[index];
    const target = node && jump.articleRef.current?.querySelector<HTMLElement>(`[data-para="${node.para}"]`);
    if (!target) {
      if (node && !jump.textComplete) {
        pending.current = index;
        jump.completeNow();
      }
      return;
    }
    // An instant jump: calm, and the scroll-spy lands on the clicked entry without passing the others.
    scrollToParagraph(target);
    jump.pin(index);
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    jump.onJumped();
  };

  useEffect(() => {
    const index = pending.current;
    if (!jump.textComplete || index === null) return;
    pending.current = null;
    goToSection(index);
  }, [jump.textComplete]);

  return goToSection;
}
