/**
 * Raw body lines → clean paragraphs. Drops page chrome and CSS that leaked into the text, and moves the
 * lines that describe the speech (repeated title, subtitle "——在…上的讲话", date line, byline) out of the
 * paragraphs into metadata, as a printed speech would show them above the text.
 */

import { findDate, MAX_PARAGRAPH, splitLongParagraph, stripInvisible, trimText } from '../text/clean';
import {
  cleanSpeaker,
  hasSurname,
  isDateLine,
  isSpeechTitleLine,
  parseByline,
  parseDateLine,
  parseSubtitle,
  parseTitle,
  repeatsTitle,
  type SpeechMeta,
} from './meta';

export interface CleanBody extends SpeechMeta {
  paragraphs: string[];
}

/** Lines that are page furniture wherever they appear in a body. */
const CHROME =
  /^(?:上一篇|下一篇|上一条|下一条|【?打印|【?关闭|關閉|责任编辑|責任編輯|扫一扫|掃一掃|分享到|【?字号|字體|当前位置|當前位置|浏览次数|阅读次数|点击数|点击率|【大\s*中\s*小】|\[?\s*(?:打印本页|关闭窗口)|(?:来源|來源)[:：]?\s*$|(?:来源|來源)[:：].{0,40}(?:发布|日期|时间|作者|浏览)|(?:发布|發布)(?:日期|时间)[:：])/;
/** Short credit lines under an article: （责任编辑：…）, 文字：… 图片：…, （完）. */
const CREDIT =
  /^[（(【[]?\s*(?:(?:责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|供稿|撰稿|摄影|攝影|文字|图片|圖片|作者|初审|复审|终审|来源|來源)\s*[:：]|完\s*[）)】\]]$)/;
/**
 * Lines that close an article: credits (责编, 本文来自…), like and correction buttons. What follows them is
 * page furniture, however long.
 */
const ARTICLE_END =
  /^(?:[（(【[]?\s*(?:责编|責編|责任编辑|責任編輯)\s*[:：]|本文来[自源]|本文轉自|本文转自|\+1$|【纠错】|【糾錯】|点赞$|赞\s*\d*$)/;
/** A promotion link line above an article: "点击进入…>>". */
const PROMO = /^点击进入|^點擊進入|(?:>>|》》|»)\s*$/;
/** Paywall and "read more" notices of document-sharing sites. */
const PAYWALL =
  /点此注册|点此登[录陆]|查看全文|开通会员|成为会员|正式会员|试读结束|未完，|未完,|阅读全文|下载全文|全文共\d+字|省略\d+字/;
/** A CSS rule that leaked into text: selector { prop: value; }. */
const CSS_RULE = /(?:@[\w-]+[^{}]*|[\w.#*\-\s,:>[\]="'()]+)\{[^{}]*\}/g;

function normalize(line: string): string {
  let t = stripInvisible(line);
  if (t.includes('\u00a0')) t = t.replace(/\u00a0/g, ' ');
  t = trimText(t);
  if (t.includes('{') && t.includes('}') && /[:;]/.test(t)) t = trimText(t.replace(CSS_RULE, ''));
  return t.replace(/[ \t]{2,}/g, ' ');
}

const BYLINE_TRAILING_DATE = /^(.{2,30}?)\s+((?:19|20)\d\d\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}日?)$/;
const DELIVERED_LINE =
  /^[（(]\s*((?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}年[^）)]{2,6}日)([^）)]{4,80})[）)]$/;
const EPIGRAPH = /^[“「『"][^”」』"]{2,200}[”」』"][。！？.]?$/;
const SENTENCE_END = /[。！？；!?;]/;
const BYLINE_DATE = /^(.{2,30}?)\s*[（(]([^）)]{6,20})[）)]$/;
const LEADING_DATE = /^[（(]\s*([^）)]{6,20})\s*[）)]\s*/;

export function cleanBody(raw: readonly string[], title: string): CleanBody {
  const all = raw
    .map(normalize)
    .filter(
      (l) => l && !CHROME.test(l) && !(l.length < 80 && (PAYWALL.test(l) || CREDIT.test(l) || PROMO.test(l))),
    );
  const end = all.findIndex((l, i) => i > 0 && l.length < 60 && ARTICLE_END.test(l));
  const lines = end > 0 ? all.slice(0, end) : all;
  let speaker: string | null = null;
  let occasion: string | null = null;
  let date: string | null = null;

  let start = 0;
  for (; start < lines.length && start < 10; start++) {
    const line = lines[start] as string;
    // An epigraph ("“…”" over "——鲁迅"): neither its words nor its author belong to the speech's byline.
    if (EPIGRAPH.test(line) && /^[—－]{1,2}/.test(lines[start + 1] ?? '')) {
      start++;
      continue;
    }
    const sub = parseSubtitle(line);
    if (sub) {
      speaker ??= sub.speaker;
      occasion ??= sub.occasion;
      date ??= sub.date;
      continue;
    }
    // The title repeated, or a second title line ("在…会议上的讲话" under a slogan title).
    if ((title && repeatsTitle(line, title)) || isSpeechTitleLine(line)) {
      const parsed = parseTitle(line);
      speaker ??= parsed.speaker;
      occasion ??= parsed.occasion;
      continue;
    }
    if (isDateLine(line)) {
      date ??= findDate(line);
      continue;
    }
    // "（2026年1月27日在…会议上）", "（2007年6月29日…会议通过）": the date and occasion of the text.
    const delivered = DELIVERED_LINE.exec(line);
    if (delivered && findDate(delivered[1] ?? '')) {
      date ??= findDate(delivered[1] ?? '');
      occasion ??= parseSubtitle(`——${delivered[2] ?? ''}`)?.occasion ?? null;
      continue;
    }
    // A slogan title above its subtitle ("牢记初心使命 勇担时代重任" over "——在…上的报告").
    if (!SENTENCE_END.test(line) && line.length <= 60 && parseSubtitle(lines[start + 1] ?? '')) continue;
    // "王 琛 2020.6.20": a byline followed by its date.
    const trailing = BYLINE_TRAILING_DATE.exec(line);
    const trailingName = trailing ? parseByline(trailing[1] ?? '') : null;
    if (trailing && trailingName && findDate(trailing[2] ?? '')) {
      speaker ??= cleanSpeaker(trailingName) ?? trailingName;
      date ??= findDate(trailing[2] ?? '');
      continue;
    }
    if (parseDateLine(line)) continue;
    // "王立新（2019年3月22日）": a byline with its date.
    const dated = BYLINE_DATE.exec(line);
    const datedName = dated ? parseByline(dated[1] ?? '') : null;
    if (dated && datedName !== null && findDate(dated[2] ?? '')) {
      if (datedName) speaker ??= datedName;
      date ??= findDate(dated[2] ?? '');
      continue;
    }
    const by = parseByline(line);
    // A bare name ("马卫光") under a title or date line is a byline; first in the body it must look like one.
    const bare = by !== null && by.replace(/、/g, '') === line.replace(/[\s、，,]/g, '');
    if (by !== null && (!bare || start > 0 || by.split('、').every(hasSurname))) {
      if (by) speaker ??= cleanSpeaker(by) ?? by;
      continue;
    }
    break;
  }
  const paragraphs = lines.slice(start);

  // A date or the title fused in front of the first paragraph: "(2006年8月30日) 同志们：", "在…上的讲话同志们：".
  const first = paragraphs[0];
  if (first !== undefined) {
    let rest = first;
    const lead = LEADING_DATE.exec(rest);
    const leadDate = lead ? findDate(lead[1] ?? '') : null;
    if (lead && leadDate) {
      date ??= leadDate;
      rest = rest.slice(lead[0].length);
    }
    if (title.length >= 6 && rest.startsWith(title) && rest.length > title.length) {
      rest = trimText(rest.slice(title.length));
    }
    if (rest !== first) {
      if (rest) paragraphs[0] = rest;
      else paragraphs.shift();
    }
  }

  // A date line closing the text (notices, some speeches): metadata, not a paragraph.
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && paragraphs.length > 1 && isDateLine(last)) {
    date ??= findDate(last);
    paragraphs.pop();
  }
  return { paragraphs: splitLong(paragraphs), speaker, occasion, date };
}

/** Long paragraphs split at sentence ends; the same array when none is long (the usual case). */
function splitLong(paragraphs: string[]): string[] {
  if (!paragraphs.some((p) => p.length > MAX_PARAGRAPH)) return paragraphs;
  return paragraphs.flatMap((p) => splitLongParagraph(p));
}
