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

/**
 * What became of a note written over the text an editor started from (`base`): saved; refused because the
 * stored text changed meanwhile (another tab saved `theirs`: the editor asks which to keep); or the highlight is gone (deleted in another tab).
 */
export type NoteSave = { kind: 'saved' } | { kind: 'conflict'; theirs: string } | { kind: 'gone' };

/**
 * Save the 学习心得 unless another tab saved a different text since this one read `base`. Texts are compared,
 * not the `updated` stamps: a save that leaves the text as this tab saw it cannot undo anything.
 */
export async function saveStudyNoteOver(
  db: YanduDB,
  speechId: string,
  text: string,
  base: string,
  now = Date.now(),
): Promise<NoteSave> {
  return db.transaction('rw', db.notes, async () => {
    const stored = await db.notes.get(speechId);
    const theirs = stored?.text ?? '';
    if (theirs !== base && theirs !== text) return { kind: 'conflict', theirs };
    if (stored) await db.notes.update(speechId, { text, updated: now });
    else await db.notes.add({ id: speechId, speechId, text, created: now, updated: now });
    return { kind: 'saved' };
  });
}

/** 两者都保留: the text saved in the other tab, a separator line, then this tab's. */
export function keepBoth(theirs: string, mine: string): string {
  const a = theirs.trimEnd();
  const b = mine.trim();
  if (!a) return b;
  if (!b || a.includes(b)) return a;
  return `${a}\n\n——————\n\n${b}`;
}
