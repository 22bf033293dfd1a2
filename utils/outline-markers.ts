/**
 * Finds enumeration-marker candidates (第一， 一、 （一） 1. （1） ① 一是 一要 首先 …) in speech paragraphs.
 * Only the shape and the left boundary are checked here; whether a candidate is a real heading is decided by
 * the sequence logic in outline.ts.
 */
import { chineseNumeral, circledNumeral } from './numerals';

export type Family = 'dun' | 'paren' | 'arabic' | 'paren-arabic' | 'circled' | 'di' | 'shi' | 'seq';

export interface Candidate {
  para: number;
  /** Index of the marker's first character. */
  offset: number;
  /** Index just after the marker and its own delimiter (where the title may start). */
  end: number;
  family: Family;
  /** Sub-kind inside a family: 第X部分 only continues 第X部分; 一是要 fits both 是 and 要 lists. */
  variant: string;
  /** Ordinal; for 最后 -1 (closes a 首先 list at any position). */
  n: number;
  /** Enumerator without trailing punctuation. */
  marker: string;
  /** Nothing but whitespace before the marker in its paragraph. */
  initial: boolean;
}

/** Families whose markers are section headings by shape; the others also occur as loose words in prose. */
export const STRONG: ReadonlySet<Family> = new Set<Family>(['dun', 'paren', 'di']);

const NUM = '[一二三四五六七八九十]{1,3}';
const DI_SUFFIX = '部分|个方面|個方面|方面|件事|句话|句話|个问题|個問題|点|點|步|条|條';
// One alternation, scanned left to right; capture groups say which shape matched.
const MARKER = new RegExp(
  [
    `第(${NUM})(${DI_SUFFIX})?(?=[，,、：:\\s])`, // 1,2  第一， 第一部分 第四點
    `[（(](${NUM})[）)]`, // 3  （一）
    `[（(](\\d{1,2})[）)]`, // 4  （1）
    `(\\d{1,2})[.．、](?![\\d.．])`, // 5  1. 1、
    '([\\u2460-\\u2473])', // 6  ①
    `(${NUM})(是要|是|要|抓)`, // 7,8  一是 一要
    `(${NUM})(?:[、．.]|(?=[ \\u3000]))`, // 9  一、 (bare "一 " only paragraph-initial)
    '(首先|其次|再次|最后|最後)(?=[，,：:、])', // 10
  ].join('|'),
  'gu',
);

const SEQ_ORDINAL: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1, 最後: -1 };

const WEAK_LEFT = /[。；;：:，,！!？?）)\s…]/u; // 是/要/首先/第X lists may follow a comma
const STRICT_LEFT = /[。；;：:！!？?\s]/u; // 一、 / 1. inline only after a sentence end, colon or a gap
const NUMERAL_CHAR = /[一二三四五六七八九十]/u;

const OPEN_QUOTES = '“「『《';
const CLOSE_OF: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》' };

/** [start, end) ranges inside quotation marks or book-title marks: slogans there are not headings. */
function quotedRanges(p: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const close = CLOSE_OF[p[i] as string];
    if (close === undefined) continue;
    const j = p.indexOf(close, i + 1);
    // An unclosed quote protects only a short stretch, so one stray mark cannot hide a whole speech.
    const end = j === -1 ? Math.min(p.length, i + 30) : j;
    out.push(i, end);
    i = end;
  }
  return out;
}

function hasQuote(p: string): boolean {
  for (const q of OPEN_QUOTES) if (p.includes(q)) return true;
  return false;
}

function leftOk(p: string, offset: number, family: Family, initial: boolean): boolean {
  if (initial) return true;
  const prev = p[offset - 1] as string;
  if (family === 'dun' || family === 'arabic' || family === 'paren' || family === 'paren-arabic') {
    return STRICT_LEFT.test(prev) || prev === '）' || prev === ')';
  }
  return WEAK_LEFT.test(prev);
}

/** All marker candidates of one paragraph, in order. */
export function scanParagraph(p: string, para: number, out: Candidate[]): void {
  const quotes = hasQuote(p) ? quotedRanges(p) : [];
  let q = 0;
  let lead = 0;
  while (lead < p.length && /\s/u.test(p[lead] as string)) lead++;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(p); m !== null; m = MARKER.exec(p)) {
    const offset = m.index;
    const initial = offset === lead;
    const c = classify(m, p, para, offset, initial);
    while (q < quotes.length && (quotes[q + 1] as number) <= offset) q += 2;
    const inQuote = q < quotes.length && (quotes[q] as number) < offset && offset < (quotes[q + 1] as number);
    if (c === null || inQuote || !leftOk(p, offset, c.family, initial)) {
      MARKER.lastIndex = offset + 1; // a shorter marker may start inside a rejected match
      continue;
    }
    out.push(c);
  }
}

function classify(
  m: RegExpExecArray,
  p: string,
  para: number,
  offset: number,
  initial: boolean,
): Candidate | null {
  const text = m[0];
  const base = { para, offset, end: offset + text.length, initial };
  if (m[1] !== undefined) {
    const n = chineseNumeral(m[1]);
    const suffix = m[2] ?? '';
    // 第一， 第一步 第一点 continue each other; 第一部分 / 第一个方面 / 第一件事 form their own lists.
    const variant = suffix === '' || /^[步点點条條]$/u.test(suffix) ? '' : suffix;
    return n ? { ...base, family: 'di', variant, n, marker: text } : null;
  }
  if (m[3] !== undefined) {
    const n = chineseNumeral(m[3]);
    return n ? { ...base, family: 'paren', variant: '', n, marker: text } : null;
  }
  if (m[4] !== undefined)
    return { ...base, family: 'paren-arabic', variant: '', n: Number(m[4]), marker: text };
  if (m[5] !== undefined) {
    const n = Number(m[5]);
    return n > 0 ? { ...base, family: 'arabic', variant: '', n, marker: m[5] } : null;
  }
  if (m[6] !== undefined)
    return { ...base, family: 'circled', variant: '', n: circledNumeral(m[6]), marker: text };
  if (m[7] !== undefined) {
    const n = chineseNumeral(m[7]);
    // 一是一、二是二: a numeral right after the verb is the idiom, not a list item.
    if (!n || NUMERAL_CHAR.test(p[base.end] ?? '')) return null;
    return { ...base, family: 'shi', variant: m[8] as string, n, marker: text };
  }
  if (m[9] !== undefined) {
    const n = chineseNumeral(m[9]);
    const bare = text === m[9];
    if (!n || (bare && !initial)) return null;
    // 一、二、三 counted off in prose: another numeral right after the delimiter.
    if (NUMERAL_CHAR.test(p[base.end] ?? '')) return null;
    return { ...base, family: 'dun', variant: '', n, marker: m[9] };
  }
  if (m[10] !== undefined) {
    return { ...base, family: 'seq', variant: '', n: SEQ_ORDINAL[m[10]] ?? 0, marker: text };
  }
  return null;
}

/** 是-lists and 要-lists accept each other only through 一是要 (written 一是要, 二要, 三要). */
export function variantsFit(a: Candidate, b: Candidate): boolean {
  if (a.family !== b.family) return false;
  if (a.family === 'di') return a.variant === b.variant;
  if (a.family !== 'shi') return true;
  const tags = (v: string) => (v === '是要' ? 3 : v === '是' ? 1 : v === '要' ? 2 : 4);
  return (tags(a.variant) & tags(b.variant)) !== 0;
}
