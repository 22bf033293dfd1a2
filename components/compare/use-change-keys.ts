import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * j / n to the next change, k / p to the previous one (outside text fields, without modifier keys).
 * `changeRows` are the indexes of the rows shown that hold a change; returns the current one (-1: none yet)
 * and its setter. The key handler is attached once and reads the latest rows through a ref: a key pressed
 * right after the first paint already finds the changes.
 */
export function useChangeKeys(changeRows: readonly number[]): [number, (row: number) => void] {
  const [current, setCurrent] = useState(-1);
  const latest = useRef({ changeRows, current });
  latest.current = { changeRows, current };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.target as Element | null)?.closest?.('input,textarea'))
        return;
      const step = e.key === 'j' || e.key === 'n' ? 1 : e.key === 'k' || e.key === 'p' ? -1 : 0;
      const { changeRows: list, current: at } = latest.current;
      if (!step || list.length === 0) return;
      e.preventDefault();
      const i = list.indexOf(at);
      const next =
        i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
      setCurrent(list[next] as number);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return [current, setCurrent];
}
