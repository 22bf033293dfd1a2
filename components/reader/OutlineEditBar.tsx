import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { OutlineEditing } from '@/hooks/use-outline-edits';
import type { TextSelector } from '@/utils/types';

export interface OutlineEditBarProps {
  edit: OutlineEditing;
  /** The reader's current text selection as a selector, or null. */
  selection: () => TextSelector | null;
}

/**
 * The outline panel's editing actions: make the selected phrase a heading, undo, and 恢复自动提纲. The
 * per-entry actions (升一级 / 降一级 / 删除) sit on the entries themselves (OutlinePanel).
 */
export function OutlineEditBar({ edit, selection }: OutlineEditBarProps) {
  const [message, setMessage] = useState('');
  const add = (level: 1 | 2) => {
    const selector = selection();
    const ok = selector ? edit.addHeading(selector, level) : false;
    setMessage(ok ? '' : i18n.t('outlineNoSelection'));
    if (ok) globalThis.getSelection?.()?.removeAllRanges();
  };
  return (
    <fieldset class="yd-outline-edit" aria-label={i18n.t('outlineEdit')}>
      <p class="yd-outline-edit-hint">{i18n.t('outlineHint')}</p>
      <div class="yd-outline-edit-actions">
        {/* mousedown would take the selection away from the text before the click is handled */}
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => add(1)}>
          {i18n.t('outlineAddL1')}
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => add(2)}>
          {i18n.t('outlineAddL2')}
        </button>
        <button type="button" disabled={!edit.canUndo} onClick={edit.undo}>
          {i18n.t('outlineUndo')}
        </button>
        <button type="button" disabled={!edit.edited} onClick={edit.reset}>
          {i18n.t('outlineReset')}
        </button>
      </div>
      {message ? (
        <p class="yd-outline-edit-message" role="alert">
          {message}
        </p>
      ) : null}
      {edit.unapplied > 0 ? (
        <p class="yd-outline-edit-message">{i18n.t('outlineUnapplied', [String(edit.unapplied)])}</p>
      ) : null}
    </fieldset>
  );
}
