import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { useBackupState } from '@/hooks/use-backup-state';
import { updateBackupState } from '@/utils/backup-state';
import { backupReminder } from '@/utils/store/backup/schedule';
import { oldestUnbacked } from '@/utils/store/backup/unbacked';
import type { YanduDB } from '@/utils/store/db';
import { failureText } from '@/utils/store/errors';
import { downloadBackupNow, reminderText } from './backup-actions';
import './backup.css';

/**
 * 上次备份是 N 天前 / 还没有备份过, with 立即备份 and 稍后提醒: shown while some highlight, note or stored
 * speech has been in no backup for a week or more (utils/store/backup/schedule.ts). Self-contained: it
 * reads the library and the backup state itself, so a page mounts it with its database and nothing else.
 */
export function BackupReminder({ db }: { db: YanduDB }) {
  const state = useBackupState();
  const [oldest, setOldest] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const lastBackup = state?.lastBackup;

  useEffect(() => {
    if (lastBackup === undefined) return;
    let live = true;
    oldestUnbacked(db, lastBackup).then(
      (t) => live && setOldest(t),
      () => live && setOldest(null),
    );
    return () => {
      live = false;
    };
  }, [db, lastBackup]);

  if (message) {
    return (
      <p
        class={`yd-backup-reminder-done${message.error ? ' is-error' : ''}`}
        role={message.error ? 'alert' : 'status'}
      >
        {message.text}
      </p>
    );
  }
  if (!state || oldest === undefined) return null;
  const reminder = backupReminder({
    lastBackup: state.lastBackup,
    oldestUnbacked: oldest,
    dismissedAt: state.dismissedAt,
    now: Date.now(),
  });
  if (!reminder) return null;

  const backup = async () => {
    setBusy(true);
    try {
      setMessage({ text: i18n.t('bakSaved', [await downloadBackupNow(db)]) });
    } catch (e) {
      setMessage({ text: failureText(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  const later = () => void updateBackupState({ dismissedAt: Date.now() });

  return (
    <section class="yd-backup-reminder" aria-label={i18n.t('bakReminderLabel')}>
      <p>{reminderText(reminder)}</p>
      <button type="button" class="yd-btn yd-btn-primary" disabled={busy} onClick={backup}>
        {i18n.t('bakBackupNow')}
      </button>
      <button type="button" class="yd-btn yd-btn-quiet" disabled={busy} onClick={later}>
        {i18n.t('bakRemindLater')}
      </button>
    </section>
  );
}
