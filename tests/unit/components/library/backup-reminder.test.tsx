/**
 * Data you cannot lose: the library's backup reminder with 立即备份 and 稍后提醒, the
 * 上次备份 line, and turning 自动备份 on (the optional downloads permission, asked in the click).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupPanel } from '@/components/library/BackupPanel';
import { BackupReminder } from '@/components/library/BackupReminder';
import { loadAutoBackupEvery, loadBackupState, updateBackupState } from '@/utils/backup-state';
import { listen } from '@/utils/messages';
import { oldestUnbacked } from '@/utils/store/backup/unbacked';
import { YanduDB } from '@/utils/store/db';
import { makeHighlight, makeSpeech } from '../../../support/records';

const DAY = 86_400_000;
let db: YanduDB;
let container: HTMLElement;
let counter = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  counter += 1;
  db = new YanduDB(`backup-reminder-${counter}`);
  await db.open();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await db.delete();
  vi.restoreAllMocks();
});

/** A speech with a highlight, both made `daysAgo` days ago. */
async function workFrom(daysAgo: number) {
  const when = Date.now() - daysAgo * DAY;
  const speech = { ...makeSpeech(1, 2, 4), firstOpened: when, lastOpened: when };
  await db.speeches.put(speech);
  await db.highlights.put({ ...makeHighlight(speech, 0), updated: when });
}

async function show(node: preact.ComponentChild) {
  await act(async () => {
    render(node, container);
  });
}

async function click(label: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label} in: ${container.textContent}`);
  await act(async () => {
    button.click();
  });
}

const text = () => container.textContent ?? '';

/** The reminder's reads are done: the same reads again, queued behind them, have answered (twice over). */
async function settled() {
  for (let i = 0; i < 2; i++) {
    await act(async () => {
      await loadBackupState();
      await oldestUnbacked(db, (await loadBackupState()).lastBackup);
    });
  }
}

describe('the backup reminder', () => {
  it('asks for a first backup once work is a week old, and 立即备份 downloads it and records it', async () => {
    await workFrom(8);
    const downloads: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      downloads.push(b as Blob);
      return 'blob:x';
    });
    await show(<BackupReminder db={db} />);
    await vi.waitFor(() => expect(text()).toContain('还没有备份过'));
    await click('立即备份');
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(JSON.parse(await (downloads[0] as Blob).text()).highlights).toHaveLength(1);
    await vi.waitFor(() => expect(text()).toContain('已下载备份'));
    expect((await loadBackupState()).lastBackup).toBeGreaterThan(Date.now() - DAY);
    // Opened again later: everything is in a backup, so there is nothing to remind of.
    await show(null);
    await show(<BackupReminder db={db} />);
    await settled();
    expect(container.querySelector('.yd-backup-reminder')).toBeNull();
  });

  it('says how many days ago the last backup was when later work is a week old', async () => {
    await workFrom(8);
    await updateBackupState({ lastBackup: Date.now() - 10 * DAY });
    await show(<BackupReminder db={db} />);
    await vi.waitFor(() => expect(text()).toContain('上次备份是 10 天前'));
  });

  it('stays away while unbacked work is younger than a week', async () => {
    await workFrom(2);
    await show(<BackupReminder db={db} />);
    await settled();
    expect(text()).toBe('');
  });

  it('稍后提醒 puts it away', async () => {
    await workFrom(30);
    await show(<BackupReminder db={db} />);
    await vi.waitFor(() => expect(text()).toContain('还没有备份过'));
    await click('稍后提醒');
    await vi.waitFor(() => expect(text()).toBe(''));
    expect((await loadBackupState()).dismissedAt).not.toBeNull();
  });
});

describe('上次备份 and 自动备份 in the backup panel', () => {
  it('shows when the last backup was, and 今天 after 备份', async () => {
    await workFrom(1);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    await show(<BackupPanel db={db} onRestored={() => undefined} />);
    await vi.waitFor(() => expect(text()).toContain('还没有备份过'));
    await click('备份');
    await vi.waitFor(() => expect(text()).toContain('上次备份：今天'));
  });

  it('turns on only with the downloads permission, asked in the click, writes the first file at once, and gives the permission back when turned off', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as typeof fakeBrowser.permissions.request;
    const check = vi.fn(() => ({ written: 'Yandu/yandu-backup-2026-12-03.json' }));
    listen({ 'backup:check': check } as unknown as Parameters<typeof listen>[0]);
    await show(<BackupPanel db={db} onRestored={() => undefined} />);
    await vi.waitFor(() =>
      expect(container.querySelector('[aria-pressed="true"]')?.textContent).toBe('关闭'),
    );
    await click('每 7 天');
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    await vi.waitFor(() => expect(text()).toContain('已写入自动备份：Yandu/yandu-backup-2026-12-03.json'));
    expect(await loadAutoBackupEvery()).toBe(7);
    expect(check).toHaveBeenCalled();
    expect(container.querySelector('[aria-pressed="true"]')?.textContent).toBe('每 7 天');
    // Turned off: the permission is given back.
    const remove = vi.fn(async () => true);
    fakeBrowser.permissions.remove = remove as typeof fakeBrowser.permissions.remove;
    await click('关闭');
    await vi.waitFor(async () => expect(await loadAutoBackupEvery()).toBe(0));
    expect(remove).toHaveBeenCalledWith({ permissions: ['downloads'] });
  });

  it('stays off when the permission is refused', async () => {
    fakeBrowser.permissions.request = (async () => false) as typeof fakeBrowser.permissions.request;
    await show(<BackupPanel db={db} onRestored={() => undefined} />);
    await vi.waitFor(() => expect(container.querySelector('[aria-pressed="true"]')).not.toBeNull());
    await click('每天');
    await vi.waitFor(() => expect(text()).toContain('没有获得下载权限'));
    expect(await loadAutoBackupEvery()).toBe(0);
    expect(container.querySelector('[aria-pressed="true"]')?.textContent).toBe('关闭');
  });
});
