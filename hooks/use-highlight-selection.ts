import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TextSelector } from '@/utils/types';
import type { HighlightUi } from './use-highlight-data';

/** A selection in the text that can become a highlight, and where to show the toolbar (document coordinates). */
export interface PendingSelection {
  selector: TextSelector;
  at: { x: number; top: number; bottom: number };
}

/**
 * The selection toolbar follows the selection inside the text. `ui` is null until the highlight code has
 * loaded, and for an archived version (nothing can be highlighted there).
 */
export function useHighlightSelection(
  articleRef: RefObject<HTMLElement | null>,
  paragraphs: readonly string[],
  ui: HighlightUi | null,
) {
  const [pending, setPending] = useState<PendingSelection | null>(null);

  // The listeners stay put and call the check of the latest render: one made as the highlight code arrives
  // sees it, whether or not the effects of that render have run yet.
  const check = useRef(() => {});
  check.current = () => {
    const article = articleRef.current;
    const selection = document.getSelection();
    if (!ui || !article || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      setPending(null);
      return;
    }
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) {
      setPending(null);
      return;
    }
    const selector = ui.selectorFromRange(range, article, paragraphs);
    if (!selector) {
      setPending(null);
      return;
    }
    const rect = range.getBoundingClientRect();
    setPending({
      selector,
      at: {
        x: rect.left + rect.width / 2 + window.scrollX,
        top: rect.top + window.scrollY,
        bottom: rect.bottom + window.scrollY,
      },
    });
  };

  useEffect(() => {
    const checkSelection = () => check.current();
    let frame = 0;
    const onChange = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        checkSelection();
      });
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('mouseup', checkSelection);
    document.addEventListener('keyup', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('mouseup', checkSelection);
      document.removeEventListener('keyup', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  return { pending, setPending };
}
