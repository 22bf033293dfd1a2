import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { jumpToRange, rangeInParagraph } from '@/components/reader/scroll-to-range';
import { highlightIdFromHash, passageFromHash } from '@/utils/routes';

/**
 * reader.html?…#p=<para>:<offset>:<length> (a library search hit in the text): go to that passage and
 * flash it once the whole text is in the page. A passage beyond the text (the page changed since the
 * search index was built) leaves the reader where it is.
 */
export function useWantedPassage(articleRef: RefObject<HTMLElement | null>, textComplete: boolean): void {
  const [wanted, setWanted] = useState(() =>
    highlightIdFromHash(location.hash) ? null : passageFromHash(location.hash),
  );
  useEffect(() => {
    if (!wanted || !textComplete) return;
    setWanted(null);
    const para = articleRef.current?.querySelector(`[data-para="${wanted.para}"]`);
    const range = para && rangeInParagraph(para, wanted.offset, wanted.length);
    if (range) jumpToRange(range);
  }, [wanted, textComplete]);
}
