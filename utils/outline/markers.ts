/**
 * Finds enumeration-marker candidates (第一， 一、 （一） 1. （1） ① 一是 一要 首先 …) in speech paragraphs.
 * Only the shape and the left boundary are checked here; whether a candidate is a real heading is decided by
 * the sequence logic in utils/outline/build.ts.
 */
import { chineseNumeral, circledNumeral } from '../text/numerals';

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
  /** The heading runs to the end of its paragraph ("…讲三点意见：一、肯定成绩。"): its body comes after. */
  atEnd: boolean;
}

/** Families whose markers are section headings by shape; the others also occur as loose words in prose. */
export const STRONG: ReadonlySet<Family> = new Set<Family>(['dun', 'paren', 'di']);

const NUM = '[一二三四五六七八九十]{1,3}';
const DIGIT = '[0-9０-９]'; // pages mix ASCII and full-width digits
const DI_SUFFIX = '部分|个方面|個方面|方面|件事|句话|句話|个问题|個問題|点|點|步|条|條';
// One alternation, scanned left to right; capture groups say which shape matched.
const MARKER = new RegExp(
  [
    `第(${NUM})(${DI_SUFFIX})?(?=[，,、：:\\s（(])`, // 1,2  第一， 第一部分 第四點 第一条（追求）
    `[（(]?(${NUM})[）)]`, // 3  （一）, and 一） at a paragraph start
    `[（(]?(${DIGIT}{1,2})[）)]`, // 4  （1）, and 1） at a paragraph start
    `(${DIGIT}{1,2})[.．、](?![0-9０-９.．])`, // 5  1. 1、 １．
    '([\\u2460-\\u2473])', // 6  ①
    `(${NUM})(是要|是|要|抓)`, // 7,8  一是 一要
    `(${NUM})(?:[、．.]|(?=[ \\u3000]))`, // 9  一、 (bare "一 " only paragraph-initial)
    '(首先|其次|再次|最后|最後)(?=[，,：:、\\u4e00-\\u9fff])', // 10  首先， 首先是… 首先学校…
  ].join('|'),
  'uy', // sticky: tried only at positions the scanner picked
);

const SEQ_ORDINAL: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1, 最後: -1 };

const WEAK_LEFT = /[。；;：:，,！!？?）)\s…]/u; // 是/要/首先/第X lists may follow a comma
const STRICT_LEFT = /[。；;：:！!？?\s]/u; // 一、 / 1. inline only after a sentence end, colon or a gap
const NUMERAL_CHAR = /[一二三四五六七八九十]/u;
// After 第一、: another ordinal (二 / 第三) means ordinals counted off in prose.
const ORDINAL_NEXT = /^(?:第)?[一二三四五六七八九十]/u;
// After 一、: 二、 / 三， / 五至 … counts numbers off in prose.
const COUNTED = /^[一二三四五六七八九十]{1,2}[、，,和及至到]/u;
const LAST_SENTENCE = /^[^。！？!?；;]*[。！？!?；;]?\s*$/u;

// Opening → closing quotation and book-title marks, by char code: “” 「」 『』 《》.
const CLOSE_OF = new Map<number, string>([
  [0x201c, '\u201d'],
  [0x300c, '\u300d'],
  [0x300e, '\u300f'],
  [0x300a, '\u300b'],
]);
const ANY_OPEN = /[\u201c\u300c\u300e\u300a]/u;

/** [start, end) ranges inside quotation marks or book-title marks: slogans there are not headings. */
function quotedRanges(p: string): number[] {
  const out: number[] = [];
  const unclosed = new Set<string>();
  for (let i = 0; i < p.length; i++) {
    const close = CLOSE_OF.get(p.charCodeAt(i));
    if (close === undefined) continue;
    // Once a closing mark is missing, it is missing for every later opening mark too (keeps this linear).
    const j = unclosed.has(close) ? -1 : p.indexOf(close, i + 1);
    if (j === -1) unclosed.add(close);
    // An unclosed quote protects only a short stretch, so one stray mark cannot hide a whole speech.
    const end = j === -1 ? Math.min(p.length, i + 30) : j;
    out.push(i, end);
    i = end;
  }
  return out;
}

function leftOk(p: string, offset: number, family: Family, initial: boolean): boolean {
  if (initial) return true;
  const prev = p[offset - 1] as string;
  if (family === 'dun' || family === 'arabic' || family === 'paren' || family === 'paren-arabic') {
    return STRICT_LEFT.test(prev) || prev === '）' || prev === ')';
  }
  return WEAK_LEFT.test(prev);
}

// Per-UTF-16-unit flags, so the scanner skips ordinary text with one table look-up per character.
const TRIGGER = 1; // a marker can start here
const LEFT = 2; // a marker may follow this character
const SPACE = 4;
const FLAGS = new Uint8Array(65536);
const flag = (chars: string, f: number) => {
  for (const ch of chars) FLAGS[ch.charCodeAt(0)] = (FLAGS[ch.charCodeAt(0)] ?? 0) | f;
};
flag('第（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳一二三四五六七八九十首其再最', TRIGGER);
flag('。；;：:，,！!？?）)…', LEFT);
flag(
  ' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
  SPACE | LEFT,
);

/** All marker candidates of one paragraph, in order. */
export function scanParagraph(p: string, para: number, out: Candidate[]): void {
  let quotes: number[] | null = null;
  let q = 0;
  let lead = 0;
  while (lead < p.length && (FLAGS[p.charCodeAt(lead)] as number) & SPACE) lead++;
  for (let i = lead; i < p.length; i++) {
    if (!((FLAGS[p.charCodeAt(i)] as number) & TRIGGER)) continue;
    const initial = i === lead;
    // Nearly every 一 in running text follows another character: reject those before any regex runs.
    if (!initial && !((FLAGS[p.charCodeAt(i - 1)] as number) & LEFT)) continue;
    MARKER.lastIndex = i;
    const m = MARKER.exec(p);
    if (m === null) continue;
    const c = classify(m, p, para, i, initial);
    if (c === null || !leftOk(p, i, c.family, initial)) continue;
    if (quotes === null) quotes = ANY_OPEN.test(p) ? quotedRanges(p) : [];
    while (q < quotes.length && (quotes[q + 1] as number) <= i) q += 2;
    if (q < quotes.length && (quotes[q] as number) < i && i < (quotes[q + 1] as number)) continue;
    if (!initial && STRONG.has(c.family)) c.atEnd = LAST_SENTENCE.test(p.slice(c.end, c.end + 400));
    out.push(c);
    i = c.end - 1;
  }
}

/** Value of ASCII or full-width digits. */
function arabic(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    n = n * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return n;
}

function make(
  m: RegExpExecArray,
  para: number,
  offset: number,
  initial: boolean,
  family: Family,
  variant: string,
  n: number,
  marker: string,
): Candidate {
  return { para, offset, end: offset + m[0].length, family, variant, n, marker, initial, atEnd: false };
}

const NO_VARIANT = /^[步点點条條]?$/u;

function classify(
  m: RegExpExecArray,
  p: string,
  para: number,
  offset: number,
  initial: boolean,
): Candidate | null {
  const text = m[0];
  const after = p[offset + text.length] ?? '';
  if (m[1] !== undefined) {
    const n = chineseNumeral(m[1]);
    const suffix = m[2] ?? '';
    // 第一， 第一步 第一点 continue each other; 第一部分 / 第一个方面 / 第一件事 form their own lists.
    // 第一、二季度 and 第一、第三产业 count off ordinals in prose.
    if (after === '、' && ORDINAL_NEXT.test(p.slice(offset + text.length + 1, offset + text.length + 3)))
      return null;
    return n ? make(m, para, offset, initial, 'di', NO_VARIANT.test(suffix) ? '' : suffix, n, text) : null;
  }
  // A closing parenthesis without its opening one marks an item only at the start of a paragraph.
  if ((m[3] !== undefined || m[4] !== undefined) && !/^[（(]/u.test(text) && !initial) return null;
  if (m[3] !== undefined) {
    const n = chineseNumeral(m[3]);
    return n ? make(m, para, offset, initial, 'paren', '', n, text) : null;
  }
  if (m[4] !== undefined) return make(m, para, offset, initial, 'paren-arabic', '', arabic(m[4]), text);
  if (m[5] !== undefined) {
    const n = arabic(m[5]);
    return n > 0 ? make(m, para, offset, initial, 'arabic', '', n, m[5]) : null;
  }
  if (m[6] !== undefined) return make(m, para, offset, initial, 'circled', '', circledNumeral(m[6]), text);
  if (m[7] !== undefined) {
    const n = chineseNumeral(m[7]);
    // 一是一、二是二: the same numeral again right after the verb is the idiom, not a list item
    // (三是三位一体招生 is an item).
    if (!n || (after === m[7] && /[、，,]/u.test(p[offset + text.length + 1] ?? ''))) return null;
    return make(m, para, offset, initial, 'shi', m[8] as string, n, text);
  }
  if (m[9] !== undefined) {
    const n = chineseNumeral(m[9]);
    const bare = text === m[9];
    // 一、二、三 counted off in prose has another numeral and delimiter right after (一、十四年… is a heading).
    if (!n || (bare && !initial) || COUNTED.test(p.slice(offset + text.length, offset + text.length + 4)))
      return null;
    if (!initial && NUMERAL_CHAR.test(after)) return null;
    return make(m, para, offset, initial, 'dun', '', n, m[9]);
  }
  if (m[10] !== undefined) {
    // 首先是… / 首先学校… also open items; 最后一公里 / 再次感谢 are prose, so those two need punctuation or 是.
    const bare = !/[，,：:、是]/u.test(after);
    if (bare && (m[10] === '最后' || m[10] === '最後' || m[10] === '再次')) return null;
    // Run into its clause (首先应当…), it must start a sentence: after a comma it is an adverb.
    if (bare && !initial && !/[。！!？?：:；;]/u.test(p[offset - 1] ?? '')) return null;
    return make(m, para, offset, initial, 'seq', '', SEQ_ORDINAL[m[10]] ?? 0, text);
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
