import { i18n } from '#i18n';
import { type BackupState, readBackupSettings, recordBackup } from '@/utils/backup-state';
import { downloadBlob } from '@/utils/export/download';
import { backupFileName } from '@/utils/export/filename';
import { exportBackup, serializeBackup } from '@/utils/store/backup';
import { daysBetween } from '@/utils/store/backup/schedule';
import type { YanduDB } from '@/utils/store/db';

/**
 * 备份 / 立即备份: the whole library as one file through the browser's download, recorded as the last
 * backup (the reminder and the automatic backup count from it). Returns the file's name.
 */
export async function downloadBackupNow(db: YanduDB): Promise<string> {
  const now = new Date();
  const text = serializeBackup(await exportBackup(db, now, await readBackupSettings()));
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
