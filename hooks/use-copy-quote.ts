import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** idle: nothing to say; copied: 已复制; failed: the browser refused both ways of writing to the clipboard. */
export type CopyStatus = 'idle' | 'copied' | 'failed';

/** How long 已复制 (and a failure) stays before the status goes quiet again. */
const SHOWN_MS = { copied: 2500, failed: 6000 } as const;

/**
 * The old way, for where the Clipboard API is missing or refuses (a window without focus, a browser asking
 * for a permission): a hidden textarea, selected and copied. The reader's own selection and focus are put
 * back afterwards, so the selection toolbar stays where it was.
 */
export function copyWithTextarea(text: string, doc: Document = document): boolean {
  const selection = doc.getSelection();
  const ranges = selection
    ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i))
    : [];
  const focused = doc.activeElement as HTMLElement | null;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:-9999px;opacity:0';
  doc.body.append(area);
  let ok = false;
  try {
    area.focus({ preventScroll: true });
    area.select();
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    area.remove();
    focused?.focus?.({ preventScroll: true });
    if (selection && ranges.length > 0) {
      selection.removeAllRanges();
      for (const range of ranges) selection.addRange(range);
    }
  }
  return ok;
}

/** Write `text` to the clipboard: the Clipboard API first, the textarea where it is refused. True when copied. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no focus, no user gesture the browser accepts): the old way below.
  }
  return copyWithTextarea(text);
}

/** Copy a quotation and say whether it worked (status), until the status goes quiet or the next copy. */
export function useCopyQuote(): { status: CopyStatus; copy: (text: string) => Promise<boolean> } {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), SHOWN_MS[status]);
    return () => clearTimeout(timer);
  }, [status]);
  const copy = useCallback(async (text: string) => {
    // A second click says 已复制 again: a screen reader hears it, and the status restarts its time.
    setStatus('idle');
    const ok = await copyText(text);
    if (live.current) setStatus(ok ? 'copied' : 'failed');
    return ok;
  }, []);
  return { status, copy };
}
