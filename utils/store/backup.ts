/**
 * Full backup of the library (speeches, highlights, 学习心得 notes) as one versioned JSON file, and its
 * restore. A backup file comes from outside the extension, so it is read as hostile until proven otherwise:
 * size caps before parsing, a screen of every key and string that refuses prototype keys, a strict validator for every field, and an
 * import that merges in one transaction so a failure leaves the database exactly as it was.
 */
import { i18n } from '#i18n';
import {
  type Draft,
  HIGHLIGHT_CATEGORIES,
  type Highlight,
  type Note,
  type OutlineEdit,
  type OutlineNodeRef,
  type SpeechRecord,
  type SpeechVersion,
} from '../types';
import type { YanduDB } from './db';
import { isQuotaError } from './errors';
import {
  allRows,
  noRows,
  putRows,
  SPEECH_TABLES,
  type SpeechTable,
  speechTables,
  type TableRows,
} from './tables';

export const BACKUP_FORMAT = 'yandu-backup';
/** Version 2 adds earlier versions of speeches and unsaved drafts (every table of tables.ts). */
export const BACKUP_VERSION = 2;
/** Files of these versions are read; a version-1 file simply has no earlier versions or drafts. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** The file: format, version, time, and one list per table of tables.ts, named as the table. */
export interface BackupFile extends TableRows {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
}

/** Limits far above any real library, low enough that a hostile file cannot exhaust the extension. */
export const BACKUP_LIMITS = {
  maxTextLength: 200 * 1024 * 1024,
  maxRecords: 1_000_000,
  maxStringLength: 1024 * 1024,
};

export type BackupErrorCode =
  | 'not-json'
  | 'too-large'
  | 'too-many-records'
  | 'string-too-long'
  | 'hostile-key'
  | 'unsafe-content'
  | 'bad-url'
  | 'unknown-format'
  | 'unsupported-version'
  | 'bad-shape'
  | 'duplicate-id';

export type ParseResult =
  | { ok: true; backup: BackupFile }
  | { ok: false; code: BackupErrorCode; reason: string };

class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Export

/** Everything in the database, read in one transaction so the tables agree with each other. */
export async function exportBackup(db: YanduDB, now: Date = new Date()): Promise<BackupFile> {
  return db.transaction('r', speechTables(db), async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    ...(await allRows(db)),
  }));
}

/** The backup as the text of a .json file. */
export function serializeBackup(backup: BackupFile): string {
  // Yandu's own files never hold a raw "<": a speech or note that shows "<script>" as text is written as
  // \u003cscript>. So a file with raw markup was not written by Yandu and is refused (parseBackup), while the
  // user's own backup always restores, even when a hostile page put markup-like text into a speech.
  return JSON.stringify(backup).replaceAll('<', '\\u003c');
}

// ---------------------------------------------------------------------------------------------------------
// Validation. A check returns null when the value is fine, otherwise what is wrong: where (a path of keys and
// item indexes) and what was expected, put in words in the UI's language only when a file is refused.

type Expected =
  | 'text'
  | 'nonEmptyText'
  | 'textOrNull'
  | 'count'
  | 'time'
  | 'day'
  | 'oneOf'
  | 'url'
  | 'webUrl'
  | 'javascriptUrl'
  | 'list'
  | 'object'
  | 'missing'
  | 'unknownField'
  | 'section'
  | 'noteId';
interface Problem {
  path: (string | number)[];
  expected: Expected;
  /** oneOf: the values allowed */
  allowed?: readonly unknown[];
}
type Check = (value: unknown) => Problem | null;
const problem = (expected: Expected, allowed?: readonly unknown[]): Problem => ({
  path: [],
  expected,
  allowed,
});
const at = (segment: string | number, inner: Problem): Problem => ({
  ...inner,
  path: [segment, ...inner.path],
});
/** Field tables are typed against the data model: a field added to types.ts does not compile until checked here. */
type Optional = { optional: Check };
type Spec<T> = { [K in keyof T]-?: undefined extends T[K] ? Optional : Check };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => (typeof v === 'string' ? null : problem('text'));
const id: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : problem('nonEmptyText'));
const nullableStr: Check = (v) => (v === null || typeof v === 'string' ? null : problem('textOrNull'));
const count: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : problem('count'));
const time: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : problem('time'));
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day: Check = (v) => (v === null || (typeof v === 'string' && isoDay.test(v)) ? null : problem('day'));
const oneOf =
  (list: readonly unknown[]): Check =>
  (v) =>
    list.includes(v) ? null : problem('oneOf', list);
const optional = (check: Check): Optional => ({ optional: check });

/** URLs must be web addresses; anything else (javascript:, data:, file:) is refused. */
function urlProblem(v: unknown): Problem | null {
  if (typeof v !== 'string') return problem('url');
  // Browsers ignore blanks and control characters inside a scheme, so look at the address without them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is squeezed out
  const squeezed = v.replace(/[\s\u0000-\u001F]/g, '').toLowerCase();
  if (squeezed.includes('javascript:')) return problem('javascriptUrl');
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : problem('webUrl');
  } catch {
    return problem('webUrl');
  }
}
const url: Check = urlProblem;

function arrayOf(check: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return problem('list');
    for (let i = 0; i < v.length; i++) {
      const found = check(v[i]);
      if (found) return at(i, found);
    }
    return null;
  };
}

function object<T>(spec: Spec<T>): Check {
  const entries = Object.entries(spec) as [string, Check | Optional][];
  const known = new Set(entries.map(([k]) => k));
  return (v) => {
    if (!isObject(v)) return problem('object');
    for (const [key, field] of entries) {
      const value = v[key];
      if (typeof field === 'function') {
        if (!Object.hasOwn(v, key)) return at(key, problem('missing'));
        const found = field(value);
        if (found) return at(key, found);
      } else if (value !== undefined) {
        const found = field.optional(value);
        if (found) return at(key, found);
      }
    }
    for (const key of Object.keys(v)) if (!known.has(key)) return at(key, problem('unknownField'));
    return null;
  };
}

const outlineNode = object<SpeechRecord['outline'][number]>({
  level: oneOf([1, 2, 3]),
  marker: str,
  title: str,
  para: count,
  offset: count,
  role: optional(oneOf(['opening', 'closing'])),
  user: optional(oneOf([true])),
});

const level = oneOf([1, 2, 3]);
const nodeRef = object<OutlineNodeRef>({ marker: str, title: str, para: count, offset: count });
const levelEdit = object<Extract<OutlineEdit, { op: 'level' }>>({
  op: oneOf(['level']),
  target: nodeRef,
  level,
});
const removeEdit = object<Extract<OutlineEdit, { op: 'remove' }>>({ op: oneOf(['remove']), target: nodeRef });
const addEdit = object<Extract<OutlineEdit, { op: 'add' }>>({
  op: oneOf(['add']),
  at: object<Extract<OutlineEdit, { op: 'add' }>['at']>({
    para: count,
    offset: count,
    exact: str,
    prefix: str,
  }),
  level,
  title: str,
});
/** One outline edit: checked by its `op`, so the reason names the field that is wrong. */
const outlineEdit: Check = (v) => {
  const op = isObject(v) ? v.op : undefined;
  if (op === 'add') return addEdit(v);
  if (op === 'level') return levelEdit(v);
  if (op === 'remove') return removeEdit(v);
  return at('op', problem('oneOf', ['add', 'level', 'remove']));
};

const speechCheck = object<SpeechRecord>({
  id,
  url,
  title: str,
  speaker: nullableStr,
  occasion: nullableStr,
  date: day,
  source: nullableStr,
  paragraphs: arrayOf(str),
  contentHash: str,
  pages: optional(arrayOf(url)),
  via: optional(oneOf(['trs', 'readability', 'none'])),
  outline: arrayOf(outlineNode),
  firstOpened: time,
  lastOpened: time,
  changedAt: optional(time),
  previousHash: optional(str),
  outlineEdits: optional(arrayOf(outlineEdit)),
  autoOutline: optional(arrayOf(outlineNode)),
});

const highlightCheck = object<Highlight>({
  id,
  speechId: id,
  category: oneOf(HIGHLIGHT_CATEGORIES),
  note: str,
  selector: object<Highlight['selector']>({
    startPara: count,
    startOffset: count,
    endPara: count,
    endOffset: count,
    exact: str,
    prefix: str,
    suffix: str,
  }),
  section: (v) => (Number.isSafeInteger(v) && (v as number) >= -1 ? null : problem('section')),
  task: optional(
    object<NonNullable<Highlight['task']>>({
      status: oneOf(['todo', 'doing', 'done']),
      due: day,
      progress: str,
    }),
  ),
  created: time,
  updated: time,
});

const noteFields = object<Note>({ id, speechId: id, text: str, created: time, updated: time });
/** The one 学习心得 of a speech has the speech's id (types.ts): another id would make a second note. */
const noteCheck: Check = (v) =>
  noteFields(v) ?? ((v as Note).id === (v as Note).speechId ? null : at('id', problem('noteId')));

const versionCheck = object<SpeechVersion>({
  id,
  speechId: id,
  contentHash: str,
  title: str,
  paragraphs: arrayOf(str),
  outline: arrayOf(outlineNode),
  archived: time,
});

const draftCheck = object<Draft>({ id, text: str, updated: time });

/** How each table of tables.ts is named, checked, and dated (the newer copy wins a merge). */
const TABLES: Record<SpeechTable, { name: () => string; check: Check; stamp: (r: never) => number }> = {
  speeches: {
    name: () => i18n.t('bakTableSpeeches'),
    check: speechCheck,
    stamp: (s: SpeechRecord) => s.lastOpened,
  },
  highlights: {
    name: () => i18n.t('bakTableHighlights'),
    check: highlightCheck,
    stamp: (h: Highlight) => h.updated,
  },
  notes: { name: () => i18n.t('bakTableNotes'), check: noteCheck, stamp: (n: Note) => n.updated },
  speechVersions: {
    name: () => i18n.t('bakTableVersions'),
    check: versionCheck,
    stamp: (v: SpeechVersion) => v.archived,
  },
  drafts: { name: () => i18n.t('bakTableDrafts'), check: draftCheck, stamp: (d: Draft) => d.updated },
};
/** Lists a version-1 file does not have. */
const ADDED_IN_V2: ReadonlySet<SpeechTable> = new Set(['speechVersions', 'drafts']);

/** What was expected, in words. */
function expectedText(p: Problem): string {
  switch (p.expected) {
    case 'text':
      return i18n.t('bakExpText');
    case 'nonEmptyText':
      return i18n.t('bakExpNonEmptyText');
    case 'textOrNull':
      return i18n.t('bakExpTextOrNull');
    case 'count':
      return i18n.t('bakExpCount');
    case 'time':
      return i18n.t('bakExpTime');
    case 'day':
      return i18n.t('bakExpDay');
    case 'oneOf':
      return i18n.t('bakExpOneOf', [(p.allowed ?? []).join(' / ')]);
    case 'url':
      return i18n.t('bakExpUrl');
    case 'webUrl':
      return i18n.t('bakExpWebUrl');
    case 'javascriptUrl':
      return i18n.t('bakExpJavascriptUrl');
    case 'list':
      return i18n.t('bakExpList');
    case 'object':
      return i18n.t('bakExpObject');
    case 'missing':
      return i18n.t('bakExpMissing');
    case 'unknownField':
      return i18n.t('bakExpUnknownField');
    case 'section':
      return i18n.t('bakExpSection');
    case 'noteId':
      return i18n.t('bakExpNoteId');
  }
}

/** selector.startPara, paragraphs 第 3 项: keys as they are in the file, items counted from 1. */
function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += ` ${i18n.t('bakItem', [String(segment + 1)])}`;
    else out += out === '' ? segment.slice(0, 40) : `.${segment.slice(0, 40)}`;
  }
  return out.trim();
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SCRIPT_TAG = /<script/i;

/**
 * Every key and string of the parsed file, checked before anything reads the object: prototype keys, strings
 * over 1 MB. (Strings are data: every view renders them as text, never as markup.) JSON.parse only ever defines own data properties (a "__proto__" key cannot reach a
 * prototype), so this walk right after parsing is as safe as a reviver, and faster: on a 33 MB file (100,000
 * highlights) JSON.parse with a reviver took 1.4-2.1 s, JSON.parse plus this walk 0.5-0.8 s.
 */
function screen(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.length > BACKUP_LIMITS.maxStringLength) {
        throw new BackupError('string-too-long', i18n.t('bakErrStringTooLong'));
      }
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          throw new BackupError('hostile-key', i18n.t('bakErrHostileKey', [key]));
        }
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
}

/** Check the whole object; throws BackupError naming the first problem. */
function validate(data: unknown): BackupFile {
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    throw new BackupError('unknown-format', i18n.t('bakErrUnknownFormat'));
  }
  if (typeof data.version !== 'number' || !READABLE_VERSIONS.includes(data.version)) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    throw new BackupError(
      'unsupported-version',
      newer
        ? i18n.t('bakErrNewerVersion', [String(data.version)])
        : i18n.t('bakErrUnknownVersion', [String(JSON.stringify(data.version)).slice(0, 20)]),
    );
  }
  const top = new Set<string>(['format', 'version', 'exportedAt', ...SPEECH_TABLES]);
  for (const key of Object.keys(data)) {
    if (!top.has(key))
      throw new BackupError('bad-shape', i18n.t('bakErrUnknownTopField', [key.slice(0, 40)]));
  }
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) {
    throw new BackupError('bad-shape', i18n.t('bakErrExportedAt'));
  }
  let records = 0;
  const lists = noRows() as unknown as Record<SpeechTable, unknown[]>;
  for (const key of SPEECH_TABLES) {
    const t = TABLES[key];
    const list = data[key] ?? (data.version === 1 && ADDED_IN_V2.has(key) ? [] : undefined);
    if (!Array.isArray(list))
      throw new BackupError('bad-shape', i18n.t('bakErrMissingList', [t.name(), key]));
    lists[key] = list;
    records += list.length;
  }
  if (records > BACKUP_LIMITS.maxRecords) {
    throw new BackupError('too-many-records', i18n.t('bakErrTooManyRecords', [String(records)]));
  }
  for (const key of SPEECH_TABLES) {
    const t = TABLES[key];
    const list = lists[key];
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const found = t.check(list[i]);
      if (found?.expected === 'javascriptUrl') {
        throw new BackupError('unsafe-content', i18n.t('bakErrJavascriptUrl', [t.name(), String(i + 1)]));
      }
      if (found) {
        const code: BackupErrorCode = found.expected === 'webUrl' ? 'bad-url' : 'bad-shape';
        throw new BackupError(
          code,
          i18n.t('bakErrField', [t.name(), String(i + 1), pathText(found.path), expectedText(found)]),
        );
      }
      const recordId = (list[i] as { id: string }).id;
      if (seen.has(recordId)) {
        throw new BackupError(
          'duplicate-id',
          i18n.t('bakErrDuplicateId', [t.name(), String(i + 1), recordId.slice(0, 60)]),
        );
      }
      seen.add(recordId);
    }
  }
  // A version-1 file is read as a file of this version with empty lists for what it did not have.
  return { ...(data as object), ...lists, version: BACKUP_VERSION } as unknown as BackupFile;
}

/** Read a backup file's text. Never throws: a refusal carries a reason for the user (UI language) and a code. */
export function parseBackup(text: string): ParseResult {
  try {
    if (typeof text !== 'string') throw new BackupError('not-json', i18n.t('bakErrUnreadable'));
    if (text.length > BACKUP_LIMITS.maxTextLength) {
      throw new BackupError('too-large', i18n.t('bakErrTooLarge'));
    }
    if (SCRIPT_TAG.test(text)) {
      throw new BackupError('unsafe-content', i18n.t('bakErrScript'));
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new BackupError('not-json', i18n.t('bakErrNotJson'));
    }
    screen(data);
    return { ok: true, backup: validate(data) };
  } catch (e) {
    if (e instanceof BackupError) return { ok: false, code: e.code, reason: e.reason };
    return { ok: false, code: 'bad-shape', reason: i18n.t('bakErrBroken') };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Merge

export interface TableSummary {
  added: number;
  updated: number;
  /** Same id already in the library and at least as new: left as it was. */
  kept: number;
}
export type ImportSummary = Record<SpeechTable, TableSummary>;

export interface MergePlan {
  put: TableRows;
  summary: ImportSummary;
}

function mergeTable<T extends { id: string }>(
  existing: readonly T[],
  incoming: readonly T[],
  stamp: (r: T) => number,
): { put: T[]; summary: TableSummary } {
  const have = new Map<string, T>();
  for (const r of existing) have.set(r.id, r);
  const put: T[] = [];
  const summary: TableSummary = { added: 0, updated: 0, kept: 0 };
  for (const r of incoming) {
    const old = have.get(r.id);
    if (!old) summary.added += 1;
    else if (stamp(r) > stamp(old)) summary.updated += 1;
    else {
      summary.kept += 1;
      continue;
    }
    put.push(r);
    // A later duplicate in the same batch competes with the winner so far.
    have.set(r.id, r);
  }
  return { put, summary };
}

/**
 * What an import writes: records new to the library, and records whose copy in the backup is strictly newer
 * (`lastOpened` for speeches, `archived` for earlier versions, `updated` for the rest). Ties keep the
 * library's copy. Lists missing on either side count as empty.
 */
export function mergePlan(existing: Partial<TableRows>, backup: Partial<TableRows>): MergePlan {
  const put = noRows() as unknown as Record<SpeechTable, { id: string }[]>;
  const summary = {} as ImportSummary;
  for (const key of SPEECH_TABLES) {
    const merged = mergeTable<{ id: string }>(
      existing[key] ?? [],
      backup[key] ?? [],
      TABLES[key].stamp as (r: { id: string }) => number,
    );
    put[key] = merged.put;
    summary[key] = merged.summary;
  }
  return { put: put as unknown as TableRows, summary };
}

/**
 * Merge a parsed backup into the database in ONE read-write transaction over every table: either every
 * record of the plan is written or, on any error, none is (IndexedDB rolls the transaction back).
 */
export async function importBackup(
  db: YanduDB,
  backup: BackupFile,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  return db.transaction('rw', speechTables(db), async () => {
    const plan = mergePlan(await allRows(db), backup);
    const total = SPEECH_TABLES.reduce((n, key) => n + plan.put[key].length, 0);
    let done = 0;
    options.onProgress?.(0, total);
    // Written in slices, still inside the one transaction: a long queue of pending requests is slow in some
    // IndexedDB implementations (fake-indexeddb's is quadratic), and slices give progress to show.
    for (const key of SPEECH_TABLES) {
      const rows = plan.put[key] as unknown[];
      for (let i = 0; i < rows.length; i += WRITE_SLICE) {
        const slice = noRows() as unknown as Record<SpeechTable, unknown[]>;
        slice[key] = rows.slice(i, i + WRITE_SLICE);
        await putRows(db, slice as unknown as TableRows);
        done += slice[key].length;
        options.onProgress?.(done, total);
      }
    }
    return plan.summary;
  });
}

const WRITE_SLICE = 2_000;

export type RestoreResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; code: BackupErrorCode | 'write-failed'; reason: string };

/** Parse and import a backup file's text; the one call the UI needs. Never throws. */
export async function restoreFromText(db: YanduDB, text: string): Promise<RestoreResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, summary: await importBackup(db, parsed.backup) };
  } catch (error) {
    // One transaction: nothing of the file was kept. A full disk says what to do about it.
    return {
      ok: false,
      code: 'write-failed',
      reason: i18n.t(isQuotaError(error) ? 'bakErrWriteFailedFull' : 'bakErrWriteFailed'),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Persistence

/**
 * Ask the browser to keep the database through storage pressure (it may otherwise evict extension data).
 * Returns whether storage is persistent; false when the API is missing or refuses.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (!storage || typeof storage.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
