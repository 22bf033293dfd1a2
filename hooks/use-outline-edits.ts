import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { applyOutlineEdits, nodeRef, withEdit } from '@/utils/outline/corrections';
import type { OutlineEdit, OutlineNode, TextSelector } from '@/utils/types';

/** Longest heading made from a selection: a heading is a phrase, not a paragraph. */
const MAX_HEADING = 60;

export interface OutlineEditing {
  /** The outline with the user's edits applied: what the panel, notes and exports show. */
  outline: OutlineNode[];
  edited: boolean;
  /** Edits whose entry is no longer in the text (the page changed): kept, not applied. */
  unapplied: number;
  canUndo: boolean;
  promote: (index: number) => void;
  demote: (index: number) => void;
  remove: (index: number) => void;
  /** Make the selected phrase a heading at `level`; false when the selection cannot be one. */
  addHeading: (selector: TextSelector, level: 1 | 2 | 3) => boolean;
  undo: () => void;
  /** 恢复自动提纲: drop every edit (undoable). */
  reset: () => void;
}

/**
 * The reader's outline corrections: applied at once on screen, saved through `save` (the store writes the
 * corrected outline and re-files highlights), undoable step by step. `stored` is what the database holds;
 * it arrives after the first paint and is taken over whenever it changes (another tab, a restore).
 */
export function useOutlineEdits(
  automatic: readonly OutlineNode[],
  paragraphs: readonly string[],
  stored: readonly OutlineEdit[] | undefined,
  save: (edits: OutlineEdit[]) => void,
): OutlineEditing {
  const [edits, setEdits] = useState<readonly OutlineEdit[]>(stored ?? []);
  const [history, setHistory] = useState<(readonly OutlineEdit[])[]>([]);
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => setEdits(stored ?? []), [stored]);

  const corrected = useMemo(
    () => applyOutlineEdits(automatic, paragraphs, edits),
    [automatic, paragraphs, edits],
  );

  const commit = useCallback(
    (next: OutlineEdit[]) => {
      setHistory((h) => [...h, edits]);
      setEdits(next);
      saveRef.current(next);
    },
    [edits],
  );
  const at = (index: number) => corrected.outline[index];
  const setLevel = (index: number, delta: -1 | 1) => {
    const node = at(index);
    if (!node) return;
    const level = Math.min(3, Math.max(1, node.level + delta)) as 1 | 2 | 3;
    if (level !== node.level) commit(withEdit(edits, { op: 'level', target: nodeRef(node), level }));
  };

  return {
    outline: corrected.outline,
    edited: edits.length > 0,
    unapplied: corrected.unapplied.length,
    canUndo: history.length > 0,
    promote: (index) => setLevel(index, -1),
    demote: (index) => setLevel(index, 1),
    remove: (index) => {
      const node = at(index);
      if (node) commit(withEdit(edits, { op: 'remove', target: nodeRef(node) }));
    },
    addHeading: (selector, level) => {
      const title = selector.exact.replace(/\s+/g, ' ').trim();
      if (!title || title.length > MAX_HEADING || selector.startPara !== selector.endPara) return false;
      const text = paragraphs[selector.startPara] ?? '';
      const offset = text.indexOf(title, selector.startOffset);
      if (offset < 0) return false;
      // A few characters before the phrase, from its own paragraph: enough to tell two occurrences apart.
      const at = {
        para: selector.startPara,
        offset,
        exact: title,
        prefix: text.slice(Math.max(0, offset - 8), offset),
      };
      commit(withEdit(edits, { op: 'add', at, level, title }));
      return true;
    },
    undo: () => {
      const previous = history[history.length - 1];
      if (!previous) return;
      setHistory((h) => h.slice(0, -1));
      setEdits(previous);
      saveRef.current([...previous]);
    },
    reset: () => {
      if (edits.length) commit([]);
    },
  };
}
