import { afterEach, describe, expect, it } from 'vitest';
import { nodeRef } from '@/utils/outline/corrections';
import { YanduDB } from '@/utils/store/db';
import { correctedFields, saveOutlineEdits } from '@/utils/store/outline-edits';
import { saveOpenedSpeech } from '@/utils/store/speeches';
import type { Highlight, OutlineNode, SpeechRecord } from '@/utils/types';

const paragraphs = ['第一，抓学习。要读原文。', '第二，抓落实。要建台账。', '关于考核，要定期通报。'];
const auto: OutlineNode[] = [
  { level: 1, marker: '第一，', title: '抓学习', para: 0, offset: 0 },
  { level: 1, marker: '第二，', title: '抓落实', para: 1, offset: 0 },
];
const speech: SpeechRecord = {
  id: 'example.org/a.html',
  url: 'https://example.org/a.html',
  title: '在全市工会工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: null,
  source: null,
  paragraphs,
  contentHash: 'h',
  outline: auto,
  firstOpened: 1,
  lastOpened: 1,
};
const onThird: Highlight = {
  id: 'h3',
  speechId: speech.id,
  category: 'task',
  note: '',
  selector: {
    startPara: 2,
    startOffset: 6,
    endPara: 2,
    endOffset: 10,
    exact: '定期通报',
    prefix: '',
    suffix: '',
  },
  section: 1,
  created: 1,
  updated: 1,
};

let db: YanduDB;
afterEach(async () => {
  await db?.delete();
});

describe('outline corrections stored with the speech', () => {
  it('a heading made from a phrase becomes the section of the highlights under it, and 恢复自动提纲 undoes it', async () => {
    db = new YanduDB('outline-edits-a');
    await db.speeches.put(speech);
    await db.highlights.put(onThird);
    const outline = await saveOutlineEdits(db, speech.id, [
      { op: 'add', at: { para: 2, offset: 0, exact: '关于考核', prefix: '' }, level: 1, title: '关于考核' },
    ]);
    expect(outline?.map((n) => n.title)).toEqual(['抓学习', '抓落实', '关于考核']);
    expect((await db.speeches.get(speech.id))?.outline).toEqual(outline);
    expect((await db.highlights.get('h3'))?.section).toBe(2);

    const back = await saveOutlineEdits(db, speech.id, []);
    expect(back).toEqual(auto);
    const record = await db.speeches.get(speech.id);
    expect(record?.outlineEdits).toBeUndefined();
    expect(record?.autoOutline).toBeUndefined();
    expect((await db.highlights.get('h3'))?.section).toBe(1);
  });

  it('says so when the speech was deleted meanwhile, writing nothing', async () => {
    db = new YanduDB('outline-edits-b');
    expect(
      await saveOutlineEdits(db, speech.id, [{ op: 'remove', target: nodeRef(auto[0] as OutlineNode) }]),
    ).toBeNull();
    expect(await db.speeches.count()).toBe(0);
  });

  it('applies stored edits to a rebuilt outline', () => {
    const rebuilt = auto.map((n) => ({ ...n }));
    const fields = correctedFields(rebuilt, paragraphs, [
      { op: 'level', target: nodeRef(auto[1] as OutlineNode), level: 2 },
    ]);
    expect(fields.outline.map((n) => n.level)).toEqual([1, 2]);
    expect(fields.autoOutline).toBe(rebuilt);
    expect(correctedFields(rebuilt, paragraphs, [])).toEqual({ outline: rebuilt });
  });

  it('a re-extracted page keeps the corrections: opening the speech again applies them to the new outline', async () => {
    db = new YanduDB('outline-edits-c');
    await saveOpenedSpeech(db, { ...speech, outline: auto }, 1);
    await saveOutlineEdits(db, speech.id, [
      { op: 'level', target: nodeRef(auto[1] as OutlineNode), level: 2 },
    ]);
    // The reader opens the page again: a fresh extraction with the engine's outline.
    const record = await saveOpenedSpeech(db, { ...speech, outline: auto.map((n) => ({ ...n })) }, 2);
    expect(record.outline.map((n) => n.level)).toEqual([1, 2]);
    expect(record.autoOutline?.map((n) => n.level)).toEqual([1, 1]);
    expect(record.outlineEdits).toHaveLength(1);
  });
});
