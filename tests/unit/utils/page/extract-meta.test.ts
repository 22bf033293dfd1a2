/**
 * The pieces of extraction a reader sees directly: who spoke, where, when; titles without the site name;
 * body text without CSS or chrome; the other parts of a split article.
 */
import { describe, expect, it } from 'vitest';
import { blockLines } from '@/utils/page/blocks';
import { cleanBody } from '@/utils/page/clean-body';
import { extractSpeech, stripSiteSuffix } from '@/utils/page/extract';
import { parseByline, parseSourceLine, parseSubtitle, parseTitle } from '@/utils/page/meta';
import { multiPageUrls } from '@/utils/page/multi-page';
import { findDate } from '@/utils/text/clean';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('parseTitle', () => {
  it.each([
    ['于新芳在市总工会三届五次全委(扩大)会议上的讲话', '于新芳', '市总工会三届五次全委(扩大)会议'],
    ['市委书记马卫光在全市干部大会上的讲话', '马卫光', '全市干部大会'],
    ['李明主席在职工运动会开幕式上的致辞', '李明', '职工运动会开幕式'],
    ['李明常务副主席在职工运动会开幕式上的致辞', '李明', '职工运动会开幕式'],
    ['张华同志在全市安全生产会议开始时的讲话', '张华', '全市安全生产会议'],
    ['王强：在全省劳模表彰大会上的讲话（全文）', '王强', '全省劳模表彰大会'],
    ['市长在全市安全生产委员会例会上的讲话', null, '全市安全生产委员会例会'],
    ['在市总工会2023年度工作会议上的讲话', null, '市总工会2023年度工作会议'],
    ['奋力开创新局面——在市总工会四届四次全委会议上的工作报告', null, '市总工会四届四次全委会议'],
    ['区委庆“五一”暨工会工作表彰大会讲话', null, '区委庆“五一”暨工会工作表彰大会'],
    ['毛主席在扩大的中央工作会议上的讲话', null, '扩大的中央工作会议'],
    ['市总工会开展送温暖活动', null, null],
  ])('%s → speaker %s, occasion %s', (title, speaker, occasion) => {
    expect(parseTitle(title)).toEqual({ speaker, occasion });
  });
});

describe('parseByline', () => {
  it.each([
    ['省长 胡立新', '胡立新'],
    ['宝钢集团企业开发总公司党委书记  叶青', '叶青'],
    ['市人大常委会执法检查组组长杨明华', '杨明华'],
    ['王立新', '王立新'],
    ['王立新同志', '王立新'],
    ['王立新（市总工会党组书记、常务副主席）', '王立新'],
    ['市总工会党组书记、常务副主席　王立新', '王立新'],
    ['张三、李四、王五', '张三、李四、王五'],
    ['自治区人大常委会副主任', ''],
  ])('%s → %s', (line, speaker) => {
    expect(parseByline(line)).toBe(speaker);
  });

  it.each([
    ['同志们：'],
    ['一、工作回顾'],
    ['目录'],
    ['记者 王立新'],
    ['今天召开这次会议，主要是部署工作。'],
  ])('does not take %s for a byline', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('dates, subtitles and sources', () => {
  it.each([
    ['（2018年3月19日）', '2018-03-19'],
    ['（二〇一八年三月十九日）', '2018-03-19'],
    ['二〇二二年十月三十一日', '2022-10-31'],
    ['发布日期：2018-3-9 10:20', '2018-03-09'],
    ['2018/03/19', '2018-03-19'],
    ['3月19日上午', null],
    ['2018年13月40日', null],
  ])('findDate(%s) = %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it('reads the occasion and date of a delivery line', () => {
    expect(parseSubtitle('——2024年7月23日在市第五届人民代表大会常务委员会第十次会议上')).toEqual({
      speaker: null,
      occasion: '市第五届人民代表大会常务委员会第十次会议',
      date: '2024-07-23',
    });
    expect(parseSubtitle('在市总工会全委会议上的讲话')).toBeNull();
  });

  it('reads the source of an info line, null when the page leaves it empty', () => {
    expect(parseSourceLine('来源：市总工会办公室    发布日期：2019-03-25')).toBe('市总工会办公室');
    expect(parseSourceLine('发布时间:2024-07-31 作者:佚名 来源:人大调研网')).toBe('人大调研网');
    expect(parseSourceLine('来源：     发布日期：2018-06-04')).toBeNull();
  });

  it('strips the column and site name from a TRS <title>', () => {
    expect(stripSiteSuffix('王立新在全委会议上的讲话_领导讲话_鄂尔多斯工会网')).toBe(
      '王立新在全委会议上的讲话',
    );
    expect(stripSiteSuffix('在全委会议上的讲话 - 职工之声网')).toBe('在全委会议上的讲话');
    expect(stripSiteSuffix('奋力开创新局面——在全委会议上的报告')).toBe('奋力开创新局面——在全委会议上的报告');
  });
});

describe('body text', () => {
  it('skips <style>, splits at <br>, joins a source line break between Chinese characters', () => {
    const doc = parse(
      '<div><style>.TRS_Editor P{margin:0}</style>同志们：<br>&nbsp;&nbsp;今天召开\n会议。<br><br><span hidden>隐藏</span><p>第一，要提高\n认识。</p></div>',
    );
    expect(blockLines(doc.body)).toEqual(['同志们：', '\u00a0\u00a0今天召开会议。', '第一，要提高认识。']);
  });

  it('moves title, subtitle, date and byline lines out of the paragraphs, and drops chrome', () => {
    const body = cleanBody(
      [
        '奋力开创新局面',
        '——在市总工会四届四次全委会议上的工作报告',
        '赵明远',
        '（2020年1月8日）',
        '各位委员、同志们：',
        '\u3000\u3000现在，我代表常委会报告工作。',
        '.MsoNormal{font-size:16pt;}第一，要提高认识。',
        '（责任编辑：王小明）',
        '上一篇：市总工会开展送温暖活动',
      ],
      '奋力开创新局面——在市总工会四届四次全委会议上的工作报告',
    );
    expect(body).toEqual({
      paragraphs: ['各位委员、同志们：', '现在，我代表常委会报告工作。', '第一，要提高认识。'],
      speaker: '赵明远',
      occasion: '市总工会四届四次全委会议',
      date: '2020-01-08',
    });
  });

  it('takes a "在…上的讲话" line under a slogan title as metadata', () => {
    const body = cleanBody(['在全市工会工作会议上的讲话', '李明', '同志们：'], '凝心聚力 再创佳绩');
    expect(body).toEqual({
      paragraphs: ['同志们：'],
      speaker: '李明',
      occasion: '全市工会工作会议',
      date: null,
    });
  });

  it('keeps a body that opens straight with prose untouched', () => {
    const lines = ['今天召开这次会议，主要是部署工作。', '第一，要提高认识。'];
    expect(cleanBody(lines, '在全市工作会议上的讲话').paragraphs).toEqual(lines);
  });
});

describe('multiPageUrls', () => {
  const url = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202302/t20230215_3300555_1.html';
  it('lists the other parts of a split article, from the TRS pager script', () => {
    const doc = parse('<script>createPageHTML(3, 1, "t20230215_3300555", "html");</script>');
    expect(multiPageUrls(doc, url)).toEqual([
      'http://www.ordoszgh.gov.cn/zlzx/ldjh/202302/t20230215_3300555.html',
      'http://www.ordoszgh.gov.cn/zlzx/ldjh/202302/t20230215_3300555_2.html',
    ]);
  });

  it('ignores links to other articles (上一篇/下一篇)', () => {
    const doc = parse(
      '<a href="t20230210_3300001.html">上一篇</a><a href="t20230220_3300999_1.html">下一篇</a>',
    );
    expect(multiPageUrls(doc, url.replace('_1.html', '.html'))).toEqual([]);
  });
});

describe('extractSpeech fallbacks', () => {
  const PROSE =
    '各级工会要坚持以职工为中心，把服务职工作为工作的出发点和落脚点，切实解决职工群众急难愁盼问题。';
  it('falls back to Readability when the TRS container is empty', () => {
    const paras = ['同志们：', ...Array.from({ length: 8 }, (_, i) => `${i + 1}年来，${PROSE}`)];
    const doc = parse(
      `<title>在全市工会工作会议上的讲话</title><div class="TRS_Editor"> </div><article>${paras.map((p) => `<p>${p}</p>`).join('')}</article>`,
    );
    const speech = extractSpeech(doc, 'http://www.ordoszgh.gov.cn/zlzx/ldjh/1.html');
    expect(speech.via).toBe('readability');
    expect(speech.paragraphs).toEqual(paras);
  });

  it('takes the line above the info line as title when <title> is only the site name', () => {
    const doc = parse(
      '<title>鄂尔多斯工会网</title><div>当前位置：首页 &gt;&gt; 领导讲话</div><div class="bt">王立新在全市工会工作会议上的讲话</div><div>来源：&nbsp;发布日期：2019-03-25</div><div class="TRS_Editor"><p>同志们：</p></div>',
    );
    const speech = extractSpeech(doc, 'http://www.ordoszgh.gov.cn/zlzx/ldjh/1.html');
    expect([speech.title, speech.speaker, speech.date]).toEqual([
      '王立新在全市工会工作会议上的讲话',
      '王立新',
      '2019-03-25',
    ]);
  });

  it('drops paywall notices of document-sharing sites', () => {
    const doc = parse(
      `<div class="TRS_Editor"><p>同志们：</p><p>${PROSE}</p><p>……(未完，全文共6606字，请登录后阅读)</p><p>新来的客人【点此注册】查看全文</p></div>`,
    );
    expect(extractSpeech(doc, 'https://x.cn/1.html').paragraphs).toEqual(['同志们：', PROSE]);
  });
});
