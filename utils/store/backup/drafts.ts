import { draftOwner, highlightDraftId, studyNoteDraftId } from '../drafts';

/**
 * What a draft belongs to, read back from its key (keys are made only in drafts.ts): null for a key of
 * another form, which the backup carries as it is.
 */
export function parseDraftOwner(fullId: string): { kind: 'highlight' | 'studyNote'; id: string } | null {
  // A tab's draft (`…#tab:<tab>`) belongs to the same note as the bare key.
  const draftId = draftOwner(fullId);
  const highlight = highlightDraftId('');
  const studyNote = studyNoteDraftId('');
  if (draftId.startsWith(highlight)) return { kind: 'highlight', id: draftId.slice(highlight.length) };
  if (draftId.startsWith(studyNote)) return { kind: 'studyNote', id: draftId.slice(studyNote.length) };
  return null;
}
