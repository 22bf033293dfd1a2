/**
 * Field checks for backup records, typed against the data model: a field added to types.ts does not compile
 * until it is checked here. A check returns null when the value is fine, otherwise what is wrong (the key
 * path and what was expected); backup.ts puts that in words in the UI's language.
 */
import type { CompilationState } from '../../compilation/state';
import {
  type Draft,
  HIGHLIGHT_CATEGORIES,
  type Highlight,
  type Note,
  type OutlineEdit,
  type OutlineNodeRef,
  type SpeechRecord,
  type SpeechVersion,
} from '../../types';
import { speechIdFromUrl } from '../ids';
import { isWebUrl } from '../intake';
import { versionId } from '../versions';
import type { BackupPosition } from './local-items';

export type Expected =
  | 'text'
  | 'nonEmptyText'
  | 'textOrNull'
  | 'count'
  | 'number'
  | 'percent'
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
  | 'noteId'
  | 'speechId'
  | 'versionId';
export interface Problem {
  path: (string | number)[];
  expected: Expected;
  /** oneOf: the values allowed */
  allowed?: readonly unknown[];
}
export type Check = (value: unknown) => Problem | null;
const problem = (expected: Expected, allowed?: readonly unknown[]): Problem => ({
  path: [],
  expected,
  allowed,
});
const at = (segment: string | number, inner: Problem): Problem => ({
  ...inner,
  path: [segment, ...inner.path],
});
type Optional = { optional: Check };
type Spec<T> = { [K in keyof T]-?: undefined extends T[K] ? Optional : Check };

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => (typeof v === 'string' ? null : problem('text'));
const id: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : problem('nonEmptyText'));
const nullableStr: Check = (v) => (v === null || typeof v === 'string' ? null : problem('textOrNull'));
const count: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : problem('count'));
const number: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : problem('number'));
const percent: Check = (v) => (typeof v === 'number' && v >= 0 && v <= 100 ? null : problem('percent'));
/** Any finite time from 1970 on; one far in the future is clamped later (backup.ts), not refused. */
const time: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : problem('time'));
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const day: Check = (v) => (v === null || (typeof v === 'string' && isoDay.test(v)) ? null : problem('day'));
const oneOf =
  (list: readonly unknown[]): Check =>
  (v) =>
    list.includes(v) ? null : problem('oneOf', list);
const optional = (check: Check): Optional => ({ optional: check });

/**
 * A web address, judged as the browser would read it (intake.ts, the same rule as when saving): its scheme,
 * not its query, decides. `javascript:` as the scheme is named as such.
 */
const url: Check = (v) => {
  if (typeof v !== 'string') return problem('url');
  if (isWebUrl(v)) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is squeezed out
  const squeezed = v.replace(/[\s\u0000-\u001F]/g, '').toLowerCase();
  return problem(squeezed.startsWith('javascript:') ? 'javascriptUrl' : 'webUrl');
};

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

const speechFields = object<SpeechRecord>({
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
/** A speech is filed under the id of its own address (ids.ts): another id would show it for another page. */
export const speechCheck: Check = (v) =>
  speechFields(v) ??
  (speechIdFromUrl((v as SpeechRecord).url) === (v as SpeechRecord).id
    ? null
    : at('id', problem('speechId')));

export const highlightCheck = object<Highlight>({
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
      lead: optional(str),
      partners: optional(str),
      owner: optional(str),
    }),
  ),
  created: time,
  updated: time,
});

const noteFields = object<Note>({ id, speechId: id, text: str, created: time, updated: time });
/** The one 学习心得 of a speech has the speech's id (types.ts): another id would make a second note. */
export const noteCheck: Check = (v) =>
  noteFields(v) ?? ((v as Note).id === (v as Note).speechId ? null : at('id', problem('noteId')));

const versionFields = object<SpeechVersion>({
  id,
  speechId: id,
  contentHash: str,
  title: str,
  paragraphs: arrayOf(str),
  outline: arrayOf(outlineNode),
  archived: time,
});
/** An earlier version's id names its speech and text (versions.ts). */
export const versionCheck: Check = (v) => {
  const found = versionFields(v);
  if (found) return found;
  const r = v as SpeechVersion;
  return versionId(r.speechId, r.contentHash) === r.id ? null : at('id', problem('versionId'));
};

export const draftCheck = object<Draft>({ id, text: str, updated: time });

/** A speech's reading position (utils/reader/positions.ts); one that does not fit is skipped alone. */
export const positionCheck = object<BackupPosition>({
  speechId: id,
  para: count,
  top: number,
  progress: percent,
  at: time,
});

/** The 专题汇编 page's state (utils/compilation/state.ts): dates are YYYY-MM-DD or '' there, never null. */
const dayOrEmpty: Check = (v) => (v === '' ? null : v === null ? problem('day') : day(v));
export const compilationCheck = object<CompilationState>({
  topic: str,
  categories: arrayOf(oneOf(HIGHLIGHT_CATEGORIES)),
  keyword: str,
  speaker: str,
  from: dayOrEmpty,
  to: dayOrEmpty,
  order: arrayOf(id),
  savedAt: optional(time),
});
