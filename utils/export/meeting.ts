/**
 * 学习会 mode: a speech shown section by section, full screen, with only what the reader marked and wrote:
 * one slide per outline section that holds highlights (the opening and unplaced ones included), in reading
 * order, then the 学习心得. Pure functions; the page is components/meeting/MeetingMode.tsx.
 */
import type { Highlight, HighlightCategory, Note, SpeechRecord } from '../types';
import { categoryName, nodeHeading, readingOrder, speechTitle } from './templates/common';

export interface MeetingItem {
  highlightId: string;
  category: HighlightCategory;
  label: string;
  text: string;
  note: string;
}

export interface MeetingSlide {
  heading: string;
  items: MeetingItem[];
  /** Set on the last slide: the 学习心得 text. */
  studyNote?: string;
}

export function meetingSlides(
  speech: SpeechRecord,
  highlights: readonly Highlight[],
  note: Note | undefined,
  categoryNames: Record<HighlightCategory, string>,
): MeetingSlide[] {
  const outline = Array.isArray(speech.outline) ? speech.outline : [];
  const bySection = new Map<number, MeetingItem[]>();
  for (const h of [...highlights].filter((x) => x.speechId === speech.id).sort(readingOrder)) {
    const s =
      Number.isInteger(h.section) && h.section >= -1 && h.section < outline.length
        ? h.section
        : outline.length;
    const item = {
      highlightId: h.id,
      category: h.category,
      label: categoryName({ categoryNames }, h.category),
      text: String(h.selector?.exact ?? '').trim(),
      note: String(h.note ?? '').trim(),
    };
    const list = bySection.get(s);
    if (list) list.push(item);
    else bySection.set(s, [item]);
  }
  const slides: MeetingSlide[] = [];
  for (const [s, items] of [...bySection].sort((a, b) => a[0] - b[0])) {
    const node = outline[s];
    slides.push({ heading: s === -1 ? '开篇' : node ? nodeHeading(node) : '未能定位', items });
  }
  const text = String(note?.text ?? '').trim();
  if (text) slides.push({ heading: '学习心得', items: [], studyNote: text });
  if (slides.length === 0) slides.push({ heading: speechTitle(speech), items: [] });
  return slides;
}

/** Elapsed time as m:ss (or h:mm:ss past an hour), for the meeting timer. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The slide index after a key press: ←/PageUp back, →/PageDown/space forward, Home/End to the ends. */
export function nextSlide(index: number, count: number, key: string): number {
  const last = Math.max(0, count - 1);
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ') return Math.min(last, index + 1);
  if (key === 'ArrowLeft' || key === 'PageUp') return Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return index;
}
