import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import {
  deleteSpeech,
  facets,
  loadLibraryData,
  loadRecent,
  markOpened,
  readSummaryCache,
  restoreSpeech,
  SUMMARY_CACHE_KEY,
  sortSummaries,
  summarise,
  writeSummaryCache,
} from '@/utils/store/library';
import type { SpeechRecord } from '@/utils/types';
import { makeHighlight, makeNote, makeSpeech } from '../../../support/records';
import { memoryStorage } from '../../../support/storage';

afterEach(async () => {
  await getDb().delete();
  await getDb().open();
});

const s = (i: number, over: Partial<SpeechRecord> = {}) => ({ ...makeSpeech(i, 2, 4), ...over });

describe('summaries', () => {
  it('count highlights per category and notice a non-empty study note', () => {
    const a = s(1);
    const b = s(2);
    const hs = [0, 1, 2, 3, 4].map((j) => makeHighlight(a, j)); // task, thesis, data, question, task
    const [summary, other] = summarise([a, b], hs, [makeNote(a), makeNote(b, '   ')]);
    expect(summary?.counts).toEqual({ task: 2, thesis: 1, data: 1, question: 1 });
    expect(summary?.highlights).toBe(5);
    expect(summary?.hasNote).toBe(true);
    expect(other?.hasNote).toBe(false);
    expect(other?.highlights).toBe(0);
  });

  it('turn damaged fields into null or 0 instead of failing', () => {
    const broken = {
      ...s(3),
      title: undefined,
      speaker: 7,
      date: undefined,
      lastOpened: Number.NaN,
    } as never;
    expect(summarise([broken], [], [])[0]).toMatchObject({
      title: '',
      speaker: null,
      date: null,
      lastOpened: 0,
    });
  });

  it('sort by date puts undated speeches last; facets list speakers by frequency and years newest first', () => {
    const list = summarise(
      [
        s(1, { date: null, speaker: '甲' }),
        s(2, { date: '2024-05-01', speaker: '乙' }),
        s(3, { date: '2025-01-02', speaker: '乙' }),
      ],
      [],
      [],
    );
    expect(sortSummaries(list, 'date').map((x) => x.date)).toEqual(['2025-01-02', '2024-05-01', null]);
    expect(facets(list)).toEqual({
      speakers: [
        ['乙', 2],
        ['甲', 1],
      ],
      years: [
        ['2025', 1],
        ['2024', 1],
        ['', 1],
      ],
    });
  });

  it('survive a round trip through the cache; a damaged or foreign cache is ignored', () => {
    const store = memoryStorage();
    const list = summarise([s(1), s(2)], [], []);
    writeSummaryCache(store, list);
    expect(readSummaryCache(store)).toEqual(list);
    store.setItem(SUMMARY_CACHE_KEY, '{"v":1,"list":[{"id":1}]}');
    expect(readSummaryCache(store)).toBeNull();
    store.setItem(SUMMARY_CACHE_KEY, 'not json');
    expect(readSummaryCache(store)).toBeNull();
  });
});

describe('reading and deleting', () => {
  async function seed() {
    const db = getDb();
    const speeches = [1, 2, 3].map((i) => s(i, { lastOpened: i * 100 }));
    await db.speeches.bulkPut(speeches);
    await db.highlights.bulkPut(speeches.flatMap((x) => [0, 1, 2].map((j) => makeHighlight(x, j))));
    await db.notes.bulkPut(speeches.map((x) => makeNote(x)));
    return speeches;
  }

  it('loadRecent reads the newest speeches with only their highlights and notes', async () => {
    const [, two, three] = await seed();
    const recent = await loadRecent(getDb(), 2);
    expect(recent.speeches.map((x) => x.id)).toEqual([three?.id, two?.id]);
    expect(new Set(recent.highlights.map((h) => h.speechId))).toEqual(new Set([three?.id, two?.id]));
    expect(recent.notes).toHaveLength(2);
    const all = await loadLibraryData(getDb());
    expect([all.speeches.length, all.highlights.length, all.notes.length]).toEqual([3, 9, 3]);
  });

  it('deleteSpeech removes the speech, its highlights, note, earlier versions and drafts; restore undoes it all', async () => {
    const [one] = await seed();
    const db = getDb();
    const id = one?.id as string;
    const h0 = `${id}#h0`;
    await db.speechVersions.put({
      id: `${id}@old`,
      speechId: id,
      contentHash: 'old',
      title: 't',
      paragraphs: [],
      outline: [],
      archived: 1,
    });
    await db.drafts.bulkPut([
      { id: `highlight:${h0}`, text: '未保存的批注', updated: 1 },
      { id: `studyNote:${id}`, text: '未保存的心得', updated: 1 },
      { id: 'studyNote:other', text: '别的讲话', updated: 1 },
    ]);
    const before = await loadLibraryData(db);
    const removed = await deleteSpeech(db, id);
    expect(removed?.highlights).toHaveLength(3);
    expect(await db.speeches.get(id)).toBeUndefined();
    expect(await db.highlights.where('speechId').equals(id).count()).toBe(0);
    expect(await db.notes.get(id)).toBeUndefined();
    expect(await db.speechVersions.count()).toBe(0);
    expect((await db.drafts.toArray()).map((d) => d.id)).toEqual(['studyNote:other']);

    await restoreSpeech(db, removed as NonNullable<typeof removed>);
    const after = await loadLibraryData(db);
    expect(after).toEqual(before);
    expect(await db.drafts.count()).toBe(3);
    expect(await db.speechVersions.count()).toBe(1);
    expect(await deleteSpeech(db, 'no/such/speech')).toBeNull();
  });

  it('undo after a delete keeps a 学习心得 written since (another tab) and puts back only what is older', async () => {
    const [one] = await seed();
    const db = getDb();
    const id = one?.id as string;
    const removed = await deleteSpeech(db, id);
    const old = removed?.notes[0];
    // Another tab, still showing the speech, saves its 学习心得 after the delete.
    await db.notes.put({
      ...(old as NonNullable<typeof old>),
      text: '删除后写的心得',
      updated: (old?.updated ?? 0) + 1,
    });
    await restoreSpeech(db, removed as NonNullable<typeof removed>);
    expect((await db.notes.get(id))?.text).toBe('删除后写的心得');
    expect(await db.highlights.where('speechId').equals(id).count()).toBe(3);
    expect(await db.speeches.get(id)).toBeDefined();
  });
});

/** A stored speech at `url`, last opened at `opened`. */
const record = (url: string, opened: number): SpeechRecord => ({
  ...s(1),
  url,
  id: speechIdFromUrl(url),
  firstOpened: opened,
  lastOpened: opened,
});

describe('最近打开 (markOpened)', () => {
  it('moves a speech opened from anywhere to the top of the recently opened order', async () => {
    const db = getDb();
    await db.speeches.bulkPut([
      record('http://www.ordoszgh.gov.cn/a.html', 1_000),
      record('http://www.ordoszgh.gov.cn/b.html', 2_000),
    ]);
    const top = async () => (await loadRecent(db, 1)).speeches.map((s) => s.url);
    expect(await top()).toEqual(['http://www.ordoszgh.gov.cn/b.html']);
    expect(await markOpened(db, speechIdFromUrl('http://www.ordoszgh.gov.cn/a.html'), 3_000)).toBe(true);
    expect(await top()).toEqual(['http://www.ordoszgh.gov.cn/a.html']);
    const [summary] = sortSummaries(summarise((await loadRecent(db, 2)).speeches, [], []), 'lastOpened');
    expect(summary?.lastOpened).toBe(3_000);
  });

  it('never moves a time backwards, and says when the speech is not stored', async () => {
    const db = getDb();
    await db.speeches.put(record('http://www.ordoszgh.gov.cn/a.html', 5_000));
    const id = speechIdFromUrl('http://www.ordoszgh.gov.cn/a.html');
    await markOpened(db, id, 4_000);
    expect((await db.speeches.get(id))?.lastOpened).toBe(5_000);
    expect(await markOpened(db, 'ordoszgh.gov.cn/missing.html', 6_000)).toBe(false);
  });
});
