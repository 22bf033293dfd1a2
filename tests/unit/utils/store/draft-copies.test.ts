// A keystroke's synchronous copy (utils/store/drafts.ts keepDraftCopy): a tab closed right after typing
// keeps its last characters even when the database write never landed.
import { describe, expect, it } from 'vitest';
import {
  dropDraftCopies,
  highlightDraftId,
  keepDraftCopy,
  saveDraft,
  studyNoteDraftId,
  tabDraftId,
  takeDraft,
} from '@/utils/store/drafts';
import { deleteSpeech, restoreSpeech } from '@/utils/store/library';
import { freshDbs } from '../../../support/db';
import { makeHighlight, makeSpeech } from '../../../support/records';
import { memoryStorage } from '../../../support/storage';

const fresh = freshDbs('draft-copies');
const OWNER = studyNoteDraftId('ordoszgh.gov.cn/zlzx/ldjh/202103/t20210308_1.html');

describe('keystroke copies', () => {
  it('a closed tab’s last keystrokes, only in the copy, are taken over by the next tab and then dropped', async () => {
    const db = await fresh();
    const store = memoryStorage();
    // The row got the text of an earlier keystroke; the copy has the last ones.
    await saveDraft(db, tabDraftId(OWNER, 'closed'), '学习要结合', 1);
    keepDraftCopy(tabDraftId(OWNER, 'closed'), '学习要结合实际', store, 2);
    expect(await takeDraft(db, OWNER, 'new', (tab) => tab === 'new', 3, store)).toBe('学习要结合实际');
    expect((await db.drafts.get(tabDraftId(OWNER, 'new')))?.text).toBe('学习要结合实际');
    expect(await db.drafts.get(tabDraftId(OWNER, 'closed'))).toBeUndefined();
    expect(JSON.parse(store.getItem('yandu:draft-copies') ?? '{}')).toEqual({});
  });

  it('with no row at all (the first keystroke’s write never landed) the copy alone brings the text back', async () => {
    const db = await fresh();
    const store = memoryStorage();
    keepDraftCopy(tabDraftId(OWNER, 'closed'), '心', store, 1);
    expect(await takeDraft(db, OWNER, 'new', (tab) => tab === 'new', 2, store)).toBe('心');
  });

  it('a live tab’s copy stays its own; a reload of the same tab takes its copy back', async () => {
    const db = await fresh();
    const store = memoryStorage();
    keepDraftCopy(tabDraftId(OWNER, 'A'), '甲在写', store, 1);
    const live = () => true;
    expect(await takeDraft(db, OWNER, 'B', live, 2, store)).toBeUndefined();
    expect(await db.drafts.count()).toBe(0);
    expect(await takeDraft(db, OWNER, 'A', live, 3, store)).toBe('甲在写');
  });

  it('a saved note’s copy is dropped; other rows’ copies are kept', async () => {
    const store = memoryStorage();
    keepDraftCopy(tabDraftId(OWNER, 'A'), '一', store, 1);
    keepDraftCopy(tabDraftId(OWNER, 'B'), '二', store, 1);
    dropDraftCopies([tabDraftId(OWNER, 'A')], store);
    expect(Object.keys(JSON.parse(store.getItem('yandu:draft-copies') ?? '{}'))).toEqual([
      tabDraftId(OWNER, 'B'),
    ]);
  });

  it('deleting a speech drops the copies of its notes; 撤销 brings back the unsaved text as a draft', async () => {
    const db = await fresh();
    const store = memoryStorage();
    const speech = makeSpeech(1);
    const other = makeSpeech(2);
    const highlight = makeHighlight(speech, 0);
    await db.speeches.bulkAdd([speech, other]);
    await db.highlights.add(highlight);
    const study = tabDraftId(studyNoteDraftId(speech.id), 'A');
    const note = tabDraftId(highlightDraftId(highlight.id), 'A');
    const kept = tabDraftId(studyNoteDraftId(other.id), 'B');
    // The row got an earlier keystroke; the copies have the last ones (one never reached a row at all).
    await saveDraft(db, study, '学习要', 1);
    keepDraftCopy(study, '学习要结合实际', store, 2);
    keepDraftCopy(note, '重点', store, 2);
    keepDraftCopy(kept, '另一篇', store, 2);

    const deleted = await deleteSpeech(db, speech.id, store);
    expect(Object.keys(JSON.parse(store.getItem('yandu:draft-copies') ?? '{}'))).toEqual([kept]);
    expect(await db.drafts.count()).toBe(0);

    if (!deleted) throw new Error('not deleted');
    await restoreSpeech(db, deleted);
    expect((await db.drafts.get(study))?.text).toBe('学习要结合实际');
    expect((await db.drafts.get(note))?.text).toBe('重点');
    // The next reader of the speech takes the text over (tab A is closed).
    expect(await takeDraft(db, studyNoteDraftId(speech.id), 'C', (t) => t === 'C', 3, store)).toBe(
      '学习要结合实际',
    );
  });
});
