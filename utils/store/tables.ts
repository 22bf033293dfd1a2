import { liveQuery } from 'dexie';
import type { Draft, Highlight, Note, SpeechRecord, SpeechVersion } from '../types';
import type { YanduDB } from './db';
import { draftsOf, highlightDraftId, studyNoteDraftId } from './drafts';

/**
 * Every table that holds a speech's data, in ONE list: deleting a speech, undoing that, and the backup all
 * go through it. (Earlier each wrote its own list, and the backup left earlier versions and drafts out.)
 * tests/unit/utils/store/db.test.ts checks that every table of the schema is here.
 */
export const SPEECH_TABLES = ['speeches', 'highlights', 'notes', 'speechVersions', 'drafts'] as const;
export type SpeechTable = (typeof SPEECH_TABLES)[number];

/** Rows of each table; the key names are the table names. */
export interface TableRows {
  speeches: SpeechRecord[];
  highlights: Highlight[];
  notes: Note[];
  speechVersions: SpeechVersion[];
  drafts: Draft[];
}

/** The Dexie tables of the list, for a transaction's scope. */
export function speechTables(db: YanduDB) {
  return SPEECH_TABLES.map((t) => db[t]);
}

export function noRows(): TableRows {
  return { speeches: [], highlights: [], notes: [], speechVersions: [], drafts: [] };
}

/** Everything stored for one speech (inside the caller's transaction over speechTables). */
export async function rowsOfSpeech(db: YanduDB, speechId: string): Promise<TableRows> {
  const speech = await db.speeches.get(speechId);
  const [highlights, notes, speechVersions] = await Promise.all([
    db.highlights.where('speechId').equals(speechId).toArray(),
    db.notes.where('speechId').equals(speechId).toArray(),
    db.speechVersions.where('speechId').equals(speechId).toArray(),
  ]);
  // Drafts are keyed by what they belong to (drafts.ts), not indexed by speech.
  const drafts = await draftsOf(db, [
    studyNoteDraftId(speechId),
    ...highlights.map((h) => highlightDraftId(h.id)),
  ]);
  return { speeches: speech ? [speech] : [], highlights, notes, speechVersions, drafts };
}

/** Every row of every table (inside the caller's transaction). */
export async function allRows(db: YanduDB): Promise<TableRows> {
  const lists = await Promise.all(SPEECH_TABLES.map((t) => db[t].toArray()));
  const rows = noRows() as unknown as Record<SpeechTable, unknown[]>;
  SPEECH_TABLES.forEach((t, i) => {
    rows[t] = lists[i] ?? [];
  });
  return rows as unknown as TableRows;
}

export async function putRows(db: YanduDB, rows: TableRows): Promise<void> {
  for (const t of SPEECH_TABLES) {
    const table = db[t] as unknown as { bulkPut(rows: readonly unknown[]): Promise<unknown> };
    await table.bulkPut(rows[t]);
  }
}

/**
 * Put rows back without overwriting anything written since they were taken (undo after a delete, the reader's
 * 恢复): a row whose id exists again is kept when it is as new or newer (`updated`), and always for rows
 * without a time (the speech, its versions), since whatever wrote them came after the delete (without this, undo put an old 学习心得 over one edited in another tab meanwhile).
 */
export async function putRowsKeepingNewer(db: YanduDB, rows: TableRows): Promise<void> {
  for (const t of SPEECH_TABLES) {
    const table = db[t] as unknown as {
      bulkGet(keys: string[]): Promise<({ updated?: number } | undefined)[]>;
      bulkPut(rows: readonly unknown[]): Promise<unknown>;
    };
    const list = rows[t] as readonly ({ id: string; updated?: number } & object)[];
    const now = await table.bulkGet(list.map((r) => r.id));
    const older = list.filter((row, i) => {
      const there = now[i];
      if (!there) return true;
      return (
        typeof row.updated === 'number' && typeof there.updated === 'number' && there.updated < row.updated
      );
    });
    await table.bulkPut(older);
  }
}

export async function deleteRows(db: YanduDB, rows: TableRows): Promise<void> {
  for (const t of SPEECH_TABLES) {
    const table = db[t] as unknown as { bulkDelete(keys: string[]): Promise<void> };
    await table.bulkDelete(rows[t].map((r) => r.id));
  }
}

/**
 * Follow everything stored for one speech (the open reader keeps the last copy, so a delete in the library can
 * be undone from the reader).
 */
export function watchSpeechRows(
  db: YanduDB,
  speechId: string,
  onChange: (rows: TableRows) => void,
  onError: (error: unknown) => void = (e) => console.warn('[yandu] speech rows', e),
): { unsubscribe(): void } {
  return liveQuery(() => db.transaction('r', speechTables(db), () => rowsOfSpeech(db, speechId))).subscribe({
    next: onChange,
    error: onError,
  });
}

/** Put a speech's rows back in one transaction, keeping whatever was written since (putRowsKeepingNewer). */
export async function restoreRows(db: YanduDB, rows: TableRows): Promise<void> {
  await db.transaction('rw', speechTables(db), () => putRowsKeepingNewer(db, rows));
}
