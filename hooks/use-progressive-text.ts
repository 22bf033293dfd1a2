import { useEffect, useState } from 'preact/hooks';
import { type Block, firstFrameBlockCount } from '@/utils/reader/model';

export interface ProgressiveText {
  /** How many blocks are in the page now. */
  shown: number;
  /** Every block is in the page. */
  complete: boolean;
  /** Put the rest in at once (an outline entry clicked before it arrived). */
  completeNow: () => void;
}

/**
 * A long speech paints its first screens at once and the rest once that frame is on screen: the first
 * frame's style and layout then do not grow with the speech. Not when the page is scrolled already (a
 * new text of the same page replacing the one being read): the place must not be cut away.
 */
export function useProgressiveText(
  blocks: readonly Block[],
  onComplete?: () => void,
  /** The paragraph the reader opens at (a remembered position), null for the top. */
  startPara: number | null = null,
): ProgressiveText {
  const [firstFrame] = useState(() =>
    window.scrollY > 0 ? blocks.length : firstFrameBlockCount(blocks, startPara),
  );
  const [complete, setComplete] = useState(firstFrame >= blocks.length);
  useEffect(() => {
    if (complete) {
      onComplete?.();
      return;
    }
    // The rest of the text once the first frame is on screen (the browser's first contentful paint),
    // so its layout never competes with that frame; at the latest 100 ms later (a background tab, whose
    // timers the browser slows, takes longer: nobody is looking at it).
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearTimeout(fallback);
      rest = setTimeout(() => setComplete(true), 0);
    };
    let rest: ReturnType<typeof setTimeout> | undefined;
    const fallback = setTimeout(finish, 100);
    let observer: PerformanceObserver | undefined;
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) finish();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      finish();
    }
    return () => {
      done = true;
      observer?.disconnect();
      clearTimeout(fallback);
      clearTimeout(rest);
    };
  }, [complete]);
  return { shown: complete ? blocks.length : firstFrame, complete, completeNow: () => setComplete(true) };
}
