/**
 * The library's data: one summary per stored speech (title, speaker, date, highlight counts per category,
 * last opened), their filters and sort orders, the search documents, and deleting a speech with everything
 * that hangs on it (and putting it all back on 撤销).
 *
 * Opening the library must not wait for every speech text: summaries are cached in the page's localStorage
 * and shown at once, then the database is read in slices after the first paint (texts for search, fresh
 * counts), and the cache refreshed.
 */

import { yieldToPage } from '../frames';
import type { SearchDoc } from '../search';
import {
  HIGHLIGHT_CATEGORIES,
  type Highlight,
  type HighlightCategory,
  type Note,
  type SpeechRecord,
} from '../types';
import type { YanduDB } from './db';
import {
  draftCopiesOf,
  dropDraftCopies,
  highlightDraftId,
  studyNoteDraftId,
  withNewerCopies,
} from './drafts';
import { LOCAL_KEYS, type LocalStore, pageStorage, readLocal, writeLocal } from './local';
import type { TableRows } from './tables';
import { watchLive } from './watch';

export type CategoryCounts = Record<HighlightCategory, number>;

export interface SpeechSummary {
  id: string;
  url: string;
  title: string;
  speaker: string | null;
  /** YYYY-MM-DD or null */
  date: string | null;
  firstOpened: number;
  lastOpened: number;
  counts: CategoryCounts;
  /** All highlights, whatever their category. */
  highlights: number;
  hasNote: boolean;
}

export type SortKey = 'lastOpened' | 'date' | 'title';
export const SORT_KEYS: readonly SortKey[] = ['lastOpened', 'date', 'title'];

export interface LibraryFilter {
  speaker: string | null;
  year: string | null;
  /** Only speeches with at least one highlight of this category. */
  category: HighlightCategory | null;
}

export const NO_FILTER: LibraryFilter = { speaker: null, year: null, category: null };

export function emptyCounts(): CategoryCounts {
  return { task: 0, thesis: 0, data: 0, question: 0 };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const stamp = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The year of a YYYY-MM-DD date, or null. */
export function yearOf(date: string | null): string | null {
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** Summaries of `speeches`, counting the highlights and notes that belong to them. Damaged fields become null. */
export function summarise(
  speeches: readonly SpeechRecord[],
  highlights: readonly Pick<Highlight, 'speechId' | 'category'>[],
  notes: readonly Pick<Note, 'speechId' | 'text'>[],
): SpeechSummary[] {
  const counts = new Map<string, CategoryCounts>();
  const totals = new Map<string, number>();
  for (const h of highlights) {
    let c = counts.get(h.speechId);
    if (!c) {
      c = emptyCounts();
      counts.set(h.speechId, c);
    }
    if (h.category in c) c[h.category] += 1;
    totals.set(h.speechId, (totals.get(h.speechId) ?? 0) + 1);
  }
  const noted = new Set(notes.filter((n) => text(n.text).trim() !== '').map((n) => n.speechId));
  return speeches.map((s) => ({
    id: s.id,
    url: text(s.url),
    title: text(s.title).replace(/\s+/g, ' ').trim(),
    speaker: text(s.speaker).trim() || null,
    date: text(s.date) || null,
    firstOpened: stamp(s.firstOpened),
    lastOpened: stamp(s.lastOpened),
    counts: counts.get(s.id) ?? emptyCounts(),
    highlights: totals.get(s.id) ?? 0,
    hasNote: noted.has(s.id),
  }));
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** A new array in the chosen order: newest first for times and dates (undated last), 拼音 order for titles. */
export function sortSummaries(list: readonly SpeechSummary[], key: SortKey): SpeechSummary[] {
  const byOpened = (a: SpeechSummary, b: SpeechSummary) => b.lastOpened - a.lastOpened;
  const sorted = [...list];
  if (key === 'lastOpened') sorted.sort((a, b) => byOpened(a, b) || collator.compare(a.title, b.title));
  else if (key === 'date') {
    sorted.sort((a, b) => {
      if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
      if (a.date && !b.date) return -1;
      if (!a.date && b.date) return 1;
      return byOpened(a, b);
    });
  } else sorted.sort((a, b) => collator.compare(a.title, b.title) || byOpened(a, b));
  return sorted;
}

export function matchesFilter(s: SpeechSummary, f: LibraryFilter): boolean {
  if (f.speaker !== null && (s.speaker ?? '') !== f.speaker) return false;
  if (f.year !== null && (yearOf(s.date) ?? '') !== f.year) return false;
  if (f.category !== null && s.counts[f.category] === 0) return false;
  return true;
}

export function applyFilter(list: readonly SpeechSummary[], f: LibraryFilter): SpeechSummary[] {
  return list.filter((s) => matchesFilter(s, f));
}

export interface Facets {
  /** Speakers with their number of speeches, most frequent first; '' stands for "not stated". */
  speakers: [string, number][];
  /** Years, newest first; '' stands for "undated". */
  years: [string, number][];
}

export function facets(list: readonly SpeechSummary[]): Facets {
  const speakers = new Map<string, number>();
  const years = new Map<string, number>();
  for (const s of list) {
    const sp = s.speaker ?? '';
    speakers.set(sp, (speakers.get(sp) ?? 0) + 1);
    const y = yearOf(s.date) ?? '';
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  return {
    speakers: [...speakers].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])),
    years: [...years].sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : b[0].localeCompare(a[0]))),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Summary cache (localStorage of the extension's origin)

export const SUMMARY_CACHE_KEY = LOCAL_KEYS.librarySummaries;
const CACHE_VERSION = 1;

function isSummary(v: unknown): v is SpeechSummary {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const counts = s.counts as Record<string, unknown> | null;
  return (
    typeof s.id === 'string' &&
    typeof s.url === 'string' &&
    typeof s.title === 'string' &&
    (s.speaker === null || typeof s.speaker === 'string') &&
    (s.date === null || typeof s.date === 'string') &&
    typeof s.lastOpened === 'number' &&
    typeof s.highlights === 'number' &&
    typeof counts === 'object' &&
    counts !== null &&
    HIGHLIGHT_CATEGORIES.every((c) => typeof counts[c] === 'number')
  );
}

/** The cached summaries, or null when there are none or they do not look right (never throws). */
export function readSummaryCache(store: Pick<Storage, 'getItem'> | undefined): SpeechSummary[] | null {
  const raw = readLocal('librarySummaries', store);
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as { v?: unknown; list?: unknown };
    if (data.v !== CACHE_VERSION || !Array.isArray(data.list) || !data.list.every(isSummary)) return null;
    return data.list;
  } catch {
    return null;
  }
}

export function writeSummaryCache(
  store: Pick<Storage, 'setItem'> | undefined,
  list: readonly SpeechSummary[],
): void {
  writeLocal('librarySummaries', JSON.stringify({ v: CACHE_VERSION, list }), store);
}

// ---------------------------------------------------------------------------------------------------------
// Reading the database in slices

export interface LibraryData {
  speeches: SpeechRecord[];
  highlights: Highlight[];
  notes: Note[];
}

const SLICE = { speeches: 200, highlights: 5_000 };

/** Every row of a table, read by primary key in slices with a pause between them. */
async function readInSlices<T extends { id: string }>(
  table: YanduDB['speeches'] | YanduDB['highlights'] | YanduDB['notes'],
  size: number,
  onSlice?: (rows: T[]) => void,
): Promise<T[]> {
  const out: T[] = [];
  let last: string | null = null;
  for (;;) {
    const where = last === null ? table.orderBy(':id') : table.where(':id').above(last);
    const rows = (await where.limit(size).toArray()) as unknown as T[];
    out.push(...rows);
    onSlice?.(rows);
    if (rows.length < size) return out;
    last = (rows[rows.length - 1] as T).id;
    await yieldToPage();
  }
}

/**
 * Rows of these speeches, one indexed range read per speech. (Dexie's anyOf walks a cursor instead; in
 * fake-indexeddb that took 12 s for 100 speeches where these reads take 0.1 s.)
 */
export async function bySpeechIds<T>(
  table: { where(index: 'speechId'): { equals(key: string): { toArray(): Promise<T[]> } } },
  ids: readonly string[],
): Promise<T[]> {
  return (await Promise.all(ids.map((id) => table.where('speechId').equals(id).toArray()))).flat();
}

/**
 * The `n` most recently opened speeches with their highlights and notes, through the lastOpened and speechId
 * indexes: the first page of the default order, for a first paint that need not wait for the whole library
 * (when there is no summary cache yet).
 */
export async function loadRecent(db: YanduDB, n: number): Promise<LibraryData> {
  return db.transaction('r', [db.speeches, db.highlights, db.notes], async () => {
    const speeches = await db.speeches.orderBy('lastOpened').reverse().limit(n).toArray();
    const ids = speeches.map((s) => s.id);
    const [highlights, notes] = await Promise.all([
      bySpeechIds<Highlight>(db.highlights, ids),
      bySpeechIds<Note>(db.notes, ids),
    ]);
    return { speeches, highlights, notes };
  });
}

/** Everything the library shows and searches, read slice by slice so the page stays responsive. */
export async function loadLibraryData(db: YanduDB, onSlice: SliceListener = {}): Promise<LibraryData> {
  const speeches = await readInSlices<SpeechRecord>(db.speeches, SLICE.speeches, onSlice.speeches);
  const highlights = await readInSlices<Highlight>(db.highlights, SLICE.highlights, onSlice.highlights);
  const notes = await readInSlices<Note>(db.notes, SLICE.highlights, onSlice.notes);
  return { speeches, highlights, notes };
}

/**
 * A cheap summary of the database (counts and newest change times, read from indexes) to tell whether the
 * library changed while the page was hidden, without reading it all again.
 */
export async function libraryFingerprint(db: YanduDB): Promise<string> {
  return db.transaction('r', [db.speeches, db.highlights, db.notes], async () => {
    const [speeches, highlights, notes, opened, edited, noted] = await Promise.all([
      db.speeches.count(),
      db.highlights.count(),
      db.notes.count(),
      db.speeches.orderBy('lastOpened').lastKey(),
      db.highlights.orderBy('updated').lastKey(),
      db.notes.orderBy('updated').lastKey(),
    ]);
    return JSON.stringify([speeches, highlights, notes, opened, edited, noted]);
  });
}

/**
 * The ids of the stored speeches, now and after every change to the speeches table in any tab (a reader
 * saving a new speech or putting a deleted one back, another library tab deleting one). Keys only: cheap for
 * thousands of speeches, and highlight or note writes do not wake it.
 */
export function watchSpeechIds(
  db: YanduDB,
  onChange: (ids: ReadonlySet<string>) => void,
): { unsubscribe(): void } {
  return watchLive(
    () => db.speeches.toCollection().primaryKeys(),
    (keys) => onChange(new Set(keys as string[])),
    'speech ids',
  );
}

/**
 * How the stored speeches differ from the ones a list shows: `added` stored but not shown, `gone` shown but
 * no longer stored.
 */
export function speechIdsChange(
  shown: readonly Pick<SpeechSummary, 'id'>[],
  stored: ReadonlySet<string>,
): { added: boolean; gone: string[] } {
  const listed = new Set(shown.map((s) => s.id));
  let added = false;
  for (const id of stored) {
    if (!listed.has(id)) {
      added = true;
      break;
    }
  }
  return { added, gone: [...listed].filter((id) => !stored.has(id)) };
}

/** Called with each slice as it is read (e.g. to index it for search at once). */
export interface SliceListener {
  speeches?: (rows: SpeechRecord[]) => void;
  highlights?: (rows: Highlight[]) => void;
  notes?: (rows: Note[]) => void;
}

/** The search documents of one speech: title and speaker, 学习心得, highlights and their notes, the text. */
export function speechDocs(
  speech: SpeechRecord,
  highlights: readonly Highlight[],
  note: Note | undefined,
): SearchDoc[] {
  return [...textDocs(speech), ...highlightDocs(highlights), ...noteDocs(note ? [note] : [])];
}

/** Title (with the speaker) and the text of a speech. */
export function textDocs(speech: SpeechRecord): SearchDoc[] {
  const id = speech.id;
  const paragraphs = Array.isArray(speech.paragraphs) ? speech.paragraphs : [];
  return [
    {
      speechId: id,
      kind: 'title',
      text: [text(speech.title), text(speech.speaker)].filter(Boolean).join(' '),
    },
    { speechId: id, kind: 'text', text: paragraphs.join('\n') },
  ];
}

/** Highlighted passages and the notes on them. */
export function highlightDocs(highlights: readonly Highlight[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const h of highlights) {
    if (text(h.note).trim())
      docs.push({ speechId: h.speechId, kind: 'note', text: h.note, highlightId: h.id });
    const exact = text(h.selector?.exact);
    if (exact) docs.push({ speechId: h.speechId, kind: 'highlight', text: exact, highlightId: h.id });
  }
  return docs;
}

/** 学习心得 notes. */
export function noteDocs(notes: readonly Note[]): SearchDoc[] {
  return notes
    .filter((n) => text(n.text).trim())
    .map((n) => ({ speechId: n.speechId, kind: 'studyNote' as const, text: n.text }));
}

// ---------------------------------------------------------------------------------------------------------
// 最近打开

/**
 * The reader opened a stored speech (from the library, a search hit, the task list, a link or Back): it
 * moves to the top of 最近打开. Saving a page from the portal sets lastOpened too (speeches.ts); a reader
 * that shows the stored copy may not save at all, so before this the order changed only from the portal.
 * Never moves a time backwards; false when the speech is not stored.
 */
export async function markOpened(db: YanduDB, speechId: string, now = Date.now()): Promise<boolean> {
  const changed = await db.speeches
    .where(':id')
    .equals(speechId)
    .modify((s) => {
      if (!(s.lastOpened >= now)) s.lastOpened = now;
    });
  return changed > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Delete with undo

/** Everything removed with a speech (every table of tables.ts), kept in memory so 撤销 can put it back exactly. */
export type DeletedSpeech = TableRows & { speech: SpeechRecord };

// tables.ts is imported when a speech is deleted: it brings the database code (Dexie) with it, which the
// library page's first frame, drawn from this module's summary cache, does not wait for.
const tables = () => import('./tables');

/**
 * Delete a speech with everything that hangs on it (tables.ts), in one transaction, and the keystroke copies of
 * its notes in localStorage (drafts.ts: nothing else would ever drop them). A copy newer than its draft row is
 * what the user last typed: it goes into what 撤销 puts back, as that draft row.
 */
export async function deleteSpeech(
  db: YanduDB,
  speechId: string,
  store: LocalStore | undefined = pageStorage(),
): Promise<DeletedSpeech | null> {
  const { deleteRows, rowsOfSpeech, speechTables } = await tables();
  const deleted = await db.transaction('rw', speechTables(db), async () => {
    const rows = await rowsOfSpeech(db, speechId);
    const speech = rows.speeches[0];
    if (!speech) return null;
    await deleteRows(db, rows);
    return { ...rows, speech };
  });
  if (!deleted) return null;
  const owners = [studyNoteDraftId(speechId), ...deleted.highlights.map((h) => highlightDraftId(h.id))];
  const copies = draftCopiesOf(owners, store);
  if (copies.length === 0) return deleted;
  dropDraftCopies(
    copies.map((c) => c.id),
    store,
  );
  return { ...deleted, drafts: withNewerCopies(deleted.drafts, copies) };
}

/** Put a deleted speech back with everything that was removed with it (撤销), keeping what was written since. */
export async function restoreSpeech(db: YanduDB, deleted: TableRows): Promise<void> {
  await (await tables()).restoreRows(db, deleted);
}
