import type { OutlineNode } from '../types';

/**
 * What the reader view draws, computed from plain data. Pure: no DOM, no browser APIs.
 *
 * The one rule everything here keeps: the runs of a block concatenate to its paragraph string exactly.
 * Highlights anchor on paragraph index + character offsets, so emphasis may only wrap text, never add or
 * drop a character.
 */

/**
 * `lead`: a heading sentence run into its paragraph (第一，….  or a short 一是抓好….  at the start);
 * `marker`: an enumerator inside running text (一要, 二是, （三）) with its separator (、 . ，).
 */
export type RunKind = 'text' | 'lead' | 'marker';

export interface Run {
  kind: RunKind;
  text: string;
  /** Character offset of the run in its paragraph. */
  start: number;
  /** Outline level of a lead or marker. */
  level?: OutlineNode['level'];
}

/** `p` is body text; h2–h4 are outline headings that stand as a paragraph of their own (levels 1–3). */
export type BlockKind = 'p' | 'h2' | 'h3' | 'h4';

export interface Block {
  para: number;
  kind: BlockKind;
  runs: Run[];
}

/** A heading paragraph longer than this is a sentence of body text that happens to start with a marker. */
const MAX_HEADING_CHARS = 48;
/** What may trail a stand-alone heading: closing punctuation and spaces. */
const TRAILING_PUNCTUATION = /^[\s。；！？：:，,、.;!?]*$/;
const SENTENCE_END = /[。；！？!?;]/g;
/** Between a marker and its title: 第一，… / 一、… / 1. … */
const MARKER_SEPARATOR_CHARS = 2;
const SEPARATORS = '、.．，,：:';
/** A lower-level heading sentence this short, opening its paragraph, reads as a run-in heading. */
const MAX_RUN_IN_CHARS = 40;

interface Span {
  start: number;
  end: number;
  kind: Exclude<RunKind, 'text'>;
  level: OutlineNode['level'];
}

/** Where a node's marker really is in its paragraph, or -1. Tolerates an offset that is slightly off. */
function markerStart(text: string, node: OutlineNode): number {
  if (!node.marker) return -1;
  const offset = Number.isInteger(node.offset) ? node.offset : 0;
  if (offset >= 0 && text.startsWith(node.marker, offset)) return offset;
  return text.indexOf(node.marker);
}

/** End (exclusive) of the heading sentence that starts at a marker: its title plus one closing mark. */
function headingEnd(text: string, node: OutlineNode, markerEnd: number): number {
  let end = -1;
  if (node.title) {
    const at = text.indexOf(node.title, markerEnd);
    if (at >= 0 && at - markerEnd <= MARKER_SEPARATOR_CHARS) end = at + node.title.length;
  }
  if (end < 0) {
    SENTENCE_END.lastIndex = markerEnd;
    const found = SENTENCE_END.exec(text);
    return found ? found.index + 1 : text.length;
  }
  const next = text.charAt(end);
  return next && '。；！？：!?;:'.includes(next) ? end + 1 : end;
}

function headingKind(level: OutlineNode['level']): BlockKind {
  return level === 1 ? 'h2' : level === 2 ? 'h3' : 'h4';
}

function splitRuns(text: string, spans: Span[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) runs.push({ kind: 'text', text: text.slice(at, span.start), start: at });
    runs.push({
      kind: span.kind,
      text: text.slice(span.start, span.end),
      start: span.start,
      level: span.level,
    });
    at = span.end;
  }
  if (at < text.length || runs.length === 0) runs.push({ kind: 'text', text: text.slice(at), start: at });
  return runs;
}

/**
 * Turn paragraphs and their outline into blocks to render. Outline nodes that do not fit the text (wrong
 * paragraph, marker not found, overlapping another) lose their emphasis but never break the text.
 */
export function buildBlocks(paragraphs: readonly string[], outline: readonly OutlineNode[]): Block[] {
  const byPara = new Map<number, OutlineNode[]>();
  for (const node of outline) {
    if (!Number.isInteger(node.para) || node.para < 0 || node.para >= paragraphs.length) continue;
    const list = byPara.get(node.para);
    if (list) list.push(node);
    else byPara.set(node.para, [node]);
  }

  return paragraphs.map((text, para): Block => {
    const nodes = byPara.get(para);
    if (!nodes) return { para, kind: 'p', runs: [{ kind: 'text', text, start: 0 }] };

    const spans: Span[] = [];
    for (const node of nodes) {
      const start = markerStart(text, node);
      if (start < 0) continue;
      const markerEnd = start + node.marker.length;
      const end = headingEnd(text, node, markerEnd);
      const opening = text.slice(0, start).trim() === '';
      const alone =
        opening && TRAILING_PUNCTUATION.test(text.slice(end)) && text.trim().length <= MAX_HEADING_CHARS;
      if (alone && spans.length === 0) {
        // The whole paragraph is the heading: the element says so, no inner emphasis needed.
        return { para, kind: headingKind(node.level), runs: [{ kind: 'text', text, start: 0 }] };
      }
      const runIn = opening && end - start <= MAX_RUN_IN_CHARS && /[。：:]$/.test(text.slice(0, end));
      if (node.level === 1 || runIn) {
        spans.push({ start, end, kind: 'lead', level: node.level });
      } else {
        const withSeparator = SEPARATORS.includes(text.charAt(markerEnd)) ? markerEnd + 1 : markerEnd;
        spans.push({ start, end: withSeparator, kind: 'marker', level: node.level });
      }
    }

    spans.sort((a, b) => a.start - b.start);
    const kept: Span[] = [];
    for (const span of spans) {
      const last = kept[kept.length - 1];
      if (span.end <= span.start || (last && span.start < last.end)) continue;
      kept.push(span);
    }
    return { para, kind: 'p', runs: splitRuns(text, kept) };
  });
}

/**
 * Characters painted in the reader's first frame: two to three screens at any of the five sizes. The
 * rest of a long speech is added once that frame is on screen (components/reader/Reader.tsx), so the first
 * frame's layout does not grow with the speech (a 30,000-character speech paints as fast as a short one).
 */
export const FIRST_FRAME_CHARACTERS = 3_000;

/**
 * How many blocks the first frame shows: enough to fill the screen from the top. All of them when the
 * reader returns to a remembered position further down (reload, Back): that jump must not wait.
 */
export function firstFrameBlockCount(
  blocks: readonly Block[],
  rememberedPara: number | null = null,
  characters = FIRST_FRAME_CHARACTERS,
): number {
  if (rememberedPara !== null && rememberedPara > (blocks[0]?.para ?? 0)) return blocks.length;
  let total = 0;
  for (let i = 0; i < blocks.length; i++) {
    for (const run of (blocks[i] as Block).runs) total += run.text.length;
    if (total >= characters) return i + 1;
  }
  return blocks.length;
}

/** How far down the page the reader is, 0–100. A page that does not scroll counts as read. */
export function readingProgress(scrollTop: number, scrollHeight: number, viewportHeight: number): number {
  const range = scrollHeight - viewportHeight;
  if (!(range > 0)) return 100;
  return Math.round(Math.min(1, Math.max(0, scrollTop / range)) * 100);
}

/** Characters a reader reads, without spaces. */
export function countCharacters(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.replace(/\s+/g, '').length;
  return n;
}

/** Attentive reading of Chinese runs at about 400 characters a minute. */
export function readingMinutes(characters: number): number {
  return Math.max(1, Math.round(characters / 400));
}

/**
 * `2024-03-05` in the reader's language: 2024年3月5日, March 5, 2024. The date is a calendar day, so it
 * is formatted in UTC (a local time zone must not move it). Anything else is shown as written.
 */
export function formatDate(date: string, locale: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date);
  if (!m) return date;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const when = new Date(Date.UTC(year, month - 1, day));
  if (when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return date;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(when);
  } catch {
    return date;
  }
}
