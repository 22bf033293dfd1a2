import { i18n } from '#i18n';

export interface NoteConflictProps {
  /** The text another tab saved over the one this editor started from. */
  theirs: string;
  onChoose: (choice: 'mine' | 'theirs' | 'both') => void;
}

/**
 * Asked in the editor (not window.confirm) when a save would replace a text another tab saved meanwhile:
 * 保留我的 / 保留对方的 / 两者都保留. What is typed stays in the box until then.
 */
export function NoteConflict({ theirs, onChoose }: NoteConflictProps) {
  return (
    <div class="yd-note-conflict" role="alert">
      <p>{i18n.t('noteConflict')}</p>
      <p class="yd-note-conflict-label">{i18n.t('noteTheirs')}</p>
      <blockquote class="yd-note-conflict-theirs">{theirs}</blockquote>
      <div class="yd-note-conflict-actions">
        <button type="button" data-choice="mine" onClick={() => onChoose('mine')}>
          {i18n.t('noteKeepMine')}
        </button>
        <button type="button" data-choice="theirs" onClick={() => onChoose('theirs')}>
          {i18n.t('noteKeepTheirs')}
        </button>
        <button type="button" data-choice="both" onClick={() => onChoose('both')}>
          {i18n.t('noteKeepBoth')}
        </button>
      </div>
    </div>
  );
}

/** 保存中… / 已自动保存 / 未能保存: unobtrusive, read out politely. */
export function NoteStatusLine({ status, restored }: { status: string; restored: boolean }) {
  const text =
    status === 'saving'
      ? i18n.t('noteSaving')
      : status === 'error'
        ? i18n.t('noteNotSaved')
        : restored
          ? i18n.t('hlNoteDraftRestored')
          : status === 'saved'
            ? i18n.t('noteSaved')
            : '';
  return (
    <span class="yd-note-status" data-status={status} aria-live="polite">
      {text}
    </span>
  );
}
