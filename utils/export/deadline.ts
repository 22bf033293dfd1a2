/**
 * 完成时限 suggested from the task's own sentence: speeches set deadlines in words (年底前, 三季度, 6月底前,
 * 上半年, 明年一季度). The first time phrase in the sentence wins; a year named in it (2027年, 明年) applies,
 * otherwise the year of the speech. Only a suggestion: the user's own due date always takes precedence.
 */
import type { SpeechRecord, TextSelector } from '../types';

export interface DeadlineSuggestion {
  /** YYYY-MM-DD: the last day the phrase allows. */
  due: string;
  /** The words it came from, as written: "年底前", "三季度". */
  phrase: string;
}

const CN_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 1..12 from "6", "六", "十二", "十一". */
function monthNumber(raw: string): number | null {
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (raw === '十') return 10;
  if (raw.length === 2 && raw[0] === '十') return 10 + (CN_NUM[raw[1] as string] ?? 99);
  return CN_NUM[raw] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const endOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
/** Each pattern with how it ends: a month (1..12) or a given day. Longer, more specific patterns come first. */
const PATTERNS: { re: RegExp; end: (m: RegExpExecArray) => { month: number; day?: number } | null }[] = [
  {
    re: new RegExp(`${MONTH}月(\\d{1,2})日(?:前|之前|以前)`),
    end: (m) => {
      const month = monthNumber(m[1] as string);
      return month ? { month, day: Number(m[2]) } : null;
    },
  },
  {
    re: new RegExp(`${MONTH}月份?(?:(?:底|末|中旬|上旬|下旬)(?:前|之前)?|前|之前|以前)`),
    end: (m) => {
      const month = monthNumber(m[1] as string);
      return month ? { month } : null;
    },
  },
  {
    re: /(?:第)?([一二三四1-4])季度/,
    end: (m) => {
      const q = monthNumber(m[1] as string);
      return q && q <= 4 ? { month: q * 3 } : null;
    },
  },
  { re: /上半年/, end: () => ({ month: 6 }) },
  { re: /下半年|年[底末](?:前|之前)?|年内|全年|年度内|今年/, end: () => ({ month: 12 }) },
];

/** The year the sentence names: 2027年, 明年 / 后年 (relative to `year`), else `year`. */
function yearOf(sentence: string, year: number): number {
  const explicit = /(20\d{2})年/.exec(sentence);
  if (explicit) return Number(explicit[1]);
  if (/后年/.test(sentence)) return year + 2;
  if (/明年|下一年/.test(sentence)) return year + 1;
  return year;
}

/**
 * The deadline a sentence sets, or null when it names none. `referenceDay` (YYYY-MM-DD) is the speech's date,
 * or the day of the export when the speech has none.
 */
export function suggestDeadline(sentence: string, referenceDay: string): DeadlineSuggestion | null {
  const baseYear = Number(referenceDay.slice(0, 4));
  if (!Number.isFinite(baseYear)) return null;
  let best: { index: number; phrase: string; month: number; day?: number } | null = null;
  for (const p of PATTERNS) {
    const m = p.re.exec(sentence);
    if (!m) continue;
    const end = p.end(m);
    if (!end || end.month < 1 || end.month > 12) continue;
    if (!best || m.index < best.index) best = { index: m.index, phrase: m[0], ...end };
  }
  if (!best) return null;
  const year = yearOf(sentence, baseYear);
  const maxDay = lastDay(year, best.month);
  const due =
    best.day && best.day >= 1 && best.day <= maxDay
      ? `${year}-${pad(best.month)}-${pad(best.day)}`
      : endOfMonth(year, best.month);
  return { due, phrase: best.phrase };
}

/**
 * The sentence of a paragraph that holds a passage: from the end of the previous sentence (。！？；) to the end of
 * the last sentence the passage touches. A task highlight is often only the core words; its deadline is nearby.
 */
export function sentenceAround(paragraph: string, start: number, end: number): string {
  const stops = /[。！？；!?;]/;
  let from = Math.max(0, Math.min(start, paragraph.length));
  while (from > 0 && !stops.test(paragraph[from - 1] as string)) from -= 1;
  let to = Math.max(from, Math.min(end, paragraph.length));
  while (to < paragraph.length && !stops.test(paragraph[to] as string)) to += 1;
  return paragraph.slice(from, Math.min(paragraph.length, to + 1));
}

/**
 * The deadline a task highlight's own sentence names: the sentence around the passage when it lies in one
 * paragraph and still matches the text, else the passage alone. `today` stands in for a speech without a date.
 * The 任务分解表 and the task list's hint both use it, so the file and the screen suggest the same date.
 */
export function taskDeadline(
  h: { selector?: Pick<TextSelector, 'startPara' | 'endPara' | 'startOffset' | 'endOffset' | 'exact'> },
  speech: Pick<SpeechRecord, 'paragraphs' | 'date'> | undefined,
  today: string,
): DeadlineSuggestion | null {
  const sel = h.selector;
  if (!sel || typeof sel.exact !== 'string') return null;
  const para = speech?.paragraphs?.[sel.startPara] ?? '';
  const sentence =
    sel.startPara === sel.endPara && para.includes(sel.exact)
      ? sentenceAround(para, sel.startOffset, sel.endOffset)
      : sel.exact;
  return suggestDeadline(sentence, speech?.date ?? today);
}
