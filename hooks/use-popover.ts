import { useCallback, useRef, useState } from 'preact/hooks';

/** A popover opened from a toolbar button (阅读设置): open state, and focus back on the button when closed. */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);
  return { open, button, box, close, toggle: () => setOpen((was) => !was) };
}

export type Popover = ReturnType<typeof usePopover>;
