/**
 * 全文带标注: the whole speech with every highlight shaded and underlined by its category (a legend says which
 * is which, and the underline tells them apart in black and white), notes as footnotes at the highlight's end.
 * Highlights are placed in the current text by the same anchoring the reader uses; one that no longer fits is
 * listed after the text rather than dropped.
 */
import { createAnchorer } from '../../anchoring/anchor';
import { HIGHLIGHT_CATEGORIES, type Highlight, type TextSelector } from '../../types';
import type { DocBlock, DocModel, DocRun } from '../doc';
import { oneLine } from '../model';
import { byline, categoryName, groupBy, readingOrder, speechTitle, type TemplateInput } from './common';

export const ANNOTATED_LABELS = { unplaced: '未能在原文中定位的标注', note: '批注' } as const;

interface Span {
  start: number;
  end: number;
  h: Highlight;
  /** The highlight ends in this paragraph: its note goes here (once, even across paragraphs). */
  last: boolean;
}

/** Runs of one paragraph: split at every highlight boundary; where highlights overlap the later one shows. */
export function paragraphRuns(text: string, spans: readonly Span[]): DocRun[] {
  if (spans.length === 0) return [{ text }];
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: DocRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    if (b <= a) continue;
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const top = covering[covering.length - 1];
    const endingHere = spans.filter((s) => s.last && s.end === b && String(s.h.note ?? '').trim());
    runs.push({
      text: text.slice(a, b),
      mark: top?.h.category,
      footnote: endingHere.map((s) => String(s.h.note).trim()).join('\n') || undefined,
    });
  }
  return runs;
}

export function annotatedTemplate(input: TemplateInput): DocModel {
  const blocks: DocBlock[] = [];
  const hs = groupBy(input.highlights, (h) => h.speechId);
  input.speeches.forEach((speech, i) => {
    blocks.push({ kind: 'title', text: speechTitle(speech), pageBreakBefore: i > 0 });
    const line = byline(speech);
    if (line) blocks.push({ kind: 'subtitle', text: line });
    blocks.push({
      kind: 'legend',
      items: HIGHLIGHT_CATEGORIES.map((c) => ({ category: c, name: categoryName(input, c) })),
    });
    const paragraphs = Array.isArray(speech.paragraphs) ? speech.paragraphs : [];
    const place = createAnchorer(paragraphs);
    const byPara = new Map<number, Span[]>();
    const unplaced: Highlight[] = [];
    for (const h of [...(hs.get(speech.id) ?? [])].sort(readingOrder)) {
      const found = h.selector ? place(h.selector) : { placed: false as const, reason: 'no selector' };
      if (!found.placed) {
        unplaced.push(h);
        continue;
      }
      const sel: TextSelector = found.selector;
      for (let p = sel.startPara; p <= sel.endPara; p++) {
        const len = paragraphs[p]?.length ?? 0;
        const last = p === sel.endPara;
        const span = {
          start: p === sel.startPara ? sel.startOffset : 0,
          end: last ? sel.endOffset : len,
          h,
          last,
        };
        const list = byPara.get(p);
        if (list) list.push(span);
        else byPara.set(p, [span]);
      }
    }
    paragraphs.forEach((text, p) => {
      blocks.push({ kind: 'para', runs: paragraphRuns(text, byPara.get(p) ?? []) });
    });
    if (unplaced.length > 0) {
      blocks.push({ kind: 'heading', level: 1, text: ANNOTATED_LABELS.unplaced });
      unplaced.forEach((h, k) => {
        blocks.push({
          kind: 'quote',
          number: k + 1,
          label: categoryName(input, h.category),
          text: oneLine(h.selector?.exact ?? ''),
        });
        if (String(h.note ?? '').trim())
          blocks.push({ kind: 'note', label: ANNOTATED_LABELS.note, text: String(h.note).trim() });
      });
    }
  });
  return { title: '全文带标注', orientation: 'portrait', blocks };
}
