/**
 * What the 专题汇编 page remembers between visits (localStorage, utils/store/local.ts): the title, the filter
 * and the user's order. Read defensively: a damaged or older value gives the defaults field by field, never
 * an error. The filter handed to the `compilation` template (utils/export/templates/compilation.ts) is built
 * here, so the page, its print view and the Word file show the same excerpts in the same order.
 */
import type { CompilationFilter } from '../export/templates/compilation';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory, type SpeechRecord } from '../types';

export interface CompilationState {
  topic: string;
  /** None chosen: every category. */
  categories: HighlightCategory[];
  keyword: string;
  /** '' for every speaker. */
  speaker: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
  /** Highlight ids as the user arranged them (order.ts). */
  order: string[];
  /**
   * When it was last changed (ms): a backup restore keeps the newer of two (utils/store/backup/local-items.ts).
   * Missing on a state saved before this was kept.
   */
  savedAt?: number;
}

export const EMPTY_COMPILATION: Readonly<CompilationState> = Object.freeze({
  topic: '',
  categories: [],
  keyword: '',
  speaker: '',
  from: '',
  to: '',
  order: [],
});

const text = (v: unknown, max = 200) => (typeof v === 'string' ? v.slice(0, max) : '');
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
const isCategory = (v: unknown): v is HighlightCategory =>
  (HIGHLIGHT_CATEGORIES as readonly unknown[]).includes(v);

export function parseCompilationState(raw: string | null): CompilationState {
  let v: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) v = parsed as Record<string, unknown>;
  } catch {
    // a damaged value: the defaults
  }
  const list = (x: unknown) => (Array.isArray(x) ? x : []);
  const savedAt =
    typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) && v.savedAt >= 0 ? v.savedAt : null;
  return {
    topic: text(v.topic),
    categories: [...new Set(list(v.categories).filter(isCategory))],
    keyword: text(v.keyword),
    speaker: text(v.speaker),
    from: day(v.from),
    to: day(v.to),
    order: [...new Set(list(v.order).filter((id): id is string => typeof id === 'string'))],
    ...(savedAt === null ? {} : { savedAt }),
  };
}

export function serializeCompilationState(s: CompilationState): string {
  return JSON.stringify(s);
}

/** The template's filter: empty fields left out, the user's order included. */
export function compilationFilter(s: CompilationState): CompilationFilter {
  const f: CompilationFilter = { order: s.order };
  if (s.topic.trim()) f.topic = s.topic.trim();
  if (s.categories.length > 0) f.categories = s.categories;
  if (s.keyword.trim()) f.keyword = s.keyword.trim();
  if (s.speaker) f.speaker = s.speaker;
  if (s.from) f.from = s.from;
  if (s.to) f.to = s.to;
  return f;
}

/** The speakers to choose from: each speaker of a speech with highlights once, in Chinese collation order. */
export function speakersOf(
  speeches: readonly Pick<SpeechRecord, 'id' | 'speaker'>[],
  withHighlights: ReadonlySet<string>,
): string[] {
  const names = new Set<string>();
  for (const s of speeches) {
    const name = s.speaker?.trim();
    if (name && withHighlights.has(s.id)) names.add(name);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
