import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type DeadlineSuggestion, taskDeadline } from '@/utils/export/deadline';
import { readerHref } from '@/utils/routes';
import type { YanduDB } from '@/utils/store/db';
import { readLocal, tabStorage, writeLocal } from '@/utils/store/local';
import {
  countTasks,
  filterTasks,
  orderTasks,
  parseTaskView,
  type TaskItem,
  type TaskView,
  taskItems,
  today as todayOf,
} from '@/utils/store/tasks';
import type { Highlight, SpeechRecord } from '@/utils/types';
import { TaskRow } from './task-row';
import { TaskToolbar } from './task-toolbar';
import './task-list.css';

export { statusName } from './task-row';

/** Items rendered at first and per 再显示 (a year of meetings can hold thousands of tasks). */
const TASK_PAGE = 200;

/** The 'task' highlights, followed live (Dexie liveQuery): an edit in another tab or the reader shows at once. */
function useTaskHighlights(db: YanduDB): Highlight[] | null {
  const [highlights, setHighlights] = useState<Highlight[] | null>(null);
  useEffect(() => {
    // Dexie is imported here, not at the top, so the library's first paint does not load it.
    let stop = () => {};
    let live = true;
    void import('dexie').then(({ liveQuery }) => {
      if (!live) return;
      const sub = liveQuery(() => db.highlights.where('category').equals('task').toArray()).subscribe({
        next: setHighlights,
        error: (e: unknown) => console.warn('[yandu] task list', e),
      });
      stop = () => sub.unsubscribe();
    });
    return () => {
      live = false;
      stop();
    };
  }, [db]);
  return highlights;
}

/** The deadline each shown undated task's sentence names (年底前, 三季度 …), by highlight id. */
function deadlineHints(
  shown: readonly TaskItem[],
  highlights: readonly Highlight[],
  speeches: readonly SpeechRecord[],
  today: string,
): Map<string, DeadlineSuggestion> {
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const bySpeech = new Map(speeches.map((s) => [s.id, s]));
  const hints = new Map<string, DeadlineSuggestion>();
  for (const it of shown) {
    const h = byId.get(it.highlightId);
    if (it.due || !h) continue;
    const hint = taskDeadline(h, bySpeech.get(it.speechId), today);
    if (hint) hints.set(it.highlightId, hint);
  }
  return hints;
}

/**
 * 重点任务清单: every 重点任务 highlight with its status, 完成时限 (with the date its sentence suggests),
 * 牵头单位 / 配合单位 / 责任人 and 落实情况, each saved as its own field.
 */
export function TaskList({
  db,
  speeches,
  now,
}: {
  db: YanduDB;
  speeches: readonly SpeechRecord[];
  /** For tests: the date taken as today. */
  now?: Date;
}) {
  const highlights = useTaskHighlights(db);
  const [view, setView] = useState<TaskView>(() => parseTaskView(readLocal('taskView', tabStorage())));
  const { filter, order } = view;
  const show = (next: TaskView) => {
    setView(next);
    writeLocal('taskView', JSON.stringify(next), tabStorage());
  };
  const [shown, setShown] = useState(TASK_PAGE);
  const today = todayOf(now);

  // Speeches most recently opened first: the meeting you are preparing for is usually the newest.
  const bySpeech = useMemo(() => [...speeches].sort((a, b) => b.lastOpened - a.lastOpened), [speeches]);
  const items = useMemo(() => taskItems(highlights ?? [], bySpeech), [highlights, bySpeech]);
  const counts = countTasks(
    filter.speechId ? items.filter((i) => i.speechId === filter.speechId) : items,
    today,
  );
  const visible = useMemo(
    () => orderTasks(filterTasks(items, filter, today), order),
    [items, filter, today, order],
  );
  const page = useMemo(() => visible.slice(0, shown), [visible, shown]);
  const hints = useMemo(
    () => deadlineHints(page, highlights ?? [], speeches, today),
    [page, highlights, speeches, today],
  );
  const perSpeech = useMemo(() => {
    const n = new Map<string, number>();
    for (const it of visible) n.set(it.speechId, (n.get(it.speechId) ?? 0) + 1);
    return n;
  }, [visible]);
  const taskSpeeches = useMemo(() => {
    const seen = new Map<string, string>();
    for (const it of items) if (!seen.has(it.speechId)) seen.set(it.speechId, it.speechTitle);
    return [...seen];
  }, [items]);

  if (highlights === null) return <p>{i18n.t('libLoading')}</p>;
  if (items.length === 0) return <p class="yd-lib-empty">{i18n.t('taskEmpty')}</p>;

  return (
    <div class="yd-tasks">
      <TaskToolbar
        counts={counts}
        filter={filter}
        order={order}
        speeches={taskSpeeches}
        onFilter={(f) => {
          show({ filter: f, order });
          setShown(TASK_PAGE);
        }}
        onOrder={(o) => show({ filter, order: o })}
      />
      {visible.length === 0 ? (
        <p class="yd-lib-empty">{i18n.t('taskNoMatch')}</p>
      ) : (
        <ol class="yd-task-list">
          {page.map((it, i, list) => (
            <Fragment key={it.highlightId}>
              {order === 'speech' && list[i - 1]?.speechId !== it.speechId ? (
                <li class="yd-task-group" aria-hidden="true">
                  <a href={readerHref({ url: it.speechUrl })}>《{it.speechTitle}》</a>
                  <span>{perSpeech.get(it.speechId) ?? 0}</span>
                </li>
              ) : null}
              <TaskRow item={it} db={db} today={today} hint={hints.get(it.highlightId) ?? null} />
            </Fragment>
          ))}
        </ol>
      )}
      {visible.length > shown ? (
        <button type="button" class="yd-btn yd-lib-more" onClick={() => setShown(shown + TASK_PAGE)}>
          {i18n.t('libShowMore', [String(Math.min(visible.length - shown, TASK_PAGE))])}
        </button>
      ) : null}
    </div>
  );
}
