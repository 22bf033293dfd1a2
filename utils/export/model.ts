/**
 * The study export (学习笔记) as a neutral document model: what a cadre takes to the study meeting, built from
 * speeches, their highlights and 学习心得 notes. The renderers (export-docx, export-markdown, export-text) only
 * lay this model out, so the three formats always say the same thing in the same order.
 */

import { yieldToPage } from '../frames';
import { compareReadingOrder, nestOutline, type OutlineItem, sectionHeading } from '../outline/sections';
import { localDate } from '../text/dates';
import type { Highlight, HighlightCategory, Note, OutlineNode, SpeechRecord, TaskStatus } from '../types';

/** Fixed Chinese labels of the exported document (it is read at a Chinese study meeting). */
export const EXPORT_LABELS = {
  documentTitle: '学习笔记',
  exportedAt: '导出日期',
  speaker: '讲话人',
  occasion: '场合',
  date: '日期',
  source: '原文',
  opening: '开篇',
  unplaced: '未能定位',
  note: '批注',
  studyNote: '学习心得',
  tasks: '重点任务清单',
  taskColumns: ['任务', '出处', '状态', '完成时限', '落实情况'] as const,
  noDue: '—',
} as const;

export const TASK_STATUS_NAMES: Record<TaskStatus, string> = {
  todo: '未开始',
  doing: '推进中',
  done: '已完成',
};

/** One highlighted passage with what the reader wrote about it. */
export interface ExportQuote {
  highlightId: string;
  category: HighlightCategory;
  categoryName: string;
  text: string;
  /** The reader's note on the passage, trimmed; '' when none. */
  note: string;
}

/**
 * A group of quotes under one heading. `section` groups follow the speech outline; `opening` holds what comes
 * before the first section, `unplaced` what no longer fits the outline (never dropped).
 */
export interface ExportGroup {
  kind: 'opening' | 'section' | 'unplaced';
  /** Heading text as shown: "第一，强化思想引领", "（二）抓好落实", "开篇". */
  heading: string;
  /** 1..3: the outline level (opening and unplaced groups sit at level 1). */
  level: 1 | 2 | 3;
  quotes: ExportQuote[];
  children: ExportGroup[];
}

export interface ExportSpeech {
  id: string;
  title: string;
  speaker: string | null;
  occasion: string | null;
  date: string | null;
  url: string;
  groups: ExportGroup[];
  /** The speech's 学习心得, trimmed; null when there is none. */
  studyNote: string | null;
  /** Number of quotes in `groups` (all of them, nested included). */
  quoteCount: number;
}

/** One row of the key-task table (重点任务清单). */
export interface ExportTaskRow {
  highlightId: string;
  task: string;
  /** 出处: the speech title and, when known, the section heading. */
  source: string;
  status: TaskStatus;
  statusName: string;
  due: string | null;
  progress: string;
}

export interface StudyExport {
  title: string;
  /** YYYY-MM-DD, local date of the export. */
  exportedAt: string;
  speeches: ExportSpeech[];
  /** null when the key-task table was not asked for; [] when asked for but there are no tasks. */
  tasks: ExportTaskRow[] | null;
}

export interface StudyExportInput {
  speeches: SpeechRecord[];
  highlights: Highlight[];
  notes: Note[];
  categoryNames: Record<HighlightCategory, string>;
  includeTasks: boolean;
  exportedAt: Date;
}

export type ProgressCallback = (done: number, total: number) => void;

export { sectionHeading } from '../outline/sections';
export { localDate } from '../text/dates';

/** Collapse whitespace runs (line breaks included) to one space: for headings and one-line fields. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function toQuote(h: Highlight, names: Record<HighlightCategory, string>): ExportQuote {
  return {
    highlightId: h.id,
    category: h.category,
    // A category unknown to the settings still shows something rather than an empty label.
    categoryName: oneLine(names[h.category] ?? '') || h.category,
    // Stored records are typed, but one damaged by an old version must not break the whole export.
    text: String(h.selector?.exact ?? '').trim(),
    note: String(h.note ?? '').trim(),
  };
}

/** Section of a highlight: its outline index, -1 for the opening, null when it does not fit the outline. */
function placeOf(h: Highlight, outlineLength: number): number | null {
  const s = h.section;
  if (s === -1) return -1;
  if (Number.isInteger(s) && s >= 0 && s < outlineLength) return s;
  return null;
}

interface SpeechPart {
  speech: ExportSpeech;
  tasks: ExportTaskRow[];
}

/** The export of one speech plus its key-task rows. `highlights` are this speech's only. */
function buildSpeech(
  record: SpeechRecord,
  highlights: Highlight[],
  note: Note | undefined,
  names: Record<HighlightCategory, string>,
): SpeechPart {
  const outline = Array.isArray(record.outline) ? record.outline : [];
  const sorted = [...highlights].sort(compareReadingOrder);
  const opening: ExportQuote[] = [];
  const unplaced: ExportQuote[] = [];
  const bySection = new Map<number, ExportQuote[]>();
  const tasks: ExportTaskRow[] = [];
  const title = oneLine(record.title) || '未命名讲话';

  for (const h of sorted) {
    const quote = toQuote(h, names);
    const place = placeOf(h, outline.length);
    if (place === null) unplaced.push(quote);
    else if (place === -1) opening.push(quote);
    else {
      const list = bySection.get(place);
      if (list) list.push(quote);
      else bySection.set(place, [quote]);
    }
    if (h.category === 'task') {
      const node = place !== null && place >= 0 ? outline[place] : undefined;
      tasks.push({
        highlightId: h.id,
        task: oneLine(quote.text),
        source: node ? `《${title}》${sectionHeading(node)}` : `《${title}》`,
        status: h.task?.status ?? 'todo',
        statusName: TASK_STATUS_NAMES[h.task?.status ?? 'todo'] ?? TASK_STATUS_NAMES.todo,
        due: h.task?.due ?? null,
        progress: String(h.task?.progress ?? '').trim(),
      });
    }
  }

  const groups: ExportGroup[] = [];
  if (opening.length > 0) {
    groups.push({ kind: 'opening', heading: EXPORT_LABELS.opening, level: 1, quotes: opening, children: [] });
  }
  groups.push(...sectionTree(outline, bySection));
  if (unplaced.length > 0) {
    groups.push({
      kind: 'unplaced',
      heading: EXPORT_LABELS.unplaced,
      level: 1,
      quotes: unplaced,
      children: [],
    });
  }

  const studyNote = String(note?.text ?? '').trim() || null;
  return {
    speech: {
      id: record.id,
      title,
      speaker: record.speaker ? oneLine(record.speaker) : null,
      occasion: record.occasion ? oneLine(record.occasion) : null,
      date: record.date ? oneLine(record.date) : null,
      url: oneLine(record.url ?? ''),
      groups,
      studyNote,
      quoteCount: sorted.length,
    },
    tasks,
  };
}

/**
 * The outline's tree (outline/sections.ts), keeping a section only if it or a descendant holds quotes, so the
 * exported outline reads right without empty headings.
 */
function sectionTree(outline: readonly OutlineNode[], bySection: Map<number, ExportQuote[]>): ExportGroup[] {
  if (bySection.size === 0) return [];
  const prune = (items: readonly OutlineItem[]): ExportGroup[] =>
    items.flatMap(({ index, node, children }) => {
      const quotes = bySection.get(index) ?? [];
      const kept = prune(children);
      if (quotes.length === 0 && kept.length === 0) return [];
      const level = node.level === 2 || node.level === 3 ? node.level : 1;
      return [{ kind: 'section' as const, heading: sectionHeading(node), level, quotes, children: kept }];
    });
  return prune(nestOutline(outline));
}

function groupBySpeech<T extends { speechId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.speechId);
    if (list) list.push(row);
    else map.set(row.speechId, [row]);
  }
  return map;
}

/** Latest note per speech (there should be one; if a merge left two, the newer text wins). */
function notesBySpeech(notes: readonly Note[]): Map<string, Note> {
  const map = new Map<string, Note>();
  for (const n of notes) {
    const old = map.get(n.speechId);
    if (!old || n.updated > old.updated) map.set(n.speechId, n);
  }
  return map;
}

function assemble(input: StudyExportInput, parts: SpeechPart[]): StudyExport {
  return {
    title: EXPORT_LABELS.documentTitle,
    exportedAt: localDate(input.exportedAt),
    speeches: parts.map((p) => p.speech),
    tasks: input.includeTasks ? parts.flatMap((p) => p.tasks) : null,
  };
}

/** Build the export in one go: speeches in the order given, highlights in reading order. */
export function buildStudyExport(input: StudyExportInput): StudyExport {
  const hs = groupBySpeech(input.highlights);
  const ns = notesBySpeech(input.notes);
  const parts = input.speeches.map((s) =>
    buildSpeech(s, hs.get(s.id) ?? [], ns.get(s.id), input.categoryNames),
  );
  return assemble(input, parts);
}

export { yieldToPage };

/**
 * Same result as buildStudyExport, built a few speeches at a time with a pause in between so a large selection
 * never freezes the page; `onProgress(done, total)` counts speeches.
 */
export async function buildStudyExportChunked(
  input: StudyExportInput,
  options: { onProgress?: ProgressCallback; chunkSize?: number } = {},
): Promise<StudyExport> {
  const hs = groupBySpeech(input.highlights);
  const ns = notesBySpeech(input.notes);
  const total = input.speeches.length;
  const chunk = Math.max(1, options.chunkSize ?? 5);
  const parts: SpeechPart[] = [];
  options.onProgress?.(0, total);
  for (let i = 0; i < total; i += chunk) {
    for (const s of input.speeches.slice(i, i + chunk)) {
      parts.push(buildSpeech(s, hs.get(s.id) ?? [], ns.get(s.id), input.categoryNames));
    }
    options.onProgress?.(parts.length, total);
    if (parts.length < total) await yieldToPage();
  }
  return assemble(input, parts);
}
