/**
 * Storing the user's outline corrections with the speech. The record keeps the engine's outline
 * (`autoOutline`), the edits, and the corrected outline in `outline`, which is what every reader of the
 * record uses (notes, key tasks, exports, backup). Highlights remember their section by index into that
 * outline, so the indexes are brought up to date in the same transaction.
 */

import { liveQuery, type Transaction } from 'dexie';
import { buildOutline } from '../outline/build';
import { applyOutlineEdits } from '../outline/corrections';
import { sectionOf } from '../outline/sections';
import type { Highlight, OutlineEdit, OutlineNode, SpeechRecord } from '../types';
import type { YanduDB } from './db';
import { intakeSpeech, remapSelector } from './intake';

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

/**
 * Database version 4 (db.ts): every stored speech gets the outline today's engine builds from its stored
 * text, with the user's edits applied again, and its highlights are re-filed under that outline's sections.
 *
 * Why: a record keeps the outline of the engine that saved it, and the reader rebuilds it only when the live
 * page is read again. Until then the notes, the task list and every export file highlights under the old
 * outline (with the earlier engine the long sample speech lost its last section, so its final key tasks were filed
 * under the one before; no 开头/结束语). Worse for corrections: an edit names its entry by marker and title
 * of the automatic outline, so an edit made against a stale one stops applying the day the page is read
 * again. Rebuilding once here makes `outline` (and `autoOutline`) what the reader would show, so corrections
 * and 恢复自动提纲 work on the outline the engine will keep producing. The outline is derived from the stored
 * paragraphs only (entrypoints/reader/app.tsx builds it the same way), so nothing the user wrote changes:
 * text, metadata, edits, highlights' places and notes stay as they were; only section indexes follow.
 * Records pass the intake as a save would (a text stored before it existed is split, its highlights moved).
 */
export async function refreshStoredOutlines(tx: Transaction): Promise<number> {
  const speeches = tx.table<SpeechRecord, string>('speeches');
  const highlights = tx.table<Highlight, string>('highlights');
  let changed = 0;
  for (const record of await speeches.toArray()) {
    const next = refreshedRecord(record);
    if (!next) continue;
    const { speech, remap } = next;
    await speeches.put(speech);
    const moved: Highlight[] = [];
    for (const h of await highlights.where('speechId').equals(record.id).toArray()) {
      if (!isSelector(h.selector)) continue;
      const selector = remap ? remapSelector(h.selector, remap) : h.selector;
      const section = sectionOf(selector, speech.outline);
      if (section !== h.section || selector !== h.selector) moved.push({ ...h, selector, section });
    }
    await highlights.bulkPut(moved);
    changed++;
  }
  return changed;
}

/** A stored record with today's outline, or null when it already has it (or is too damaged to touch). */
function refreshedRecord(record: SpeechRecord): ReturnType<typeof intakeSpeech<SpeechRecord>> | null {
  if (!Array.isArray(record.paragraphs) || !record.paragraphs.every((p) => typeof p === 'string')) {
    return null;
  }
  const edits = Array.isArray(record.outlineEdits) ? record.outlineEdits : undefined;
  const next: SpeechRecord = {
    ...record,
    ...correctedFields(buildOutline(record.paragraphs), record.paragraphs, edits),
  };
  if (!edits?.length) {
    delete next.autoOutline;
    delete next.outlineEdits;
  }
  const admitted = intakeSpeech(next);
  const same =
    !admitted.remap &&
    JSON.stringify(admitted.speech.outline) === JSON.stringify(record.outline) &&
    JSON.stringify(admitted.speech.autoOutline) === JSON.stringify(record.autoOutline);
  return same ? null : admitted;
}

function isSelector(value: unknown): value is Highlight['selector'] {
  const s = value as Partial<Highlight['selector']> | null;
  return !!s && Number.isInteger(s.startPara) && Number.isInteger(s.startOffset);
}
