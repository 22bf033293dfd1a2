import { i18n } from '#i18n';
import { send } from '@/utils/messages';
import { speechIdFromUrl } from '@/utils/store/ids';
import { type LivePage, sameSpeech } from '@/utils/store/same-speech';
import type { SpeechRecord, SpeechWithOutline } from '@/utils/types';
import { fetchLive } from './load';
import { openSpeeches } from './store';

/** What the reader shows after the speech was stored or the live page looked at. */
export type LiveOutcome =
  /** The page is not the stored speech any more: the stored copy is kept (and shown), and this says why. */
  | { kept: SpeechWithOutline; reason: 'moved' | 'gone' | 'replaced'; notice: string }
  /** The text differs from the stored copy (原文已更新); `speech`: show this text instead. */
  | { change: { changedAt: number; previousHash?: string }; speech?: SpeechWithOutline }
  /** The offline copy could not be stored: why. */
  | { copyError: string };

function keep(kept: SpeechWithOutline, reason: 'moved' | 'gone' | 'replaced'): LiveOutcome {
  return { kept, reason, notice: i18n.t(reason === 'moved' ? 'livePageMoved' : 'livePageGone') };
}

/**
 * Store a text extracted from the live page; when it differs from the stored copy, say so (and show it if
 * `showIfChanged`). `yanduSaved` tells tests (and anyone reloading right away) that the offline copy exists.
 */
async function store(
  extracted: SpeechWithOutline,
  showIfChanged: boolean,
  page?: LivePage,
): Promise<LiveOutcome | null> {
  const library = await openSpeeches();
  if (page) {
    // A snapshot of the page in the user's own tab never replaces a stored copy with a "page not found"
    // notice; any other text there is what the user chose to open (the old copy is archived).
    const existing = await library.loadSpeech(library.db, extracted.url);
    const verdict = existing && existing.paragraphs.length > 0 ? sameSpeech(existing, page) : null;
    if (existing && verdict && !verdict.same && verdict.reason === 'gone')
      return keep(existing, verdict.reason);
  }
  const savedAt = Date.now();
  const record: SpeechRecord = await library.saveOpenedSpeech(library.db, extracted, savedAt);
  document.documentElement.dataset.yanduSaved = 'true';
  // New work may make an automatic backup due (the background decides; nothing happens when it is off).
  void send('backup:check', {}).catch(() => undefined);
  if (!library.justChanged(record, savedAt)) return null;
  return {
    change: { changedAt: savedAt, previousHash: record.previousHash },
    speech: showIfChanged ? extracted : undefined,
  };
}

/**
 * The reader keeps showing the text and says what was not saved: with no earlier copy stored, the speech
 * will not open offline; with one, offline opens that earlier version. A full disk says what to do.
 */
async function copyNotSaved(url: string, error: unknown): Promise<LiveOutcome> {
  console.warn('[yandu] could not store the speech', error);
  const [{ isQuotaError }, library] = await Promise.all([import('@/utils/store/errors'), openSpeeches()]);
  const earlier = await library.loadSpeech(library.db, url).catch(() => undefined);
  const full = isQuotaError(error);
  return {
    copyError: earlier
      ? i18n.t(full ? 'readerNewTextNotSavedFull' : 'readerNewTextNotSaved')
      : i18n.t(full ? 'readerCopyNotSavedFull' : 'readerCopyNotSaved'),
  };
}

/** A text extracted just now from the page the tab left: stored after the first paint, never before it. */
export function storeFresh(
  url: string,
  speech: SpeechWithOutline,
  page: LivePage | undefined,
  apply: (outcome: LiveOutcome) => void,
): void {
  store(speech, false, page)
    .then((outcome) => outcome && apply(outcome))
    .catch((error: unknown) => copyNotSaved(url, error).then(apply));
}

/** A stored copy was shown: look at the live page in the background and apply a change if there is one. */
export function checkLive(
  url: string,
  stored: SpeechWithOutline,
  apply: (outcome: LiveOutcome) => void,
): void {
  markOpenedNow(url);
  fetchLive(url)
    .then(async (live) => {
      if (!live) return;
      const verdict = sameSpeech(stored, live.page);
      if (!verdict.same) return apply(keep(stored, verdict.reason));
      if (live.speech.contentHash === stored.contentHash) return;
      const outcome = await store(live.speech, true).catch((error: unknown) => copyNotSaved(url, error));
      if (outcome) apply(outcome);
    })
    .catch((error: unknown) => console.warn('[yandu] could not check the live page', error))
    .finally(() => {
      document.documentElement.dataset.yanduLiveChecked = 'true';
    });
}

/**
 * 最近打开: a stored copy opened from anywhere (the library, the task list, a bookmark, another tab's link)
 * counts as opened now, as a visit from the portal does through saving.
 */
function markOpenedNow(url: string): void {
  void Promise.all([openSpeeches(), import('@/utils/store/library')])
    .then(([speeches, { markOpened }]) => markOpened(speeches.db, speechIdFromUrl(url)))
    .catch(() => undefined);
}
