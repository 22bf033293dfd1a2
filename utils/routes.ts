/**
 * Addresses of Yandu's own pages, built and read only here, in one format:
 *
 *   reader.html?url=<page address>[&snapshot=<key>][&version=<contentHash>][#h=<highlight id> | #p=<para>:<offset>:<length>]
 *   export.html?speech=<id>[&speech=<id>…][&tasks=1][&template=<name>][&format=print]
 *   meeting.html?speech=<id>
 *   library.html[?q=<search>][&speaker=…][&year=…][&category=…][&sort=…][#tasks]
 *
 * `snapshot` is one-shot (the page the tab just left, kept by the background); `version` opens an archived
 * earlier copy read-only; `#h=` scrolls to a highlight, `#p=` to a passage of the text (a library search hit:
paragraph index, character offset in it, length), both flashed. Old bookmarks still open: the export page also reads
 * `?speeches=<id>,<id>` (the reader's earlier form, which could not carry an id with a comma).
 * No imports: the reader's boot script and the background use it too.
 */

export interface ReaderRoute {
  /** The speech's original web address ('' when missing). */
  url: string;
  snapshot?: string | null;
  version?: string | null;
  highlightId?: string | null;
  /** A passage of the text to open at (ignored when `highlightId` is given). */
  passage?: Passage | null;
}

/** A stretch of one paragraph: its index in the speech's paragraphs, the character offset in it and its length. */
export interface Passage {
  para: number;
  offset: number;
  length: number;
}

/** Address of the reader; `page` is the reader page itself (the background passes its full extension URL). */
export function readerHref(route: ReaderRoute, page = 'reader.html'): string {
  const params = new URLSearchParams({ url: route.url });
  if (route.snapshot) params.set('snapshot', route.snapshot);
  if (route.version) params.set('version', route.version);
  const hash = route.highlightId
    ? `#h=${encodeURIComponent(route.highlightId)}`
    : route.passage
      ? `#p=${route.passage.para}:${route.passage.offset}:${route.passage.length}`
      : '';
  return `${page}?${params}${hash}`;
}

/** What a reader address asks for (`search` and `hash` as in `location`). */
export function parseReaderRoute(search: string, hash = ''): Required<ReaderRoute> {
  const params = new URLSearchParams(search);
  return {
    url: params.get('url') ?? '',
    snapshot: params.get('snapshot') || null,
    version: params.get('version') || null,
    highlightId: highlightIdFromHash(hash),
    passage: passageFromHash(hash),
  };
}

/** The passage named by `#p=<para>:<offset>:<length>` (non-negative integers, length at least 1), or null. */
export function passageFromHash(hash: string): Passage | null {
  const match = /^#?p=(\d{1,7}):(\d{1,7}):(\d{1,7})$/.exec(hash);
  if (!match) return null;
  const [para, offset, length] = match.slice(1).map(Number) as [number, number, number];
  return length > 0 ? { para, offset, length } : null;
}

/**
 * The highlight named by a reader address's fragment, `#h=<encodeURIComponent(id)>` (links from the
 * library's task list and search). Null when there is none or it cannot be decoded.
 */
export function highlightIdFromHash(hash: string): string | null {
  const match = /^#?h=(.+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]) || null;
  } catch {
    return null;
  }
}

export interface ExportRoute {
  speechIds: readonly string[];
  includeTasks?: boolean;
  /** 'print' opens the print dialog once the page is laid out. */
  format?: 'print' | null;
  /**
   * A meeting template (utils/export/templates: notes, annotated, …) laid out as paged A4 sheets; without
   * it the page shows the study export of utils/export/model.ts. Kept as a plain string: no imports here.
   */
  template?: string | null;
}

/** Address of the export page for the chosen speeches. */
export function exportHref(route: ExportRoute, page = 'export.html'): string {
  const params = new URLSearchParams();
  for (const id of route.speechIds) params.append('speech', id);
  if (route.includeTasks) params.set('tasks', '1');
  if (route.template) params.set('template', route.template);
  if (route.format) params.set('format', route.format);
  return `${page}?${params}`;
}

/** What an export address asks for: `speech=` repeated (and the old `speeches=a,b`), without duplicates. */
export function parseExportRoute(search: string): Required<ExportRoute> {
  const params = new URLSearchParams(search);
  const ids = [...params.getAll('speech')];
  for (const list of params.getAll('speeches')) ids.push(...list.split(','));
  return {
    speechIds: [...new Set(ids.map((s) => s.trim()).filter(Boolean))],
    includeTasks: params.get('tasks') === '1',
    format: params.get('format') === 'print' ? 'print' : null,
    template: /^[a-z-]{1,30}$/.test(params.get('template') ?? '') ? params.get('template') : null,
  };
}

/** Address of the 学习会 page (components/meeting) for one speech. */
export function meetingHref(speechId: string, page = 'meeting.html'): string {
  return `${page}?${new URLSearchParams({ speech: speechId })}`;
}

/** The speech a 学习会 address names ('' when none). */
export function parseMeetingRoute(search: string): { speechId: string } {
  return { speechId: new URLSearchParams(search).get('speech')?.trim() ?? '' };
}

/** Address of the 专题汇编 page (highlights gathered across speeches). */
export function compilationHref(page = 'compilation.html'): string {
  return page;
}

/** What the library shows: its tab, and the speeches list's search, filters and sort. */
export interface LibraryRoute {
  tab: 'speeches' | 'tasks';
  query: string;
  /** null: all; '' stands for 未注明 / 无日期 (a filter value of its own). */
  speaker: string | null;
  year: string | null;
  /** A highlight category name, or a sort key; checked by the library against its own lists. */
  category: string | null;
  sort: string | null;
}

/**
 * Address of the library: `library.html?q=<search>&speaker=&year=&category=&sort=[#tasks]`, each part only
 * when set. The library keeps its address in step with the list, so Back from a result shows the same list.
 */
export function libraryHref(route: Partial<LibraryRoute>, page = 'library.html'): string {
  const params = new URLSearchParams();
  if (route.query) params.set('q', route.query);
  for (const key of ['speaker', 'year', 'category', 'sort'] as const) {
    const value = route[key];
    if (value !== null && value !== undefined) params.set(key, value);
  }
  const search = params.toString() ? `?${params}` : '';
  return `${page}${search}${route.tab === 'tasks' ? '#tasks' : ''}`;
}

/** What a library address asks for (`search` and `hash` as in `location`). */
export function parseLibraryRoute(search: string, hash = ''): LibraryRoute {
  const params = new URLSearchParams(search);
  return {
    tab: hash === '#tasks' ? 'tasks' : 'speeches',
    query: params.get('q') ?? '',
    speaker: params.get('speaker'),
    year: params.get('year'),
    category: params.get('category'),
    sort: params.get('sort'),
  };
}
