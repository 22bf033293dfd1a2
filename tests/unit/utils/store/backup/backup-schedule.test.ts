import { afterEach, describe, expect, it } from 'vitest';
import {
  autoBackupDue,
  autoBackupFileName,
  backupReminder,
  daysBetween,
  nextAutoBackup,
} from '@/utils/store/backup/schedule';
import { oldestUnbacked } from '@/utils/store/backup/unbacked';
import { getDb } from '@/utils/store/db';
import { makeHighlight, makeNote, makeSpeech } from '../../../../support/records';

/** A local time on a day of December 2026 (the user's clock, whatever the machine's time zone). */
const at = (day: number, hour = 10) => new Date(2026, 11, day, hour).getTime();

describe('calendar days', () => {
  it('counts days of the calendar, not 24-hour periods, and never a negative number', () => {
    expect(daysBetween(at(1, 23), at(2, 1))).toBe(1);
    expect(daysBetween(at(1, 1), at(1, 23))).toBe(0);
    expect(daysBetween(at(1), at(31))).toBe(30);
    expect(daysBetween(at(5), at(1))).toBe(0);
  });

  it('names the automatic file after the local day, in a Yandu folder', () => {
    expect(autoBackupFileName(at(3, 0))).toBe('Yandu/yandu-backup-2026-12-03.json');
  });
});

describe('automatic backup schedule', () => {
  it('is never due when off', () => {
    expect(nextAutoBackup(0, null, at(1))).toBeNull();
    expect(autoBackupDue({ every: 0, lastAuto: null, oldestUnbacked: at(1), now: at(20) })).toBe(false);
  });

  it('is due at once the first time, then from midnight `every` days after the last one', () => {
    expect(nextAutoBackup(7, null, at(3))).toBe(at(3));
    expect(nextAutoBackup(1, at(3, 18), at(3, 19))).toBe(new Date(2026, 11, 4).getTime());
    expect(nextAutoBackup(7, at(3, 18), at(4))).toBe(new Date(2026, 11, 10).getTime());
    const due = (lastAuto: number, now: number, every: 1 | 7 | 30 = 7) =>
      autoBackupDue({ every, lastAuto, oldestUnbacked: at(1), now });
    expect(due(at(3, 18), at(10, 0))).toBe(true);
    expect(due(at(3, 18), at(9, 23))).toBe(false);
    expect(due(at(3, 18), at(4, 8), 1)).toBe(true);
    expect(due(at(3, 8), at(3, 22), 1)).toBe(false);
  });

  it('writes no file when nothing changed since the last backup', () => {
    expect(autoBackupDue({ every: 1, lastAuto: at(1), oldestUnbacked: null, now: at(20) })).toBe(false);
  });

  it('takes a last backup in the future (another clock) as no backup', () => {
    expect(autoBackupDue({ every: 30, lastAuto: at(25), oldestUnbacked: at(1), now: at(2) })).toBe(true);
  });
});

describe('the backup reminder', () => {
  const remind = (over: Partial<Parameters<typeof backupReminder>[0]>) =>
    backupReminder({ lastBackup: null, oldestUnbacked: null, dismissedAt: null, now: at(20), ...over });

  it('says nothing while there is no unbacked work, or while it is younger than seven days', () => {
    expect(remind({})).toBeNull();
    expect(remind({ oldestUnbacked: at(14) })).toBeNull();
    expect(remind({ lastBackup: at(1), oldestUnbacked: at(15) })).toBeNull();
  });

  it('says 还没有备份过 or how many days ago the last backup was', () => {
    expect(remind({ oldestUnbacked: at(13) })).toEqual({ kind: 'never' });
    expect(remind({ lastBackup: at(2), oldestUnbacked: at(5) })).toEqual({ kind: 'since', days: 18 });
  });

  it('keeps quiet for seven days after 稍后提醒, then asks again', () => {
    expect(remind({ oldestUnbacked: at(1), dismissedAt: at(15) })).toBeNull();
    expect(remind({ oldestUnbacked: at(1), dismissedAt: at(13) })).toEqual({ kind: 'never' });
  });
});

describe('unbacked work in the library', () => {
  afterEach(async () => {
    await getDb().delete();
    await getDb().open();
  });

  it('is none in an empty library', async () => {
    expect(await oldestUnbacked(getDb(), null)).toBeNull();
    expect(await oldestUnbacked(getDb(), at(1))).toBeNull();
  });

  it('is the oldest highlight, note or new speech after the last backup; re-opening alone is not work', async () => {
    const db = getDb();
    const old = { ...makeSpeech(1, 2, 4), firstOpened: at(1), lastOpened: at(1) };
    await db.speeches.put(old);
    await db.highlights.put({ ...makeHighlight(old, 0), updated: at(2) });
    expect(await oldestUnbacked(db, null)).toBe(at(1));
    expect(await oldestUnbacked(db, at(3))).toBeNull();
    // Opened again after the backup: not work to lose.
    await db.speeches.put({ ...old, lastOpened: at(5) });
    expect(await oldestUnbacked(db, at(3))).toBeNull();
    await db.notes.put({ ...makeNote(old), updated: at(7) });
    const added = { ...makeSpeech(2, 2, 4), firstOpened: at(6), lastOpened: at(6) };
    await db.speeches.put(added);
    expect(await oldestUnbacked(db, at(3))).toBe(at(6));
    // A stored speech whose text changed after the backup.
    await db.speeches.put({ ...old, lastOpened: at(5), changedAt: at(4) });
    expect(await oldestUnbacked(db, at(3))).toBe(at(4));
  });
});
