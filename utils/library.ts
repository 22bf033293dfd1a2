import { getDb, speechIdFromUrl } from './db';
import type { SpeechRecord, SpeechWithOutline } from './types';

/** Store (or refresh) the offline copy of a speech that was opened in the reader. */
export async function saveOpenedSpeech(speech: SpeechWithOutline, now = Date.now()): Promise<SpeechRecord> {
  const db = getDb();
  const id = speechIdFromUrl(speech.url);
  return db.transaction('rw', db.speeches, async () => {
    const existing = await db.speeches.get(id);
    const record: SpeechRecord = {
      ...speech,
      id,
      firstOpened: existing?.firstOpened ?? now,
      lastOpened: now,
    };
    await db.speeches.put(record);
    return record;
  });
}

export async function loadSpeech(url: string): Promise<SpeechRecord | undefined> {
  return getDb().speeches.get(speechIdFromUrl(url));
}
