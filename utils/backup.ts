/**
 * Full backup of the library (speeches, highlights, 学习心得 notes) as one versioned JSON file, and its
 * restore. A backup file comes from outside the extension, so it is read as hostile until proven otherwise:
 * size caps before parsing, a screen of every key and string that refuses prototype keys, a strict validator for every field, and an
 * import that merges in one transaction so a failure leaves the database exactly as it was.
 */
import type { YanduDB } from './db';
import { HIGHLIGHT_CATEGORIES, type Highlight, type Note, type SpeechRecord } from './types';

export const BACKUP_FORMAT = 'yandu-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  speeches: SpeechRecord[];
  highlights: Highlight[];
  notes: Note[];
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

/** Everything in the database, read in one transaction so the three tables agree with each other. */
export async function exportBackup(db: YanduDB, now: Date = new Date()): Promise<BackupFile> {
  return db.transaction('r', [db.speeches, db.highlights, db.notes], async () => {
    const [speeches, highlights, notes] = await Promise.all([
      db.speeches.toArray(),
      db.highlights.toArray(),
      db.notes.toArray(),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      speeches,
      highlights,
      notes,
    };
  });
}

/** The backup as the text of a .json file. */
export function serializeBackup(backup: BackupFile): string {
  // Yandu's own files never hold a raw "<": a speech or note that shows "<script>" as text is written as
  // \u003cscript>. So a file with raw markup was not written by Yandu and is refused (parseBackup), while the
  // user's own backup always restores, even when a hostile page put markup-like text into a speech.
  return JSON.stringify(backup).replaceAll('<', '\\u003c');
}

// ---------------------------------------------------------------------------------------------------------
// Validation. A check returns null when the value is fine, otherwise what is wrong (Chinese, for the user).

type Check = (value: unknown) => string | null;
/** Field tables are typed against the data model: a field added to types.ts does not compile until checked here. */
type Optional = { optional: Check };
type Spec<T> = { [K in keyof T]-?: undefined extends T[K] ? Optional : Check };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => (typeof v === 'string' ? null : '应为文本');
const id: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : '应为非空文本');
const nullableStr: Check = (v) => (v === null || typeof v === 'string' ? null : '应为文本或 null');
const count: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : '应为非负整数');
const time: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : '应为时间戳（毫秒）';
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day: Check = (v) =>
  v === null || (typeof v === 'string' && isoDay.test(v)) ? null : '应为 YYYY-MM-DD 日期或 null';
const oneOf =
  (list: readonly unknown[]): Check =>
  (v) =>
    list.includes(v) ? null : `应为 ${list.join(' / ')} 之一`;
const optional = (check: Check): Optional => ({ optional: check });

/** URLs must be web addresses; anything else (javascript:, data:, file:) is refused. */
function urlProblem(v: unknown): string | null {
  if (typeof v !== 'string') return '应为网址';
  // Browsers ignore blanks and control characters inside a scheme, so look at the address without them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is squeezed out
  const squeezed = v.replace(/[\s\u0000-\u001F]/g, '').toLowerCase();
  if (squeezed.includes('javascript:')) return '是 javascript: 脚本链接';
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : '应为 http(s) 网址';
  } catch {
    return '应为 http(s) 网址';
  }
}
const url: Check = urlProblem;

function arrayOf(check: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return '应为列表';
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i]);
      if (problem) return `第 ${i + 1} 项${problem.startsWith('.') ? '' : ' '}${problem}`;
    }
    return null;
  };
}

function object<T>(spec: Spec<T>): Check {
  const entries = Object.entries(spec) as [string, Check | Optional][];
  const known = new Set(entries.map(([k]) => k));
  return (v) => {
    if (!isObject(v)) return '应为对象';
    for (const [key, field] of entries) {
      const value = v[key];
      if (typeof field === 'function') {
        if (!Object.hasOwn(v, key)) return `.${key} 缺失`;
        const problem = field(value);
        if (problem) return `.${key}${problem.startsWith('.') ? '' : ' '}${problem}`;
      } else if (value !== undefined) {
        const problem = field.optional(value);
        if (problem) return `.${key}${problem.startsWith('.') ? '' : ' '}${problem}`;
      }
    }
    for (const key of Object.keys(v)) if (!known.has(key)) return `.${key} 是未知字段`;
    return null;
  };
}

const outlineNode = object<SpeechRecord['outline'][number]>({
  level: oneOf([1, 2, 3]),
  marker: str,
  title: str,
  para: count,
  offset: count,
});

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
  section: (v) => (Number.isSafeInteger(v) && (v as number) >= -1 ? null : '应为 -1 或非负整数'),
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
  noteFields(v) ?? ((v as Note).id === (v as Note).speechId ? null : '.id 应与 speechId 相同');

const TABLES = [
  { key: 'speeches', name: '讲话', check: speechCheck },
  { key: 'highlights', name: '划线', check: highlightCheck },
  { key: 'notes', name: '学习心得', check: noteCheck },
] as const;

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
        throw new BackupError(
          'string-too-long',
          '文件中有超过 1 MB 的文字字段，不像是研读备份，已拒绝导入。',
        );
      }
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          throw new BackupError(
            'hostile-key',
            `文件含有不允许的字段名“${key}”，可能被人为篡改，已拒绝导入。`,
          );
        }
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
}

/** Check the whole object; throws BackupError naming the first problem. */
function validate(data: unknown): BackupFile {
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    throw new BackupError('unknown-format', '这不是研读的备份文件（缺少 “yandu-backup” 格式标记）。');
  }
  if (data.version !== BACKUP_VERSION) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    throw new BackupError(
      'unsupported-version',
      newer
        ? `备份文件版本为 ${data.version}，由更新版本的研读生成；请先升级研读再导入。`
        : `无法识别的备份文件版本（${JSON.stringify(data.version)?.slice(0, 20)}）。`,
    );
  }
  const top = new Set(['format', 'version', 'exportedAt', 'speeches', 'highlights', 'notes']);
  for (const key of Object.keys(data)) {
    if (!top.has(key))
      throw new BackupError('bad-shape', `备份文件格式不对：含有未知字段“${key.slice(0, 40)}”。`);
  }
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) {
    throw new BackupError('bad-shape', '备份文件格式不对：缺少有效的导出时间（exportedAt）。');
  }
  let records = 0;
  for (const t of TABLES) {
    const list = data[t.key];
    if (!Array.isArray(list))
      throw new BackupError('bad-shape', `备份文件格式不对：缺少${t.name}列表（${t.key}）。`);
    records += list.length;
  }
  if (records > BACKUP_LIMITS.maxRecords) {
    throw new BackupError('too-many-records', `文件含有 ${records} 条记录，超过 100 万条上限，已拒绝导入。`);
  }
  for (const t of TABLES) {
    const list = data[t.key] as unknown[];
    const seen = new Set<string>();
    for (let i = 0; i < list.length; i++) {
      const problem = t.check(list[i]);
      const where = `${t.name}第 ${i + 1} 条`;
      if (problem?.includes('javascript:')) {
        throw new BackupError('unsafe-content', `${where}的网址是 javascript: 脚本链接，已拒绝导入。`);
      }
      if (problem) {
        const code: BackupErrorCode = problem.includes('http(s) 网址') ? 'bad-url' : 'bad-shape';
        throw new BackupError(code, `备份文件格式不对：${where}的字段 ${problem.replace(/^\./, '')}。`);
      }
      const recordId = (list[i] as { id: string }).id;
      if (seen.has(recordId)) {
        throw new BackupError(
          'duplicate-id',
          `备份文件有误：${where}与前面的记录 id 重复（${recordId.slice(0, 60)}）。`,
        );
      }
      seen.add(recordId);
    }
  }
  return data as unknown as BackupFile;
}

/** Read a backup file's text. Never throws: a refusal carries a Chinese reason for the user and a code. */
export function parseBackup(text: string): ParseResult {
  try {
    if (typeof text !== 'string') throw new BackupError('not-json', '无法读取文件内容。');
    if (text.length > BACKUP_LIMITS.maxTextLength) {
      throw new BackupError('too-large', '文件超过 200 MB，不像是研读备份，已拒绝导入。');
    }
    if (SCRIPT_TAG.test(text)) {
      throw new BackupError(
        'unsafe-content',
        '文件中含有脚本代码（<script），不是研读生成的备份，已拒绝导入。',
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new BackupError('not-json', '文件已损坏或不是研读备份：无法按 JSON 格式读取。');
    }
    screen(data);
    return { ok: true, backup: validate(data) };
  } catch (e) {
    if (e instanceof BackupError) return { ok: false, code: e.code, reason: e.reason };
    return { ok: false, code: 'bad-shape', reason: '备份文件无法读取。' };
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
export interface ImportSummary {
  speeches: TableSummary;
  highlights: TableSummary;
  notes: TableSummary;
}

export interface MergePlan {
  put: { speeches: SpeechRecord[]; highlights: Highlight[]; notes: Note[] };
  summary: ImportSummary;
}

/** When a record last changed: speeches move when opened, highlights and notes when edited. */
const speechStamp = (s: SpeechRecord) => s.lastOpened;
const editStamp = (r: Highlight | Note) => r.updated;

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
 * (`lastOpened` for speeches, `updated` for highlights and notes). Ties keep the library's copy.
 */
export function mergePlan(
  existing: { speeches: readonly SpeechRecord[]; highlights: readonly Highlight[]; notes: readonly Note[] },
  backup: Pick<BackupFile, 'speeches' | 'highlights' | 'notes'>,
): MergePlan {
  const s = mergeTable(existing.speeches, backup.speeches, speechStamp);
  const h = mergeTable(existing.highlights, backup.highlights, editStamp);
  const n = mergeTable(existing.notes, backup.notes, editStamp);
  return {
    put: { speeches: s.put, highlights: h.put, notes: n.put },
    summary: { speeches: s.summary, highlights: h.summary, notes: n.summary },
  };
}

/**
 * Merge a parsed backup into the database in ONE read-write transaction over all three tables: either every
 * record of the plan is written or, on any error, none is (IndexedDB rolls the transaction back).
 */
export async function importBackup(
  db: YanduDB,
  backup: BackupFile,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportSummary> {
  return db.transaction('rw', [db.speeches, db.highlights, db.notes], async () => {
    const [speeches, highlights, notes] = await Promise.all([
      db.speeches.toArray(),
      db.highlights.toArray(),
      db.notes.toArray(),
    ]);
    const plan = mergePlan({ speeches, highlights, notes }, backup);
    const total = plan.put.speeches.length + plan.put.highlights.length + plan.put.notes.length;
    let done = 0;
    options.onProgress?.(0, total);
    // Written in slices, still inside the one transaction: a long queue of pending requests is slow in some
    // IndexedDB implementations (fake-indexeddb's is quadratic), and slices give progress to show.
    const write = async <T>(table: { bulkPut(rows: readonly T[]): Promise<unknown> }, rows: T[]) => {
      for (let i = 0; i < rows.length; i += WRITE_SLICE) {
        const slice = rows.slice(i, i + WRITE_SLICE);
        await table.bulkPut(slice);
        done += slice.length;
        options.onProgress?.(done, total);
      }
    };
    await write(db.speeches, plan.put.speeches);
    await write(db.highlights, plan.put.highlights);
    await write(db.notes, plan.put.notes);
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
  } catch {
    return { ok: false, code: 'write-failed', reason: '写入数据库时出错，已全部撤销，资料库保持原样。' };
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
