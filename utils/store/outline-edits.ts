/**
 * Storing the user's outline corrections with the speech. The record keeps the engine's outline
 * (`autoOutline`), the edits, and the corrected outline in `outline`, which is what every reader of the
 * record uses (notes, key tasks, exports, backup). Highlights remember their section by index into that
 * outline, so the indexes are brought up to date in the same transaction.
 */

import { liveQuery } from 'dexie';
import { applyOutlineEdits } from '../outline/corrections';
import { sectionOf } from '../outline/sections';
import type { OutlineEdit, OutlineNode, SpeechRecord } from '../types';
import type { YanduDB } from './db';

/** The record's outline fields for an automatic outline and the user's edits. */
export function correctedFields(
  automatic: OutlineNode[],
  paragraphs: readonly string[],
  edits: readonly OutlineEdit[] | undefined,
): Pick<SpeechRecord, 'outline' | 'autoOutline' | 'outlineEdits'> {
  if (!edits?.length) return { outline: automatic };
  return {
    outline: applyOutlineEdits(automatic, paragraphs, edits).outline,
    autoOutline: automatic,
    outlineEdits: [...edits],
  };
}

/**
 * Replace a speech's outline edits (an empty list puts the automatic outline back) and re-file its
 * highlights under the sections of the outline that results. Returns the new outline, or null when the
 * speech is not stored (deleted meanwhile).
 */
export async function saveOutlineEdits(
  db: YanduDB,
  speechId: string,
  edits: readonly OutlineEdit[],
): Promise<OutlineNode[] | null> {
  return db.transaction('rw', db.speeches, db.highlights, async () => {
    const record = await db.speeches.get(speechId);
    if (!record) return null;
    const automatic = record.autoOutline ?? record.outline;
    const fields = correctedFields(automatic, record.paragraphs, edits);
    const next: SpeechRecord = { ...record, ...fields };
    if (!edits.length) {
      delete next.autoOutline;
      delete next.outlineEdits;
    }
    await db.speeches.put(next);
    await db.highlights
      .where('speechId')
      .equals(speechId)
      .modify((h) => {
        h.section = sectionOf(h.selector, next.outline);
      });
    return next.outline;
  });
}

/** Follows a speech's outline edits (this tab's, another tab's, a restore's); returns the unsubscribe. */
export function watchOutlineEdits(
  db: YanduDB,
  speechId: string,
  onChange: (edits: OutlineEdit[] | undefined) => void,
): () => void {
  const sub = liveQuery(async () => (await db.speeches.get(speechId))?.outlineEdits).subscribe({
    next: onChange,
    error: () => undefined,
  });
  return () => sub.unsubscribe();
}
