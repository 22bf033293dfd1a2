/**
 * A draft in a backup (text typed and not yet saved when the backup was made) restored into a library that
 * holds another text of its note: both texts are kept in the note, and no draft is left that the next
 * reader would take over and save over the library's text.
 */
import { describe, expect, it } from 'vitest';
import { parseBackup, previewRestore, restoreFromText } from '@/utils/store/backup';
import { highlightDraftId, studyNoteDraftId, tabDraftId, takeDraft } from '@/utils/store/drafts';
import { freshDbs } from '../../../support/db';
import { backupFileText, makeHighlight, makeNote, makeSpeech } from '../../../support/records';
import { memoryStorage } from '../../../support/storage';

const freshDb = freshDbs('backup-draft-merge');
const NOW = Date.parse('2026-12-02T08:00:00Z');
const S1 = makeSpeech(1);
const MINE = '本机写的心得：先学原文。';
const TYPED = '备份时还没保存的心得：抓落实要建台账。';
const draft = (owner: string, text: string) => ({ id: tabDraftId(owner, 'closed'), text, updated: NOW - 10 });

describe('a draft restored over another text of its note', () => {
  it('the 学习心得 keeps both texts, the preview says so, and no draft is left to take over', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    await db.notes.add(makeNote(S1, MINE));
    const text = backupFileText({ speeches: [S1], drafts: [draft(studyNoteDraftId(S1.id), TYPED)] });
    const parsed = parseBackup(text, NOW);
    if (!parsed.ok) throw new Error(parsed.reason);
    const preview = await previewRestore(db, parsed, NOW);
    expect(preview.speeches.map((p) => [p.change, p.notesJoined])).toEqual([['conflicting', 1]]);

    await restoreFromText(db, text, NOW);
    const note = (await db.notes.get(S1.id))?.text ?? '';
    expect(note).toContain(MINE);
    expect(note).toContain(TYPED);
    const taken = await takeDraft(
      db,
      studyNoteDraftId(S1.id),
      'reader',
      (t) => t === 'reader',
      NOW,
      memoryStorage(),
    );
    expect(taken).toBeUndefined();
    // Restoring the same file again changes nothing.
    await restoreFromText(db, text, NOW);
    expect((await db.notes.get(S1.id))?.text).toBe(note);
  });

  it('a highlight’s note the same way', async () => {
    const db = await freshDb();
    const h = { ...makeHighlight(S1, 0), note: MINE };
    await db.speeches.add(S1);
    await db.highlights.add(h);
    const fileCopy = { ...h, note: '' };
    await restoreFromText(
      db,
      backupFileText({
        speeches: [S1],
        highlights: [fileCopy],
        drafts: [draft(highlightDraftId(h.id), TYPED)],
      }),
      NOW,
    );
    const note = (await db.highlights.get(h.id))?.note ?? '';
    expect(note).toContain(MINE);
    expect(note).toContain(TYPED);
    expect(await db.drafts.count()).toBe(0);
  });

  it('where the library holds the note as the file has it (or none), the draft is restored as a draft', async () => {
    const db = await freshDb();
    await db.speeches.add(S1);
    await db.notes.add(makeNote(S1, MINE));
    await restoreFromText(
      db,
      backupFileText({
        speeches: [S1],
        notes: [makeNote(S1, MINE)],
        drafts: [draft(studyNoteDraftId(S1.id), TYPED)],
      }),
      NOW,
    );
    expect((await db.notes.get(S1.id))?.text).toBe(MINE);
    expect(
      await takeDraft(db, studyNoteDraftId(S1.id), 'reader', (t) => t === 'reader', NOW, memoryStorage()),
    ).toBe(TYPED);
  });
});
