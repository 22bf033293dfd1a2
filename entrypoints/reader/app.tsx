import { render } from 'preact';
import { i18n } from '#i18n';
import { Reader } from '@/components/reader/Reader';
import { ReaderNotice } from '@/components/reader/ReaderNotice';
import { afterPaint } from '@/utils/frames';
import { send } from '@/utils/messages';
import { buildOutline } from '@/utils/outline/build';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeechWith, needsReadability } from '@/utils/page/extract-core';
import { ownWrites } from '@/utils/reader/own-writes';
import { cachedTheme, cacheTheme } from '@/utils/reader/startup';
import { parseReaderRoute, readerHref } from '@/utils/routes';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  type HighlightCategorySettings,
  loadStartupSettings,
  normalizeCategorySettings,
  normalizeReaderSettings,
  type ReaderSettings,
  type StartupSettings,
  saveAutoOpenReader,
  saveCategoryStyle,
  saveReaderSettings,
  watchCategorySettings,
  watchReaderSettings,
} from '@/utils/settings';
import { type LivePage, sameSpeech } from '@/utils/store/same-speech';
import type { Speech, SpeechRecord, SpeechWithOutline } from '@/utils/types';
import type { SnapshotReply } from './handoff';
import { openReaderStore, openSpeeches } from './store';

/**
 * The reader itself, started by main.tsx with the requests reader-boot.js made while the page was parsed.
 * reader.html?url=<original url>[&snapshot=<key>]. The URL names the speech, so reload and bookmarks
 * work; `snapshot` is one-shot (the page the tab just left), dropped from the address once used so a
 * reload reads the stored copy (which also works offline). reader.html?url=…&version=<contentHash> shows
 * an archived earlier copy of the speech, read-only, with its highlights.
 */
type Loaded =
  | {
      speech: SpeechWithOutline;
      /** Extracted just now from the live page: store it (after painting). */
      fresh: boolean;
      /** What was seen of that page, to tell whether it is still the speech stored under its address. */
      page?: LivePage;
      /** An archived earlier copy (read-only): when it was replaced. */
      archived?: number;
    }
  /** The page was there but held no text to show, and no earlier copy is stored. */
  | { empty: true };

/**
 * The TRS fast path first; Readability (half of the reader's code) is loaded only for a page that needs it,
 * so a portal speech paints without ever downloading or compiling it.
 */
async function extract(doc: Document, url: string): Promise<Speech> {
  const fast = extractSpeechWith(doc, url, null);
  if (!needsReadability(doc, fast)) return fast;
  const { Readability } = await import('@mozilla/readability');
  return extractSpeechWith(doc, url, Readability);
}

async function fromSnapshot(
  reply: Promise<SnapshotReply>,
): Promise<{ speech: SpeechWithOutline; page: LivePage } | null> {
  const snapshot = await reply.catch(() => null);
  if (!snapshot) return null;
  const doc = new DOMParser().parseFromString(snapshot.html, 'text/html');
  performance.mark('yandu:snapshot');
  const speech = await extract(doc, snapshot.url);
  performance.mark('yandu:extracted');
  return {
    speech: { ...speech, outline: buildOutline(speech.paragraphs) },
    page: lookAt(doc, speech, snapshot.url, 200),
  };
}

/** What sameSpeech needs to know of a page (the detector's verdict runs only when a copy is stored). */
function lookAt(doc: Document, speech: Speech, landed: string, status: number): LivePage {
  return {
    landed,
    status,
    get isSpeech() {
      return detectSpeech(doc, landed).isSpeech;
    },
    title: speech.title,
    paragraphs: speech.paragraphs,
    pageText: doc.body?.textContent ?? '',
  };
}

/** A `<meta http-equiv="refresh" content="0; url=…">` sends the browser on at once: where to. */
function refreshTarget(doc: Document, base: string): string | null {
  const meta = doc.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
  const match = /^\s*(\d+)\s*[;,]\s*url\s*=\s*['"]?([^'"]+)/i.exec(meta);
  if (!match || Number(match[1]) > 10) return null;
  try {
    return new URL(match[2] ?? '', base).href;
  } catch {
    return null;
  }
}

/** The database code (Dexie) loads only when needed, so it never delays a fresh snapshot's first paint. */
async function storedCopy(url: string): Promise<SpeechWithOutline | undefined> {
  if (!url) return undefined;
  const s = await openSpeeches();
  return s.loadSpeech(s.db, url);
}

/**
 * The live page, fetched and extracted in the background when the reader opened a stored copy (the
 * extension page has host permission for the portal), with where it landed (redirects followed). Null when
 * unreachable (offline, a server error): nothing is said. A 404 or 410 is an answer: the page is gone.
 */
async function fetchLive(url: string): Promise<{ speech: SpeechWithOutline; page: LivePage } | null> {
  if (!/^https?:/.test(url)) return null;
  try {
    const response = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(20_000) });
    if (!response.ok && response.status !== 404 && response.status !== 410) return null;
    const bytes = await response.arrayBuffer();
    const doc = new DOMParser().parseFromString(
      decodePage(bytes, response.headers.get('content-type')),
      'text/html',
    );
    const landed = response.url || url;
    const speech = await extract(doc, landed);
    return {
      speech: { ...speech, outline: buildOutline(speech.paragraphs) },
      page: lookAt(doc, speech, refreshTarget(doc, landed) ?? landed, response.status),
    };
  } catch {
    return null;
  }
}

/** Pages may be GBK: the charset comes from the header, else a <meta> near the top, else UTF-8. */
function decodePage(bytes: ArrayBuffer, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 2048));
  const charset =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function load(
  url: string,
  key: string | null,
  reply: Promise<SnapshotReply> | null,
): Promise<Loaded | null> {
  if (key) {
    // One-shot: a reload reads the stored copy.
    const { snapshot: _used, ...rest } = parseReaderRoute(location.search, location.hash);
    history.replaceState(history.state, '', readerHref(rest, location.pathname));
    const taken = await fromSnapshot(reply ?? send('reader:snapshot', { key })).catch((error: unknown) => {
      console.warn('[yandu] could not read the page snapshot', error);
      return null;
    });
    if (taken && taken.speech.paragraphs.length > 0) return { ...taken, fresh: true };
    // An empty extraction is never stored over a good copy; the stored copy is shown instead, if any.
    if (taken) {
      const stored = await storedCopy(url);
      return stored ? { speech: stored, fresh: false } : { empty: true };
    }
  }
  const stored = await storedCopy(url);
  return stored ? { speech: stored, fresh: false } : null;
}

/** The page is on screen: `yandu:painted` for bench/, data-yandu-ready for tests (and anyone waiting). */
async function markPainted(value: string): Promise<void> {
  await afterPaint();
  performance.mark('yandu:painted');
  document.documentElement.dataset.yanduReady = value;
}

/** `snapshot`, `storedSettings`: the requests reader-boot.js started before this module loaded (handoff.ts). */
export async function main(
  snapshot: Promise<SnapshotReply> | null,
  storedSettings?: Promise<Record<string, unknown>>,
) {
  // reader-boot.js has set the cached theme on the page already.
  const loadingTheme = cachedTheme() ?? DEFAULT_READER_SETTINGS.theme;
  const app = document.getElementById('app') as HTMLElement;
  const route = parseReaderRoute(location.search, location.hash);
  const url = route.url;

  // Only say "preparing" if it takes long enough to notice; a flash of it would be noise.
  const slow = setTimeout(
    () => render(<ReaderNotice message={i18n.t('readerLoading')} url="" theme={loadingTheme} />, app),
    400,
  );
  const settingsReady = loadStartupSettings(storedSettings).catch(
    (): StartupSettings => ({
      settings: { ...DEFAULT_READER_SETTINGS },
      autoOpen: false,
      categories: { ...DEFAULT_HIGHLIGHT_CATEGORIES },
    }),
  );
  const version = route.version;
  const [loaded, { settings, autoOpen, categories }] = await Promise.all([
    (version ? loadVersion(url, version) : load(url, route.snapshot, snapshot)).catch((error: unknown) => {
      console.warn('[yandu] could not load the speech', error);
      return null;
    }),
    settingsReady,
  ]);
  clearTimeout(slow);
  performance.mark('yandu:loaded');
  cacheTheme(settings.theme);

  if (!loaded || 'empty' in loaded) {
    const message = version
      ? i18n.t('versionNotFound')
      : loaded
        ? i18n.t('readerEmpty')
        : // Nothing was sent and nothing is stored: that says nothing about the original page, which
          // the notice offers to open.
          i18n.t('readerNoCopy');
    render(<ReaderNotice message={message} url={url} theme={settings.theme} />, app);
    void markPainted('missing');
    return;
  }

  const { fresh } = loaded;
  // What is shown; replaced when the live page turns out to have changed.
  let speech = loaded.speech;
  let change: { changedAt: number; previousHash?: string } | undefined;
  let copyError: string | undefined;
  /** The page at the speech's address is no longer that speech: the stored copy stays, and this says why. */
  let liveNotice: string | undefined;
  let currentSettings = settings;
  let currentCategories = categories;
  const settingsWrites = ownWrites<ReaderSettings>();
  const categoryWrites = ownWrites<HighlightCategorySettings>();
  if (speech.title) document.title = speech.title;
  let textComplete: () => void = () => undefined;
  const textShown = new Promise<void>((resolve) => {
    textComplete = resolve;
  });
  const show = () =>
    render(
      <Reader
        // A new text is a new reader: painting and positions start again on it.
        key={speech.contentHash}
        speech={speech}
        settings={currentSettings}
        autoOpen={autoOpen}
        categories={currentCategories}
        change={change}
        copyError={copyError}
        liveNotice={liveNotice}
        version={loaded.archived !== undefined ? { archived: loaded.archived } : undefined}
        onSettingsChange={(next) => {
          cacheTheme(next.theme);
          currentSettings = normalizeReaderSettings(next);
          settingsWrites.wrote(currentSettings);
          void saveReaderSettings(next);
        }}
        onAutoOpenChange={(on) => void saveAutoOpenReader(on)}
        onCategoryChange={(id, change) => {
          currentCategories = normalizeCategorySettings({
            ...currentCategories,
            [id]: { ...currentCategories[id], ...change },
          });
          categoryWrites.wrote(currentCategories);
          void saveCategoryStyle(id, change);
        }}
        onTextComplete={() => textComplete()}
        openStore={openReaderStore}
      />,
      app,
    );
  show();
  performance.mark('yandu:rendered');
  // The first frame (with the beginning of a long speech), then the whole text: data-yandu-ready waits
  // for that, so tests and the scroll position see every paragraph.
  await afterPaint();
  performance.mark('yandu:painted');
  await textShown;
  await afterPaint();
  performance.mark('yandu:complete');
  document.documentElement.dataset.yanduReady = 'true';
  // Another reader tab changed the settings: follow. The echoes of this tab's own writes are skipped
  // (own-writes.ts): one arriving after a newer click would undo it for a moment.
  watchReaderSettings((next) => {
    if (settingsWrites.isEcho(next)) return;
    cacheTheme(next.theme);
    currentSettings = next;
    show();
  });
  watchCategorySettings((next) => {
    if (categoryWrites.isEcho(next)) return;
    currentCategories = next;
    show();
  });
  if (loaded.archived !== undefined) return;

  /** The page is not the stored speech any more: keep (and show) the stored copy, and say so. */
  const keepStored = (kept: SpeechWithOutline, reason: 'moved' | 'gone' | 'replaced') => {
    liveNotice = i18n.t(reason === 'moved' ? 'livePageMoved' : 'livePageGone');
    speech = kept;
    if (speech.title) document.title = speech.title;
    show();
    document.documentElement.dataset.yanduLiveKept = reason;
  };

  /** Store a text extracted from the live page; when it differs from the stored copy, show it and say so. */
  const store = async (extracted: SpeechWithOutline, showIfChanged: boolean, page?: LivePage) => {
    const library = await openSpeeches();
    if (page) {
      // A snapshot of the page in the user's own tab never replaces a stored copy with a "page not found"
      // notice; any other text there is what the user chose to open (the old copy is archived).
      const existing = await library.loadSpeech(library.db, extracted.url);
      const verdict = existing && existing.paragraphs.length > 0 ? sameSpeech(existing, page) : null;
      if (existing && verdict && !verdict.same && verdict.reason === 'gone') {
        keepStored(existing, verdict.reason);
        return;
      }
    }
    const savedAt = Date.now();
    const record: SpeechRecord = await library.saveOpenedSpeech(library.db, extracted, savedAt);
    document.documentElement.dataset.yanduSaved = 'true';
    if (!library.justChanged(record, savedAt)) return;
    change = { changedAt: savedAt, previousHash: record.previousHash };
    if (showIfChanged) {
      speech = extracted;
      if (speech.title) document.title = speech.title;
    }
    show();
    document.documentElement.dataset.yanduChanged = record.previousHash ?? 'true';
  };

  /**
   * The reader keeps showing the text and says what was not saved: with no earlier copy stored, the speech
   * will not open offline; with one, offline opens that earlier version. A full disk says what to do.
   */
  const copyNotSaved = async (error: unknown) => {
    console.warn('[yandu] could not store the speech', error);
    const [{ isQuotaError }, library] = await Promise.all([import('@/utils/store/errors'), openSpeeches()]);
    const earlier = await library.loadSpeech(library.db, url).catch(() => undefined);
    const full = isQuotaError(error);
    copyError = earlier
      ? i18n.t(full ? 'readerNewTextNotSavedFull' : 'readerNewTextNotSaved')
      : i18n.t(full ? 'readerCopyNotSavedFull' : 'readerCopyNotSaved');
    show();
  };

  if (fresh) {
    // Stored after the first paint so the database never delays the text. `yanduSaved` tells tests
    // (and anyone reloading right away) that the offline copy exists.
    store(speech, false, loaded.page).catch(copyNotSaved);
  } else {
    // A stored copy was shown: look at the live page in the background and apply a change if there is one.
    const stored = speech;
    fetchLive(url)
      .then((live) => {
        if (!live) return undefined;
        const verdict = sameSpeech(stored, live.page);
        if (!verdict.same) return keepStored(stored, verdict.reason);
        return live.speech.contentHash !== stored.contentHash
          ? store(live.speech, true).catch(copyNotSaved)
          : undefined;
      })
      .catch((error: unknown) => console.warn('[yandu] could not check the live page', error))
      .finally(() => {
        document.documentElement.dataset.yanduLiveChecked = 'true';
      });
  }
}

/** An archived copy, shown read-only with the current record's meta line (speaker, date, source). */
async function loadVersion(
  url: string,
  contentHash: string,
): Promise<{ speech: SpeechWithOutline; fresh: false; archived: number } | null> {
  const library = await openSpeeches();
  const [old, current] = await Promise.all([
    library.loadSpeechVersion(library.db, url, contentHash),
    library.loadSpeech(library.db, url),
  ]);
  if (!old) return null;
  const base: SpeechWithOutline = current ?? {
    url,
    title: old.title,
    speaker: null,
    occasion: null,
    date: null,
    source: null,
    paragraphs: [],
    contentHash,
    outline: [],
  };
  const speech: SpeechWithOutline = {
    url,
    title: old.title,
    speaker: base.speaker,
    occasion: base.occasion,
    date: base.date,
    source: base.source,
    paragraphs: old.paragraphs,
    contentHash: old.contentHash,
    outline: old.outline,
  };
  return { speech, fresh: false, archived: old.archived };
}
