import { i18n } from '#i18n';
import { type BackupState, loadBackupState, readBackupSettings, recordBackup } from '@/utils/backup-state';
import { downloadBlob } from '@/utils/export/download';
import { backupFileName } from '@/utils/export/filename';
import { exportBackup, serializeBackup } from '@/utils/store/backup';
import { readLocalItems } from '@/utils/store/backup/local-items';
import { type BackupReminder, backupReminder, daysBetween } from '@/utils/store/backup/schedule';
import { oldestUnbacked } from '@/utils/store/backup/unbacked';
import type { YanduDB } from '@/utils/store/db';

/**
 * 备份 / 立即备份: the whole library as one file through the browser's download, recorded as the last
 * backup (the reminder and the automatic backup count from it). Returns the file's name.
 */
export async function downloadBackupNow(db: YanduDB): Promise<string> {
  const now = new Date();
  const text = serializeBackup(await exportBackup(db, now, await readBackupSettings(), readLocalItems()));
  const name = backupFileName(now);
  downloadBlob(new Blob([text], { type: 'application/json' }), name);
  await recordBackup(now.getTime());
  return name;
}

/** 上次备份：今天 / 昨天 / N 天前, or 还没有备份过. */
export function lastBackupText(state: Pick<BackupState, 'lastBackup'>, now = Date.now()): string {
  if (state.lastBackup === null) return i18n.t('bakLastNever');
  const days = daysBetween(state.lastBackup, now);
  if (days === 0) return i18n.t('bakLastToday');
  if (days === 1) return i18n.t('bakLastYesterday');
  return i18n.t('bakLastDays', [String(days)]);
}

/** 上次备份是 N 天前… / 还没有备份过… */
export function reminderText(reminder: BackupReminder): string {
  return reminder.kind === 'never'
    ? i18n.t('bakReminderNever')
    : i18n.t('bakReminderSince', [String(reminder.days)]);
}

/** The reminder due now (schedule.ts), read once: for the popup, which shows it without 立即备份. */
export async function dueReminder(db: YanduDB, now = Date.now()): Promise<BackupReminder | null> {
  const state = await loadBackupState();
  const oldest = await oldestUnbacked(db, state.lastBackup);
  return backupReminder({ ...state, oldestUnbacked: oldest, now });
}
