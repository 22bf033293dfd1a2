import { liveQuery } from 'dexie';
import { type Highlight, type HighlightCategory, newTask, type TextSelector } from '../types';
import type { YanduDB } from './db';
import type { NoteSave } from './notes';

/**
 * Highlights in the extension's database. Every change is a field-level write (`update`/`modify` of the
 * fields that changed) on the current record, never a put of a copy read earlier: two reader tabs editing
 * the same speech must not undo each other's changes. Open readers follow the database through Dexie's
 * liveQuery, which also hears writes made in other tabs.
 */

export interface Subscription {
  unsubscribe(): void;
}

export async function addHighlight(db: YanduDB, h: Highlight): Promise<Highlight> {
  await db.highlights.add(h);
  return h;
}

/** Change the category; a highlight that becomes a 重点任务 gets its follow-up (an earlier one is kept). */
export async function setCategory(
  db: YanduDB,
  id: string,
  category: HighlightCategory,
  now = Date.now(),
): Promise<void> {
  await db.highlights
    .where('id')
    .equals(id)
    .modify((h) => {
      h.category = category;
      if (category === 'task' && !h.task) h.task = newTask();
      h.updated = now;
    });
}

export async function setNote(db: YanduDB, id: string, note: string, now = Date.now()): Promise<void> {
  await db.highlights.update(id, { note, updated: now });
}

/**
 * Save a highlight's note unless another tab saved a different one since this tab read `base` (then the
 * editor asks). The note's text is compared, not `updated`: a category change made in
 * another tab also moves `updated` and is no conflict.
 */
export async function setNoteOver(
  db: YanduDB,
  id: string,
  note: string,
  base: string,
  now = Date.now(),
): Promise<NoteSave> {
  return db.transaction('rw', db.highlights, async () => {
    const h = await db.highlights.get(id);
    if (!h) return { kind: 'gone' };
    const theirs = String(h.note ?? '');
    if (theirs !== base && theirs !== note) return { kind: 'conflict', theirs };
    await db.highlights.update(id, { note, updated: now });
    return { kind: 'saved' };
  });
}

/** Where a highlight now sits after re-anchoring; written only when it moved, so unchanged texts cost nothing. */
export async function moveHighlights(
  db: YanduDB,
  moves: readonly { id: string; selector: TextSelector; section: number }[],
): Promise<void> {
  if (moves.length === 0) return;
  await db.transaction('rw', db.highlights, async () => {
    for (const m of moves) await db.highlights.update(m.id, { selector: m.selector, section: m.section });
  });
}

/** Delete and hand back the record as it was, for 撤销. */
export async function deleteHighlight(db: YanduDB, id: string): Promise<Highlight | undefined> {
  return db.transaction('rw', db.highlights, async () => {
    const h = await db.highlights.get(id);
    if (h) await db.highlights.delete(id);
    return h;
  });
}

/** Undo a deletion: the record comes back as it was deleted (it did not exist meanwhile, so nothing is lost). */
export async function restoreHighlight(db: YanduDB, h: Highlight): Promise<void> {
  await db.highlights.put(h);
}

/** The speech's highlights now and after every change (in any tab). */
export function watchHighlights(
  db: YanduDB,
  speechId: string,
  onChange: (highlights: Highlight[]) => void,
  onError: (error: unknown) => void = (e) => console.warn('[yandu] highlights', e),
): Subscription {
  return liveQuery(() => db.highlights.where('speechId').equals(speechId).toArray()).subscribe({
    next: onChange,
    error: onError,
  });
}
