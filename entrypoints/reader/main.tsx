import { render } from 'preact';
import { i18n } from '#i18n';
import { Reader } from '@/components/Reader';
import { ReaderNotice } from '@/components/ReaderNotice';
import { extractSpeech } from '@/utils/extract';
import { send } from '@/utils/messages';
import { buildOutline } from '@/utils/outline';
import {
  DEFAULT_READER_SETTINGS,
  loadAutoOpenReader,
  loadReaderSettings,
  normalizeReaderSettings,
  type ReaderSettings,
  saveAutoOpenReader,
  saveReaderSettings,
  watchReaderSettings,
} from '@/utils/settings';
import type { SpeechWithOutline } from '@/utils/types';

/**
 * reader.html?url=<original url>[&snapshot=<key>]. The URL names the speech, so reload and bookmarks
 * work; `snapshot` is one-shot (the page the tab just left), dropped from the address once used so a
 * reload reads the stored copy (which also works offline).
 */
type Loaded =
  | {
      speech: SpeechWithOutline;
      /** Extracted just now from the live page: store it (after painting). */
      fresh: boolean;
    }
  /** The page was there but held no text to show, and no earlier copy is stored. */
  | { empty: true };

async function fromSnapshot(key: string): Promise<SpeechWithOutline | null> {
  const snapshot = await send('reader:snapshot', { key }).catch(() => null);
  if (!snapshot) return null;
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  performance.mark('yandu:snapshot');
  const speech = extractSpeech(doc, snapshot.url);
  performance.mark('yandu:extracted');
  return { ...speech, outline: buildOutline(speech.paragraphs) };
}

/** The database code (Dexie) loads only when needed, so it never delays a fresh snapshot's first paint. */
async function storedCopy(url: string): Promise<SpeechWithOutline | undefined> {
  if (!url) return undefined;
  return (await import('@/utils/library')).loadSpeech(url);
}

async function load(url: string, key: string | null): Promise<Loaded | null> {
  if (key) {
    const params = new URLSearchParams(location.search);
    params.delete('snapshot');
    history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
    const speech = await fromSnapshot(key).catch((error: unknown) => {
      console.warn('[yandu] could not read the page snapshot', error);
      return null;
    });
    if (speech && speech.paragraphs.length > 0) return { speech, fresh: true };
    // An empty extraction is never stored over a good copy; the stored copy is shown instead, if any.
    if (speech) {
      const stored = await storedCopy(url);
      return stored ? { speech: stored, fresh: false } : { empty: true };
    }
  }
  const stored = await storedCopy(url);
  return stored ? { speech: stored, fresh: false } : null;
}

/** After the first full paint: a rAF runs before the paint, a task queued from it runs after. */
function markPainted(value: string) {
  const done = () => {
    performance.mark('yandu:painted');
    document.documentElement.dataset.yanduReady = value;
  };
  if (document.visibilityState === 'hidden') setTimeout(done, 0);
  else requestAnimationFrame(() => setTimeout(done, 0));
}

/**
 * The theme is also cached in this page's localStorage, which can be read synchronously before the
 * settings arrive: a dark-theme reader never flashes white while loading.
 */
const THEME_CACHE = 'yandu:theme';

function cacheTheme(theme: string) {
  document.documentElement.dataset.ydTheme = theme;
  try {
    localStorage.setItem(THEME_CACHE, theme);
  } catch {
    // storage disabled: only the flash comes back
  }
}

function restoreCachedTheme(): ReaderSettings['theme'] {
  try {
    const theme = normalizeReaderSettings({ theme: localStorage.getItem(THEME_CACHE) }).theme;
    document.documentElement.dataset.ydTheme = theme;
    return theme;
  } catch {
    return DEFAULT_READER_SETTINGS.theme;
  }
}

async function main() {
  // Marks for bench/ and the e2e timing: start → data ready → rendered → painted.
  performance.mark('yandu:start');
  const cachedTheme = restoreCachedTheme();
  const app = document.getElementById('app') as HTMLElement;
  const params = new URLSearchParams(location.search);
  const url = params.get('url') ?? '';

  // Only say "preparing" if it takes long enough to notice; a flash of it would be noise.
  const slow = setTimeout(
    () => render(<ReaderNotice message={i18n.t('readerLoading')} url="" theme={cachedTheme} />, app),
    400,
  );
  const settingsReady = Promise.all([
    loadReaderSettings().catch(() => ({ ...DEFAULT_READER_SETTINGS })),
    loadAutoOpenReader().catch(() => false),
  ]);
  const [loaded, [settings, autoOpen]] = await Promise.all([
    load(url, params.get('snapshot')).catch((error: unknown) => {
      console.warn('[yandu] could not load the speech', error);
      return null;
    }),
    settingsReady,
  ]);
  clearTimeout(slow);
  performance.mark('yandu:loaded');
  cacheTheme(settings.theme);

  if (!loaded || 'empty' in loaded) {
    const message = loaded ? i18n.t('readerEmpty') : i18n.t('readerNotFound');
    render(<ReaderNotice message={message} url={url} theme={settings.theme} />, app);
    markPainted('missing');
    return;
  }

  const { speech, fresh } = loaded;
  if (speech.title) document.title = speech.title;
  const show = (current: ReaderSettings) =>
    render(
      <Reader
        speech={speech}
        settings={current}
        autoOpen={autoOpen}
        onSettingsChange={(next) => {
          cacheTheme(next.theme);
          void saveReaderSettings(next);
        }}
        onAutoOpenChange={(on) => void saveAutoOpenReader(on)}
      />,
      app,
    );
  show(settings);
  performance.mark('yandu:rendered');
  markPainted('true');
  // Another reader tab changed the settings: follow. The tab being used ignores the echo of its own
  // writes, which could otherwise undo a newer click for a moment.
  watchReaderSettings((next) => {
    if (document.hasFocus()) return;
    cacheTheme(next.theme);
    show(next);
  });

  if (fresh) {
    // Stored after the first paint so the database never delays the text. `yanduSaved` tells tests
    // (and anyone reloading right away) that the offline copy exists.
    import('@/utils/library')
      .then(({ saveOpenedSpeech }) => saveOpenedSpeech(speech))
      .then(
        () => {
          document.documentElement.dataset.yanduSaved = 'true';
        },
        (error: unknown) => console.warn('[yandu] could not store the speech', error),
      );
  }
}

void main();
