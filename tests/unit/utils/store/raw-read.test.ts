import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshDbs } from '@/tests/support/db';
import { makeHighlight, makeNote, makeSpeech } from '@/tests/support/records';
import { YanduDB } from '@/utils/store/db';
import { DB_NAME, DB_VERSION } from '@/utils/store/db-name';
import { openCurrent, readSpeechRecords } from '@/utils/store/raw-read';

const fresh = freshDbs('raw-read');

const exists = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);

describe('reading a speech with plain IndexedDB (学习会 mode)', () => {
  it('names the database and its newest version as db.ts declares them', async () => {
    const db = await fresh();
    expect(db.verno).toBe(DB_VERSION);
    expect(new YanduDB().name).toBe(DB_NAME);
    // The stores and the index the raw read uses are the schema's.
    expect(db.highlights.schema.indexes.map((i) => i.name)).toContain('speechId');
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['speeches', 'highlights', 'notes']));
  });

  it('reads what Dexie reads: the speech, only its highlights, its 学习心得', async () => {
    const db = await fresh();
    const speech = makeSpeech(1);
    const other = makeSpeech(2);
    const highlights = [0, 1, 2].map((j) => makeHighlight(speech, j));
    await db.speeches.bulkPut([speech, other]);
    await db.highlights.bulkPut([...highlights, makeHighlight(other, 0)]);
    await db.notes.put(makeNote(speech));
    const raw = await openCurrent(db.name);
    if (!raw) throw new Error('the database at the newest version was not opened');
    const records = await readSpeechRecords(raw, speech.id);
    raw.close();
    expect(records).toEqual({
      speech: await db.speeches.get(speech.id),
      highlights: await db.highlights.where('speechId').equals(speech.id).toArray(),
      note: await db.notes.get(speech.id),
    });
    expect(records.highlights).toHaveLength(3);
    const missing = await openCurrent(db.name);
    expect(await readSpeechRecords(missing as IDBDatabase, 'no-such-speech')).toEqual({
      speech: undefined,
      highlights: [],
      note: undefined,
    });
    missing?.close();
  });

  it('leaves a database that is not there, or not yet migrated, to Dexie: it creates and upgrades nothing', async () => {
    expect(await openCurrent('raw-read-none')).toBeNull();
    expect(await exists('raw-read-none')).toBe(false);
    const old = new Dexie('raw-read-v1');
    old.version(1).stores({ speeches: 'id', highlights: 'id, speechId', notes: 'id' });
    await old.open();
    old.close();
    expect(await openCurrent('raw-read-v1')).toBeNull();
    const after = new Dexie('raw-read-v1');
    await after.open();
    expect(after.verno).toBe(1);
    after.close();
    await Dexie.delete('raw-read-v1');
  });
});
