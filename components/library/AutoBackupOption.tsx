import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { useBackupState } from '@/hooks/use-backup-state';
import { loadAutoBackupEvery, saveAutoBackupEvery } from '@/utils/backup-state';
import { send } from '@/utils/messages';
import { AUTO_BACKUP_EVERY, type AutoBackupEvery } from '@/utils/store/backup/schedule';
import { lastBackupText } from './backup-actions';
import './backup.css';

const LABELS: Record<AutoBackupEvery, () => string> = {
  0: () => i18n.t('bakAutoOff'),
  1: () => i18n.t('bakAutoDaily'),
  7: () => i18n.t('bakAutoWeekly'),
  30: () => i18n.t('bakAutoMonthly'),
};

/**
 * 上次备份 and 自动备份 (off / every day / 7 / 30 days), under the backup buttons. Turning it on asks for
 * the optional `downloads` permission in that click and writes the first file at once when there is
 * anything to back up; the background writes the later ones (utils/auto-backup.ts).
 */
export function AutoBackupOption() {
  const state = useBackupState();
  const [every, setEvery] = useState<AutoBackupEvery | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    loadAutoBackupEvery().then(setEvery, () => setEvery(0));
  }, []);

  const choose = (next: AutoBackupEvery) => {
    setMessage(null);
    if (next === 0) {
      void saveAutoBackupEvery(0).then(() => setEvery(0));
      // Unused from now on: given back (asked for again if the option is turned on again).
      void Promise.resolve()
        .then(() => browser.permissions.remove({ permissions: ['downloads'] }))
        .catch(() => false);
      return;
    }
    // Asked before any await: browsers show the prompt only while the click is being handled.
    const granted = browser.permissions.request({ permissions: ['downloads'] });
    void granted
      .then(async (ok) => {
        if (!ok) {
          setMessage(i18n.t('bakAutoDenied'));
          return;
        }
        await saveAutoBackupEvery(next);
        setEvery(next);
        const result = await send('backup:check', {});
        if (result?.written) setMessage(i18n.t('bakAutoWritten', [result.written]));
      })
      .catch((e: unknown) => setMessage(String(e)));
  };

  const autoError =
    state?.autoError === 'permission'
      ? i18n.t('bakAutoErrorPermission')
      : state?.autoError
        ? i18n.t('bakAutoError', [state.autoError])
        : null;
  return (
    <div class="yd-backup-auto" style={{ flexBasis: '100%' }}>
      {state ? <p class="yd-backup-last">{lastBackupText(state)}</p> : null}
      <fieldset class="yd-backup-every" aria-describedby="yd-backup-auto-hint">
        <legend>{i18n.t('bakAutoLabel')}</legend>
        {AUTO_BACKUP_EVERY.map((n) => (
          <button
            key={n}
            type="button"
            class={`yd-btn${every === n ? ' is-active' : ''}`}
            aria-pressed={every === n}
            data-every={n}
            disabled={every === null}
            onClick={() => choose(n)}
          >
            {LABELS[n]()}
          </button>
        ))}
      </fieldset>
      <p id="yd-backup-auto-hint" class="yd-backup-hint">
        {i18n.t('bakAutoHint')}
      </p>
      {every !== 0 && state?.lastAutoFile ? (
        <p class="yd-backup-hint">{i18n.t('bakAutoLast', [state.lastAutoFile])}</p>
      ) : null}
      {autoError && every !== 0 ? (
        <p class="yd-backup-message is-error" role="alert">
          {autoError}
        </p>
      ) : null}
      {message ? (
        <p class="yd-backup-message" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}
