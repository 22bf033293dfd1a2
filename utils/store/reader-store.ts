import type { Highlight, HighlightCategory, Note, OutlineEdit, TextSelector } from '../types';
import type { YanduDB } from './db';
import * as drafts from './drafts';
import * as highlights from './highlights';
import * as notes from './notes';
import { saveOutlineEdits, watchOutlineEdits } from './outline-edits';
import { restoreRows, type TableRows, watchSpeechRows } from './tables';

/**
 * What the reader's highlight layer writes and follows, bound to one database. The reader's entrypoint
 * opens the database and hands this in (entrypoints/reader/store.ts), so no component opens it itself and
 * tests give the same code a fresh database.
 */
export function readerStore(db: YanduDB) {
  return {
    addHighlight: (h: Highlight) => highlights.addHighlight(db, h),
    setCategory: (id: string, category: HighlightCategory) => highlights.setCategory(db, id, category),
    setNote: (id: string, note: string) => highlights.setNote(db, id, note),
    setNoteOver: (id: string, note: string, base: string) => highlights.setNoteOver(db, id, note, base),
    moveHighlights: (moves: readonly { id: string; selector: TextSelector; section: number }[]) =>
      highlights.moveHighlights(db, moves),
    deleteHighlight: (id: string) => highlights.deleteHighlight(db, id),
    restoreHighlight: (h: Highlight) => highlights.restoreHighlight(db, h),
    watchHighlights: (
      speechId: string,
      onChange: (list: Highlight[]) => void,
      onError?: (e: unknown) => void,
    ) => highlights.watchHighlights(db, speechId, onChange, onError),
    watchStudyNote: (speechId: string, onChange: (note: Note | undefined) => void) =>
      notes.watchStudyNote(db, speechId, onChange),
    saveStudyNote: (speechId: string, text: string) => notes.saveStudyNote(db, speechId, text),
    saveStudyNoteOver: (speechId: string, text: string, base: string) =>
      notes.saveStudyNoteOver(db, speechId, text, base),
    watchDraftIds: (onChange: (ids: Set<string>) => void) => drafts.watchDraftIds(db, onChange),
    /** This tab's drafts (`tab`: utils/reader/tab.ts; `isLive`: whether another tab is still open). */
    takeDraft: (owner: string, tab: string, isLive: (tab: string) => boolean) =>
      drafts.takeDraft(db, owner, tab, isLive),
    saveDraft: (owner: string, tab: string, text: string) =>
      drafts.saveDraft(db, drafts.tabDraftId(owner, tab), text),
    clearDraft: (owner: string, tab: string) => {
      drafts.dropDraftCopies([drafts.tabDraftId(owner, tab)]);
      return drafts.clearDraft(db, drafts.tabDraftId(owner, tab));
    },
    /** The synchronous copy of a keystroke (drafts.ts), for a tab closed before the draft row is written. */
    keepDraftCopy: (owner: string, tab: string, text: string) =>
      drafts.keepDraftCopy(drafts.tabDraftId(owner, tab), text),
    draftOwner: drafts.draftOwner,
    saveOutlineEdits: (speechId: string, edits: OutlineEdit[]) => saveOutlineEdits(db, speechId, edits),
    watchOutlineEdits: (speechId: string, onChange: (edits: OutlineEdit[] | undefined) => void) =>
      watchOutlineEdits(db, speechId, onChange),
    watchSpeechRows: (speechId: string, onChange: (rows: TableRows) => void) =>
      watchSpeechRows(db, speechId, onChange),
    restoreRows: (rows: TableRows) => restoreRows(db, rows),
    highlightDraftId: drafts.highlightDraftId,
    studyNoteDraftId: drafts.studyNoteDraftId,
  };
}

export type ReaderStore = ReturnType<typeof readerStore>;
/** Loads the database code and opens the database: called after the reader's first paint. */
export type OpenReaderStore = () => Promise<ReaderStore>;
