/**
 * Bare Dexie for the benches (and the memory bench's seeding). The highlights bench's baseline, bundled by bundle.ts and evaluated in the reader page once it has
 * restored: a bare Dexie read of the same records (Dexie opens Yandu's database as it is, with no schema of
 * its own, so this does not depend on Yandu's store modules). The database is opened untimed; the read is
 * timed to the records in hand.
 */
import Dexie from 'dexie';
import type { SpeechRecord } from '../../utils/types';
import { composeHighlights } from './compose';

async function readHighlights(speechId: string): Promise<{ ms: number; records: number }> {
  const db = new Dexie('yandu');
  await db.open();
  try {
    const t0 = performance.now();
    const records = await db.table('highlights').where('speechId').equals(speechId).toArray();
    return { ms: performance.now() - t0, records: records.length };
  } finally {
    db.close();
  }
}

/** `count` composed highlights on the stored speech read from `url` (the memory bench's seeding). */
async function seedHighlights(url: string, count: number): Promise<{ id: string; highlights: number }> {
  const db = new Dexie('yandu');
  await db.open();
  try {
    const speech = (await db.table('speeches').where('url').equals(url).first()) as SpeechRecord | undefined;
    if (!speech) throw new Error(`no stored speech for ${url}`);
    const highlights = composeHighlights(speech, count);
    await db.table('highlights').bulkPut(highlights);
    return { id: speech.id, highlights: highlights.length };
  } finally {
    db.close();
  }
}

(globalThis as unknown as { __benchDexie: unknown }).__benchDexie = { readHighlights, seedHighlights };
