/**
 * 专题汇编: highlights across speeches chosen by category, keyword, speaker and date range, in the order the
 * user arranged them (by speech date and reading order otherwise), each with its 出处 (speaker, occasion, date,
 * section), exported as one document.
 */
import type { HighlightCategory } from '../../types';
import { cnDate, type DocBlock, type DocModel } from '../doc';
import { oneLine } from '../model';
import { categoryName, nodeHeading, readingOrder, speechTitle, type TemplateInput } from './common';

export interface CompilationFilter {
  /** Title of the collection: "关于职工服务的重要论述". */
  topic?: string;
  categories?: readonly HighlightCategory[];
  /** Matched in the highlight's text and its note. */
  keyword?: string;
  speaker?: string;
  /** YYYY-MM-DD, inclusive; a speech without a date is left out when a range is given. */
  from?: string;
  to?: string;
  /** Highlight ids in the order the user arranged; ids not listed follow in the default order. */
  order?: readonly string[];
}

export interface CompilationEntry {
  highlightId: string;
  category: HighlightCategory;
  text: string;
  note: string;
  speaker: string | null;
  occasion: string | null;
  date: string | null;
  title: string;
  section: string;
}

/** 出处: 王建华在全市工会工作会议上的讲话（2026年3月12日）·第一，… */
export function citation(
  e: Pick<CompilationEntry, 'speaker' | 'occasion' | 'date' | 'title' | 'section'>,
): string {
  const who = e.speaker && e.occasion ? `${e.speaker}在${e.occasion}上的讲话` : `《${e.title}》`;
  const when = e.date ? `（${cnDate(e.date)}）` : '';
  return `${who}${when}${e.section ? `·${e.section}` : ''}`;
}

export function compilationEntries(input: TemplateInput, f: CompilationFilter): CompilationEntry[] {
  const speeches = new Map(input.speeches.map((s) => [s.id, s]));
  const keyword = oneLine(f.keyword ?? '');
  const speaker = oneLine(f.speaker ?? '');
  const picked = input.highlights.filter((h) => {
    const s = speeches.get(h.speechId);
    if (!s) return false;
    if (f.categories && f.categories.length > 0 && !f.categories.includes(h.category)) return false;
    if (keyword && !`${h.selector?.exact ?? ''}\n${h.note ?? ''}`.includes(keyword)) return false;
    if (speaker && !(s.speaker ?? '').includes(speaker)) return false;
    if ((f.from || f.to) && !s.date) return false;
    if (f.from && (s.date ?? '') < f.from) return false;
    if (f.to && (s.date ?? '') > f.to) return false;
    return true;
  });
  const speechOrder = new Map(input.speeches.map((s, i) => [s.id, i]));
  picked.sort((a, b) => {
    const sa = speeches.get(a.speechId);
    const sb = speeches.get(b.speechId);
    const da = sa?.date ?? '9999';
    const db = sb?.date ?? '9999';
    if (da !== db) return da < db ? -1 : 1;
    return (speechOrder.get(a.speechId) ?? 0) - (speechOrder.get(b.speechId) ?? 0) || readingOrder(a, b);
  });
  const rank = new Map((f.order ?? []).map((id, i) => [id, i]));
  const ordered = [
    ...picked.filter((h) => rank.has(h.id)).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
    ...picked.filter((h) => !rank.has(h.id)),
  ];
  return ordered.map((h) => {
    const s = speeches.get(h.speechId);
    const node = Number.isInteger(h.section) && h.section >= 0 ? s?.outline?.[h.section] : undefined;
    return {
      highlightId: h.id,
      category: h.category,
      text: oneLine(h.selector?.exact ?? ''),
      note: String(h.note ?? '').trim(),
      speaker: s?.speaker ? oneLine(s.speaker) : null,
      occasion: s?.occasion ? oneLine(s.occasion) : null,
      date: s?.date ?? null,
      title: s ? speechTitle(s) : '',
      section: node ? nodeHeading(node) : '',
    };
  });
}

export function compilationTemplate(input: TemplateInput, f: CompilationFilter = {}): DocModel {
  const entries = compilationEntries(input, f);
  const title = oneLine(f.topic ?? '') || '专题汇编';
  const blocks: DocBlock[] = [{ kind: 'title', text: title }];
  const scope = [
    f.categories?.length ? f.categories.map((c) => categoryName(input, c)).join('、') : '',
    f.keyword ? `含“${oneLine(f.keyword)}”` : '',
    f.speaker ? `讲话人：${oneLine(f.speaker)}` : '',
    f.from || f.to ? `${f.from ? cnDate(f.from) : ''}至${f.to ? cnDate(f.to) : ''}` : '',
  ].filter(Boolean);
  blocks.push({
    kind: 'subtitle',
    text: `${scope.length > 0 ? `${scope.join('　')}　` : ''}共${entries.length}条`,
  });
  entries.forEach((e, i) => {
    blocks.push({
      kind: 'quote',
      number: i + 1,
      label: categoryName(input, e.category),
      text: e.text,
      source: `出处：${citation(e)}`,
    });
    if (e.note) blocks.push({ kind: 'note', label: '批注', text: e.note });
  });
  return { title, orientation: 'portrait', blocks };
}
