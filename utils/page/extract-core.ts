/**
 * Page → Speech. TRS-CMS pages (the portal) take a fast path: the body container is found by its TRS class
 * and walked once. Other pages go through @mozilla/readability on a clone (it mutates the document it
 * parses). Metadata comes from the page head, the line above the body ("来源： 发布日期：…") and the
 * title/subtitle/date/byline lines at the top of the body. Never throws: a page without a body gives a
 * Speech with no paragraphs.
 */
import type { Readability } from '@mozilla/readability';
import { cleanField, findDate, foldForCompare, isDateLine, stripInvisible, trimText } from '../text/clean';
import type { Speech } from '../types';
import { blockLines } from './blocks';
import { type CleanBody, cleanBody } from './clean-body';
import { hashParagraphs } from './hash';
import { parseAuthorLine, parseDateLine, parseSourceLine, parseTitle, SALUTATION, SPEECH_FORM } from './meta';
import { multiPageUrls } from './multi-page';
import { metaContent, type Sample, sampleLines, trsBody, WIRE } from './trs';

/** Longest common substring length: is a heading the page title (minus speaker prefix or site suffix)? */
function commonRun(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if ((prev[j] as number) > best) best = prev[j] as number;
      diag = up;
    }
  }
  return best;
}

/**
 * 标题_栏目_站名, 标题--栏目-站名, 标题 - 站名, 标题 | 站名, 标题-新华网 → 标题. A single hyphen counts only
 * before a short tail without digits (a site or column name), so "2022-2023学年" stays whole.
 */
export function stripSiteSuffix(title: string): string {
  const t = trimText(title.replace(/\s+/g, ' '));
  let first = trimText(t.split(/_|--| - | \| |｜| — /)[0] ?? '');
  const tail = /^(.{4,}?)-[^-\d]{2,12}$/.exec(first);
  if (tail?.[1] && !/-/.test(tail[1])) first = trimText(tail[1]);
  return first.length >= 4 ? first : t;
}

interface Head {
  title: string;
  /** Every title-like text on the page, for speaker/occasion parsing. */
  titles: string[];
}

/** How much of two titles is one run of the same text (0–1): shared run ×2 over both lengths. */
function likeness(a: string, b: string): number {
  return a && b ? (2 * commonRun(a, b)) / (a.length + b.length) : 0;
}

/** Below this a line is not the <title>'s heading (a column name such as 领导关怀 shares a few characters). */
const LIKE = 0.5;

/**
 * The line of the page top that is most like <title> (a column heading above the real one, a ticker that
 * starts with the title, or the site name do not win), extended by the next lines while they complete it (a
 * title split over two or three lines).
 */
function headingLike(lines: readonly string[], folded: string): string {
  const usable = (line: string) =>
    line.length >= 2 && line.length <= 200 && !/[。]$/.test(line) && !/当前位置|當前位置|>>|»/.test(line);
  let best = -1;
  let score = LIKE;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!usable(line)) continue;
    const s = likeness(foldForCompare(line), folded);
    if (s > score) [best, score] = [i, s];
  }
  if (best < 0) return '';
  let text = lines[best] as string;
  for (let i = best + 1; i < lines.length && i <= best + 3; i++) {
    const next = `${text}${lines[i]}`;
    const s = likeness(foldForCompare(next), folded);
    if (s <= score) break;
    [text, score] = [next, s];
  }
  return text;
}

/**
 * The article title: <meta name="ArticleTitle">, else the heading above the body most like <title> (it may
 * lack the speaker prefix "胡锦涛在…" or carry a 提纲 suffix), else <title> without the site name. Headings
 * come from the lines of the one bounded walk over the page top (a selector list over the whole document is
 * slow in happy-dom).
 */
function pageTitle(doc: Document, top: Sample): Head {
  const meta = stripInvisible(metaContent(doc, 'ArticleTitle'));
  const docTitle = stripSiteSuffix(stripInvisible(doc.title ?? ''));
  const folded = foldForCompare(docTitle);
  const usable = (line: string) => line.length >= 4 && line.length <= 200;
  let heading = '';
  // The <h1> when it is the <title>'s heading or nothing else is (<title> may name only a column or issue).
  const h1 = usable(top.h1) ? top.h1 : '';
  if (h1 && (!folded || likeness(foldForCompare(h1), folded) >= LIKE)) heading = h1;
  else heading = (folded && headingLike(top.lines, folded)) || h1;
  // A bare site name in <title> ("鄂尔多斯工会网"): the <h1>, or the line above "来源： 发布日期：…".
  if (docTitle.length <= 12 && !/[_|｜-]/.test(doc.title ?? '') && (!heading || heading === docTitle)) {
    const info = top.lines.findIndex((l) => parseDateLine(l) !== null || /^(?:来源|來源)[:：]/.test(l));
    const above = info > 0 ? (top.lines[info - 1] ?? '') : '';
    if (usable(top.h1) && top.h1.length > docTitle.length) heading = top.h1;
    else if (usable(above) && above.length > docTitle.length && !/当前位置|當前位置|>>|»/.test(above))
      heading = above;
  }
  const titles = [meta, heading, docTitle].map((t) => cleanField(t) ?? '');
  const title = titles.find(Boolean) ?? '';
  return { title, titles: titles.filter(Boolean) };
}

/** Readability's cost grows faster than the page: past these it freezes the reader for seconds. */
const READABILITY_MAX_DEPTH = 200;
const READABILITY_MAX_ELEMENTS = 30_000;

/** True when the page is too deep or too big for Readability. One walk with an explicit stack. */
function tooBigForReadability(root: Element): boolean {
  const nodes: Element[] = [root];
  const depths: number[] = [0];
  let count = 0;
  while (nodes.length > 0) {
    const el = nodes.pop() as Element;
    const depth = depths.pop() as number;
    if (depth > READABILITY_MAX_DEPTH || ++count > READABILITY_MAX_ELEMENTS) return true;
    const kids = el.children;
    for (let i = 0; i < kids.length; i++) {
      nodes.push(kids[i] as Element);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** Readability's constructor, passed in so the reader can load it only when a page needs it. */
export type ReadabilityClass = typeof Readability;

function readabilityLines(doc: Document, Reader: ReadabilityClass): string[] {
  const clone = doc.cloneNode(true) as Document;
  const article = new Reader<Node>(clone, { serializer: (node) => node }).parse();
  return article?.content ? blockLines(article.content) : [];
}

/** The line that closes an article on TRS pages: what follows is page furniture. */
const ARTICLE_END = /^(?:上一篇|下一篇|上一条|下一条|【?打印|【?关闭|\[?\s*(?:打印本页|关闭窗口))/;
/** Enough prose to be an article, not a footer: one line of a sentence or more. */
const PROSE = /[，。；！？]/;

/**
 * The text that follows an empty TRS container, up to the line that closes the article. Chromium's parser
 * stops nesting at depth 512: a container opened deeper is empty and its paragraphs become its next
 * siblings. The siblings after it are read first, then those after its parent and grandparent, until a level
 * gives prose or the closing line is met. Only blocks of the body are read (never the whole page).
 */
function followingLines(trs: Element): string[] {
  const lines: string[] = [];
  let node: Element | null = trs;
  for (let level = 0; level < 3 && node && node.tagName.toUpperCase() !== 'BODY'; level++) {
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      const tag = sib.tagName.toUpperCase();
      if (tag === 'FOOTER') return lines;
      for (const line of blockLines(sib)) {
        if (ARTICLE_END.test(trimText(line))) return lines;
        lines.push(line);
      }
    }
    if (lines.some((l) => l.length >= 20 && PROSE.test(l))) return lines;
    node = node.parentElement;
  }
  return lines;
}

/**
 * The TRS container when it holds text, else Readability. A page too deep or too big for Readability gets
 * the text after an empty container instead (see followingLines), or nothing.
 */
function body(
  doc: Document,
  trs: Element | null,
  title: string,
  Reader: ReadabilityClass | null,
): { clean: CleanBody; via: Speech['via'] } {
  if (trs) {
    const clean = cleanBody(blockLines(trs), title);
    if (clean.paragraphs.length > 0) return { clean, via: 'trs' };
  }
  if (tooBigForReadability(doc.documentElement)) {
    const after = cleanBody(trs ? followingLines(trs) : [], title);
    return { clean: after, via: after.paragraphs.length > 0 ? 'trs' : 'none' };
  }
  if (!Reader) return { clean: cleanBody([], title), via: 'none' };
  const clean = cleanBody(readabilityLines(doc, Reader), title);
  return { clean, via: clean.paragraphs.length > 0 ? 'readability' : 'none' };
}

function emptySpeech(url: string, title = ''): Speech {
  return {
    url,
    title,
    speaker: null,
    occasion: null,
    date: null,
    source: null,
    paragraphs: [],
    contentHash: hashParagraphs([]),
    via: 'none',
  };
}

/**
 * The speech on a page: the TRS fast path, else Readability when `Reader` is given. With `Reader` null a page
 * that needs Readability comes back with `via: 'none'` and no paragraphs (see needsReadability).
 */
export function extractSpeechWith(doc: Document, url: string, Reader: ReadabilityClass | null): Speech {
  let title = '';
  try {
    const trs = trsBody(doc);
    // Lines above the body: title, "来源： 发布日期：…".
    const sample = doc.body
      ? sampleLines(doc.body, 4000, trs)
      : { lines: [], chars: 0, h1: '', crumbs: [], linkChars: 0 };
    // Invisible format characters (bidi overrides, zero-width) go before any parsing: they would end up in
    // the title, speaker, occasion and source, and break title comparisons.
    const top: Sample = { ...sample, lines: sample.lines.map(stripInvisible), h1: stripInvisible(sample.h1) };
    const head = pageTitle(doc, top);
    title = head.title;
    const { clean, via } = body(doc, trs, title, Reader);
    const paragraphs = clean.paragraphs;

    let speaker: string | null = null;
    let occasion: string | null = null;
    for (const t of head.titles) {
      const parsed = parseTitle(t);
      speaker ??= parsed.speaker;
      occasion ??= parsed.occasion;
    }
    speaker ??= clean.speaker;
    occasion ??= clean.occasion;
    // A body that opens with a wire dateline reports on the speech its title names: nobody speaks in it.
    if (paragraphs.slice(0, 3).some((p) => WIRE.test(p))) speaker = null;
    // "作者：王琛" on the info line names the speaker of a speech (its title says so or it opens by addressing
    // the audience); on other pages the author is a reporter or the poster.
    if (!speaker && (SPEECH_FORM.test(title) || SALUTATION.test(paragraphs[0] ?? ''))) {
      for (const line of top.lines) speaker ??= parseAuthorLine(line);
    }

    const pubDate = findDate(metaContent(doc, 'PubDate'));
    let pageDate: string | null = null;
    let source: string | null = metaContent(doc, 'ContentSource') || null;
    for (let i = 0; i < top.lines.length; i++) {
      const line = top.lines[i] as string;
      pageDate ??= parseDateLine(line);
      // A bare date under the title or the source line is the page's date.
      const prev = top.lines[i - 1] ?? '';
      if (!pageDate && isDateLine(line) && (prev === title || /来源|來源|作者/.test(prev))) {
        pageDate = findDate(line);
      }
      source ??= parseSourceLine(line);
    }
    const pages = multiPageUrls(doc, url);
    const speech: Speech = {
      url,
      title,
      speaker: cleanField(speaker),
      occasion: cleanField(occasion),
      date: clean.date ?? pubDate ?? pageDate,
      source: cleanField(source),
      paragraphs,
      contentHash: hashParagraphs(paragraphs),
      via,
    };
    if (pages.length) speech.pages = pages;
    return speech;
  } catch {
    return emptySpeech(url, title);
  }
}

/** True when extractSpeechWith(…, null) found nothing that Readability might find. */
export function needsReadability(doc: Document, speech: Speech): boolean {
  return speech.via === 'none' && !!doc.documentElement && !tooBigForReadability(doc.documentElement);
}
