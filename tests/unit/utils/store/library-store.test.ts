import { afterEach, describe, expect, it } from 'vitest';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight, placeHighlights } from '@/utils/anchoring/placement';
import { getDb } from '@/utils/store/db';
import {
  addHighlight,
  deleteHighlight,
  moveHighlights,
  restoreHighlight,
  setCategory,
  setNote,
  watchHighlights,
} from '@/utils/store/highlights';
import { speechIdFromUrl } from '@/utils/store/ids';
import { saveStudyNote } from '@/utils/store/notes';
import { justChanged, loadSpeech, loadSpeechVersion, saveOpenedSpeech } from '@/utils/store/speeches';
import type { Highlight, SpeechWithOutline } from '@/utils/types';
import { composedSpeech } from '../../../support/speech';

// Composed for these tests.
const V1 = [
  '同志们：',
  '第一，抓好困难职工帮扶。全年走访慰问困难职工不少于1200户。建立帮扶档案，做到一户一策。',
  '第二，抓好技能培训。',
];
const V2 = [
  '同志们：',
  '今年工作任务很重。',
  '第一，抓好困难职工帮扶。全年走访慰问困难职工不少于1500户。',
  '第二，抓好技能培训。',
];

const speech = (paragraphs: string[], hash: string): SpeechWithOutline =>
  composedSpeech({
    url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202603/t20260301_1.html',
    paragraphs,
    contentHash: hash,
  });
const ID = speechIdFromUrl(speech(V1, 'a').url);

function highlight(paragraphs: string[], para: number, from: number, to: number, note = ''): Highlight {
  return makeHighlight(
    ID,
    describeRange(paragraphs, { para, offset: from }, { para, offset: to }),
    'thesis',
    [],
    1000,
    note,
  );
}

afterEach(async () => {
  await getDb().delete();
  await getDb().open();
});

describe('storing a speech whose page changed', () => {
  it('archives the old copy and marks the new one with changedAt and previousHash', async () => {
    await saveOpenedSpeech(getDb(), speech(V1, 'hash-1'), 1000);
    const same = await saveOpenedSpeech(getDb(), speech(V1, 'hash-1'), 2000);
    expect(justChanged(same, 2000)).toBe(false);
    expect(same.changedAt).toBeUndefined();

    const changed = await saveOpenedSpeech(getDb(), speech(V2, 'hash-2'), 3000);
    expect(justChanged(changed, 3000)).toBe(true);
    expect(changed).toMatchObject({
      changedAt: 3000,
      previousHash: 'hash-1',
      firstOpened: 1000,
      paragraphs: V2,
    });
    const old = await loadSpeechVersion(getDb(), changed.url, 'hash-1');
    expect(old).toMatchObject({ speechId: ID, contentHash: 'hash-1', paragraphs: V1, archived: 3000 });

    // Opened again with the same new text: the change stays recorded, nothing is archived twice.
    const again = await saveOpenedSpeech(getDb(), speech(V2, 'hash-2'), 4000);
    expect(justChanged(again, 4000)).toBe(false);
    expect(again).toMatchObject({ changedAt: 3000, previousHash: 'hash-1' });
    expect(await getDb().speechVersions.count()).toBe(1);
    expect((await loadSpeech(getDb(), changed.url))?.lastOpened).toBe(4000);
  });
});

describe('highlights: field-level writes', () => {
  it('two tabs editing the same highlight keep both changes (no overwrite with a stale copy)', async () => {
    const h = await addHighlight(getDb(), highlight(V1, 1, 0, 12));
    // Both tabs hold the same old copy; one changes the note, the other the category.
    await Promise.all([setNote(getDb(), h.id, '要逐户建档', 2000), setCategory(getDb(), h.id, 'task', 2001)]);
    const stored = await getDb().highlights.get(h.id);
    expect(stored).toMatchObject({
      note: '要逐户建档',
      category: 'task',
      task: { status: 'todo', due: null, progress: '' },
    });
  });

  it('keeps a task follow-up when the category goes back and forth', async () => {
    const h = await addHighlight(getDb(), {
      ...highlight(V1, 1, 0, 12),
      category: 'task',
      task: { status: 'doing', due: '2026-06-30', progress: '已走访300户' },
    });
    await setCategory(getDb(), h.id, 'data');
    await setCategory(getDb(), h.id, 'task');
    expect((await getDb().highlights.get(h.id))?.task).toEqual({
      status: 'doing',
      due: '2026-06-30',
      progress: '已走访300户',
    });
  });

  it('delete hands back the record and undo restores it', async () => {
    const h = await addHighlight(getDb(), highlight(V1, 2, 0, 5, '培训'));
    const removed = await deleteHighlight(getDb(), h.id);
    expect(await getDb().highlights.get(h.id)).toBeUndefined();
    await restoreHighlight(getDb(), removed as Highlight);
    expect(await getDb().highlights.get(h.id)).toEqual(h);
  });

  it('open readers hear every change through liveQuery', async () => {
    const seen: number[] = [];
    const sub = watchHighlights(getDb(), ID, (list) => seen.push(list.length));
    await addHighlight(getDb(), highlight(V1, 1, 0, 5));
    await addHighlight(getDb(), highlight(V1, 2, 0, 5));
    await expect.poll(() => seen[seen.length - 1]).toBe(2);
    sub.unsubscribe();
  });

  it('the study note is created once and then updated in place', async () => {
    await saveStudyNote(getDb(), ID, '第一遍', 1000);
    await saveStudyNote(getDb(), ID, '第二遍', 2000);
    expect(await getDb().notes.get(ID)).toEqual({
      id: ID,
      speechId: ID,
      text: '第二遍',
      created: 1000,
      updated: 2000,
    });
  });
});

describe('re-anchoring after a change', () => {
  it('moves what is found, keeps what is not (未能定位) untouched, and records the new section', async () => {
    const kept = await addHighlight(getDb(), highlight(V1, 1, 0, 12, '帮扶'));
    const lost = await addHighlight(getDb(), highlight(V1, 1, 31, 45, '一户一策'));
    const { placements, moves } = placeHighlights(
      V2,
      [{ level: 1, marker: '第一', title: '抓好困难职工帮扶', para: 2, offset: 0 }],
      [kept, lost],
    );
    const placedKept = placements.find((p) => p.highlight.id === kept.id);
    expect(placedKept?.selector).toMatchObject({ startPara: 2, startOffset: 0, exact: kept.selector.exact });
    expect(placedKept?.section).toBe(0);
    // The sentence was dropped from the page: nowhere to put it, and nothing is guessed.
    const placedLost = placements.find((p) => p.highlight.id === lost.id);
    expect(placedLost?.selector).toBeNull();
    expect(placedLost?.highlight.note).toBe('一户一策');
    expect(lost.selector.exact).toBe('建立帮扶档案，做到一户一策。');

    await moveHighlights(getDb(), moves);
    expect((await getDb().highlights.get(kept.id))?.selector.startPara).toBe(2);
    expect((await getDb().highlights.get(kept.id))?.section).toBe(0);
    expect(await getDb().highlights.get(lost.id)).toEqual(lost);
  });
});
