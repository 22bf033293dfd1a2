import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface Dismiss {
  /** Escape pressed. */
  onEscape: () => void;
  /** A pointer went down outside these elements: `onOutside` (when given). */
  inside?: readonly RefObject<Element | null>[];
  onOutside?: () => void;
}

/** While something is open, Escape and a pointer down elsewhere put it away (listeners only while `active`). */
export function useDismiss(active: boolean, dismiss: Dismiss): void {
  // The handlers of the latest render, so the listeners need not be added again on every render.
  const latest = useRef(dismiss);
  latest.current = dismiss;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current.onEscape();
    };
    const onPointer = (event: PointerEvent) => {
      const { inside = [], onOutside } = latest.current;
      const target = event.target as Node | null;
      if (!onOutside || !target) return;
      if (inside.some((ref) => ref.current?.contains(target))) return;
      onOutside();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [active]);
}
