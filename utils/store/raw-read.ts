/**
 * Reading a speech's records with plain IndexedDB, for a page whose first paint waits on them and that
 * writes nothing (学习会 mode): Dexie is 98 kB of script to load and run before the first read. The records
 * are the objects Dexie stored (it adds nothing to them); the stores and the `speechId` index are db.ts's
 * schema, which raw-read.test.ts checks against. Whenever the database is not there yet or is at an older
 * version (its migrations not run), `openCurrent` answers null and the caller opens it with Dexie (db.ts),
 * which creates or upgrades it: this module never creates, upgrades or writes anything.
 */
import type { Highlight, Note, SpeechRecord } from '../types';
import { DB_NAME, DB_VERSION } from './db-name';

/** Dexie keeps its version × 10 as the IndexedDB version (and may add 1 to patch an index in). */
const dexieVersion = (idbVersion: number) => Math.ceil(idbVersion / 10);

const STORES = ['speeches', 'highlights', 'notes'] as const;

/** The database if it exists at the newest schema; null when Dexie must open it (or IndexedDB fails). */
export function openCurrent(name = DB_NAME, version = DB_VERSION): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: opening without a version would create an empty one; abort, Dexie creates it.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      const complete = STORES.every((s) => db.objectStoreNames.contains(s));
      if (!complete || dexieVersion(db.version) < version) {
        db.close();
        resolve(null);
        return;
      }
      // Let a later upgrade (an update of the extension, another page's Dexie) go ahead.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

export interface SpeechRecords {
  speech: SpeechRecord | undefined;
  highlights: Highlight[];
  note: Note | undefined;
}

/** The speech, its highlights and its 学习心得, in one read-only transaction. */
export function readSpeechRecords(db: IDBDatabase, speechId: string): Promise<SpeechRecords> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...STORES], 'readonly');
    const speech = tx.objectStore('speeches').get(speechId);
    const highlights = tx.objectStore('highlights').index('speechId').getAll(speechId);
    const note = tx.objectStore('notes').get(speechId);
    tx.oncomplete = () =>
      resolve({
        speech: speech.result as SpeechRecord | undefined,
        highlights: highlights.result as Highlight[],
        note: note.result as Note | undefined,
      });
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
