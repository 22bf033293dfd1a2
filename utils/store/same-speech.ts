import { speechIdFromUrl } from './ids';

/**
 * "Is this page still that speech?" — asked before a page's text replaces the stored copy of a speech. A
 * portal that moved or deleted an article answers its old address with a redirect to the home page, a 404,
 * or a 200 page saying the page does not exist; storing that as the speech's new text would lose the
 * speech. Pure: the reader gathers what it saw of the page (LivePage) and acts on the verdict.
 */

/** What the reader saw of a page it fetched (or was handed) for a stored speech. */
export interface LivePage {
  /** The address the response came from, after HTTP redirects and a `<meta http-equiv=refresh>`. */
  landed: string;
  /** HTTP status (200 for a snapshot of an open tab). */
  status: number;
  /** The detector's verdict on the page (utils/page/detect.ts). */
  isSpeech: boolean;
  /** The title and body text extracted from the page (empty when nothing was found). */
  title: string;
  paragraphs: readonly string[];
  /** The page's visible text as a whole (menus included), where a "not found" notice would be. */
  pageText: string;
}

export interface StoredText {
  url: string;
  title: string;
  paragraphs: readonly string[];
}

/**
 * moved: the address now leads to another page; gone: the page says it is not there (404/410, a notice,
 * no text); replaced: something else stands at the address (not a speech and another text, far shorter,
 * another title).
 */
export type Verdict = { same: true } | { same: false; reason: 'moved' | 'gone' | 'replaced' };

/** Notices portals serve (often with status 200) for an article that was deleted or never existed. */
const NOT_FOUND =
  /(?:页面|网页|文章|信息|内容|稿件)(?:已?不存在|已被?删除|已被撤[销下]|未找到|找不到)|不存在或已被删除|无法找到该页|404\s*(?:not\s*found|错误|页面)|page\s+not\s+found/i;

/** Below this share of the stored text's length, a page is not the speech shortened by an edit. */
const FAR_SHORTER = 0.4;
/** Bigram overlap under which two titles (or texts) are different ones, not an edited one. */
const TITLE_SIMILAR = 0.5;
const TEXT_SIMILAR = 0.3;

export function sameSpeech(stored: StoredText, live: LivePage): Verdict {
  if (live.status === 404 || live.status === 410) return { same: false, reason: 'gone' };
  if (speechIdFromUrl(live.landed) !== speechIdFromUrl(stored.url)) return { same: false, reason: 'moved' };
  const text = live.paragraphs.join('\n');
  if (text.trim() === '') return { same: false, reason: 'gone' };
  const old = stored.paragraphs.join('\n');
  const texts = similarity(old, text);
  // A notice counts only on a page that is not the speech's text: a speech may well say 信息不存在.
  if (
    texts < TITLE_SIMILAR &&
    (NOT_FOUND.test(live.title) || NOT_FOUND.test(live.pageText.slice(0, 20_000)))
  ) {
    return { same: false, reason: 'gone' };
  }
  if (text.length < old.length * FAR_SHORTER) return { same: false, reason: 'replaced' };
  const titles = stored.title.trim() && live.title.trim() ? similarity(stored.title, live.title) : 1;
  if (titles < TITLE_SIMILAR) return { same: false, reason: 'replaced' };
  if (texts < TEXT_SIMILAR || (!live.isSpeech && texts < TITLE_SIMILAR))
    return { same: false, reason: 'replaced' };
  return { same: true };
}

/**
 * Dice coefficient of the two texts' character bigrams (0 = nothing shared, 1 = the same): an edit (a
 * corrected figure, a sentence added) keeps it high; another article shares only common phrases.
 */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const counts = new Map<string, number>();
    const t = s.replace(/\s+/g, '');
    for (let i = 0; i + 1 < t.length; i++) {
      const g = t.slice(i, i + 2);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return { counts, total: Math.max(t.length - 1, 0) };
  };
  const x = grams(a);
  const y = grams(b);
  if (x.total === 0 && y.total === 0) return 1;
  if (x.total === 0 || y.total === 0) return 0;
  let shared = 0;
  for (const [g, n] of x.counts) shared += Math.min(n, y.counts.get(g) ?? 0);
  return (2 * shared) / (x.total + y.total);
}
