import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { readLocal, writeLocal } from '@/utils/store/local';
import { requestPersistentStorage } from '@/utils/store/persist';
import { later } from '../shared/later';
import { useLibrary } from './LibraryStore';

// Shown once the database is open (never in the first frame): its code loads then.
const BackupReminder = later(() => import('./BackupReminder').then((m) => m.BackupReminder));

/**
 * Under the header: the backup reminder (work not backed up for days), the note that the browser may evict the
 * data (until read), and what went wrong.
 */
export function LibraryNotices() {
  const { state, cache, db } = useLibrary();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [warningSeen, setWarningSeen] = useState(() => readLocal('persistWarningSeen', cache) === '1');
  useEffect(() => {
    void requestPersistentStorage().then(setPersisted);
  }, []);
  return (
    <>
      {db ? <BackupReminder db={db} /> : null}
      {persisted === false && !warningSeen ? (
        <p class="yd-lib-warning" role="note">
          {i18n.t('libPersistWarning')}
          <button
            type="button"
            class="yd-btn yd-btn-quiet"
            onClick={() => {
              setWarningSeen(true);
              writeLocal('persistWarningSeen', '1', cache);
            }}
          >
            {i18n.t('libPersistDismiss')}
          </button>
        </p>
      ) : null}
      {state.error ? (
        <p class="yd-lib-warning" role="alert">
          {state.error}
        </p>
      ) : null}
    </>
  );
}
