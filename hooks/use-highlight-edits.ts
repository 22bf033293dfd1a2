import { useEffect, useState } from 'preact/hooks';
import { jumpToRange } from '@/components/reader/scroll-to-range';
import { sameRange } from '@/utils/anchoring/overlap';
import { storageErrorMessage } from '@/utils/store/errors';
import { readLocal, writeLocal } from '@/utils/store/local';
import {
  HIGHLIGHT_CATEGORIES,
  type Highlight,
  type HighlightCategory,
  type OutlineNode,
} from '@/utils/types';
import type { HighlightData } from './use-highlight-data';
import type { PendingSelection } from './use-highlight-selection';

/** How long 已删除 · 撤销 stays. */
const UNDO_MS = 8000;

/** The highlight whose editor is open. */
export interface Editing {
  id: string;
  at: { x: number; y: number };
  focusNote: boolean;
  /** Overlapping highlights under the click, for 下一条重叠的标注. */
  stack: string[];
}

function readLastCategory(): HighlightCategory {
  const v = readLocal('lastCategory');
  return (HIGHLIGHT_CATEGORIES as readonly string[]).includes(v ?? '') ? (v as HighlightCategory) : 'task';
}

/**
 * The writes on highlights (create, category, note, delete and undo) and what they show: the editor that is
 * open, the last category used (H), the undo snackbar and why a save failed.
 */
export function useHighlightEdits(
  data: HighlightData,
  speechId: string,
  outline: readonly OutlineNode[],
  selection: { pending: PendingSelection | null; setPending: (p: PendingSelection | null) => void },
) {
  const { stores, painter } = data;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleted, setDeleted] = useState<Highlight | null>(null);
  /** Why the last save failed (a full disk says so), shown until dismissed or the next save succeeds. */
  const [saveError, setSaveError] = useState<string | null>(null);
  const [last, setLast] = useState<HighlightCategory>(readLastCategory);
  // The open highlight is painted as active: now, and by the next paint of the data (read from the ref).
  data.active.current = editing?.id ?? null;
  useEffect(() => {
    painter.current?.setActive(editing?.id ?? null);
  }, [editing?.id]);

  const reportSaveError = (error: unknown) => {
    console.warn('[yandu] save failed', error);
    setSaveError(storageErrorMessage(error));
  };
  /**
   * A note write: a failure says why and rejects, so the editor keeps what was typed (its draft stays in
   * the drafts table).
   */
  const saveText = async <T>(write: Promise<T>): Promise<T> => {
    try {
      const result = await write;
      setSaveError(null);
      return result;
    } catch (error) {
      reportSaveError(error);
      throw error;
    }
  };

  const editorPosition = (id: string, otherwise?: { x: number; y: number }) => {
    const rect = painter.current?.rangeOf(id)?.getBoundingClientRect();
    if (rect && (rect.width || rect.height)) {
      return { x: rect.left + rect.width / 2 + window.scrollX, y: rect.bottom + window.scrollY };
    }
    return otherwise ?? { x: window.innerWidth / 2 + window.scrollX, y: window.scrollY + 120 };
  };

  const create = async (category: HighlightCategory, withNote: boolean) => {
    const { pending } = selection;
    if (!pending || !stores) return;
    // The very passage of an existing highlight: change its category rather than stack a second one.
    const same = data.placements?.find((p) => p.selector && sameRange(p.selector, pending.selector));
    const h = same?.highlight ?? stores.ui.makeHighlight(speechId, pending.selector, category, outline);
    setLast(category);
    writeLocal('lastCategory', category);
    const at = { x: pending.at.x, y: pending.at.bottom };
    selection.setPending(null);
    document.getSelection()?.removeAllRanges();
    try {
      if (same) await stores.store.setCategory(h.id, category);
      else await stores.store.addHighlight(h);
      setSaveError(null);
    } catch (error) {
      reportSaveError(error);
      return;
    }
    if (withNote) setEditing({ id: h.id, at, focusNote: true, stack: [h.id] });
  };

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  return {
    editing,
    setEditing,
    deleted,
    saveError,
    last,
    editorPosition,
    create,
    saveText,
    /**
     * Scroll to a highlight and open it (the notes panel, #h= links): its own first line, not its
     * paragraph's start, a third of the way down, flashed (a long paragraph put the passage off screen).
     */
    goTo: (id: string) => {
      const range = painter.current?.rangeOf(id);
      if (!range) return;
      jumpToRange(range);
      setEditing({ id, at: editorPosition(id), focusNote: false, stack: [id] });
    },
    setCategory: (id: string, category: HighlightCategory) => {
      setLast(category);
      stores?.store.setCategory(id, category).catch(reportSaveError);
    },
    remove: async (id: string) => {
      if (!stores) return;
      setEditing(null);
      const h = await stores.store.deleteHighlight(id).catch((error: unknown) => {
        reportSaveError(error);
        return undefined;
      });
      if (h) setDeleted(h);
    },
    /** 恢复标注: a highlight deleted in another tab while its note was typed here, put back with that note. */
    restoreWithNote: (h: Highlight, note: string) => {
      stores?.store.restoreHighlight({ ...h, note, updated: Date.now() }).catch(reportSaveError);
    },
    undo: () => {
      const h = deleted;
      setDeleted(null);
      if (h) stores?.store.restoreHighlight(h).catch(reportSaveError);
    },
    dismissError: () => setSaveError(null),
  };
}

export type HighlightEdits = ReturnType<typeof useHighlightEdits>;
