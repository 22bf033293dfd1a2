import { liveQuery } from 'dexie';
import type { Note } from '../types';
import type { YanduDB } from './db';
import type { Subscription } from './highlights';

/** The 学习心得 of a speech: one Note per speech, whose id is the speech's id. */

/** The speech's 学习心得 now and after every change (in any tab). */
export function watchStudyNote(
  db: YanduDB,
  speechId: string,
  onChange: (note: Note | undefined) => void,
  onError: (error: unknown) => void = (e) => console.warn('[yandu] study note', e),
): Subscription {
  return liveQuery(() => db.notes.get(speechId)).subscribe({ next: onChange, error: onError });
}

/** A field-level write of the text (another tab's edit of the same note is not undone by a stale copy). */
export async function saveStudyNote(
  db: YanduDB,
  speechId: string,
  text: string,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    const updated = await db.notes.update(speechId, { text, updated: now });
    if (updated === 0) await db.notes.add({ id: speechId, speechId, text, created: now, updated: now });
  });
}
