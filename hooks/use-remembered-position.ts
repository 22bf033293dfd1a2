import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { readingProgress } from '@/utils/reader/model';
import { readPosition, savePosition } from '@/utils/reader/positions';
import { highlightIdFromHash, passageFromHash } from '@/utils/routes';
import { mirrorLocalItems } from '@/utils/store/backup/local-mirror';
import { scrollToParagraph } from '../components/reader/scroll-to-paragraph';

/** Where the reader was, kept in the history entry: the first paragraph on screen and how far above the top it starts. */
export interface RememberedPosition {
  para: number;
  /** px between the viewport top and the paragraph top (negative once the paragraph starts above). */
  top: number;
}

const KEY = 'yanduPosition';
const SAVE_DELAY_MS = 250;

export function rememberedPosition(state: unknown): RememberedPosition | null {
  const saved = (state as Record<string, unknown> | null)?.[KEY] as Partial<RememberedPosition> | undefined;
  return saved && Number.isInteger(saved.para) && Number.isFinite(saved.top)
    ? { para: saved.para as number, top: saved.top as number }
    : null;
}

/**
 * Where the reader opens: the history entry's position (reload, Back/Forward), else, when the address names
 * no passage of its own (#h=, #p=) and it is the current text (not an archived version), where the speech
 * was left the last time it was read, in any tab (utils/reader/positions.ts).
 */
export function startPosition(speechId: string, archived: boolean): RememberedPosition | null {
  const inHistory = rememberedPosition(history.state);
  if (inHistory || archived) return inHistory;
  if (highlightIdFromHash(location.hash) || passageFromHash(location.hash)) return null;
  const stored = readPosition(speechId);
  return stored ? { para: stored.para, top: stored.top } : null;
}

/**
 * Reload and Back/Forward return to the same place in the speech. The browser cannot restore the scroll
 * position itself, because the text arrives after the page has loaded; the position is kept as a
 * paragraph plus an offset, which survives a change of font size between visits.
 */
export function useRememberedPosition(
  articleRef: RefObject<HTMLElement | null>,
  /** Where to open (startPosition), and the speech whose place is kept ('' for an archived version: none). */
  start: RememberedPosition | null,
  speechId: string,
): void {
  // A layout effect: the jump happens before the first paint, so the top of the speech never flashes by.
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

    const saved = start;
    const target = saved && article.querySelector<HTMLElement>(`[data-para="${saved.para}"]`);
    const stop = saved && target ? scrollToParagraph(target, saved.top) : undefined;

    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      // Paragraphs are in document order: binary-search the first one still on screen.
      const blocks = article.querySelectorAll<HTMLElement>('[data-para]');
      let low = 0;
      let high = blocks.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((blocks[mid] as HTMLElement).getBoundingClientRect().bottom > 0) high = mid;
        else low = mid + 1;
      }
      const block = blocks[low];
      if (!block) return;
      const position: RememberedPosition = {
        para: Number(block.dataset.para),
        top: block.getBoundingClientRect().top,
      };
      const state = { ...(history.state as object | null), [KEY]: position };
      history.replaceState(state, '', location.href);
      if (speechId) {
        const root = document.documentElement;
        const progress = readingProgress(window.scrollY, root.scrollHeight, window.innerHeight);
        savePosition(speechId, { ...position, progress, at: Date.now() });
        void mirrorLocalItems();
      }
    };
    // A tab closed within the pause after scrolling still keeps its place.
    const flush = () => {
      if (!timer) return;
      clearTimeout(timer);
      save();
    };
    const onScroll = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      if (timer) clearTimeout(timer);
      stop?.();
    };
  }, [articleRef]);
}
