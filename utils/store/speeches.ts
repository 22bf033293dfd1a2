import type { SpeechRecord, SpeechVersion, SpeechWithOutline } from '../types';
import type { YanduDB } from './db';
import { speechIdFromUrl } from './ids';
import { admitSpeech } from './intake';
import { correctedFields } from './outline-edits';
import { archiveSpeech, loadVersion } from './versions';

/**
 * Offline copies of the speeches opened in the reader. Highlights are in highlights.ts, the 学习心得 in
 * notes.ts; what hangs on a speech (for delete, undo and backup) is listed once in tables.ts.
 */

/**
 * Store (or refresh) the offline copy of a speech that was opened in the reader. When its text differs
 * from the stored copy (another contentHash), the old copy is archived in speechVersions and the new one
 * says when the change was seen (`changedAt`) and what it replaced (`previousHash`).
 */
export async function saveOpenedSpeech(
  db: YanduDB,
  speech: SpeechWithOutline,
  now = Date.now(),
): Promise<SpeechRecord> {
  // Capped and split as a backup restore would (intake.ts), so every stored speech survives its backup.
  speech = admitSpeech(speech);
  const id = speechIdFromUrl(speech.url);
  return db.transaction('rw', db.speeches, db.speechVersions, async () => {
    const existing = await db.speeches.get(id);
    const changed =
      !!existing && existing.contentHash !== speech.contentHash && existing.paragraphs.length > 0;
    if (changed) await archiveSpeech(db, existing, now);
    // The user's outline corrections outlive every re-extraction: applied again to the outline just built.
    const {
      autoOutline,
      outlineEdits: _edits,
      ...fresh
    } = speech as SpeechWithOutline & Partial<SpeechRecord>;
    const record: SpeechRecord = {
      ...fresh,
      ...correctedFields(autoOutline ?? speech.outline, speech.paragraphs, existing?.outlineEdits),
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

export async function loadSpeech(db: YanduDB, url: string): Promise<SpeechRecord | undefined> {
  return db.speeches.get(speechIdFromUrl(url));
}

/** An archived copy of the speech at `url` (the reader's `version` address, utils/routes.ts). */
export async function loadSpeechVersion(
  db: YanduDB,
  url: string,
  contentHash: string,
): Promise<SpeechVersion | undefined> {
  return loadVersion(db, speechIdFromUrl(url), contentHash);
}
