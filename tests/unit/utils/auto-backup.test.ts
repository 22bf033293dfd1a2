import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackupWriter, checkAutoBackup, jsonDataUrl } from '@/utils/auto-backup';
import { loadBackupState, saveAutoBackupEvery, updateBackupState } from '@/utils/backup-state';
import { EMPTY_COMPILATION } from '@/utils/compilation/state';
import { savePosition } from '@/utils/reader/positions';
import { parseBackup } from '@/utils/store/backup';
import { mirroredStore, mirrorLocalItems } from '@/utils/store/backup/local-mirror';
import { getDb } from '@/utils/store/db';
import { makeHighlight, makeSpeech } from '../../support/records';
import { memoryStorage } from '../../support/storage';

const at = (day: number, hour = 10) => new Date(2026, 11, day, hour).getTime();

/** A download folder in memory, with the permission granted or not. */
function folder(allowed = true) {
  const files = new Map<string, string>();
  const writer: BackupWriter = {
    allowed: async () => allowed,
    write: async (text, name) => {
      files.set(name, text);
    },
  };
  return { files, writer };
}

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await getDb().delete();
  await getDb().open();
});

async function librarySince(day: number) {
  const speech = { ...makeSpeech(1, 2, 4), firstOpened: at(day), lastOpened: at(day) };
  await getDb().speeches.put(speech);
  await getDb().highlights.put({ ...makeHighlight(speech, 0), updated: at(day) });
  return speech;
}

describe('automatic backup', () => {
  it('writes nothing while it is off', async () => {
    await librarySince(1);
    const { files, writer } = folder();
    expect(await checkAutoBackup(getDb(), writer, at(20))).toEqual({ written: null, why: 'off' });
    expect(files.size).toBe(0);
  });

  it('writes the whole library as a dated file once its day has come, and not again that day', async () => {
    const speech = await librarySince(1);
    await saveAutoBackupEvery(7);
    const { files, writer } = folder();
    expect(await checkAutoBackup(getDb(), writer, at(3))).toEqual({
      written: 'Yandu/yandu-backup-2026-12-03.json',
    });
    const parsed = parseBackup(files.get('Yandu/yandu-backup-2026-12-03.json') ?? '', at(3));
    expect(parsed.ok && parsed.backup.speeches.map((s) => s.id)).toEqual([speech.id]);
    expect(parsed.ok && parsed.backup.highlights).toHaveLength(1);
    expect(await loadBackupState()).toMatchObject({ lastBackup: at(3), lastAuto: at(3), autoError: null });
    // Later that day, with new work: the next file is due a week later.
    await getDb().highlights.put({ ...makeHighlight(speech, 1), updated: at(3, 12) });
    expect(await checkAutoBackup(getDb(), writer, at(3, 18))).toMatchObject({ why: 'not-due' });
    expect(await checkAutoBackup(getDb(), writer, at(10, 8))).toEqual({
      written: 'Yandu/yandu-backup-2026-12-10.json',
    });
    expect(files.size).toBe(2);
  });

  it('skips a day when nothing changed since the last backup, made by hand or not', async () => {
    await librarySince(1);
    await saveAutoBackupEvery(1);
    await updateBackupState({ lastBackup: at(2) });
    const { files, writer } = folder();
    expect(await checkAutoBackup(getDb(), writer, at(5))).toMatchObject({ why: 'nothing-new' });
    expect(files.size).toBe(0);
  });

  it('says so when the download permission was taken back, and writes once it is granted again', async () => {
    await librarySince(1);
    await saveAutoBackupEvery(30);
    expect(await checkAutoBackup(getDb(), folder(false).writer, at(3))).toMatchObject({ why: 'permission' });
    expect((await loadBackupState()).autoError).toBe('permission');
    const { files, writer } = folder(true);
    expect((await checkAutoBackup(getDb(), writer, at(3))).written).toBe(
      'Yandu/yandu-backup-2026-12-03.json',
    );
    expect(files.size).toBe(1);
    expect((await loadBackupState()).autoError).toBeNull();
  });

  it('records a failed write, keeps the last good backup and tries again next time', async () => {
    await librarySince(1);
    await saveAutoBackupEvery(1);
    const failing: BackupWriter = {
      allowed: async () => true,
      write: async () => {
        throw new Error('disk full');
      },
    };
    expect(await checkAutoBackup(getDb(), failing, at(3))).toMatchObject({ why: 'failed' });
    expect(await loadBackupState()).toMatchObject({ lastBackup: null, autoError: 'disk full' });
    expect((await checkAutoBackup(getDb(), folder().writer, at(3, 11))).written).not.toBeNull();
  });

  it("carries the reading positions and the 专题汇编 from the pages' copy where the background has no localStorage", async () => {
    const speech = await librarySince(1);
    await saveAutoBackupEvery(7);
    // A reader and the 专题汇编 page wrote their items, and their copy, in the pages' localStorage.
    const page = memoryStorage();
    savePosition(speech.id, { para: 3, top: -8, progress: 40, at: at(2) }, page);
    page.setItem(
      'yandu:compilation',
      JSON.stringify({ ...EMPTY_COMPILATION, topic: '职工服务', savedAt: at(2) }),
    );
    await mirrorLocalItems(page);
    // Chrome's service worker: no localStorage of its own, only the copy in storage.local.
    const { files, writer } = folder();
    await checkAutoBackup(getDb(), writer, at(3), async () => await mirroredStore());
    const parsed = parseBackup(files.get('Yandu/yandu-backup-2026-12-03.json') ?? '', at(3));
    expect(parsed.ok && parsed.backup.readingPositions).toEqual([
      { speechId: speech.id, para: 3, top: -8, progress: 40, at: at(2) },
    ]);
    expect(parsed.ok && parsed.backup.compilation?.topic).toBe('职工服务');
  });
});

describe('the automatic file as a data: URL', () => {
  it('carries the exact text, Chinese included, also past one encoding slice', async () => {
    const text = JSON.stringify({
      title: '在全市工会工作会议上的讲话',
      body: '职工书屋“会站家”'.repeat(9000),
    });
    const url = jsonDataUrl(text);
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    expect(await (await fetch(url)).text()).toBe(text);
  });
});
