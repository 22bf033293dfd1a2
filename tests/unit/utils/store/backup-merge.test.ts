/**
 * A restore never silently overwrites: replaced texts and notes are kept, records that do not fit the
 * library are refused with a reason, times from the future are clamped, and a preview says per speech what
 * will happen before anything is written.
 */
import { describe, expect, it } from 'vitest';
import {
  type BackupFile,
  exportBackup,
  parseBackup,
  previewRestore,
  replacesAnything,
  restoreFromText,
  serializeBackup,
} from '@/utils/store/backup';
import { listVersions } from '@/utils/store/versions';
import type { SpeechRecord } from '@/utils/types';
import { freshDbs } from '../../../support/db';
import { backupFileText, makeHighlight, makeNote, makeSpeech } from '../../../support/records';

const freshDb = freshDbs('backup-merge');

const NOW = Date.parse('2026-12-02T08:00:00Z');

/** A file of format 2 (the records' rules are the same in 3), so these cases also run on older code. */
const file = (rows: Partial<BackupFile>, version = 2) => backupFileText(rows, version);

const S1 = makeSpeech(1);
const NEW_TEXT = ['改版后的第一段讲话内容。', '改版后的第二段讲话内容。'];

describe('nothing replaced is lost', () => {
  it('a newer text in the backup replaces the stored one, which is kept as an earlier version', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    const newer: SpeechRecord = {
      ...S1,
      paragraphs: NEW_TEXT,
      contentHash: 'h-new',
      lastOpened: S1.lastOpened + 5,
    };
    const result = await restoreFromText(db, file({ speeches: [newer] }), NOW);
    expect(result.ok).toBe(true);
    expect((await db.speeches.get(S1.id))?.paragraphs).toEqual(NEW_TEXT);
    const versions = await listVersions(db, S1.id);
    expect(versions.map((v) => v.paragraphs)).toEqual([S1.paragraphs]);
    expect(versions[0]?.contentHash).toBe(S1.contentHash);
  });

  it('an older, different text in the backup is kept as an earlier version too', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    const older: SpeechRecord = { ...S1, paragraphs: NEW_TEXT, contentHash: 'h-old', lastOpened: 5 };
    await restoreFromText(db, file({ speeches: [older] }), NOW);
    expect((await db.speeches.get(S1.id))?.paragraphs).toEqual(S1.paragraphs);
    expect((await listVersions(db, S1.id)).map((v) => v.contentHash)).toEqual(['h-old']);
  });

  it('a replaced 学习心得 is kept under the newer one, and a second restore adds nothing', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    await db.notes.add(makeNote(S1, '我在本机写的心得：要抓好班组安全。'));
    const theirs = { ...makeNote(S1, '备份里的心得：要落实职工服务。'), updated: NOW - 1000 };
    const text = file({ speeches: [S1], notes: [theirs] });
    await restoreFromText(db, text, NOW);
    const merged = (await db.notes.get(S1.id))?.text ?? '';
    expect(merged.startsWith('备份里的心得：要落实职工服务。')).toBe(true);
    expect(merged).toContain('我在本机写的心得：要抓好班组安全。');
    await restoreFromText(db, text, NOW);
    expect((await db.notes.get(S1.id))?.text).toBe(merged);
  });
});

describe('records that do not fit are refused, the rest restored', () => {
  it('a crafted highlight cannot take over another speech’s highlight id', async () => {
    const db = await freshDb();
    const S2 = makeSpeech(2);
    const mine = makeHighlight(S1, 0);
    await db.speeches.bulkAdd([S1, S2]);
    await db.highlights.add(mine);
    const crafted = { ...makeHighlight(S2, 1), id: mine.id, updated: NOW };
    const result = await restoreFromText(db, file({ highlights: [crafted, makeHighlight(S2, 2)] }), NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(await db.highlights.get(mine.id)).toEqual(mine);
    expect(await db.highlights.count()).toBe(2);
    expect(result.skipped).toEqual([
      { table: 'highlights', index: 0, what: '划线第 1 条', why: '编号已被另一篇讲话的划线使用' },
    ]);
  });

  it('highlights and notes whose speech is nowhere are skipped, not counted as added', async () => {
    const db = await freshDb();
    const ghost = makeSpeech(9);
    const result = await restoreFromText(
      db,
      file({
        speeches: [S1],
        highlights: [makeHighlight(ghost, 0), makeHighlight(S1, 1)],
        notes: [makeNote(ghost)],
      }),
      NOW,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.summary.highlights.added).toBe(1);
    expect(result.summary.notes.added).toBe(0);
    expect(result.skipped.map((s) => [s.what, s.why])).toEqual([
      ['划线第 1 条', '所属讲话既不在文件中，也不在资料库中'],
      ['学习心得第 1 条', '所属讲话既不在文件中，也不在资料库中'],
    ]);
    expect(await db.highlights.count()).toBe(1);
  });

  it('a speech filed under an id that is not its address’s is skipped', async () => {
    const db = await freshDb();
    const forged = { ...makeSpeech(2), id: S1.id };
    const result = await restoreFromText(db, file({ speeches: [forged, makeSpeech(3)] }), NOW);
    if (!result.ok) throw new Error(result.reason);
    expect(await db.speeches.get(S1.id)).toBeUndefined();
    expect(await db.speeches.count()).toBe(1);
    expect(result.skipped[0]).toMatchObject({
      table: 'speeches',
      index: 0,
      why: '编号有误：与讲话的网址不符',
    });
    expect(result.skipped[0]?.what).toContain('讲话第 1 条《');
  });
});

describe('times from the future', () => {
  it('a time of 1e300 is clamped to now, so a later edit still wins the next merge', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    const note = { ...makeNote(S1, '来自未来的心得'), updated: 1e300, created: 1e300 };
    await restoreFromText(db, file({ notes: [note] }), NOW);
    const stored = await db.notes.get(S1.id);
    expect(stored?.updated).toBeLessThanOrEqual(NOW);
    expect(Number.isNaN(new Date(stored?.updated ?? Number.NaN).getTime())).toBe(false);
    // The user writes a newer note an hour and a half later; an old backup of it must not win.
    const later = NOW + 90 * 60 * 1000;
    await db.notes.put({ ...makeNote(S1, '今天新写的心得'), updated: later });
    await restoreFromText(db, file({ notes: [note] }), later);
    expect((await db.notes.get(S1.id))?.text.startsWith('今天新写的心得')).toBe(true);
  });
});

describe('preview before anything is replaced', () => {
  it('says per speech what is new, updated or conflicting, and writes nothing', async () => {
    const db = await freshDb();
    const S2 = makeSpeech(2);
    const S3 = makeSpeech(3);
    await db.speeches.bulkAdd([S1, S2]);
    await db.notes.add(makeNote(S2, '本机的心得。'));
    const parsed = parseBackup(
      file({
        speeches: [
          { ...S1, paragraphs: NEW_TEXT, contentHash: 'h-new', lastOpened: S1.lastOpened + 1 },
          S2,
          S3,
        ],
        highlights: [makeHighlight(S2, 0)],
        notes: [{ ...makeNote(S2, '备份里的心得。'), updated: NOW - 1 }],
      }),
      NOW,
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    const preview = await previewRestore(db, parsed, NOW);
    expect(
      preview.speeches.map((p) => [p.title, p.change, p.textKept, p.notesJoined, p.highlightsAdded]),
    ).toEqual([
      [S1.title, 'conflicting', true, 0, 0],
      [S2.title, 'conflicting', false, 1, 1],
      [S3.title, 'new', false, 0, 0],
    ]);
    expect(replacesAnything(preview)).toBe(true);
    expect(await db.speechVersions.count()).toBe(0);
    expect((await db.notes.get(S2.id))?.text).toBe('本机的心得。');
  });

  it('a file that only adds needs no confirmation', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    const parsed = parseBackup(file({ speeches: [makeSpeech(2), { ...S1, lastOpened: 1 }] }), NOW);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(replacesAnything(await previewRestore(db, parsed, NOW))).toBe(false);
  });
});

describe('settings travel with the backup', () => {
  it('category names/colours and reading settings handed in come back out', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    const settings = {
      categories: { task: { name: '落实事项', color: '#ff8800' } },
      reader: { font: 'kai', size: 3, theme: 'sepia' },
    };
    const parsed = parseBackup(serializeBackup(await exportBackup(db, new Date(NOW), settings)), NOW);
    expect(parsed.ok && parsed.backup.settings).toEqual(settings);
    const result = await restoreFromText(
      await freshDb(),
      serializeBackup(await exportBackup(db, new Date(NOW), settings)),
      NOW,
    );
    expect(result.ok && result.settings).toEqual(settings);
  });

  it('malformed settings are skipped with a reason, the records still restored', async () => {
    const db = await freshDb();
    const result = await restoreFromText(
      db,
      file({ speeches: [S1], settings: { categories: { task: 1 } } } as never, 3),
      NOW,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(await db.speeches.count()).toBe(1);
    expect(result.skipped).toEqual([
      { table: 'settings', index: 0, what: '类别与阅读设置', why: '设置的格式不对' },
    ]);
  });
});
