import { i18n } from '#i18n';
import { type DraftStore, type NoteWriter, useNoteDraft } from '@/hooks/use-note-draft';
import type { Note } from '@/utils/types';
import { NoteConflict, NoteStatusLine } from '../highlights/NoteConflict';

export interface StudyNoteProps {
  note: Note | undefined;
  drafts: DraftStore;
  /** Whose draft (drafts.ts `studyNoteDraftId`). */
  draftOwner: string;
  onSave: NoteWriter;
  readOnly?: boolean;
}

/**
 * The one free note on a speech (学习心得): saved as it is typed (hooks/use-note-draft.ts, as a highlight's
 * note); 保存心得 saves at once.
 */
export function StudyNote({ note, drafts, draftOwner, onSave, readOnly }: StudyNoteProps) {
  const text = useNoteDraft(note?.text ?? '', drafts, draftOwner, onSave, readOnly);
  return (
    <section class="yd-study-note" aria-labelledby="yd-study-note-heading">
      <h3 id="yd-study-note-heading">{i18n.t('studyNote')}</h3>
      <textarea
        ref={text.area}
        class="yd-study-note-text"
        rows={5}
        readOnly={readOnly}
        aria-labelledby="yd-study-note-heading"
        placeholder={i18n.t('studyNotePlaceholder')}
        onInput={(event) => text.input((event.currentTarget as HTMLTextAreaElement).value)}
        onBlur={() => void text.flush()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void text.flush();
          }
        }}
      />
      {text.theirs !== null ? <NoteConflict theirs={text.theirs} onChoose={text.resolve} /> : null}
      {readOnly ? null : (
        <div class="yd-study-note-actions">
          <NoteStatusLine status={text.status} restored={text.restored} />
          <button type="button" class="yd-hl-save" onClick={() => void text.flush()}>
            {i18n.t('studyNoteSave')}
          </button>
        </div>
      )}
    </section>
  );
}
