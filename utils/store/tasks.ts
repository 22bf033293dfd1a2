/**
 * The key-task list (重点任务清单): every 重点任务 highlight across all speeches as an item with its follow-up
 * (status, due date, 落实情况). Pure functions for the list, plus the one write: a field-level update of a
 * task, so two tabs editing different fields of the same task never overwrite each other.
 */

import { sectionHeading, sectionNode } from '../outline/sections';
import { localDate } from '../text/dates';
import { type Highlight, newTask, type SpeechRecord, type TaskFollowUp, type TaskStatus } from '../types';
import type { YanduDB } from './db';

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'doing', 'done'];

export interface TaskItem {
  highlightId: string;
  speechId: string;
  speechTitle: string;
  speechUrl: string;
  /** The outline heading of the section the task sits in, '' when none. */
  section: string;
  /** The highlighted passage. */
  text: string;
  /** The reader's note on the passage. */
  note: string;
  status: TaskStatus;
  due: string | null;
  progress: string;
  /** 牵头单位, 配合单位, 责任人 as typed ('' when not given). */
  lead: string;
  partners: string;
  owner: string;
  /** Position in the speech, for reading order. */
  para: number;
  offset: number;
  updated: number;
}

const isStatus = (v: unknown): v is TaskStatus => v === 'todo' || v === 'doing' || v === 'done';
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The follow-up of a task highlight, repaired field by field when a record is damaged or lacks one. */
export function followUp(h: Pick<Highlight, 'task'>): TaskFollowUp {
  const t = h.task as Partial<TaskFollowUp> | undefined;
  return {
    status: isStatus(t?.status) ? t.status : 'todo',
    due: isDay(t?.due) ? t.due : null,
    progress: str(t?.progress),
  };
}

/** 牵头单位 / 配合单位 / 责任人 of a task highlight, '' for a missing or damaged one. */
export function taskUnits(h: Pick<Highlight, 'task'>): Pick<TaskItem, 'lead' | 'partners' | 'owner'> {
  const t = h.task as Partial<TaskFollowUp> | undefined;
  return { lead: str(t?.lead), partners: str(t?.partners), owner: str(t?.owner) };
}

/**
 * Task items of the 'task' highlights whose speech is known (a highlight of a deleted speech is not listed),
 * grouped by speech in `speeches` order and in reading order within a speech.
 */
export function taskItems(highlights: readonly Highlight[], speeches: readonly SpeechRecord[]): TaskItem[] {
  const order = new Map(speeches.map((s, i) => [s.id, i]));
  const byId = new Map(speeches.map((s) => [s.id, s]));
  const items: TaskItem[] = [];
  for (const h of highlights) {
    if (h.category !== 'task') continue;
    const speech = byId.get(h.speechId);
    if (!speech) continue;
    const node = sectionNode(speech.outline, h.section);
    const t = followUp(h);
    items.push({
      highlightId: h.id,
      speechId: h.speechId,
      speechTitle: str(speech.title).trim() || '未命名讲话',
      speechUrl: str(speech.url),
      section: node ? sectionHeading(node) : '',
      text: str(h.selector?.exact).trim(),
      note: str(h.note).trim(),
      ...t,
      ...taskUnits(h),
      para: int(h.selector?.startPara),
      offset: int(h.selector?.startOffset),
      updated: int(h.updated),
    });
  }
  items.sort(
    (a, b) =>
      (order.get(a.speechId) ?? 0) - (order.get(b.speechId) ?? 0) ||
      a.para - b.para ||
      a.offset - b.offset ||
      (a.highlightId < b.highlightId ? -1 : 1),
  );
  return items;
}

/** Overdue: a due date before today and not done. `today` is YYYY-MM-DD in the user's time zone. */
export function isOverdue(item: Pick<TaskItem, 'status' | 'due'>, today: string): boolean {
  return item.status !== 'done' && item.due !== null && item.due < today;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

export type StatusFilter = TaskStatus | 'overdue' | null;

export interface TaskFilter {
  speechId: string | null;
  status: StatusFilter;
}

export function filterTasks(items: readonly TaskItem[], f: TaskFilter, today: string): TaskItem[] {
  return items.filter(
    (it) =>
      (f.speechId === null || it.speechId === f.speechId) &&
      (f.status === null || (f.status === 'overdue' ? isOverdue(it, today) : it.status === f.status)),
  );
}

export type TaskCounts = Record<TaskStatus | 'overdue' | 'all', number>;

export function countTasks(items: readonly TaskItem[], today: string): TaskCounts {
  const c: TaskCounts = { all: items.length, todo: 0, doing: 0, done: 0, overdue: 0 };
  for (const it of items) {
    c[it.status] += 1;
    if (isOverdue(it, today)) c.overdue += 1;
  }
  return c;
}

export type TaskOrder = 'speech' | 'due';

/** What the task list shows: kept per tab, so Back from a task's passage returns to the same list. */
export interface TaskView {
  filter: TaskFilter;
  order: TaskOrder;
}

const STATUS_FILTERS: readonly string[] = ['todo', 'doing', 'done', 'overdue'];

/** Stored text → view; anything unreadable falls back field by field to everything, by speech. */
export function parseTaskView(raw: string | null): TaskView {
  let v: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object') v = parsed as Record<string, unknown>;
  } catch {
    // damaged: the default view
  }
  const f = (v.filter && typeof v.filter === 'object' ? v.filter : {}) as Record<string, unknown>;
  return {
    filter: {
      speechId: typeof f.speechId === 'string' && f.speechId ? f.speechId : null,
      status: STATUS_FILTERS.includes(f.status as string) ? (f.status as StatusFilter) : null,
    },
    order: v.order === 'due' ? 'due' : 'speech',
  };
}

/** By speech (as given) or by due date: overdue and soonest first, undated after, done last. */
export function orderTasks(items: readonly TaskItem[], order: TaskOrder): TaskItem[] {
  if (order === 'speech') return [...items];
  return [...items].sort((a, b) => {
    const doneA = a.status === 'done' ? 1 : 0;
    const doneB = b.status === 'done' ? 1 : 0;
    if (doneA !== doneB) return doneA - doneB;
    if (a.due && b.due && a.due !== b.due) return a.due < b.due ? -1 : 1;
    if (a.due && !b.due) return -1;
    if (!a.due && b.due) return 1;
    return 0;
  });
}

export function today(now: Date = new Date()): string {
  return localDate(now);
}

export type TaskField = keyof TaskFollowUp;
/** The fields typed as free text (saved as the user types). */
export type TaskTextField = 'progress' | 'lead' | 'partners' | 'owner';
export const TASK_TEXT_FIELDS: readonly TaskTextField[] = ['lead', 'partners', 'owner', 'progress'];

/**
 * Write one field of a task's follow-up, and the highlight's `updated` time. Only that key path is written
 * (read, change, write inside one transaction), so another tab's edit of another field survives; a highlight
 * without a follow-up gets the default one first.
 */
export async function updateTask<F extends TaskField>(
  db: YanduDB,
  highlightId: string,
  field: F,
  value: TaskFollowUp[F],
  now: number = Date.now(),
): Promise<boolean> {
  if (field === 'status' && !isStatus(value)) return false;
  if (field === 'due' && value !== null && !isDay(value)) return false;
  if ((TASK_TEXT_FIELDS as readonly string[]).includes(field) && typeof value !== 'string') return false;
  return db.transaction('rw', db.highlights, async () => {
    const h = await db.highlights.get(highlightId);
    if (!h) return false;
    if (!h.task) {
      await db.highlights.update(highlightId, { task: { ...newTask(), [field]: value }, updated: now });
    } else {
      await db.highlights.update(highlightId, { [`task.${field}`]: value, updated: now });
    }
    return true;
  });
}
