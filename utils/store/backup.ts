/**
 * Full backup of the library (speeches, highlights, 学习心得, earlier versions, drafts, and what the caller
 * hands in: the category names/colours and reading settings, the reading positions and the 专题汇编 state kept
 * in localStorage, backup/local-items.ts) as one versioned JSON file, and its restore.
 *
 * A backup file comes from outside the extension, so it is read as hostile until proven otherwise. A file
 * that is damaged as a whole (not JSON, cut short, another format or version, prototype keys, raw script
 * markup, over the size caps) is refused untouched. Inside a sound file each record is judged on its own:
 * one that is malformed or does not fit the library is skipped and listed with a reason in the UI's
 * language, and the others are restored. Records pass the same intake as when the reader saves a speech
 * (intake.ts), so whatever Yandu stores, its own backup restores. Times in the future are clamped to now.
 * The merge (backup/merge.ts) keeps every text it would replace, and is previewed before it is written.
 */
import { i18n } from '#i18n';
import { type CompilationState, parseCompilationState } from '../compilation/state';
import { HIGHLIGHT_CATEGORIES, type Highlight, type SpeechRecord, type SpeechVersion } from '../types';
import {
  type Check,
  compilationCheck,
  draftCheck,
  highlightCheck,
  isObject,
  noteCheck,
  type Problem,
  positionCheck,
  speechCheck,
  versionCheck,
} from './backup/checks';
import { type BackupPosition, forSpeeches, type LocalItems } from './backup/local-items';
import {
  type ImportSummary,
  type MergePlan,
  mergePlan,
  type Refusal,
  type SpeechPreview,
} from './backup/merge';
import type { YanduDB } from './db';
import { isQuotaError } from './errors';
import { intakeSpeech, intakeVersion, remapSelector } from './intake';
import {
  allRows,
  noRows,
  putRows,
  SPEECH_TABLES,
  type SpeechTable,
  speechTables,
  type TableRows,
} from './tables';

export type { ImportSummary, MergePlan, SpeechPreview, TableSummary } from './backup/merge';
export { mergePlan } from './backup/merge';

export const BACKUP_FORMAT = 'yandu-backup';
/**
 * Version 2 added earlier versions and drafts; version 3 the category names/colours and reading settings;
 * version 4 the reading positions and the 专题汇编 state (localStorage items, backup/local-items.ts).
 */
export const BACKUP_VERSION = 4;
/** Files of these versions are read; an older file simply lacks what came later. */
const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4];

/**
 * Settings that live in extension storage (utils/settings.ts), carried as plain data: the caller reads them
 * before the export and writes them back after a restore, so the store never touches browser APIs. Checked
 * here only for shape; the caller normalises them (normalizeCategorySettings, normalizeReaderSettings).
 */
export interface BackupSettings {
  categories?: Record<string, { name: string; color: string }>;
  reader?: Record<string, string | number>;
}

/** The file: format, version, time, and one list per table of tables.ts, named as the table. */
export interface BackupFile extends TableRows {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  settings?: BackupSettings;
  /** Where each speech was left (version 4). */
  readingPositions?: BackupPosition[];
  /** The 专题汇编 page's title, filter and order (version 4). */
  compilation?: CompilationState;
}

/** Limits far above any real library, low enough that a hostile file cannot exhaust the extension. */
export const BACKUP_LIMITS = {
  maxTextLength: 200 * 1024 * 1024,
  maxRecords: 1_000_000,
  /** Per string. Above what a stored record can hold (notes are not capped when typed): 16 M characters. */
  maxStringLength: 16 * 1024 * 1024,
  /** How far in the future a time may be (clocks of two computers differ); later ones become now. */
  futureTolerance: 60 * 60 * 1000,
};

export type BackupErrorCode =
  | 'not-json'
  | 'too-large'
  | 'too-many-records'
  | 'string-too-long'
  | 'hostile-key'
  | 'unsafe-content'
  | 'unknown-format'
  | 'unsupported-version'
  | 'bad-shape';

/** What a skipped record was: a table's record, the settings, a reading position, the 专题汇编. */
export type BackupPart = SpeechTable | 'settings' | 'readingPositions' | 'compilation';

/** A record of the file that is not restored, and why, in the UI's language. */
export interface SkippedRecord {
  table: BackupPart;
  /** Index in the file's list (0 for settings). */
  index: number;
  /** Which record: 划线第 3 条, 讲话第 2 条《…》. */
  what: string;
  why: string;
}

export type ParseResult =
  | { ok: true; backup: BackupFile; skipped: SkippedRecord[] }
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
export async function exportBackup(
  db: YanduDB,
  now: Date = new Date(),
  settings?: BackupSettings,
  local: LocalItems = {},
): Promise<BackupFile> {
  const rows = await db.transaction('r', speechTables(db), () => allRows(db));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    ...rows,
    ...(settings ? { settings } : {}),
    ...(local.readingPositions?.length ? { readingPositions: local.readingPositions } : {}),
    ...(local.compilation ? { compilation: local.compilation } : {}),
  };
}

/** The backup as the text of a .json file. */
export function serializeBackup(backup: BackupFile): string {
  // Yandu's own files never hold a raw "<": a speech or note that shows "<script>" as text is written as
  // \u003cscript>. So a file with raw markup was not written by Yandu and is refused (parseBackup), while the
  // user's own backup always restores, even when a hostile page put markup-like text into a speech.
  return JSON.stringify(backup).replaceAll('<', '\\u003c');
}

// ---------------------------------------------------------------------------------------------------------
// Reading a file

const TABLE_CHECKS: Record<SpeechTable, Check> = {
  speeches: speechCheck,
  highlights: highlightCheck,
  notes: noteCheck,
  speechVersions: versionCheck,
  drafts: draftCheck,
};
const TABLE_NAMES: Record<BackupPart, () => string> = {
  speeches: () => i18n.t('bakTableSpeeches'),
  highlights: () => i18n.t('bakTableHighlights'),
  notes: () => i18n.t('bakTableNotes'),
  speechVersions: () => i18n.t('bakTableVersions'),
  drafts: () => i18n.t('bakTableDrafts'),
  settings: () => i18n.t('bakTableSettings'),
  readingPositions: () => i18n.t('bakTablePositions'),
  compilation: () => i18n.t('bakTableCompilation'),
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
    case 'number':
      return i18n.t('bakExpNumber');
    case 'percent':
      return i18n.t('bakExpPercent');
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
      return i18n.t('bakExpNoteOwner');
    case 'speechId':
      return i18n.t('bakExpSpeechId');
    case 'versionId':
      return i18n.t('bakExpVersionId');
  }
}

/** The part of a record a field belongs to, in the user's words (never the field's name in the file). */
type Part =
  | 'bakPartAddress'
  | 'bakPartTitle'
  | 'bakPartDetails'
  | 'bakPartText'
  | 'bakPartOutline'
  | 'bakPartTime'
  | 'bakPartPlace'
  | 'bakPartCategory'
  | 'bakPartNote'
  | 'bakPartTask'
  | 'bakPartId'
  | 'bakPartOwner'
  | 'bakPartPosition'
  | 'bakPartFilter'
  | 'bakPartOrder';
const FIELD_PARTS: Record<string, Part> = {
  url: 'bakPartAddress',
  pages: 'bakPartAddress',
  title: 'bakPartTitle',
  speaker: 'bakPartDetails',
  occasion: 'bakPartDetails',
  source: 'bakPartDetails',
  date: 'bakPartDetails',
  via: 'bakPartDetails',
  paragraphs: 'bakPartText',
  contentHash: 'bakPartText',
  previousHash: 'bakPartText',
  outline: 'bakPartOutline',
  autoOutline: 'bakPartOutline',
  outlineEdits: 'bakPartOutline',
  firstOpened: 'bakPartTime',
  lastOpened: 'bakPartTime',
  changedAt: 'bakPartTime',
  created: 'bakPartTime',
  updated: 'bakPartTime',
  archived: 'bakPartTime',
  selector: 'bakPartPlace',
  section: 'bakPartPlace',
  category: 'bakPartCategory',
  note: 'bakPartNote',
  text: 'bakPartNote',
  task: 'bakPartTask',
  id: 'bakPartId',
  speechId: 'bakPartOwner',
  // a reading position
  para: 'bakPartPosition',
  top: 'bakPartPosition',
  progress: 'bakPartPosition',
  at: 'bakPartTime',
  // the 专题汇编
  topic: 'bakPartTitle',
  categories: 'bakPartFilter',
  keyword: 'bakPartFilter',
  from: 'bakPartFilter',
  to: 'bakPartFilter',
  order: 'bakPartOrder',
  savedAt: 'bakPartTime',
};

function problemText(p: Problem): string {
  const field = p.path[0];
  if (field === undefined) return i18n.t('bakSkipRecord', [expectedText(p)]);
  if (p.expected === 'unknownField' && p.path.length === 1) return i18n.t('bakSkipUnknownPart');
  const part = typeof field === 'string' ? FIELD_PARTS[field] : undefined;
  return i18n.t('bakSkipField', [part ? i18n.t(part) : i18n.t('bakPartOther'), expectedText(p)]);
}

/** 划线第 3 条; a speech also by its title, when it has one. */
function recordLabel(table: BackupPart, index: number, record: unknown): string {
  if (table === 'settings' || table === 'compilation') return TABLE_NAMES[table]();
  const label = i18n.t('bakRecordLabel', [TABLE_NAMES[table](), String(index + 1)]);
  const title = isObject(record) && typeof record.title === 'string' ? record.title.trim().slice(0, 40) : '';
  return table === 'speeches' && title ? `${label}《${title}》` : label;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const SCRIPT_TAG = /<script/i;

/**
 * Every key and string of the parsed file, checked before anything reads the object: prototype keys, strings
 * over the per-string cap. (Strings are data: every view renders them as text, never as markup.) JSON.parse
 * only ever defines own data properties (a "__proto__" key cannot reach a prototype), so this walk right after
 * parsing is as safe as a reviver, and faster: on a 33 MB file (100,000 highlights) JSON.parse with a reviver
 * took 1.4-2.1 s, JSON.parse plus this walk 0.5-0.8 s.
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

/** The file as a whole: format, version, top-level fields, lists. Throws BackupError: nothing is restored. */
function checkFrame(data: unknown): Record<SpeechTable, unknown[]> {
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
  if (data.version >= 3) top.add('settings');
  if (data.version >= 4) for (const key of LOCAL_PARTS) top.add(key);
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
    const list = data[key] ?? (data.version === 1 && ADDED_IN_V2.has(key) ? [] : undefined);
    if (!Array.isArray(list)) {
      throw new BackupError('bad-shape', i18n.t('bakErrMissingList', [TABLE_NAMES[key](), key]));
    }
    lists[key] = list;
    records += list.length;
  }
  if (data.readingPositions !== undefined && !Array.isArray(data.readingPositions)) {
    throw new BackupError(
      'bad-shape',
      i18n.t('bakErrMissingList', [TABLE_NAMES.readingPositions(), 'readingPositions']),
    );
  }
  records += Array.isArray(data.readingPositions) ? data.readingPositions.length : 0;
  if (records > BACKUP_LIMITS.maxRecords) {
    throw new BackupError('too-many-records', i18n.t('bakErrTooManyRecords', [String(records)]));
  }
  return lists;
}

const LOCAL_PARTS = ['readingPositions', 'compilation'] as const;

/**
 * The file's localStorage items (version 4), each judged alone like a record: a position that does not fit
 * is skipped and listed, the others kept; times clamped as the records' are.
 */
function checkLocalItems(
  data: Record<string, unknown>,
  latest: number,
  skipped: SkippedRecord[],
): LocalItems {
  const out: LocalItems = {};
  const skip = (table: BackupPart, index: number, why: string) =>
    skipped.push({ table, index, what: recordLabel(table, index, null), why });
  const clamp = (t: number) => (t > latest + BACKUP_LIMITS.futureTolerance ? latest : t);
  if (Array.isArray(data.readingPositions)) {
    const seen = new Set<string>();
    const list: BackupPosition[] = [];
    data.readingPositions.forEach((entry, i) => {
      const found = positionCheck(entry);
      const p = entry as BackupPosition;
      if (found) skip('readingPositions', i, problemText(found));
      else if (seen.has(p.speechId)) skip('readingPositions', i, i18n.t('bakSkipDuplicate'));
      else {
        seen.add(p.speechId);
        const { speechId, para, top, progress, at } = p;
        list.push({ speechId, para, top, progress: Math.round(progress), at: clamp(at) });
      }
    });
    if (list.length > 0) out.readingPositions = list;
  }
  if (data.compilation !== undefined) {
    const found = compilationCheck(data.compilation);
    if (found) skip('compilation', 0, problemText(found));
    else {
      // Through the page's own reading: the same caps and clean-up as a stored value gets.
      const state = parseCompilationState(JSON.stringify(data.compilation));
      if (state.savedAt !== undefined) state.savedAt = clamp(state.savedAt);
      out.compilation = state;
    }
  }
  return out;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
/** Settings of the file, or null when they are not the shape Yandu writes. */
function checkSettings(value: unknown): BackupSettings | null {
  if (!isObject(value)) return null;
  const out: BackupSettings = {};
  for (const key of Object.keys(value)) if (key !== 'categories' && key !== 'reader') return null;
  if (value.categories !== undefined) {
    const c = value.categories;
    if (!isObject(c)) return null;
    const categories: NonNullable<BackupSettings['categories']> = {};
    for (const [id, style] of Object.entries(c)) {
      if (!(HIGHLIGHT_CATEGORIES as readonly string[]).includes(id) || !isObject(style)) return null;
      if (typeof style.name !== 'string' || style.name.length > 40) return null;
      if (typeof style.color !== 'string' || !HEX_COLOR.test(style.color)) return null;
      categories[id] = { name: style.name, color: style.color };
    }
    out.categories = categories;
  }
  if (value.reader !== undefined) {
    const r = value.reader;
    if (!isObject(r)) return null;
    const reader: NonNullable<BackupSettings['reader']> = {};
    for (const [key, v] of Object.entries(r)) {
      if (typeof v !== 'string' && typeof v !== 'number') return null;
      reader[key.slice(0, 40)] = typeof v === 'string' ? v.slice(0, 40) : v;
    }
    out.reader = reader;
  }
  return out;
}

const TIME_FIELDS: Record<SpeechTable, readonly string[]> = {
  speeches: ['firstOpened', 'lastOpened', 'changedAt'],
  highlights: ['created', 'updated'],
  notes: ['created', 'updated'],
  speechVersions: ['archived'],
  drafts: ['updated'],
};

/** A record with every time beyond `latest` (and the tolerance) set to `latest`. */
function clampTimes<T>(table: SpeechTable, record: T, latest: number): T {
  let out = record;
  for (const field of TIME_FIELDS[table]) {
    const v = (record as Record<string, unknown>)[field];
    if (typeof v === 'number' && v > latest + BACKUP_LIMITS.futureTolerance) {
      if (out === record) out = { ...record };
      (out as Record<string, unknown>)[field] = latest;
    }
  }
  return out;
}

/**
 * Read a backup file's text. Never throws. A damaged file is refused with a reason; otherwise the records that
 * pass are returned, checked, clamped and put through the intake, with the list of those skipped.
 */
export function parseBackup(text: string, now: number = Date.now()): ParseResult {
  try {
    if (typeof text !== 'string') throw new BackupError('not-json', i18n.t('bakErrUnreadable'));
    if (text.length > BACKUP_LIMITS.maxTextLength)
      throw new BackupError('too-large', i18n.t('bakErrTooLarge'));
    if (SCRIPT_TAG.test(text)) throw new BackupError('unsafe-content', i18n.t('bakErrScript'));
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new BackupError('not-json', i18n.t('bakErrNotJson'));
    }
    screen(data);
    const lists = checkFrame(data);
    const skipped: SkippedRecord[] = [];
    const rows = noRows() as unknown as Record<SpeechTable, unknown[]>;
    // Nothing in the file was written after it was exported, nor after now: a later time (beyond the clocks'
    // tolerance) becomes that moment, so a record stamped 1e300 cannot win every later merge.
    const latest = Math.min(now, Date.parse((data as { exportedAt: string }).exportedAt));
    for (const table of SPEECH_TABLES) {
      const seen = new Set<string>();
      const list = lists[table];
      for (let i = 0; i < list.length; i++) {
        const record = list[i];
        const found = TABLE_CHECKS[table](record);
        const recordId = found ? '' : (record as { id: string }).id;
        const why = found ? problemText(found) : seen.has(recordId) ? i18n.t('bakSkipDuplicate') : null;
        if (why !== null) {
          skipped.push({ table, index: i, what: recordLabel(table, i, record), why });
          continue;
        }
        seen.add(recordId);
        rows[table].push(clampTimes(table, record, latest));
      }
    }
    const backup = intakeRows(rows as unknown as TableRows);
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: (data as { exportedAt: string }).exportedAt,
      ...backup,
    };
    Object.assign(file, checkLocalItems(data as Record<string, unknown>, latest, skipped));
    const rawSettings = (data as { settings?: unknown }).settings;
    if (rawSettings !== undefined) {
      const settings = checkSettings(rawSettings);
      if (settings) file.settings = settings;
      else
        skipped.push({
          table: 'settings',
          index: 0,
          what: TABLE_NAMES.settings(),
          why: i18n.t('bakSkipSettings'),
        });
    }
    return { ok: true, backup: file, skipped };
  } catch (e) {
    if (e instanceof BackupError) return { ok: false, code: e.code, reason: e.reason };
    return { ok: false, code: 'bad-shape', reason: i18n.t('bakErrBroken') };
  }
}

/** Speeches and earlier versions through the intake; a split speech's highlights move with its text. */
function intakeRows(rows: TableRows): TableRows {
  const moved = new Map<string, NonNullable<ReturnType<typeof intakeSpeech>['remap']>>();
  const speeches = rows.speeches.map((s: SpeechRecord) => {
    const { speech, remap } = intakeSpeech(s);
    if (remap) moved.set(s.id, remap);
    return speech;
  });
  const highlights =
    moved.size === 0
      ? rows.highlights
      : rows.highlights.map((h: Highlight) => {
          const remap = moved.get(h.speechId);
          return remap ? { ...h, selector: remapSelector(h.selector, remap) } : h;
        });
  const speechVersions = rows.speechVersions.map((v: SpeechVersion) => intakeVersion(v));
  return { ...rows, speeches, highlights, speechVersions };
}

// ---------------------------------------------------------------------------------------------------------
// Merge and write

const REFUSALS: Record<Refusal['code'], () => string> = {
  orphan: () => i18n.t('bakSkipOrphan'),
  takenId: () => i18n.t('bakSkipTakenId'),
  orphanDraft: () => i18n.t('bakSkipOrphanDraft'),
};

/** What a restore of `backup` would do to this library: per speech, and what it skips. Reads only. */
export interface RestorePreview {
  speeches: SpeechPreview[];
  summary: ImportSummary;
  skipped: SkippedRecord[];
  /** The file carries category names/colours or reading settings (the caller applies them). */
  settings?: BackupSettings;
  /** The file's localStorage items, positions only of speeches in the library after the restore. */
  local: LocalItems;
}

/** Whether the restore would change anything already in the library (then the user confirms first). */
export function replacesAnything(preview: RestorePreview): boolean {
  return preview.speeches.some((s) => s.change === 'updated' || s.change === 'conflicting');
}

/** The file's localStorage items that fit the library after the restore (every speech of the file is in it). */
function localItemsFor(backup: BackupFile, speechIds: Iterable<string>): LocalItems {
  const ids = new Set(speechIds);
  for (const s of backup.speeches) ids.add(s.id);
  const { readingPositions, compilation } = backup;
  return forSpeeches(
    { ...(readingPositions ? { readingPositions } : {}), ...(compilation ? { compilation } : {}) },
    ids,
  );
}

function planFor(existing: TableRows, backup: BackupFile, now: number): MergePlan {
  return mergePlan(existing, backup, {
    now,
    joinLine: (t) => i18n.t('bakKeptText', [new Date(Math.min(t, now)).toISOString().slice(0, 10)]),
  });
}

function refusalsText(plan: MergePlan, backup: BackupFile): SkippedRecord[] {
  return plan.refused.map((r) => ({
    table: r.table,
    index: r.index,
    what: recordLabel(r.table, r.index, (backup[r.table] as unknown[])[r.index]),
    why: REFUSALS[r.code](),
  }));
}

export async function previewRestore(
  db: YanduDB,
  parsed: { backup: BackupFile; skipped: SkippedRecord[] },
  now = Date.now(),
): Promise<RestorePreview> {
  const existing = await db.transaction('r', speechTables(db), () => allRows(db));
  const plan = planFor(existing, parsed.backup, now);
  return {
    speeches: plan.speeches,
    summary: plan.summary,
    skipped: [...parsed.skipped, ...refusalsText(plan, parsed.backup)],
    ...(parsed.backup.settings ? { settings: parsed.backup.settings } : {}),
    local: localItemsFor(
      parsed.backup,
      existing.speeches.map((s) => s.id),
    ),
  };
}

/**
 * Merge a parsed backup into the database in ONE read-write transaction over every table: either every
 * record of the plan is written or, on any error, none is (IndexedDB rolls the transaction back). The plan is
 * made again inside the transaction, so a change since the preview is taken into account.
 */
export async function importBackup(
  db: YanduDB,
  backup: BackupFile,
  options: { onProgress?: (done: number, total: number) => void; now?: number } = {},
): Promise<ImportSummary & { refused: SkippedRecord[] }> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', speechTables(db), async () => {
    const plan = planFor(await allRows(db), backup, now);
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
    return { ...plan.summary, refused: refusalsText(plan, backup) };
  });
}

const WRITE_SLICE = 2_000;

export type RestoreResult =
  | {
      ok: true;
      summary: ImportSummary;
      skipped: SkippedRecord[];
      settings?: BackupSettings;
      /** The file's localStorage items for the caller to merge in (restoreLocalItems). */
      local: LocalItems;
    }
  | { ok: false; code: BackupErrorCode | 'write-failed'; reason: string };

/** Write a parsed (and previewed) backup. Never throws. */
export async function applyRestore(
  db: YanduDB,
  parsed: { backup: BackupFile; skipped: SkippedRecord[] },
  now = Date.now(),
): Promise<RestoreResult> {
  try {
    const { refused, ...summary } = await importBackup(db, parsed.backup, { now });
    const speechIds = (await db.speeches.toCollection().primaryKeys()) as string[];
    return {
      ok: true,
      summary,
      skipped: [...parsed.skipped, ...refused],
      ...(parsed.backup.settings ? { settings: parsed.backup.settings } : {}),
      local: localItemsFor(parsed.backup, speechIds),
    };
  } catch (error) {
    // One transaction: nothing of the file was kept. A full disk says what to do about it.
    return {
      ok: false,
      code: 'write-failed',
      reason: i18n.t(isQuotaError(error) ? 'bakErrWriteFailedFull' : 'bakErrWriteFailed'),
    };
  }
}

/** Parse and import a backup file's text without a preview (tests, scripts). Never throws. */
export async function restoreFromText(db: YanduDB, text: string, now = Date.now()): Promise<RestoreResult> {
  const parsed = parseBackup(text, now);
  if (!parsed.ok) return parsed;
  return applyRestore(db, parsed, now);
}

// ---------------------------------------------------------------------------------------------------------
// Persistence: its own small module, so the library page asks without loading the backup code.

export { requestPersistentStorage } from './persist';
