import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOutline } from '@/utils/outline/build';
import { nodeRef } from '@/utils/outline/corrections';
import { sectionHeading } from '@/utils/outline/sections';
import { assertExtensionOrigin, getDb, YanduDB } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import { saveOutlineEdits } from '@/utils/store/outline-edits';
import { loadSpeech, saveOpenedSpeech } from '@/utils/store/speeches';
import { SPEECH_TABLES } from '@/utils/store/tables';
import { taskItems } from '@/utils/store/tasks';
import type { Highlight, OutlineNode, SpeechRecord, SpeechWithOutline } from '@/utils/types';

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
    expect(db.verno).toBe(4);
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
    expect(db.verno).toBe(4);
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

/** Composed for these tests: a short speech in the portal's manner, three sections and a closing. */
const skills = [
  '同志们：',
  '今天召开全市职工技能提升工作推进会，主要任务是总结前一阶段工作，部署下一步任务。下面，我讲三点意见。',
  '第一，提高站位，深刻认识技能提升的重要意义。技能人才是支撑产业升级的重要力量。一要把技能提升摆上重要议事日程。各级工会要定期研究，切实解决实际问题。二要把职工需求作为工作出发点。要深入企业车间，摸清职工所需所盼。',
  '第二，突出重点，扎实推进各项培训任务。要围绕全市重点产业，分行业组织岗位练兵和技能比武。一要抓好新型学徒制培训。二要抓好线上学习平台建设。',
  '第三，强化保障，确保各项措施落地见效。要建立工作台账，实行月调度、季通报，年底前完成十万人次培训任务。',
  '同志们，技能提升工作事关职工切身利益。希望大家以钉钉子精神抓好落实，为全市高质量发展作出新的更大贡献。',
  '谢谢大家！',
];
const node = (level: 1 | 2, marker: string, title: string, para: number, offset: number): OutlineNode => ({
  level,
  marker,
  title,
  para,
  offset,
});
/** The outline an earlier engine stored: 第三 missed (so its tasks fell under 第二·二要), no 开头/结束语. */
const staleOutline: OutlineNode[] = [
  node(1, '第一', '提高站位，深刻认识技能提升的重要意义', 2, 0),
  node(2, '一要', '把技能提升摆上重要议事日程', 2, 39),
  node(2, '二要', '把职工需求作为工作出发点', 2, 74),
  node(1, '第二', '突出重点，扎实推进各项培训任务', 3, 0),
  node(2, '一要', '抓好新型学徒制培训', 3, 44),
  node(2, '二要', '抓好线上学习平台建设', 3, 56),
];
const V3_STORES = {
  speeches: 'id, url, lastOpened, speaker, date',
  highlights: 'id, speechId, category, updated, task.status',
  notes: 'id, speechId, updated',
  speechVersions: 'id, speechId, archived',
  drafts: 'id, updated',
};
function selectorOf(paragraphs: readonly string[], para: number, exact: string) {
  const text = paragraphs[para] ?? '';
  const start = text.indexOf(exact);
  return {
    startPara: para,
    startOffset: start,
    endPara: para,
    endOffset: start + exact.length,
    exact,
    prefix: text.slice(Math.max(0, start - 8), start),
    suffix: text.slice(start + exact.length, start + exact.length + 8),
  };
}
function highlightOn(id: string, speechId: string, para: number, exact: string, section: number): Highlight {
  return {
    id,
    speechId,
    category: 'task',
    note: '按月调度',
    selector: selectorOf(skills, para, exact),
    section,
    task: { status: 'doing', due: '2026-12-31', progress: '已完成一半' },
    created: 10,
    updated: 20,
  };
}

describe('version 4: outlines of records saved before corrections', () => {
  const url = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202605/t20260512_300001.html';
  const id = speechIdFromUrl(url);
  const editedUrl = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202606/t20260603_300002.html';
  const editedId = speechIdFromUrl(editedUrl);
  const stale: SpeechRecord = {
    id,
    url,
    title: '在全市职工技能提升工作推进会上的讲话',
    speaker: '王建国',
    occasion: '全市职工技能提升工作推进会',
    date: '2026-05-12',
    source: '鄂尔多斯市总工会',
    paragraphs: skills,
    contentHash: 'fnv1a-1234abcd-7',
    outline: staleOutline,
    firstOpened: 100,
    lastOpened: 200,
    changedAt: 150,
    previousHash: 'fnv1a-0000beef-6',
  };
  /** A record corrected in version 3 (edits rode on the record then), against the stale outline. */
  const removeSecondTraining = { op: 'remove' as const, target: nodeRef(staleOutline[5] as OutlineNode) };
  const edited: SpeechRecord = {
    ...stale,
    id: editedId,
    url: editedUrl,
    contentHash: 'fnv1a-5678abcd-7',
    outline: staleOutline.slice(0, 5),
    autoOutline: staleOutline,
    outlineEdits: [removeSecondTraining],
  };
  const damaged = { id: 'ordoszgh.gov.cn/broken.html', url: 'http://www.ordoszgh.gov.cn/broken.html' };

  async function writeVersion3(name: string): Promise<void> {
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.table('speeches').bulkPut([stale, edited, damaged]);
    await v3.table('highlights').bulkPut([
      // Under 第三, filed by the stale outline under 第二·二要 (index 5).
      highlightOn('t3', id, 4, '年底前完成十万人次培训任务', 5),
      highlightOn('t1', id, 2, '定期研究', 1),
      highlightOn('e3', editedId, 4, '实行月调度', 4),
      { ...highlightOn('bad', id, 4, '建立工作台账', 5), selector: null },
    ]);
    await v3
      .table('notes')
      .put({ id, speechId: id, text: '技能提升要和岗位练兵结合', created: 1, updated: 2 });
    await v3.table('drafts').put({ id: `studyNote:${id}`, text: '技能提升要和岗位练兵结合，', updated: 3 });
    await v3.table('speechVersions').put({
      id: `${id}@fnv1a-0000beef-6`,
      speechId: id,
      contentHash: 'fnv1a-0000beef-6',
      title: stale.title,
      paragraphs: skills.slice(0, 5),
      outline: staleOutline,
      archived: 150,
    });
    v3.close();
  }

  it('gives each record the outline the reader builds now, its tasks re-filed, and loses nothing', async () => {
    const name = 'upgrade-from-v3';
    await writeVersion3(name);
    const db = new YanduDB(name);
    await db.open();
    expect(db.verno).toBe(4);

    const automatic = buildOutline(skills);
    const record = (await db.speeches.get(id)) as SpeechRecord;
    expect(record.outline).toEqual(automatic);
    expect(record.outline.map((n) => n.marker || n.role)).toEqual([
      'opening',
      '第一',
      '一要',
      '二要',
      '第二',
      '一要',
      '二要',
      '第三',
      'closing',
    ]);
    // Everything but the outline is as version 3 stored it; no edits, so no engine copy beside it.
    const { outline: _new, ...rest } = record;
    const { outline: _old, ...before } = stale;
    expect(rest).toEqual(before);

    // The task under 第三 is listed under 第三 now, in the task list and its 出处.
    const [t3, t1, bad] = await db.highlights.bulkGet(['t3', 't1', 'bad']);
    expect(sectionHeading(record.outline[t3?.section ?? -1] as OutlineNode)).toBe(
      '第三，强化保障，确保各项措施落地见效',
    );
    expect(t1?.section).toBe(2);
    expect(t3).toMatchObject({ note: '按月调度', task: { status: 'doing', progress: '已完成一半' } });
    expect(t3?.selector).toEqual(selectorOf(skills, 4, '年底前完成十万人次培训任务'));
    expect(bad).toMatchObject({ selector: null, section: 5 });
    const tasks = taskItems(await db.highlights.toArray(), [record]);
    expect(tasks.find((t) => t.highlightId === 't3')?.section).toBe('第三，强化保障，确保各项措施落地见效');

    expect((await db.notes.get(id))?.text).toBe('技能提升要和岗位练兵结合');
    expect((await db.drafts.get(`studyNote:${id}`))?.text).toBe('技能提升要和岗位练兵结合，');
    expect((await db.speechVersions.where('speechId').equals(id).first())?.paragraphs).toEqual(
      skills.slice(0, 5),
    );
    // A record too damaged to outline is left as it was rather than failing the upgrade.
    expect(await db.speeches.get(damaged.id)).toEqual(damaged);
    db.close();
    await db.delete();
  });

  it('keeps corrections made in version 3, applies them to the new outline, and they still work after', async () => {
    const name = 'upgrade-from-v3-edits';
    await writeVersion3(name);
    const db = new YanduDB(name);
    await db.open();
    const automatic = buildOutline(skills);
    const record = (await db.speeches.get(editedId)) as SpeechRecord;
    expect(record.outlineEdits).toEqual([removeSecondTraining]);
    expect(record.autoOutline).toEqual(automatic);
    expect(record.outline.map((n) => n.title)).not.toContain('抓好线上学习平台建设');
    expect(record.outline).toHaveLength(automatic.length - 1);
    // The highlight under 第三 follows the corrected outline.
    expect(record.outline[(await db.highlights.get('e3'))?.section ?? -1]?.marker).toBe('第三');

    // Correcting goes on from there: 第三 demoted under 第二, a phrase made a heading…
    const third = record.outline.find((n) => n.marker === '第三') as OutlineNode;
    const ledger = skills[4]?.indexOf('要建立工作台账') ?? -1;
    const edits = [
      removeSecondTraining,
      { op: 'level' as const, target: nodeRef(third), level: 2 as const },
      {
        op: 'add' as const,
        at: {
          para: 4,
          offset: ledger,
          exact: '要建立工作台账',
          prefix: skills[4]?.slice(ledger - 8, ledger) ?? '',
        },
        level: 3 as const,
        title: '要建立工作台账',
      },
    ];
    const corrected = (await saveOutlineEdits(db, editedId, edits)) as OutlineNode[];
    expect(corrected.find((n) => n.marker === '第三')?.level).toBe(2);
    const made = corrected.findIndex((n) => n.user && n.title === '要建立工作台账');
    expect(made).toBeGreaterThan(0);
    expect((await db.highlights.get('e3'))?.section).toBe(made);

    // …and 恢复自动提纲 brings back exactly what the engine builds.
    expect(await saveOutlineEdits(db, editedId, [])).toEqual(automatic);
    const reset = (await db.speeches.get(editedId)) as SpeechRecord;
    expect(reset.outlineEdits).toBeUndefined();
    expect(reset.autoOutline).toBeUndefined();
    expect(reset.outline[(await db.highlights.get('e3'))?.section ?? -1]?.marker).toBe('第三');
    db.close();
    await db.delete();
  });

  it('splits a paragraph stored before the intake existed and moves its highlights with the text', async () => {
    const name = 'upgrade-from-v3-long';
    const filler = '要坚持问题导向，把每项任务落到具体岗位和具体人头上。';
    const long = `${filler.repeat(480)}第四，严格考核，把培训成效纳入年度评价。`;
    const paragraphs = [...skills.slice(0, 5), long];
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.table('speeches').put({ ...stale, paragraphs, outline: staleOutline });
    const exact = '把培训成效纳入年度评价';
    const start = long.indexOf(exact);
    await v3.table('highlights').put({
      ...highlightOn('far', id, 4, '实行月调度', 0),
      selector: {
        startPara: 5,
        startOffset: start,
        endPara: 5,
        endOffset: start + exact.length,
        exact,
        prefix: '',
        suffix: '',
      },
    });
    v3.close();

    const db = new YanduDB(name);
    await db.open();
    const record = (await db.speeches.get(id)) as SpeechRecord;
    expect(record.paragraphs.length).toBeGreaterThan(paragraphs.length);
    expect(record.paragraphs.join('')).toBe(paragraphs.join(''));
    const s = (await db.highlights.get('far'))?.selector;
    expect(record.paragraphs[s?.startPara ?? -1]?.slice(s?.startOffset, s?.endOffset)).toBe(exact);
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
