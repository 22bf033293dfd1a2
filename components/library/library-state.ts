/**
 * The library page's state and every change to it, as one pure reducer (components/library/LibraryStore.tsx
 * holds it and hands it down by context). What the page shows is derived from this state; loading, searching
 * and deleting (hooks/use-library-*.ts) only dispatch actions.
 */
import type { LibraryRoute } from '@/utils/routes';
import type { SearchIndex } from '@/utils/search';
import type {
  DeletedSpeech,
  LibraryData,
  LibraryFilter,
  SortKey,
  SpeechSummary,
} from '@/utils/store/library';
import { SORT_KEYS } from '@/utils/store/library';
import { HIGHLIGHT_CATEGORIES } from '@/utils/types';

export type Tab = 'speeches' | 'tasks';

/** How much of the library the search index holds: it grows slice by slice on the first load. */
export interface IndexProgress {
  done: number;
  total: number;
  complete: boolean;
  /** Bumped each time the growing index changes in place, so searches run again. */
  version: number;
}

export interface Snack {
  message: string;
  undo?: DeletedSpeech;
}

export interface LibraryState {
  tab: Tab;
  /** null until the cache or the database has answered. */
  summaries: SpeechSummary[] | null;
  /** The list shows only the most recent speeches while the whole library is still being read. */
  partial: boolean;
  data: LibraryData | null;
  index: SearchIndex | null;
  indexed: IndexProgress;
  error: string;
  query: string;
  filter: LibraryFilter;
  sort: SortKey;
  /** Ticked rows: exported together, or (exactly two) compared. */
  selected: ReadonlySet<string>;
  /** The speech whose deletion is being asked about. */
  confirming: SpeechSummary | null;
  snack: Snack | null;
  /** The speeches the export dialog is open for. */
  exportIds: string[] | null;
}

export type LibraryAction =
  | { type: 'tab'; tab: Tab }
  | { type: 'failed'; error: string }
  /** The newest page of speeches, painted before the whole library is read (no cache yet). */
  | { type: 'recent'; summaries: SpeechSummary[] }
  | { type: 'indexGrowing'; index: SearchIndex }
  | { type: 'indexProgress'; done: number; total: number; version: number }
  | { type: 'loaded'; data: LibraryData; summaries: SpeechSummary[]; index: SearchIndex }
  | { type: 'query'; query: string }
  | { type: 'filter'; filter: LibraryFilter }
  | { type: 'sort'; sort: SortKey }
  | { type: 'toggle'; id: string }
  | { type: 'select'; ids: readonly string[] }
  | { type: 'confirm'; speech: SpeechSummary | null }
  /** A speech was deleted: it leaves the list, the selection and the loaded data; the snack offers undo. */
  | { type: 'removed'; id: string; snack: Snack }
  /** Speeches deleted elsewhere (another library tab): they leave the page, with no undo offered here. */
  | { type: 'gone'; ids: readonly string[] }
  | { type: 'snack'; snack: Snack | null }
  | { type: 'export'; ids: string[] | null };

/**
 * The state a page opens with: the cached list, and the tab, search, filters and sort its address names
 * (utils/routes.ts libraryHref), so Back from a result shows the list the user left.
 */
export function initialLibraryState(
  summaries: SpeechSummary[] | null,
  route: Partial<LibraryRoute> = {},
): LibraryState {
  const category = HIGHLIGHT_CATEGORIES.find((c) => c === route.category) ?? null;
  return {
    tab: route.tab ?? 'speeches',
    summaries,
    partial: false,
    data: null,
    index: null,
    indexed: { done: 0, total: 0, complete: false, version: 0 },
    error: '',
    query: route.query ?? '',
    filter: { speaker: route.speaker ?? null, year: route.year ?? null, category },
    sort: SORT_KEYS.find((k) => k === route.sort) ?? 'lastOpened',
    selected: new Set(),
    confirming: null,
    snack: null,
    exportIds: null,
  };
}

export function libraryReducer(state: LibraryState, action: LibraryAction): LibraryState {
  switch (action.type) {
    case 'tab':
      return { ...state, tab: action.tab };
    case 'failed':
      return { ...state, error: action.error };
    case 'recent':
      // A cache or a full read that answered first wins: the newest page is only a stand-in for nothing.
      return state.summaries ? state : { ...state, summaries: action.summaries, partial: true };
    case 'indexGrowing':
      return { ...state, index: action.index };
    case 'indexProgress':
      return {
        ...state,
        indexed: { done: action.done, total: action.total, complete: false, version: action.version },
      };
    case 'loaded': {
      const total = action.data.speeches.length;
      return {
        ...state,
        data: action.data,
        summaries: action.summaries,
        partial: false,
        index: action.index,
        indexed: { done: total, total, complete: true, version: -1 },
      };
    }
    case 'query':
      return { ...state, query: action.query };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'sort':
      return { ...state, sort: action.sort };
    case 'toggle': {
      const selected = new Set(state.selected);
      if (selected.has(action.id)) selected.delete(action.id);
      else selected.add(action.id);
      return { ...state, selected };
    }
    case 'select':
      return { ...state, selected: new Set(action.ids) };
    case 'confirm':
      return { ...state, confirming: action.speech };
    case 'removed':
      return removed(state, [action.id], action.snack);
    case 'gone':
      return removed(state, action.ids, state.snack);
    case 'snack':
      return { ...state, snack: action.snack };
    case 'export':
      return { ...state, exportIds: action.ids };
  }
}

function removed(state: LibraryState, ids: readonly string[], snack: Snack | null): LibraryState {
  const out = new Set(ids);
  const selected = new Set([...state.selected].filter((id) => !out.has(id)));
  const d = state.data;
  return {
    ...state,
    summaries: (state.summaries ?? []).filter((s) => !out.has(s.id)),
    selected,
    snack,
    data: d && {
      speeches: d.speeches.filter((x) => !out.has(x.id)),
      highlights: d.highlights.filter((h) => !out.has(h.speechId)),
      notes: d.notes.filter((n) => !out.has(n.speechId)),
    },
  };
}

/** The address parts that keep what the speeches list shows (utils/routes.ts libraryHref). */
export function routeOf(state: Pick<LibraryState, 'tab' | 'query' | 'filter' | 'sort'>): LibraryRoute {
  const { tab, query, filter, sort } = state;
  return {
    tab,
    query,
    speaker: filter.speaker,
    year: filter.year,
    category: filter.category,
    sort: sort === 'lastOpened' ? null : sort,
  };
}

/**
 * The two picked speeches as OLD and NEW for 对照 (utils/compare/rows.ts comparePageUrl), or null unless
 * exactly two known speeches are picked. The older speech by its date is OLD, whatever order they were
 * picked in; an undated one counts as older than a dated one (a report is usually dated; its source may
 * not be), and between equal dates the one first opened is OLD.
 */
export function comparePair(
  selected: ReadonlySet<string>,
  summaries: readonly SpeechSummary[],
): { oldId: string; newId: string } | null {
  if (selected.size !== 2) return null;
  const picked = summaries.filter((s) => selected.has(s.id));
  const [a, b] = picked;
  if (picked.length !== 2 || !a || !b) return null;
  const [older, newer] = isOlder(b, a) ? [b, a] : [a, b];
  return { oldId: older.id, newId: newer.id };
}

function isOlder(a: SpeechSummary, b: SpeechSummary): boolean {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db;
  return a.firstOpened < b.firstOpened;
}
