import { liveQuery } from 'dexie';
import { newTask } from '../anchoring/placement';
import type {
  Highlight,
  HighlightCategory,
  Note,
  SpeechRecord,
  SpeechVersion,
  SpeechWithOutline,
  TextSelector,
} from '../types';
import { getDb } from './db';
import { speechIdFromUrl } from './ids';
import { archiveSpeech, loadVersion } from './versions';

/**
 * What Yandu keeps in the extension's database: offline copies of speeches, highlights and study notes.
 * Every change to a highlight or note is a field-level write (`update`/`modify` of the fields that
 * changed) on the current record, never a put of a copy read earlier: two reader tabs editing the same
 * speech must not undo each other's changes. Open readers follow the database through Dexie's liveQuery,
 * which also hears writes made in other tabs.
 */

/**
 * Store (or refresh) the offline copy of a speech that was opened in the reader. When its text differs
 * from the stored copy (another contentHash), the old copy is archived in speechVersions and the new one
 * says when the change was seen (`changedAt`) and what it replaced (`previousHash`).
 */
export async function saveOpenedSpeech(speech: SpeechWithOutline, now = Date.now()): Promise<SpeechRecord> {
  const db = getDb();
  const id = speechIdFromUrl(speech.url);
  return db.transaction('rw', db.speeches, db.speechVersions, async () => {
    const existing = await db.speeches.get(id);
    const changed =
      !!existing && existing.contentHash !== speech.contentHash && existing.paragraphs.length > 0;
    if (changed) await archiveSpeech(db, existing, now);
    const record: SpeechRecord = {
      ...speech,
      id,
      firstOpened: existing?.firstOpened ?? now,
      lastOpened: now,
    };
    if (changed) {
      record.changedAt = now;
      record.previousHash = existing.contentHash;
    } else {
      // The same text: what was seen of an earlier change stays on the record.
      if (existing?.changedAt !== undefined) record.changedAt = existing.changedAt;
      if (existing?.previousHash !== undefined) record.previousHash = existing.previousHash;
    }
    await db.speeches.put(record);
    return record;
  });
}

/** Whether saving returned a record whose text just replaced another (the reader shows 原文已更新). */
export function justChanged(record: SpeechRecord, savedAt: number): boolean {
  return record.changedAt === savedAt && !!record.previousHash;
}

export async function loadSpeech(url: string): Promise<SpeechRecord | undefined> {
  return getDb().speeches.get(speechIdFromUrl(url));
}

/** An archived copy of the speech at `url` (reader.html?url=…&version=<hash>). */
export async function loadSpeechVersion(
  url: string,
  contentHash: string,
): Promise<SpeechVersion | undefined> {
  return loadVersion(getDb(), speechIdFromUrl(url), contentHash);
}

export async function addHighlight(h: Highlight): Promise<Highlight> {
  await getDb().highlights.add(h);
  return h;
}

/** Change the category; a highlight that becomes a 重点任务 gets its follow-up (an earlier one is kept). */
export async function setCategory(id: string, category: HighlightCategory, now = Date.now()): Promise<void> {
  await getDb()
    .highlights.where('id')
    .equals(id)
    .modify((h) => {
      h.category = category;
      if (category === 'task' && !h.task) h.task = newTask();
      h.updated = now;
    });
}

export async function setNote(id: string, note: string, now = Date.now()): Promise<void> {
  await getDb().highlights.update(id, { note, updated: now });
}

/** Where a highlight now sits after re-anchoring; written only when it moved, so unchanged texts cost nothing. */
export async function moveHighlights(
  moves: readonly { id: string; selector: TextSelector; section: number }[],
): Promise<void> {
  if (moves.length === 0) return;
  const db = getDb();
  await db.transaction('rw', db.highlights, async () => {
    for (const m of moves) await db.highlights.update(m.id, { selector: m.selector, section: m.section });
  });
}

/** Delete and hand back the record as it was, for 撤销. */
export async function deleteHighlight(id: string): Promise<Highlight | undefined> {
  const db = getDb();
  return db.transaction('rw', db.highlights, async () => {
    const h = await db.highlights.get(id);
    if (h) await db.highlights.delete(id);
    return h;
  });
}

/** Undo a deletion: the record comes back as it was deleted (it did not exist meanwhile, so nothing is lost). */
export async function restoreHighlight(h: Highlight): Promise<void> {
  await getDb().highlights.put(h);
}

export interface Subscription {
  unsubscribe(): void;
}

/** The speech's highlights now and after every change (in any tab). */
export function watchHighlights(
  speechId: string,
  onChange: (highlights: Highlight[]) => void,
  onError: (error: unknown) => void = (e) => console.warn('[yandu] highlights', e),
): Subscription {
  return liveQuery(() => getDb().highlights.where('speechId').equals(speechId).toArray()).subscribe({
    next: onChange,
    error: onError,
  });
}

/** The 学习心得 of a speech (Note with id = speechId). */
export function watchStudyNote(
  speechId: string,
  onChange: (note: Note | undefined) => void,
  onError: (error: unknown) => void = (e) => console.warn('[yandu] study note', e),
): Subscription {
  return liveQuery(() => getDb().notes.get(speechId)).subscribe({ next: onChange, error: onError });
}

export async function saveStudyNote(speechId: string, text: string, now = Date.now()): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.notes, async () => {
    const updated = await db.notes.update(speechId, { text, updated: now });
    if (updated === 0) await db.notes.add({ id: speechId, speechId, text, created: now, updated: now });
  });
}
