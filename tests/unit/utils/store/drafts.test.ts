// Per-tab drafts and saves that do not overwrite another tab's newer text.
import { afterEach, describe, expect, it } from 'vitest';
import { templateInput } from '@/utils/export/template-run';
import { parseDraftOwner } from '@/utils/store/backup/drafts';
import { YanduDB } from '@/utils/store/db';
import {
  draftOwner,
  draftsOf,
  draftTab,
  highlightDraftId,
  newestByOwner,
  saveDraft,
  studyNoteDraftId,
  tabDraftId,
  takeDraft,
} from '@/utils/store/drafts';
import { setNoteOver } from '@/utils/store/highlights';
import { deleteSpeech } from '@/utils/store/library';
import { keepBoth, saveStudyNoteOver } from '@/utils/store/notes';
import type { Highlight } from '@/utils/types';

let db: YanduDB;
const fresh = () => {
  db = new YanduDB(`drafts-${Math.random()}`);
  return db;
};
afterEach(() => db?.close());

const SPEECH = 'ordoszgh.gov.cn/zlzx/ldjh/202603/t20260301_1.html';
const highlight = (id: string, note: string): Highlight =>
  ({
    id,
    speechId: SPEECH,
    category: 'task',
    note,
    section: 0,
    created: 1,
    updated: 1,
    selector: {
      startPara: 0,
      startOffset: 0,
      endPara: 0,
      endOffset: 2,
      exact: '同志',
      prefix: '',
      suffix: '',
    },
  }) as unknown as Highlight;

describe('draft keys', () => {
  it('a tab’s draft belongs to the same note as the bare key; old keys have no tab', () => {
    const id = tabDraftId(highlightDraftId('h1'), 'abc');
    expect(draftOwner(id)).toBe('highlight:h1');
    expect(draftTab(id)).toBe('abc');
    expect(draftOwner('highlight:h1')).toBe('highlight:h1');
    expect(draftTab('highlight:h1')).toBeNull();
    // The backup's check that a draft belongs to something reads through the tab.
    expect(parseDraftOwner(tabDraftId(studyNoteDraftId(SPEECH), 'abc'))).toEqual({
      kind: 'studyNote',
      id: SPEECH,
    });
  });
});

describe('per-tab drafts', () => {
  it('two tabs typing the same note keep two drafts; a tab reads its own', async () => {
    fresh();
    const owner = highlightDraftId('h1');
    await saveDraft(db, tabDraftId(owner, 'A'), '甲的批注', 1);
    await saveDraft(db, tabDraftId(owner, 'B'), '乙的批注', 2);
    const live = () => true;
    expect(await takeDraft(db, owner, 'A', live)).toBe('甲的批注');
    expect(await takeDraft(db, owner, 'B', live)).toBe('乙的批注');
    // A third open tab does not take a live tab's text.
    expect(await takeDraft(db, owner, 'C', live)).toBeUndefined();
    expect((await draftsOf(db, [owner])).length).toBe(2);
  });

  it('a closed tab’s draft (or one from before tab ids) is taken over once, the newest first', async () => {
    fresh();
    const owner = studyNoteDraftId(SPEECH);
    await saveDraft(db, owner, '旧版本留下的草稿', 1);
    await saveDraft(db, tabDraftId(owner, 'closed'), '关掉的窗口里写的', 5);
    expect(await takeDraft(db, owner, 'new', (tab) => tab === 'new')).toBe('关掉的窗口里写的');
    // Now it is this tab's own; the older one is still there for another tab.
    expect((await db.drafts.get(tabDraftId(owner, 'new')))?.text).toBe('关掉的窗口里写的');
    expect(await db.drafts.get(tabDraftId(owner, 'closed'))).toBeUndefined();
    expect(await takeDraft(db, owner, 'other', (tab) => tab === 'new')).toBe('旧版本留下的草稿');
  });

  it('only drafts of the notes asked for, not of a note whose id starts the same', async () => {
    fresh();
    await saveDraft(db, tabDraftId(highlightDraftId('h1'), 'A'), '一');
    await saveDraft(db, tabDraftId(highlightDraftId('h10'), 'A'), '十');
    expect((await draftsOf(db, [highlightDraftId('h1')])).map((d) => d.text)).toEqual(['一']);
  });

  it('an export prints the newest draft of each note once, under the note’s key', () => {
    const owner = highlightDraftId('h1');
    const rows = [
      { id: tabDraftId(owner, 'A'), text: '较早', updated: 1 },
      { id: tabDraftId(owner, 'B'), text: '较新', updated: 2 },
    ];
    expect(newestByOwner(rows)).toEqual([{ id: owner, text: '较新', updated: 2 }]);
  });

  it('the export reads every tab’s drafts, and deleting the speech removes them', async () => {
    fresh();
    await db.speeches.add({
      id: SPEECH,
      url: `http://www.${SPEECH}`,
      title: '讲话',
      paragraphs: ['同志们：'],
      contentHash: 'x',
      created: 1,
      updated: 1,
      opened: 1,
    } as never);
    await db.highlights.add(highlight('h1', ''));
    await saveDraft(db, tabDraftId(highlightDraftId('h1'), 'A'), '甲', 1);
    await saveDraft(db, tabDraftId(highlightDraftId('h1'), 'B'), '乙', 2);
    await saveDraft(db, tabDraftId(studyNoteDraftId(SPEECH), 'A'), '心得草稿', 1);
    const input = await templateInput(db, { speechIds: [SPEECH] });
    expect(input.drafts?.map((d) => [d.id, d.text]).sort()).toEqual([
      ['highlight:h1', '乙'],
      [`studyNote:${SPEECH}`, '心得草稿'],
    ]);
    await deleteSpeech(db, SPEECH);
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('saving over another tab’s text', () => {
  it('a highlight’s note: saved when the stored one is what this tab read; refused with theirs when not', async () => {
    fresh();
    await db.highlights.add(highlight('h1', '原来的'));
    expect(await setNoteOver(db, 'h1', '甲的批注', '原来的')).toEqual({ kind: 'saved' });
    // B read 原来的 before A saved: it is asked, and A's note stays.
    expect(await setNoteOver(db, 'h1', '乙的批注', '原来的')).toEqual({
      kind: 'conflict',
      theirs: '甲的批注',
    });
    expect((await db.highlights.get('h1'))?.note).toBe('甲的批注');
    // 保留我的: written over the text it was shown.
    expect(await setNoteOver(db, 'h1', '乙的批注', '甲的批注')).toEqual({ kind: 'saved' });
    expect((await db.highlights.get('h1'))?.note).toBe('乙的批注');
  });

  it('a category changed in another tab is no conflict; a deleted highlight says so', async () => {
    fresh();
    await db.highlights.add(highlight('h1', '原来的'));
    await db.highlights.update('h1', { category: 'data', updated: 99 });
    expect(await setNoteOver(db, 'h1', '新的', '原来的')).toEqual({ kind: 'saved' });
    await db.highlights.delete('h1');
    expect(await setNoteOver(db, 'h1', '更新的', '新的')).toEqual({ kind: 'gone' });
  });

  it('the 学习心得: the first save adds it; a stale one is refused', async () => {
    fresh();
    expect(await saveStudyNoteOver(db, SPEECH, '甲的心得', '')).toEqual({ kind: 'saved' });
    expect(await saveStudyNoteOver(db, SPEECH, '乙的心得', '')).toEqual({
      kind: 'conflict',
      theirs: '甲的心得',
    });
    expect((await db.notes.get(SPEECH))?.text).toBe('甲的心得');
  });

  it('两者都保留 puts theirs first, a separator, then mine; nothing doubled', () => {
    expect(keepBoth('甲的批注', '乙的批注')).toBe('甲的批注\n\n——————\n\n乙的批注');
    expect(keepBoth('', '乙的批注')).toBe('乙的批注');
    expect(keepBoth('甲的批注\n乙的批注', '乙的批注')).toBe('甲的批注\n乙的批注');
  });
});
