import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { assertExtensionOrigin, getDb, YanduDB } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import { loadSpeech, saveOpenedSpeech } from '@/utils/store/speeches';
import { SPEECH_TABLES } from '@/utils/store/tables';
import type { SpeechWithOutline } from '@/utils/types';

const speech: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/201803/t20180319_2098918.html',
  title: '在市总工会全委会议上的讲话',
  speaker: '张明远',
  occasion: '市总工会全委会议',
  date: '2018-03-19',
  source: '鄂尔多斯市总工会',
  paragraphs: ['同志们：', '第一，强化思想引领。一要加强学习。二要狠抓落实。'],
  contentHash: 'fnv1a-00000000-2',
  outline: [{ level: 1, marker: '第一', title: '强化思想引领', para: 1, offset: 0 }],
};

afterEach(async () => {
  await getDb().delete();
  await getDb().open();
});

describe('database schema', () => {
  it('every table is in the one list that delete, undo and the backup go through (a table left out loses data)', async () => {
    const db = new YanduDB('tables-check');
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([...SPEECH_TABLES].sort());
    await db.delete();
  });

  it('has the speeches, highlights, notes, earlier versions and drafts tables with their indexes', async () => {
    const db = new YanduDB('schema-check');
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'drafts',
      'highlights',
      'notes',
      'speechVersions',
      'speeches',
    ]);
    expect(db.highlights.schema.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['speechId', 'category', 'task.status']),
    );
    expect(db.speeches.schema.indexes.map((i) => i.name)).toContain('lastOpened');
    db.close();
    await db.delete();
  });

  it('upgrades a version 1 database with every record intact and key tasks given a follow-up', async () => {
    const name = 'upgrade-from-v1';
    // A database exactly as version 1 of Yandu wrote it.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      speeches: 'id, url, lastOpened, speaker, date',
      highlights: 'id, speechId, category, updated',
      notes: 'id, speechId, updated',
    });
    const selector = {
      startPara: 1,
      startOffset: 0,
      endPara: 1,
      endOffset: 8,
      exact: '第一，强化思想引领',
      prefix: '',
      suffix: '。',
    };
    await v1
      .table('speeches')
      .put({ ...speech, id: 'ordoszgh.gov.cn/a.html', firstOpened: 1, lastOpened: 2 });
    await v1.table('highlights').bulkPut([
      {
        id: 'h1',
        speechId: 'ordoszgh.gov.cn/a.html',
        category: 'task',
        note: '本周落实',
        selector,
        section: 0,
        created: 1,
        updated: 1,
      },
      {
        id: 'h2',
        speechId: 'ordoszgh.gov.cn/a.html',
        category: 'data',
        note: '',
        selector,
        section: 0,
        created: 1,
        updated: 1,
      },
    ]);
    await v1.table('notes').put({
      id: 'ordoszgh.gov.cn/a.html',
      speechId: 'ordoszgh.gov.cn/a.html',
      text: '心得',
      created: 1,
      updated: 3,
    });
    v1.close();

    const db = new YanduDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect((await db.speeches.get('ordoszgh.gov.cn/a.html'))?.paragraphs).toEqual(speech.paragraphs);
    const [h1, h2] = await db.highlights.bulkGet(['h1', 'h2']);
    expect(h1).toMatchObject({
      note: '本周落实',
      selector,
      task: { status: 'todo', due: null, progress: '' },
    });
    expect(h2?.task).toBeUndefined();
    expect(await db.highlights.where('task.status').equals('todo').count()).toBe(1);
    expect((await db.notes.get('ordoszgh.gov.cn/a.html'))?.text).toBe('心得');
    db.close();
    await db.delete();
  });
});

describe('offline copy of an opened speech', () => {
  it('stores the speech and reads it back by URL, whatever the scheme or www prefix', async () => {
    await saveOpenedSpeech(getDb(), speech, 1000);
    const again = await loadSpeech(
      getDb(),
      'https://ordoszgh.gov.cn/zlzx/ldjh/201803/t20180319_2098918.html#top',
    );
    expect(again?.title).toBe(speech.title);
    expect(again?.paragraphs).toEqual(speech.paragraphs);
    expect(again?.outline).toEqual(speech.outline);
  });

  it('keeps the first-opened time and moves the last-opened time when opened again', async () => {
    await saveOpenedSpeech(getDb(), speech, 1000);
    const second = await saveOpenedSpeech(getDb(), { ...speech, title: '修订后的标题' }, 5000);
    expect(second.firstOpened).toBe(1000);
    expect(second.lastOpened).toBe(5000);
    expect((await loadSpeech(getDb(), speech.url))?.title).toBe('修订后的标题');
    expect(await getDb().speeches.count()).toBe(1);
  });

  it('finds nothing for a speech never opened', async () => {
    expect(await loadSpeech(getDb(), 'http://www.ordoszgh.gov.cn/zlzx/ldjh/other.html')).toBeUndefined();
  });
});

describe('speech ids', () => {
  it('ignore scheme, www, query and fragment but keep the path', () => {
    expect(speechIdFromUrl('https://www.ordoszgh.gov.cn/a/b.html?x=1#y')).toBe('ordoszgh.gov.cn/a/b.html');
    expect(speechIdFromUrl('http://ordoszgh.gov.cn/a/c.html')).not.toBe(
      speechIdFromUrl('http://ordoszgh.gov.cn/a/b.html'),
    );
  });
});

describe('the database refuses a web page origin', () => {
  it('throws for http, https and file pages, where IndexedDB would belong to the site', () => {
    expect(() => assertExtensionOrigin('https:')).toThrow(/messages/);
    expect(() => assertExtensionOrigin('http:')).toThrow();
    expect(() => assertExtensionOrigin('file:')).toThrow();
  });
  it('accepts the extension origins of Chrome and Firefox', () => {
    expect(() => assertExtensionOrigin('chrome-extension:')).not.toThrow();
    expect(() => assertExtensionOrigin('moz-extension:')).not.toThrow();
  });
});
