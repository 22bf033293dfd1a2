import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { readerHref } from '@/utils/routes';
import type { YanduDB } from '@/utils/store/db';
import { storageErrorMessage } from '@/utils/store/errors';
import {
  countTasks,
  daysBetween,
  filterTasks,
  isOverdue,
  orderTasks,
  type StatusFilter,
  TASK_STATUSES,
  type TaskFilter,
  type TaskItem,
  type TaskOrder,
  taskItems,
  today as todayOf,
  updateTask,
} from '@/utils/store/tasks';
import type { Highlight, SpeechRecord, TaskFollowUp, TaskStatus } from '@/utils/types';

/** Items rendered at first and per 再显示 (a year of meetings can hold thousands of tasks). */
const TASK_PAGE = 200;
/** Typing pauses this long before 落实情况 is written. */
const SAVE_DELAY_MS = 600;

export function statusName(s: TaskStatus): string {
  return s === 'todo'
    ? i18n.t('taskStatusTodo')
    : s === 'doing'
      ? i18n.t('taskStatusDoing')
      : i18n.t('taskStatusDone');
}

/** Write one field of a task; false when it was not written (the row says why). */
type WriteTask = <F extends keyof TaskFollowUp>(field: F, value: TaskFollowUp[F]) => Promise<boolean>;

/** The progress note, saved as you type (after a pause) and when the field is left. */
function ProgressField({ item, write }: { item: TaskItem; write: WriteTask }) {
  const [value, setValue] = useState(item.progress);
  const [saved, setSaved] = useState(false);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Another tab (or a restore) changed it: follow, unless the user is typing here.
  useEffect(() => {
    if (!editing.current) setValue(item.progress);
  }, [item.progress]);
  const save = async (text: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // A failed write keeps the text in the box (the row shows why), so nothing typed is lost.
    if (await write('progress', text)) setSaved(true);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const id = `yd-progress-${item.highlightId}`;
  return (
    <div class="yd-task-progress">
      <label for={id}>{i18n.t('taskProgress')}</label>
      <textarea
        id={id}
        rows={2}
        value={value}
        placeholder={i18n.t('taskProgressPlaceholder')}
        onFocus={() => {
          editing.current = true;
        }}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLTextAreaElement).value;
          setValue(text);
          setSaved(false);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(text), SAVE_DELAY_MS);
        }}
        onBlur={(e) => {
          editing.current = false;
          const text = (e.currentTarget as HTMLTextAreaElement).value;
          if (timer.current !== undefined || text !== item.progress) void save(text);
        }}
      />
      <span class="yd-task-saved" aria-live="polite">
        {saved ? i18n.t('taskSaved') : ''}
      </span>
    </div>
  );
}

function TaskRow({ item, db, today }: { item: TaskItem; db: YanduDB; today: string }) {
  // A new object on every failure: the row renders again, so a radio or date that was not saved shows the
  // stored value again even when the message is the same as last time.
  const [error, setError] = useState<{ text: string } | null>(null);
  const write: WriteTask = (field, value) =>
    updateTask(db, item.highlightId, field, value).then(
      (done) => {
        setError(null);
        return done;
      },
      (e: unknown) => {
        setError({ text: storageErrorMessage(e) });
        return false;
      },
    );
  const overdue = isOverdue(item, today);
  const dueToday = item.status !== 'done' && item.due === today;
  return (
    <li
      class={`yd-task yd-task-${item.status}${overdue ? ' is-overdue' : ''}`}
      data-highlight-id={item.highlightId}
    >
      <blockquote class="yd-task-text">{item.text}</blockquote>
      <p class="yd-task-source">
        <span>《{item.speechTitle}》</span>
        {item.section ? <span class="yd-task-section">{item.section}</span> : null}
        <a class="yd-task-open" href={readerHref({ url: item.speechUrl, highlightId: item.highlightId })}>
          {i18n.t('taskOpen')}
        </a>
      </p>
      {item.note ? <p class="yd-task-note">{i18n.t('taskNote', [item.note])}</p> : null}
      <div class="yd-task-controls">
        <fieldset class="yd-task-status">
          <legend class="yd-visually-hidden">{i18n.t('taskStatus')}</legend>
          {TASK_STATUSES.map((s) => (
            <label key={s} class={`yd-seg yd-seg-${s}`}>
              <input
                type="radio"
                name={`status-${item.highlightId}`}
                value={s}
                checked={item.status === s}
                onChange={() => void write('status', s)}
              />
              <span>{statusName(s)}</span>
            </label>
          ))}
        </fieldset>
        <label class="yd-task-due">
          <span>{i18n.t('taskDue')}</span>
          <input
            type="date"
            value={item.due ?? ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              void write('due', v === '' ? null : v);
            }}
          />
        </label>
        {overdue && item.due ? (
          <span class="yd-badge yd-badge-overdue">
            {i18n.t('taskOverdueDays', [String(daysBetween(item.due, today))])}
          </span>
        ) : dueToday ? (
          <span class="yd-badge yd-badge-today">{i18n.t('taskDueToday')}</span>
        ) : null}
      </div>
      <ProgressField item={item} write={write} />
      {error ? (
        <p class="yd-task-error" role="alert">
          {error.text}
        </p>
      ) : null}
    </li>
  );
}

/**
 * 重点任务清单: every 重点任务 highlight with its status, due date and 落实情况. The list follows the database
 * live (Dexie liveQuery), so an edit in another tab or in the reader shows up here at once.
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
  const [highlights, setHighlights] = useState<Highlight[] | null>(null);
  const [filter, setFilter] = useState<TaskFilter>({ speechId: null, status: null });
  const [order, setOrder] = useState<TaskOrder>('speech');
  const [shown, setShown] = useState(TASK_PAGE);
  const today = todayOf(now);

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

  const statusButtons: [StatusFilter, string, number][] = [
    [null, i18n.t('taskCountAll'), counts.all],
    ['todo', statusName('todo'), counts.todo],
    ['doing', statusName('doing'), counts.doing],
    ['done', statusName('done'), counts.done],
    ['overdue', i18n.t('taskOverdue'), counts.overdue],
  ];

  return (
    <div class="yd-tasks">
      <div class="yd-lib-toolbar">
        <fieldset class="yd-task-counts">
          <legend class="yd-visually-hidden">{i18n.t('taskStatus')}</legend>
          {statusButtons.map(([s, label, n]) => (
            <button
              key={String(s)}
              type="button"
              class={`yd-count yd-count-${s ?? 'all'}`}
              aria-pressed={filter.status === s}
              onClick={() => {
                setFilter({ ...filter, status: s });
                setShown(TASK_PAGE);
              }}
            >
              <span>{label}</span>
              <span class="yd-count-n">{n}</span>
            </button>
          ))}
        </fieldset>
        <label class="yd-field">
          <span>{i18n.t('taskFilterSpeech')}</span>
          <select
            value={filter.speechId ?? ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              setFilter({ ...filter, speechId: v === '' ? null : v });
              setShown(TASK_PAGE);
            }}
          >
            <option value="">{i18n.t('taskAllSpeeches')}</option>
            {taskSpeeches.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label class="yd-field">
          <span>{i18n.t('taskOrder')}</span>
          <select
            value={order}
            onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as TaskOrder)}
          >
            <option value="speech">{i18n.t('taskOrderSpeech')}</option>
            <option value="due">{i18n.t('taskOrderDue')}</option>
          </select>
        </label>
      </div>
      {visible.length === 0 ? (
        <p class="yd-lib-empty">{i18n.t('taskNoMatch')}</p>
      ) : (
        <ol class="yd-task-list">
          {visible.slice(0, shown).map((it, i, list) => (
            <Fragment key={it.highlightId}>
              {order === 'speech' && list[i - 1]?.speechId !== it.speechId ? (
                <li class="yd-task-group" aria-hidden="true">
                  <a href={readerHref({ url: it.speechUrl })}>《{it.speechTitle}》</a>
                  <span>{perSpeech.get(it.speechId) ?? 0}</span>
                </li>
              ) : null}
              <TaskRow item={it} db={db} today={today} />
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
