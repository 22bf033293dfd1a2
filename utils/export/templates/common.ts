/**
 * What every meeting template is built from, and the pieces they share: a speech's whole outline with its
 * highlights numbered in reading order, the newest 学习心得 text (a draft newer than the saved note included),
 * and the line naming a speech (讲话人·场合·日期).
 */
import type { Draft, Highlight, HighlightCategory, Note, OutlineNode, SpeechRecord } from '../../types';
import { cnDate } from '../doc';
import { localDate, oneLine, sectionHeading } from '../model';

/** Who studies, where and when: from the settings (学习人, 单位) and the export dialog (学习时间, 会议). */
export interface StudySettings {
  learner?: string;
  unit?: string;
  /** YYYY-MM-DD, or free text such as "2026年12月2日下午"; the export day when absent. */
  studyTime?: string;
}

export interface TemplateInput {
  speeches: SpeechRecord[];
  highlights: Highlight[];
  notes: Note[];
  /** Unsaved text being typed (drafts table); a backup has none. */
  drafts?: Draft[];
  categoryNames: Record<HighlightCategory, string>;
  settings?: StudySettings;
  exportedAt: Date;
}

export interface SectionQuotes {
  /** Outline index, -1 for the part before the first section, null for highlights that no longer fit. */
  index: number | null;
  node: OutlineNode | null;
  highlights: { h: Highlight; number: number; noteDraft: string | null }[];
}

export interface SpeechView {
  speech: SpeechRecord;
  title: string;
  /** 讲话人·场合·日期, the parts the page gave. */
  byline: string;
  /** Every outline node in order (even those without highlights), plus the opening and unplaced parts. */
  sections: SectionQuotes[];
  /** The 学习心得 to print: the saved note, or a newer draft of it. */
  studyNote: { text: string; draft: boolean } | null;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.MAX_SAFE_INTEGER);

export function readingOrder(a: Highlight, b: Highlight): number {
  return (
    num(a.selector?.startPara) - num(b.selector?.startPara) ||
    num(a.selector?.startOffset) - num(b.selector?.startOffset) ||
    num(a.created) - num(b.created) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function speechTitle(s: Pick<SpeechRecord, 'title'>): string {
  return oneLine(s.title ?? '') || '未命名讲话';
}

export function byline(s: Pick<SpeechRecord, 'speaker' | 'occasion' | 'date'>): string {
  return [s.speaker, s.occasion, s.date ? cnDate(s.date) : null]
    .map((v) => oneLine(v ?? ''))
    .filter(Boolean)
    .join('·');
}

/** Heading of an outline node; the opening and closing parts show their name (types.ts). */
export function nodeHeading(node: OutlineNode): string {
  return sectionHeading(node) || (node.role === 'closing' ? '结束语' : node.role === 'opening' ? '开头' : '');
}

/** Outline level as a heading level (1..3). */
export function nodeLevel(node: OutlineNode): 1 | 2 | 3 {
  return node.level === 2 || node.level === 3 ? node.level : 1;
}

function draftsById(drafts: readonly Draft[] | undefined): Map<string, Draft> {
  return new Map((drafts ?? []).map((d) => [d.id, d]));
}

export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** Every speech of the input with its sections and numbered highlights (numbers run through the speech). */
export function speechViews(input: TemplateInput): SpeechView[] {
  const hs = groupBy(input.highlights, (h) => h.speechId);
  const drafts = draftsById(input.drafts);
  const notes = new Map<string, Note>();
  for (const n of input.notes) {
    const old = notes.get(n.speechId);
    if (!old || n.updated > old.updated) notes.set(n.speechId, n);
  }
  return input.speeches.map((speech) => {
    const outline = Array.isArray(speech.outline) ? speech.outline : [];
    const sorted = [...(hs.get(speech.id) ?? [])].sort(readingOrder);
    const opening: SectionQuotes = { index: -1, node: null, highlights: [] };
    const unplaced: SectionQuotes = { index: null, node: null, highlights: [] };
    const sections: SectionQuotes[] = outline.map((node, index) => ({ index, node, highlights: [] }));
    sorted.forEach((h, i) => {
      const s = h.section;
      const target =
        s === -1 ? opening : Number.isInteger(s) && s >= 0 && s < outline.length ? sections[s] : unplaced;
      const draft = drafts.get(`highlight:${h.id}`)?.text.trim() ?? '';
      (target ?? unplaced).highlights.push({
        h,
        number: i + 1,
        noteDraft: draft && draft !== String(h.note ?? '').trim() ? draft : null,
      });
    });
    // Numbers follow the printed order: opening, outline sections, unplaced.
    const all = [opening, ...sections, unplaced];
    let n = 0;
    for (const sec of all) for (const q of sec.highlights) q.number = ++n;
    const note = notes.get(speech.id);
    const noteDraft = drafts.get(`studyNote:${speech.id}`);
    const saved = String(note?.text ?? '').trim();
    const draftText = noteDraft?.text.trim() ?? '';
    const newer = draftText && draftText !== saved && (!note || (noteDraft?.updated ?? 0) >= note.updated);
    return {
      speech,
      title: speechTitle(speech),
      byline: byline(speech),
      sections: all.filter((sec) => sec.node !== null || sec.highlights.length > 0),
      studyNote: newer ? { text: draftText, draft: true } : saved ? { text: saved, draft: false } : null,
    };
  });
}

export function categoryName(input: Pick<TemplateInput, 'categoryNames'>, c: HighlightCategory): string {
  return oneLine(input.categoryNames[c] ?? '') || c;
}

/** 学习时间 as printed: a given day in Chinese date form, free text as typed, else the export day. */
export function studyTime(input: Pick<TemplateInput, 'settings' | 'exportedAt'>): string {
  const given = oneLine(input.settings?.studyTime ?? '');
  return given ? cnDate(given) : cnDate(localDate(input.exportedAt));
}

/** A blank to fill in by hand when a setting is missing. */
export const BLANK = '＿＿＿＿＿＿';
