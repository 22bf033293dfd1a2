import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { YanduDB } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';

// Which addresses are one speech (one record, one set of highlights and 学习心得) and which are not.

describe('speech ids', () => {
  it('keeps the query parameters that name the document on a dynamic page', () => {
    const one = speechIdFromUrl('http://news.example.cn/content.jsp?id=1');
    const two = speechIdFromUrl('http://news.example.cn/content.jsp?id=2');
    expect(one).not.toBe(two);
    expect(one).toBe('news.example.cn/content.jsp?id=1');
  });

  it('sorts the parameters and drops tracking ones, so a shared link opens the same record', () => {
    const plain = speechIdFromUrl('http://www.example.cn/show.aspx?cat=3&aid=20');
    expect(speechIdFromUrl('https://example.cn/show.aspx?aid=20&cat=3')).toBe(plain);
    expect(
      speechIdFromUrl(
        'http://www.example.cn/show.aspx?utm_source=wx&aid=20&from=singlemessage&isappinstalled=0&cat=3&spm=a.b#top',
      ),
    ).toBe(plain);
    expect(speechIdFromUrl('http://www.example.cn/show.aspx?aid=20&cat=3&_=1733100000000')).toBe(plain);
  });

  it("keeps the portal's article addresses as they always were: host and path, whatever the query or fragment", () => {
    const base = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202601/t20260115_3000001.html';
    const id = 'ordoszgh.gov.cn/zlzx/ldjh/202601/t20260115_3000001.html';
    expect(speechIdFromUrl(base)).toBe(id);
    expect(speechIdFromUrl(`${base}?id=7`)).toBe(id);
    expect(speechIdFromUrl(`${base}?from=timeline#p3`)).toBe(id);
    expect(speechIdFromUrl(base.replace('http:', 'https:'))).toBe(id);
    expect(speechIdFromUrl('http://ordoszgh.gov.cn/a/b.html')).not.toBe(
      speechIdFromUrl('http://ordoszgh.gov.cn/a/c.html'),
    );
  });

  it('keeps a port: two servers on one host are two sites', () => {
    expect(speechIdFromUrl('http://intranet.example.cn:8080/a/b.html')).toBe(
      'intranet.example.cn:8080/a/b.html',
    );
    expect(speechIdFromUrl('http://intranet.example.cn:8080/a/b.html')).not.toBe(
      speechIdFromUrl('http://intranet.example.cn:9090/a/b.html'),
    );
    // The default port is no port.
    expect(speechIdFromUrl('http://example.cn:80/a/b.html')).toBe('example.cn/a/b.html');
  });
});

describe('upgrading records stored under the old ids', () => {
  const name = 'rekey-upgrade';
  afterEach(async () => {
    await Dexie.delete(name);
  });

  it('moves a query-addressed speech, its highlights, 学习心得, draft and versions to the id of its address', async () => {
    // A version 2 database as Yandu wrote it when ids were host + path.
    const v2 = new Dexie(name);
    v2.version(1).stores({
      speeches: 'id, url, lastOpened, speaker, date',
      highlights: 'id, speechId, category, updated',
      notes: 'id, speechId, updated',
    });
    v2.version(2).stores({
      highlights: 'id, speechId, category, updated, task.status',
      speechVersions: 'id, speechId, archived',
      drafts: 'id, updated',
    });
    const speech = (url: string, id: string) => ({
      id,
      url,
      title: '在全市工会工作会议上的讲话',
      speaker: null,
      occasion: null,
      date: null,
      source: null,
      paragraphs: ['同志们：', '今年要把服务职工的事情办实办好。'],
      contentHash: 'h2',
      outline: [],
      firstOpened: 1,
      lastOpened: 2,
    });
    await v2.open();
    await v2
      .table('speeches')
      .bulkAdd([
        speech('http://news.example.cn/content.jsp?id=2', 'news.example.cn/content.jsp'),
        speech('http://www.ordoszgh.gov.cn/zlzx/a.html', 'ordoszgh.gov.cn/zlzx/a.html'),
      ]);
    await v2.table('highlights').bulkAdd([
      { id: 'h-1', speechId: 'news.example.cn/content.jsp', category: 'task', note: '', section: -1 },
      { id: 'h-2', speechId: 'ordoszgh.gov.cn/zlzx/a.html', category: 'data', note: '', section: -1 },
    ]);
    await v2.table('notes').add({
      id: 'news.example.cn/content.jsp',
      speechId: 'news.example.cn/content.jsp',
      text: '我的学习心得',
      created: 1,
      updated: 1,
    });
    await v2.table('drafts').add({ id: 'studyNote:news.example.cn/content.jsp', text: '没写完', updated: 1 });
    await v2.table('speechVersions').add({
      id: 'news.example.cn/content.jsp@h1',
      speechId: 'news.example.cn/content.jsp',
      contentHash: 'h1',
      title: '旧',
      paragraphs: ['旧文本'],
      outline: [],
      archived: 1,
    });
    v2.close();

    const db = new YanduDB(name);
    await db.open();
    const id = 'news.example.cn/content.jsp?id=2';
    expect((await db.speeches.get(id))?.url).toBe('http://news.example.cn/content.jsp?id=2');
    expect(await db.speeches.get('news.example.cn/content.jsp')).toBeUndefined();
    expect((await db.highlights.get('h-1'))?.speechId).toBe(id);
    expect((await db.notes.get(id))?.text).toBe('我的学习心得');
    expect((await db.drafts.get(`studyNote:${id}`))?.text).toBe('没写完');
    expect((await db.speechVersions.get(`${id}@h1`))?.paragraphs).toEqual(['旧文本']);
    // The portal's record keeps its id and its highlight.
    expect(await db.speeches.get('ordoszgh.gov.cn/zlzx/a.html')).toBeDefined();
    expect((await db.highlights.get('h-2'))?.speechId).toBe('ordoszgh.gov.cn/zlzx/a.html');
    db.close();
  });
});
