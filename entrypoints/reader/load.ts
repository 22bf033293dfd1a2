import { send } from '@/utils/messages';
import { buildOutline } from '@/utils/outline/build';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeechWith, needsReadability } from '@/utils/page/extract-core';
import { parseReaderRoute, type ReaderRoute, readerHref } from '@/utils/routes';
import type { LivePage } from '@/utils/store/same-speech';
import type { Speech, SpeechWithOutline } from '@/utils/types';
import type { SnapshotReply } from './handoff';
import { openSpeeches } from './store';

/**
 * What the reader opens: the page the tab just left (its snapshot, extracted here), the stored copy, or an
 * archived earlier copy; and the live page, fetched to check a stored copy (live.ts).
 */
export type Loaded =
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
export async function fetchLive(url: string): Promise<{ speech: SpeechWithOutline; page: LivePage } | null> {
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

/** What the address asks for: an archived version, or the page just left (its snapshot) or its stored copy. */
export function loadRoute(
  route: Required<ReaderRoute>,
  snapshot: Promise<SnapshotReply> | null,
): Promise<Loaded | null> {
  return (
    route.version ? loadVersion(route.url, route.version) : load(route.url, route.snapshot, snapshot)
  ).catch((error: unknown) => {
    console.warn('[yandu] could not load the speech', error);
    return null;
  });
}
