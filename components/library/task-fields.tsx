import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DeadlineSuggestion } from '@/utils/export/deadline';
import { cnDate } from '@/utils/export/doc';
import type { TaskTextField } from '@/utils/store/tasks';
import type { TaskFollowUp } from '@/utils/types';

/** Typing pauses this long before a text field is written. */
export const SAVE_DELAY_MS = 600;

/** Write one field of a task; false when it was not written (the row says why). */
export type WriteTask = <F extends keyof TaskFollowUp>(field: F, value: TaskFollowUp[F]) => Promise<boolean>;

/**
 * A free-text field of a task (落实情况, 牵头单位, 配合单位, 责任人), saved as the user types (after a pause),
 * when the field is left, when the row goes away (a filter hid it) and when the page is closed: nothing typed
 * is lost. A failed write keeps the text in the box (the row shows why).
 */
export function TaskTextInput({
  id,
  field,
  stored,
  label,
  placeholder,
  multiline = false,
  write,
  onSaved,
}: {
  id: string;
  field: TaskTextField;
  stored: string;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  write: WriteTask;
  /** Told true once a typed value is written, false as soon as the user types again. */
  onSaved: (saved: boolean) => void;
}) {
  const [value, setValue] = useState(stored);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The typed text not yet written, or null. */
  const pending = useRef<string | null>(null);
  // Another tab (or a restore) changed it: follow, unless the user is typing here. Only a real change: the
  // effect of the first render runs after paint, and text typed before then must not be replaced.
  const followed = useRef(stored);
  useEffect(() => {
    if (followed.current === stored) return;
    followed.current = stored;
    if (!editing.current) setValue(stored);
  }, [stored]);
  const save = async (text: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = null;
    if (await write(field, text)) onSaved(true);
  };
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const flush = () => {
      if (pending.current !== null) void saveRef.current(pending.current);
    };
    globalThis.addEventListener?.('pagehide', flush);
    return () => {
      globalThis.removeEventListener?.('pagehide', flush);
      flush();
    };
  }, []);
  const props = {
    id,
    value,
    placeholder,
    onFocus: () => {
      editing.current = true;
    },
    onInput: (e: Event) => {
      const text = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      setValue(text);
      onSaved(false);
      pending.current = text;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(text), SAVE_DELAY_MS);
    },
    onBlur: (e: Event) => {
      editing.current = false;
      const text = (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      if (pending.current !== null || text !== stored) void save(text);
    },
  };
  return (
    <div class={`yd-task-field yd-task-field-${field}`}>
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={2} {...props} /> : <input type="text" name={field} {...props} />}
    </div>
  );
}

/**
 * 完成时限: the date field, and beside it, while no date is set, the date the task's own sentence names
 * (年底前 → 12月31日) as a one-click hint. The user's date always wins: the hint only fills the field.
 */
export function DueField({
  due,
  hint,
  write,
}: {
  due: string | null;
  hint: DeadlineSuggestion | null;
  write: WriteTask;
}) {
  return (
    <span class="yd-task-due-group">
      <label class="yd-task-due">
        <span>{i18n.t('taskDue')}</span>
        <input
          type="date"
          value={due ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            void write('due', v === '' ? null : v);
          }}
        />
      </label>
      {!due && hint ? (
        <button
          type="button"
          class="yd-btn yd-task-due-hint"
          title={i18n.t('taskDueHintTitle', [hint.phrase])}
          onClick={() => void write('due', hint.due)}
        >
          {i18n.t('taskDueHint', [cnDate(hint.due), hint.phrase])}
        </button>
      ) : null}
    </span>
  );
}
