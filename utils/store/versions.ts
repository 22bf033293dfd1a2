/**
 * Earlier copies of a speech whose page changed. Kept so highlights made on the old text can still be
 * seen in place (reader.html?url=…&version=<hash>), whatever happened to them on the new text.
 */

import type { SpeechRecord, SpeechVersion } from '../types';
import type { YanduDB } from './db';

export function versionId(speechId: string, contentHash: string): string {
  return `${speechId}@${contentHash}`;
}

export function versionOf(record: SpeechRecord, archived: number): SpeechVersion {
  return {
    id: versionId(record.id, record.contentHash),
    speechId: record.id,
    contentHash: record.contentHash,
    title: record.title,
    paragraphs: record.paragraphs,
    outline: record.outline,
    archived,
  };
}

/** Archive a stored copy that is about to be replaced (inside the caller's transaction). */
export async function archiveSpeech(db: YanduDB, record: SpeechRecord, now: number): Promise<void> {
  await db.speechVersions.put(versionOf(record, now));
}

export async function loadVersion(
  db: YanduDB,
  speechId: string,
  contentHash: string,
): Promise<SpeechVersion | undefined> {
  return db.speechVersions.get(versionId(speechId, contentHash));
}

/** Every archived copy of a speech, newest first. */
export async function listVersions(db: YanduDB, speechId: string): Promise<SpeechVersion[]> {
  const all = await db.speechVersions.where('speechId').equals(speechId).toArray();
  return all.sort((a, b) => b.archived - a.archived);
}
