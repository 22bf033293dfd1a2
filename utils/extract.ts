/**
 * Page → Speech. TRS-CMS pages (the portal) take a fast path: the body container is found by its TRS class
 * and walked once. Other pages go through @mozilla/readability on a clone (it mutates the document it
 * parses). Metadata comes from the page head, the line above the body ("来源： 发布日期：…") and the
 * title/subtitle/date/byline lines at the top of the body. Never throws: a page without a body gives a
 * Speech with no paragraphs.
 */
import { Readability } from '@mozilla/readability';
import { metaContent, type Sample, sampleLines, trsBody } from './detect';
import { blockLines } from './extract-blocks';
import { type CleanBody, cleanBody } from './extract-clean';
import { multiPageUrls } from './extract-pages';
import { hashParagraphs } from './hash';
import { parseDateLine, parseSourceLine, parseTitle } from './meta';
import { findDate, foldForCompare, trimText } from './text';
import type { Speech } from './types';

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

/** 标题_栏目_站名 / 标题 - 站名 / 标题 | 站名 → 标题. */
export function stripSiteSuffix(title: string): string {
  const t = trimText(title.replace(/\s+/g, ' '));
  const first = trimText(t.split(/_| - | \| |｜| — /)[0] ?? '');
  return first.length >= 4 ? first : t;
}

interface Head {
  title: string;
  /** Every title-like text on the page, for speaker/occasion parsing. */
  titles: string[];
}

/**
 * The article title: <meta name="ArticleTitle">, else the heading above the body that matches <title>
 * (it may lack the speaker prefix "胡锦涛在…" or carry a 提纲 suffix), else <title> without the site name.
 * Headings come from the lines of the one bounded walk over the page top (a selector list over the whole
 * document is slow in happy-dom).
 */
function pageTitle(doc: Document, top: Sample): Head {
  const meta = metaContent(doc, 'ArticleTitle');
  const docTitle = stripSiteSuffix(doc.title ?? '');
  const folded = foldForCompare(docTitle);
  const similar = (line: string) => {
    const f = foldForCompare(line);
    return commonRun(f, folded) >= 0.6 * Math.min(f.length, folded.length);
  };
  const usable = (line: string) => line.length >= 4 && line.length <= 200;
  let heading = '';
  if (usable(top.h1) && (!folded || similar(top.h1))) heading = top.h1;
  else if (folded)
    heading = top.lines.find((l) => usable(l) && l !== docTitle && similar(l) && !/[。]$/.test(l)) ?? '';
  // A bare site name in <title> ("鄂尔多斯工会网"): the <h1>, or the line above "来源： 发布日期：…".
  if (!heading && docTitle.length <= 12 && !/[_|｜]| - /.test(doc.title ?? '')) {
    const info = top.lines.findIndex((l) => parseDateLine(l) !== null || /^(?:来源|來源)[:：]/.test(l));
    const above = info > 0 ? (top.lines[info - 1] ?? '') : '';
    if (usable(top.h1) && top.h1.length > docTitle.length) heading = top.h1;
    else if (usable(above) && above.length > docTitle.length && !/当前位置|當前位置|>>|»/.test(above))
      heading = above;
  }
  const title = meta || heading || docTitle;
  return { title, titles: [meta, heading, docTitle].filter(Boolean) };
}

function readabilityLines(doc: Document): string[] {
  const clone = doc.cloneNode(true) as Document;
  const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  return article?.content ? blockLines(article.content) : [];
}

/** The TRS container when it holds text; otherwise (no container, or an empty one) Readability. */
function body(doc: Document, trs: Element | null, title: string): { clean: CleanBody; via: Speech['via'] } {
  if (trs) {
    const clean = cleanBody(blockLines(trs), title);
    if (clean.paragraphs.length > 0) return { clean, via: 'trs' };
  }
  const clean = cleanBody(readabilityLines(doc), title);
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

export function extractSpeech(doc: Document, url: string): Speech {
  let title = '';
  try {
    const trs = trsBody(doc);
    // Lines above the body: title, "来源： 发布日期：…".
    const top = doc.body ? sampleLines(doc.body, 4000, trs) : { lines: [], chars: 0, h1: '', crumbs: [] };
    const head = pageTitle(doc, top);
    title = head.title;
    const { clean, via } = body(doc, trs, title);
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

    const pubDate = findDate(metaContent(doc, 'PubDate'));
    let pageDate: string | null = null;
    let source: string | null = metaContent(doc, 'ContentSource') || null;
    for (const line of top.lines) {
      pageDate ??= parseDateLine(line);
      source ??= parseSourceLine(line);
    }
    const pages = multiPageUrls(doc, url);
    const speech: Speech = {
      url,
      title,
      speaker,
      occasion,
      date: clean.date ?? pubDate ?? pageDate,
      source,
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
