import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/utils/store/db';
import {
  countTasks,
  daysBetween,
  filterTasks,
  followUp,
  isOverdue,
  orderTasks,
  parseTaskView,
  taskItems,
  updateTask,
} from '@/utils/store/tasks';
import type { Highlight } from '@/utils/types';
import { makeHighlight, makeSpeech } from '../../../support/records';

afterEach(async () => {
  await getDb().delete();
  await getDb().open();
});

function task(speechId: string, id: string, para: number, t?: Highlight['task']): Highlight {
  const base = makeHighlight(makeSpeech(1), 0);
  return {
    ...base,
    id,
    speechId,
    category: 'task',
    selector: { ...base.selector, startPara: para, exact: `任务${id}` },
    section: 0,
    task: t,
  };
}

describe('task items', () => {
  const s1 = makeSpeech(1);
  const s2 = makeSpeech(2);
  const hs: Highlight[] = [
    task(s2.id, 'b2', 5, { status: 'done', due: '2026-01-01', progress: '已完成验收' }),
    task(s1.id, 'a2', 9, { status: 'todo', due: '2026-03-01', progress: '' }),
    task(s1.id, 'a1', 2, { status: 'doing', due: null, progress: '正在推进' }),
    { ...task(s1.id, 'thesis', 1), category: 'thesis' },
    task('gone.example/deleted', 'orphan', 1, { status: 'todo', due: null, progress: '' }),
  ];

  it('lists task highlights of known speeches, by speech then reading order, with the section heading', () => {
    const items = taskItems(hs, [s1, s2]);
    expect(items.map((i) => i.highlightId)).toEqual(['a1', 'a2', 'b2']);
    expect(items[0]).toMatchObject({ speechTitle: s1.title, section: '第1，工作要点1', status: 'doing' });
  });

  it('flags overdue items (due before today, not done) and counts per status', () => {
    const items = taskItems(hs, [s1, s2]);
    expect(items.filter((i) => isOverdue(i, '2026-02-15')).map((i) => i.highlightId)).toEqual([]);
    expect(items.filter((i) => isOverdue(i, '2026-03-02')).map((i) => i.highlightId)).toEqual(['a2']);
    expect(countTasks(items, '2026-03-02')).toEqual({ all: 3, todo: 1, doing: 1, done: 1, overdue: 1 });
    expect(daysBetween('2026-03-01', '2026-03-02')).toBe(1);
  });

  it('filters by speech and status (overdue is a status filter of its own)', () => {
    const items = taskItems(hs, [s1, s2]);
    const ids = (f: Parameters<typeof filterTasks>[1]) =>
      filterTasks(items, f, '2026-03-02').map((i) => i.highlightId);
    expect(ids({ speechId: s1.id, status: null })).toEqual(['a1', 'a2']);
    expect(ids({ speechId: null, status: 'done' })).toEqual(['b2']);
    expect(ids({ speechId: null, status: 'overdue' })).toEqual(['a2']);
  });

  it('orders by due date with undated after and done last', () => {
    const items = taskItems(hs, [s1, s2]);
    expect(orderTasks(items, 'due').map((i) => i.highlightId)).toEqual(['a2', 'a1', 'b2']);
  });

  it('repairs a damaged follow-up field by field', () => {
    expect(followUp({ task: { status: 'later', due: '明天', progress: 3 } as never })).toEqual({
      status: 'todo',
      due: null,
      progress: '',
    });
  });
});

describe('updateTask', () => {
  it('writes one field: an edit of another field made meanwhile (another tab) survives', async () => {
    const db = getDb();
    const h = task('s', 'h1', 0, { status: 'todo', due: null, progress: '' });
    await db.highlights.add(h);
    // Tab A has the task on screen; tab B writes the progress note; then tab A changes the status.
    await db.highlights.update('h1', { 'task.progress': '已召开专题会议' });
    expect(await updateTask(db, 'h1', 'status', 'done', 1_800_000_000_000)).toBe(true);
    const stored = await db.highlights.get('h1');
    expect(stored?.task).toEqual({ status: 'done', due: null, progress: '已召开专题会议' });
    expect(stored?.updated).toBe(1_800_000_000_000);
  });

  it('gives a task highlight without a follow-up the default one, and refuses bad values', async () => {
    const db = getDb();
    await db.highlights.add(task('s', 'h2', 0, undefined));
    await updateTask(db, 'h2', 'due', '2026-12-31');
    expect((await db.highlights.get('h2'))?.task).toEqual({
      status: 'todo',
      due: '2026-12-31',
      progress: '',
    });
    expect(await updateTask(db, 'h2', 'due', '年底前')).toBe(false);
    expect(await updateTask(db, 'missing', 'status', 'done')).toBe(false);
  });
});

describe('the task list view kept per tab', () => {
  it('reads back what was stored, and falls back field by field on damage', () => {
    const view = { filter: { speechId: 'a/b.html', status: 'overdue' as const }, order: 'due' as const };
    expect(parseTaskView(JSON.stringify(view))).toEqual(view);
    expect(parseTaskView('{"filter":{"status":"later"},"order":7}')).toEqual({
      filter: { speechId: null, status: null },
      order: 'speech',
    });
    expect(parseTaskView('not json')).toEqual({ filter: { speechId: null, status: null }, order: 'speech' });
    expect(parseTaskView(null).order).toBe('speech');
  });
});
