import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { send, type TabStatus } from '@/utils/messages';
import { originPatterns } from '@/utils/sites';

type State = { tabId: number; status: TabStatus } | { error: string } | null;

async function readStatus(): Promise<State> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { error: i18n.t('popupUnsupportedPage') };
  return { tabId: tab.id, status: await send('tab:status', { tabId: tab.id }) };
}

/**
 * The backup reminder's words when one is due (the library shows it with 立即备份). The database code loads
 * after the popup's first paint, so the popup opens as fast as before.
 */
function useBackupNote(): string | null {
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([import('@/utils/store/db'), import('@/components/library/backup-actions')])
      .then(async ([{ getDb }, backup]) => {
        const reminder = await backup.dueReminder(getDb());
        if (live) setNote(reminder ? backup.reminderText(reminder) : null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return note;
}

/** The toolbar popup: says what this page is and offers the one action that fits it. */
export function Popup({ onDone = () => window.close() }: { onDone?: () => void }) {
  const [state, setState] = useState<State>(null);
  const [message, setMessage] = useState('');
  const refresh = () => readStatus().then(setState, (e: unknown) => setState({ error: String(e) }));
  useEffect(() => void refresh(), []);
  const backupNote = useBackupNote();

  if (state === null) return <main class="popup" aria-busy="true" />;
  if ('error' in state) return <main class="popup">{state.error}</main>;
  const { tabId, status } = state;

  const open = async () => {
    const reply = await send('tab:openReader', { tabId });
    if (reply.ok) onDone();
    else setMessage(reply.error ?? i18n.t('popupUnsupportedPage'));
  };
  const enable = async () => {
    const origins = originPatterns(status.url);
    if (!origins) return;
    // Must run inside the click: browsers only show the permission prompt for a user gesture.
    if (await browser.permissions.request({ origins })) {
      await send('sites:changed', {});
      await refresh();
    }
  };

  const openLibrary = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    onDone();
  };

  const isSpeech = status.detection?.isSpeech === true;
  return (
    <main class="popup">
      <h1>{i18n.t('extName')}</h1>
      {isSpeech ? (
        <>
          <p>{i18n.t('popupSpeechDetected')}</p>
          <button type="button" class="primary" onClick={open}>
            {i18n.t('openReader')}
          </button>
        </>
      ) : status.canOpen ? (
        <>
          <p>
            {status.detection
              ? i18n.t('popupNotSpeech')
              : status.siteEnabled
                ? i18n.t('popupSiteEnabled')
                : ''}
          </p>
          <button type="button" class="primary" onClick={open}>
            {i18n.t('openInReader')}
          </button>
        </>
      ) : originPatterns(status.url) ? (
        <button type="button" onClick={enable}>
          {i18n.t('popupEnableSite')}
        </button>
      ) : (
        <p>{i18n.t('popupUnsupportedPage')}</p>
      )}
      {message && <p role="alert">{message}</p>}
      {backupNote && (
        <p class="popup-backup" role="status">
          {backupNote}
        </p>
      )}
      <button type="button" class="link" onClick={openLibrary}>
        {i18n.t('popupOpenLibrary')}
      </button>
    </main>
  );
}
