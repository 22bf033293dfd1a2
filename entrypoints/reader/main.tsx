import { render } from 'preact';
import { i18n } from '#i18n';
import { extractSpeech } from '@/utils/extract';
import { loadSpeech, saveOpenedSpeech } from '@/utils/library';
import { send } from '@/utils/messages';
import { buildOutline } from '@/utils/outline';
import type { SpeechRecord } from '@/utils/types';

async function load(): Promise<SpeechRecord | undefined> {
  const params = new URLSearchParams(location.search);
  const url = params.get('url') ?? '';
  const key = params.get('snapshot');
  const snapshot = key ? await send('reader:snapshot', { key }) : null;
  if (snapshot) {
    const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
    const speech = extractSpeech(doc, snapshot.url);
    return saveOpenedSpeech({ ...speech, outline: buildOutline(speech.paragraphs) });
  }
  return loadSpeech(url);
}

function Reader({ speech }: { speech: SpeechRecord }) {
  return (
    <article>
      <h1>{speech.title}</h1>
      {speech.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </article>
  );
}

const app = document.getElementById('app') as HTMLElement;
app.textContent = i18n.t('readerLoading');
load().then(
  (speech) => {
    app.textContent = '';
    if (speech) render(<Reader speech={speech} />, app);
    else app.textContent = i18n.t('readerNotFound');
  },
  (error: unknown) => {
    app.textContent = `${i18n.t('readerNotFound')} (${String(error)})`;
  },
);
