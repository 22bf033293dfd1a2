/**
 * Small text helpers shared by extraction and metadata parsing. Government pages mix full-width and
 * half-width punctuation, indent with U+3000 or NBSP and paste zero-width characters from Word, so every
 * comparison goes through these.
 */

/** Whitespace a page uses for indentation or padding, including U+3000, NBSP and zero-width characters. */
const EDGE_SPACE = /^[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+|[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+$/g;

/** Trims indentation of every kind (the built-in trim() leaves zero-width spaces). */
export function trimText(text: string): string {
  return text.replace(EDGE_SPACE, '');
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

const CN_DIGITS: Record<string, number> = Object.fromEntries(
  [...'〇一二三四五六七八九']
    .map((ch, i) => [ch, i] as const)
    .concat([
      ['零', 0],
      ['○', 0],
      ['Ｏ', 0],
      ['O', 0],
      ['十', 10],
    ]),
);

/** 二〇一八 → 2018 (digit by digit), 十九 → 19, 三十一 → 31; also plain and full-width Arabic digits. */
function numberFrom(text: string, positional: boolean): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (positional) {
    let n = 0;
    for (const ch of ascii) {
      const d = CN_DIGITS[ch];
      if (d === undefined || d === 10) return null;
      n = n * 10 + d;
    }
    return n;
  }
  // Month and day numbers: 九, 十, 十九, 二十, 三十一.
  const m = /^(?:([一二三])?十)?([一二三四五六七八九])?$/.exec(ascii);
  if (!m || ascii === '') return null;
  const tens = ascii.includes('十') ? (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) : 0;
  const ones = m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0;
  return tens * 10 + ones;
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
