/**
 * Metadata as real pages show it (composed lines and pages, our own text): site suffixes, column headings,
 * titles split over lines, spaced names, epigraphs, CMS author fields, date lines of several CMSs, and the
 * lines that close an article.
 */
import { describe, expect, it } from 'vitest';
import { cleanBody } from '@/utils/page/clean-body';
import { extractSpeech, stripSiteSuffix } from '@/utils/page/extract';
import { parseAuthorLine, parseByline, parseDateLine, parseSubtitle } from '@/utils/page/meta';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const PROSE = '今年以来，全市各级工会紧紧围绕中心工作，团结动员广大职工建功立业，各项工作取得了新的成效。';

describe('titles', () => {
  it('strips 栏目 and site after --, and a short site name after a single hyphen', () => {
    expect(stripSiteSuffix('在开学典礼上的讲话--校长专栏-某市第一中学')).toBe('在开学典礼上的讲话');
    expect(stripSiteSuffix('全市春耕生产有序推进-河川新闻网')).toBe('全市春耕生产有序推进');
    expect(stripSiteSuffix('2022-2023学年第一学期开学典礼致辞')).toBe('2022-2023学年第一学期开学典礼致辞');
  });

  it('takes the heading most like <title>, not a column heading above it', () => {
    const doc = parse(
      `<html><head><title>高建平书记在全市教育大会上的讲话--领导关怀-某市第一中学</title></head><body>
       <h3>领导关怀</h3><h2>高建平书记在全市教育大会上的讲话</h2><div>发布时间：2021年03月05日</div>
       <div><p>同志们：</p><p>${PROSE}</p></div></body></html>`,
    );
    expect(extractSpeech(doc, 'http://www.school.example.cn/Item/1.aspx').title).toBe(
      '高建平书记在全市教育大会上的讲话',
    );
  });

  it('keeps a space-separated column name out, and joins a title split over lines', () => {
    const doc = parse(
      `<html><head><title>河川市人民代表大会常务委员会关于批准城市总体规划的决议 法规文件_河川政府网</title></head><body>
       <div>首页 &gt; 法规文件</div><div>河川市人民代表大会常务委员会</div><div>关于批准城市总体规划</div><div>的决议</div>
       <div class="text"><p>（2019年6月28日河川市第十五届人民代表大会常务委员会第二十次会议通过）</p><p>${PROSE}</p></div></body></html>`,
    );
    const s = extractSpeech(doc, 'http://www.hc.example.gov.cn/fg/1.html');
    expect(s.title).toBe('河川市人民代表大会常务委员会关于批准城市总体规划的决议');
    expect(s.date).toBe('2019-06-28');
  });
});

describe('bylines and speakers', () => {
  it('reads names spread with spaces, with a role or a date beside them', () => {
    expect(parseByline('临川二中党委书记、校长  周 德 睿')).toBe('周德睿');
    expect(parseByline('河川市市长 林振华')).toBe('林振华');
    expect(parseByline('中国某工程新闻发言人 武立平')).toBe('武立平');
    expect(cleanBody(['王 琛 2020.6.20', '同学们：', PROSE], '走向远方').speaker).toBe('王琛');
  });

  it('does not take the author of an epigraph for the speaker', () => {
    const clean = cleanBody(
      ['“一枝一叶总关情。”', '——郑燮', '河川市市长 林振华', '各位代表：', PROSE],
      '政府工作报告',
    );
    expect(clean.speaker).toBe('林振华');
    expect(clean.paragraphs[0]).toBe('各位代表：');
  });

  it('names the speaker in a subtitle, and not in a bare word that only looks like a name', () => {
    expect(parseSubtitle('——任远航在2016年市场年中会议上的讲话')?.speaker).toBe('任远航');
    const clean = cleanBody(['图集', `新华社北京12月9日电 ${PROSE}`], '某地举行会议');
    expect(clean.speaker).toBeNull();
  });

  it('takes a CMS author field for a name, never 佚名, a reporter or a desk', () => {
    expect(parseAuthorLine('文章来源：本站原创 作者：李文清 发布时间：2021年09月02日')).toBe('李文清');
    expect(parseAuthorLine('文章来源：本站原创 作者：佚名 发布时间：2018年09月05日')).toBeNull();
    expect(parseAuthorLine('文章来源：新华社 作者：记者 发布时间：2019年06月17日')).toBeNull();
  });

  it('ignores the author field of a page that is not a speech', () => {
    const doc = parse(
      `<html><head><title>全市春耕生产有序推进--学校新闻-某市第一中学</title></head><body>
       <h2>全市春耕生产有序推进</h2><div>文章来源：本站原创 作者：李文清 发布时间：2021年04月02日</div>
       <div><p>4月1日，记者在城郊看到，农机手们正驾驶拖拉机来回翻耕，田间一派繁忙景象，春耕生产有序推进。</p></div></body></html>`,
    );
    expect(extractSpeech(doc, 'http://www.school.example.cn/Item/2.aspx').speaker).toBeNull();
  });
});

describe('dates', () => {
  it('reads the date lines of several CMSs', () => {
    expect(parseDateLine('发稿时间：2021/7/1')).toBe('2021-07-01');
    expect(parseDateLine('时间：2019年10月31日 23:00 来源：河川日报')).toBe('2019-10-31');
  });

  it('takes a bare date under the source line', () => {
    const doc = parse(
      `<html><head><title>全市春耕生产有序推进_河川新闻网</title></head><body>
       <h1>全市春耕生产有序推进</h1><div>来源：河川日报</div><div>2019-10-31</div>
       <div><p>${PROSE}</p><p>${PROSE}</p></div></body></html>`,
    );
    expect(extractSpeech(doc, 'http://www.hc.example.cn/a/1.html').date).toBe('2019-10-31');
  });

  it('prefers the speech date line over the publication date', () => {
    const doc = parse(
      `<html><head><meta name="PubDate" content="2019-12-24 10:00"><title>在代表大会上的报告_领导讲话_鄂尔多斯工会网</title></head><body>
       <div class="TRS_Editor"><p>牢记使命 团结奋进</p><p>——在市工会第五次代表大会上的报告</p><p>（2019年12月20日）</p><p>孟晓云</p><p>各位代表：</p><p>${PROSE}</p></div></body></html>`,
    );
    const s = extractSpeech(doc, 'http://www.ordoszgh.gov.cn/zlzx/ldjh/201912/t20191224_1.html');
    expect(s).toMatchObject({ date: '2019-12-20', speaker: '孟晓云' });
    expect(s.paragraphs[0]).toBe('各位代表：');
  });
});

describe('where the body ends', () => {
  it('stops at credits, 本文来自 and like buttons, and drops a promotion link line above the text', () => {
    const clean = cleanBody(
      ['点击进入“河川文艺”>>', PROSE, '这是最后一段正文。', '(责编：刘晓、王芳)', '相关阅读：某某新闻'],
      '标题',
    );
    expect(clean.paragraphs).toEqual([PROSE, '这是最后一段正文。']);
    expect(cleanBody([PROSE, '本文来自河川日报', '更多精彩'], '标题').paragraphs).toEqual([PROSE]);
    expect(cleanBody([PROSE, '+1', '【纠错】', '热帖'], '标题').paragraphs).toEqual([PROSE]);
  });
});
