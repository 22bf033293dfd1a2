/**
 * Small text helpers shared by extraction and metadata parsing. Government pages mix full-width and
 * half-width punctuation, indent with U+3000 or NBSP and paste zero-width characters from Word, so every
 * comparison goes through these.
 */
import { chineseNumeral } from './numerals';

/** Whitespace a page uses for indentation or padding, including U+3000, NBSP and zero-width characters. */
const EDGE_SPACE = /^[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+|[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+$/g;

/** Trims indentation of every kind (the built-in trim() leaves zero-width spaces). */
export function trimText(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

/**
 * Invisible format characters a page can carry: zero-width spaces/joiners, BOM, word joiner, bidi marks,
 * embeddings, overrides and isolates. Bidi controls re-order the text around them on screen (in Yandu's
 * own UI and exports too), zero-width ones break search and comparison; none is part of what a reader reads.
 */
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069\u061c]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/**
 * `text` without invisible format characters. Applied once, at extraction, to paragraphs and every metadata
 * field: paragraphs are what highlights anchor on, so the result must depend on the page text alone.
 */
export function stripInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
}

/** stripInvisible for an optional field; a field left empty becomes null. */
export function cleanField(text: string | null): string | null {
  if (text === null) return null;
  const t = trimText(stripInvisible(text));
  return t ? t : null;
}

/** Paragraphs longer than this are split at sentence ends (one huge block takes the reader seconds to lay out). */
export const MAX_PARAGRAPH = 3000;
/** A sentence end and the closing quotes or brackets that belong to it. */
const SENTENCE_END = /[。！？][”’」』）)》]*/g;

/**
 * A paragraph longer than `max` as several, each cut after the last sentence end (。！？) that keeps it
 * within `max`, or after the first one beyond when a sentence is longer than that. Text without a sentence
 * end stays whole. Deterministic, and the pieces joined give the paragraph back (minus edge spaces).
 */
export function splitLongParagraph(text: string, max = MAX_PARAGRAPH): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let cut = -1;
    SENTENCE_END.lastIndex = start;
    for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
      const end = m.index + m[0].length;
      if (end - start > max && cut >= 0) break;
      cut = end;
      if (end - start > max) break;
    }
    // No sentence end left, or only the text's own final one: the rest stays whole.
    if (cut < 0 || cut >= text.length) break;
    const piece = trimText(text.slice(start, cut));
    if (piece) pieces.push(piece);
    start = cut;
  }
  const rest = trimText(text.slice(start));
  if (rest) pieces.push(rest);
  return pieces;
}

/** Folds half-width punctuation and spaces away so that two renderings of one line compare equal. */
export function foldForCompare(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[，,]/g, ',')
    .replace(/[：:]/g, ':')
    .replace(/[；;]/g, ';')
    .replace(/[！!]/g, '!')
    .replace(/[？?]/g, '?')
    .replace(/[—－-]+/g, '-')
    .replace(/[“”"]/g, '"');
}

/** Year digits written one by one: 二〇一八 → 2018. */
const YEAR_DIGITS: Record<string, number> = Object.fromEntries(
  [...'〇一二三四五六七八九']
    .map((ch, i) => [ch, i] as const)
    .concat([
      ['零', 0],
      ['○', 0],
      ['Ｏ', 0],
      ['O', 0],
    ]),
);

/** 二〇一八 → 2018 (digit by digit), 十九 → 19, 三十一 → 31; also plain and full-width Arabic digits. */
function numberFrom(text: string, positional: boolean): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (positional) {
    let n = 0;
    for (const ch of ascii) {
      const d = YEAR_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  // Month and day numbers (九, 十, 十九, 二十, 三十一): the enumeration numerals of utils/text/numerals.ts.
  return chineseNumeral(ascii) || null;
}

const NUM = '[0-9０-９]+|[〇零○Ｏ一二三四五六七八九十]+';
const DATE_CN = new RegExp(`(${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日`);
const DATE_ISO = /((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/;

function isoDate(y: number | null, m: number | null, d: number | null): string | null {
  if (y === null || m === null || d === null) return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The first full date in `text` as YYYY-MM-DD: 2018-03-19, 2018/3/19, 2018年3月19日, 二〇一八年三月十九日.
 * A date without a year is not a date here (it would be a guess).
 */
export function findDate(text: string): string | null {
  const cn = DATE_CN.exec(text);
  const iso = DATE_ISO.exec(text);
  if (cn && (!iso || cn.index <= iso.index)) {
    return isoDate(
      numberFrom(cn[1] as string, true),
      numberFrom(cn[2] as string, false),
      numberFrom(cn[3] as string, false),
    );
  }
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** A line that is only a date, maybe in brackets: （2018年3月19日）, 2018-03-19, (二〇一八年三月十九日). */
export function isDateLine(line: string): boolean {
  const bare = trimText(line).replace(/^[（(【[]\s*|\s*[）)】\]]$/g, '');
  if (bare.length > 24 || !findDate(bare)) return false;
  return (
    bare
      .replace(DATE_CN, '')
      .replace(DATE_ISO, '')
      .replace(/[\s上下午时点分:：\d]/g, '') === ''
  );
}

/** Sentence punctuation: a line with it is prose, not a byline or a heading-only line. */
export const SENTENCE_PUNCT = /[，。；：！？,;:!?]/;

/** Han characters (CJK unified ideographs, including extension A and compatibility forms). */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
