// Whatever Yandu stores, its own backup restores (issue 14): the reading positions and the 专题汇编 state kept
// in localStorage (utils/store/backup/local-items.ts) go into the file and come back on restore.
import { describe, expect, it } from 'vitest';
import { EMPTY_COMPILATION } from '@/utils/compilation/state';
import { readPosition, savePosition } from '@/utils/reader/positions';
import { exportBackup, parseBackup, restoreFromText, serializeBackup } from '@/utils/store/backup';
import {
  type LocalItems,
  mergeLocalItems,
  previewLocalItems,
  readLocalItems,
  restoreLocalItems,
} from '@/utils/store/backup/local-items';
import type { YanduDB } from '@/utils/store/db';
import { freshDbs } from '../../../support/db';
import { inEnglish } from '../../../support/i18n';
import { backupFileText, makeLibrary } from '../../../support/records';
import { memoryStorage } from '../../../support/storage';

const freshDb = freshDbs('backup-local');
const NOW = Date.parse('2026-12-03T00:00:00Z');
const lib = makeLibrary(3, 1);
const [S1, S2, S3] = lib.speeches.map((s) => s.id) as [string, string, string];

async function seeded(speeches = lib.speeches): Promise<YanduDB> {
  const db = await freshDb();
  await db.speeches.bulkAdd(speeches);
  return db;
}

const COMPILATION = {
  ...EMPTY_COMPILATION,
  topic: '关于职工服务的论述',
  categories: ['thesis' as const],
  order: ['h2', 'h1'],
  savedAt: NOW - 1000,
};

function storeWith(positions: Record<string, { para: number; at: number }>, compilation?: object) {
  const store = memoryStorage();
  for (const [id, p] of Object.entries(positions))
    savePosition(id, { para: p.para, top: -12, progress: p.para * 10, at: p.at }, store);
  if (compilation) store.setItem('yandu:compilation', JSON.stringify(compilation));
  return store;
}

/** The backup of `db` with the items of `store`, as a file's text. */
async function backupOf(db: YanduDB, store: Storage) {
  return serializeBackup(await exportBackup(db, new Date(NOW), undefined, readLocalItems(store)));
}

/** A file of `version` exported at NOW. */
const fileText = (rows: Record<string, unknown>, version = 4) =>
  backupFileText(rows, version, new Date(NOW).toISOString());

const compilationOf = (store: Storage) => JSON.parse(store.getItem('yandu:compilation') ?? 'null');

describe('reading positions and the 专题汇编 in backups', () => {
  it('round trip: restored into an empty profile, the positions and the 专题汇编 are back', async () => {
    const here = storeWith({ [S1]: { para: 5, at: NOW - 10 }, [S2]: { para: 2, at: NOW - 20 } }, COMPILATION);
    const text = await backupOf(await seeded(), here);
    expect(JSON.parse(text).version).toBe(4);

    const fresh = memoryStorage();
    const result = await restoreFromText(await freshDb(), text, NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(restoreLocalItems(result.local, fresh)).toEqual({ positions: 2, compilation: 'taken' });
    expect(readPosition(S1, fresh)).toEqual({ para: 5, top: -12, progress: 50, at: NOW - 10 });
    expect(readPosition(S2, fresh)?.para).toBe(2);
    expect(compilationOf(fresh)).toEqual(COMPILATION);
  });

  it('a position of a speech that is in neither the file nor the library is not restored', async () => {
    const here = storeWith({ [S1]: { para: 5, at: NOW - 10 }, 'gone.gov.cn/a.html': { para: 1, at: NOW } });
    const text = await backupOf(await seeded(lib.speeches.slice(0, 1)), here);
    const fresh = memoryStorage();
    const result = await restoreFromText(await freshDb(), text, NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(restoreLocalItems(result.local, fresh).positions).toBe(1);
    expect(readPosition('gone.gov.cn/a.html', fresh)).toBeNull();
  });

  it('restored into a profile with newer positions, the newer ones stay', async () => {
    const there = storeWith({ [S1]: { para: 5, at: NOW - 100 }, [S2]: { para: 2, at: NOW - 100 } });
    const text = await backupOf(await seeded(), there);
    // Here speech 1 was read further since the backup; speech 2 was last read before it; 3 never.
    const here = storeWith({ [S1]: { para: 9, at: NOW - 50 }, [S2]: { para: 1, at: NOW - 500 } });
    const result = await restoreFromText(await seeded(), text, NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(previewLocalItems(result.local, here)).toEqual({ positions: 1, compilation: 'none' });
    expect(restoreLocalItems(result.local, here).positions).toBe(1);
    expect(readPosition(S1, here)?.para).toBe(9);
    expect(readPosition(S2, here)?.para).toBe(2);
    expect(readPosition(S3, here)).toBeNull();
  });

  it('an older backup without the fields restores as before and leaves localStorage alone', async () => {
    const here = storeWith({ [S1]: { para: 3, at: NOW - 5 } }, COMPILATION);
    const before = new Map(here.data);
    const result = await restoreFromText(await freshDb(), fileText(lib, 3), NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(result.summary.speeches.added).toBe(3);
    expect(result.local).toEqual({});
    expect(restoreLocalItems(result.local, here)).toEqual({ positions: 0, compilation: 'none' });
    expect(here.data).toEqual(before);
  });

  it('a version-3 file carrying the new fields was not written by Yandu: refused untouched', async () => {
    const db = await seeded();
    const text = fileText({ ...lib, readingPositions: [] }, 3);
    expect(await restoreFromText(db, text, NOW)).toMatchObject({ ok: false, code: 'bad-shape' });
    const notList = fileText({ ...lib, readingPositions: { [S1]: {} } });
    expect(parseBackup(notList, NOW)).toMatchObject({ ok: false, code: 'bad-shape' });
  });

  it('a damaged position is skipped with a reason in the UI’s language; the others are restored', async () => {
    const good = { speechId: S1, para: 4, top: 0, progress: 40, at: NOW - 10 };
    const text = fileText({
      ...lib,
      readingPositions: [
        good,
        { speechId: S2, para: -1, top: 0, progress: 10, at: NOW - 10 },
        { ...good, para: 7 },
        { speechId: S3, para: 1, top: 0, progress: 10, at: NOW * 1000 },
      ],
    });
    const result = inEnglish(() => parseBackup(text, NOW));
    if (!result.ok) throw new Error(result.reason);
    expect(result.skipped).toEqual([
      {
        table: 'readingPositions',
        index: 1,
        what: 'reading positions no. 2',
        why: 'The place read up to is wrong: should be a whole number, 0 or more',
      },
      {
        table: 'readingPositions',
        index: 2,
        what: 'reading positions no. 3',
        why: expect.stringContaining('repeats'),
      },
    ]);
    for (const s of result.skipped)
      expect(`${s.what} ${s.why}`).not.toMatch(/para|speechId|readingPositions/);
    // A time in the future is clamped, as the records' are: it cannot win every later merge.
    expect(result.backup.readingPositions).toEqual([
      good,
      { speechId: S3, para: 1, top: 0, progress: 10, at: NOW },
    ]);

    const here = memoryStorage();
    const restored = await restoreFromText(await freshDb(), text, NOW);
    if (!restored.ok) throw new Error(restored.reason);
    expect(restored.skipped.map((s) => s.index)).toEqual([1, 2]);
    expect(restoreLocalItems(restored.local, here).positions).toBe(2);
    expect(readPosition(S1, here)?.para).toBe(4);
    expect(readPosition(S2, here)).toBeNull();
  });

  it('a damaged 专题汇编 is skipped and named; the library is still restored', async () => {
    const text = fileText({ ...lib, compilation: { ...COMPILATION, from: '明年' } });
    const result = parseBackup(text, NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(result.skipped).toEqual([
      { table: 'compilation', index: 0, what: '专题汇编', why: expect.stringContaining('筛选条件有误') },
    ]);
    expect(result.backup.compilation).toBeUndefined();
    expect(result.backup.speeches).toHaveLength(3);
  });
});

describe('which 专题汇编 wins', () => {
  const file = (c: object): LocalItems => ({ compilation: { ...COMPILATION, ...c } });
  const merge = (here: object | null, c: object) =>
    mergeLocalItems(null, here === null ? null : JSON.stringify(here), file(c));

  it('the backup’s, when none is set up here', () => {
    expect(merge(null, {}).restore.compilation).toBe('taken');
    expect(merge(EMPTY_COMPILATION, {}).compilation).toEqual(COMPILATION);
  });

  it('the newer one; the one here on a tie, when the same, or when neither can be dated', () => {
    const here = { ...COMPILATION, topic: '另一个专题' };
    expect(merge({ ...here, savedAt: NOW - 2000 }, {}).restore.compilation).toBe('replaced');
    expect(merge({ ...here, savedAt: NOW }, {}).restore.compilation).toBe('kept');
    expect(merge({ ...here, savedAt: NOW - 1000 }, {}).restore.compilation).toBe('kept');
    expect(merge({ ...COMPILATION, savedAt: 1 }, {}).restore.compilation).toBe('kept');
    const { savedAt: _, ...undated } = here;
    // Saved before states were stamped: every dated one is newer.
    expect(merge(undated, {}).restore.compilation).toBe('replaced');
    expect(merge(undated, { savedAt: undefined }).compilation.topic).toBe('另一个专题');
  });

  it('keeps at most the reader’s number of positions, the least recently read dropped', () => {
    const raw = JSON.stringify({ a: { para: 1, top: 0, progress: 1, at: 10 } });
    const incoming: LocalItems = {
      readingPositions: [
        { speechId: 'b', para: 2, top: 0, progress: 2, at: 5 },
        { speechId: 'c', para: 3, top: 0, progress: 3, at: 20 },
      ],
    };
    const merged = mergeLocalItems(raw, null, incoming, 2);
    expect(Object.keys(merged.positions).sort()).toEqual(['a', 'c']);
    expect(merged.restore.positions).toBe(1);
  });
});
