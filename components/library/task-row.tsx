import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DeadlineSuggestion } from '@/utils/export/deadline';
import { readerHref } from '@/utils/routes';
import type { YanduDB } from '@/utils/store/db';
import { storageErrorMessage } from '@/utils/store/errors';
import { daysBetween, isOverdue, TASK_STATUSES, type TaskItem, updateTask } from '@/utils/store/tasks';
import type { TaskStatus } from '@/utils/types';
import { DueField, TaskTextInput, type WriteTask } from './task-fields';

export function statusName(s: TaskStatus): string {
  return s === 'todo'
    ? i18n.t('taskStatusTodo')
    : s === 'doing'
      ? i18n.t('taskStatusDoing')
      : i18n.t('taskStatusDone');
}

function StatusField({ item, write }: { item: TaskItem; write: WriteTask }) {
  return (
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
  );
}

/** 逾期 n 天 (with ⚠, so it is seen in black and white too) or 今天到期. */
function DueBadge({ item, today }: { item: TaskItem; today: string }) {
  if (isOverdue(item, today) && item.due) {
    return (
      <span class="yd-badge yd-badge-overdue">
        <span aria-hidden="true">⚠ </span>
        {i18n.t('taskOverdueDays', [String(daysBetween(item.due, today))])}
      </span>
    );
  }
  if (item.status !== 'done' && item.due === today) {
    return <span class="yd-badge yd-badge-today">{i18n.t('taskDueToday')}</span>;
  }
  return null;
}

/** One key task: its passage and 出处, status, 完成时限, 牵头单位 / 配合单位 / 责任人 and 落实情况. */
export function TaskRow({
  item,
  db,
  today,
  hint,
}: {
  item: TaskItem;
  db: YanduDB;
  today: string;
  /** The deadline the task's sentence names, offered while it has no date. */
  hint: DeadlineSuggestion | null;
}) {
  // A new object on every failure: the row renders again, so a radio or date that was not saved shows the
  // stored value again even when the message is the same as last time.
  const [error, setError] = useState<{ text: string } | null>(null);
  const [saved, setSaved] = useState(false);
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
  const field = (name: 'lead' | 'partners' | 'owner', label: string, placeholder: string) => (
    <TaskTextInput
      id={`yd-${name}-${item.highlightId}`}
      field={name}
      stored={item[name]}
      label={label}
      placeholder={placeholder}
      write={write}
      onSaved={setSaved}
    />
  );
  return (
    <li
      class={`yd-task yd-task-${item.status}${isOverdue(item, today) ? ' is-overdue' : ''}`}
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
        <StatusField item={item} write={write} />
        <DueField due={item.due} hint={hint} write={write} />
        <DueBadge item={item} today={today} />
      </div>
      <div class="yd-task-units">
        {field('lead', i18n.t('taskLead'), i18n.t('taskLeadPlaceholder'))}
        {field('partners', i18n.t('taskPartners'), i18n.t('taskPartnersPlaceholder'))}
        {field('owner', i18n.t('taskOwner'), i18n.t('taskOwnerPlaceholder'))}
      </div>
      <div class="yd-task-progress">
        <TaskTextInput
          id={`yd-progress-${item.highlightId}`}
          field="progress"
          stored={item.progress}
          label={i18n.t('taskProgress')}
          placeholder={i18n.t('taskProgressPlaceholder')}
          multiline
          write={write}
          onSaved={setSaved}
        />
        <span class="yd-task-saved" aria-live="polite">
          {saved ? i18n.t('taskSaved') : ''}
        </span>
      </div>
      {error ? (
        <p class="yd-task-error" role="alert">
          {error.text}
        </p>
      ) : null}
    </li>
  );
}
