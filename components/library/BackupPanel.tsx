import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { downloadBlob } from '@/utils/export/download';
import { backupFileName } from '@/utils/export/filename';
import { exportBackup, restoreFromText, serializeBackup } from '@/utils/store/backup';
import type { YanduDB } from '@/utils/store/db';
import { failureText } from '@/utils/store/errors';

/**
 * 备份 (everything as one JSON file) and 恢复 (merge a backup file in). A refused file changes nothing and says
 * why; a merge says what it added and updated.
 */
export function BackupPanel({ db, onRestored }: { db: YanduDB; onRestored: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const backup = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const now = new Date();
      const text = serializeBackup(await exportBackup(db, now));
      const name = backupFileName(now);
      downloadBlob(new Blob([text], { type: 'application/json' }), name);
      setMessage({ text: i18n.t('bakSaved', [name]) });
    } catch (e) {
      setMessage({ text: failureText(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: File) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await restoreFromText(db, await file.text());
      if (!result.ok) {
        setMessage({ text: i18n.t('bakRefused', [result.reason]), error: true });
        return;
      }
      const { speeches: s, highlights: h, notes: n } = result.summary;
      setMessage({
        text: i18n.t('bakMerged', [
          String(s.added),
          String(s.updated),
          String(h.added),
          String(h.updated),
          String(n.added),
          String(n.updated),
        ]),
      });
      onRestored();
    } catch (e) {
      setMessage({ text: failureText(e), error: true });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div class="yd-backup">
      <button type="button" class="yd-btn" title={i18n.t('bakBackupTitle')} disabled={busy} onClick={backup}>
        {i18n.t('bakBackup')}
      </button>
      <label class={`yd-btn${busy ? ' is-disabled' : ''}`} title={i18n.t('bakRestoreTitle')}>
        {i18n.t('bakRestore')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          class="yd-visually-hidden"
          disabled={busy}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) void restore(file);
          }}
        />
      </label>
      {busy ? <span class="yd-backup-busy">{i18n.t('bakWorking')}</span> : null}
      {message ? (
        <p
          class={`yd-backup-message${message.error ? ' is-error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
