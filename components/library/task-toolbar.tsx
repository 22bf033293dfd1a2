import { i18n } from '#i18n';
import type { StatusFilter, TaskCounts, TaskFilter, TaskOrder } from '@/utils/store/tasks';
import { statusName } from './task-row';

/** The task list's bar: counts per status (each a filter), the speech to show and the order. */
export function TaskToolbar({
  counts,
  filter,
  order,
  speeches,
  onFilter,
  onOrder,
}: {
  counts: TaskCounts;
  filter: TaskFilter;
  order: TaskOrder;
  /** [speech id, title] of the speeches that have tasks. */
  speeches: readonly (readonly [string, string])[];
  onFilter: (f: TaskFilter) => void;
  onOrder: (o: TaskOrder) => void;
}) {
  const statusButtons: [StatusFilter, string, number][] = [
    [null, i18n.t('taskCountAll'), counts.all],
    ['todo', statusName('todo'), counts.todo],
    ['doing', statusName('doing'), counts.doing],
    ['done', statusName('done'), counts.done],
    ['overdue', i18n.t('taskOverdue'), counts.overdue],
  ];
  return (
    <div class="yd-lib-toolbar">
      <fieldset class="yd-task-counts">
        <legend class="yd-visually-hidden">{i18n.t('taskStatus')}</legend>
        {statusButtons.map(([s, label, n]) => (
          <button
            key={String(s)}
            type="button"
            class={`yd-count yd-count-${s ?? 'all'}`}
            aria-pressed={filter.status === s}
            onClick={() => onFilter({ ...filter, status: s })}
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
            onFilter({ ...filter, speechId: v === '' ? null : v });
          }}
        >
          <option value="">{i18n.t('taskAllSpeeches')}</option>
          {speeches.map(([id, title]) => (
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
          onChange={(e) => onOrder((e.currentTarget as HTMLSelectElement).value as TaskOrder)}
        >
          <option value="speech">{i18n.t('taskOrderSpeech')}</option>
          <option value="due">{i18n.t('taskOrderDue')}</option>
        </select>
      </label>
    </div>
  );
}
