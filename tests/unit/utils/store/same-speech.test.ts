import { describe, expect, it } from 'vitest';
import { type LivePage, sameSpeech, similarity } from '@/utils/store/same-speech';

// "Is the page now at a stored speech's address still that speech?" (utils/store/same-speech.ts), on
// composed texts: the answer decides whether a live page may replace what the user studied.

const URL_A = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202605/t20260501_9100001.html';
const STORED = {
  url: URL_A,
  title: '在全市职工书屋建设推进会上的讲话',
  paragraphs: [
    '同志们：',
    '今天我们召开全市职工书屋建设推进会，主要是总结近两年书屋建设的做法，安排好今后一个时期的重点工作。',
    '第一，把书屋建在职工身边。新建书屋要优先安排在一线班组、矿区宿舍和园区食堂附近，让职工下了班走几步就能借到书。',
    '第二，把好书送到职工手里。各基层工会每季度至少更新一次书目，技术类图书不少于三成，借阅登记一律改为扫码办理。',
    '第三，把读书活动办出特色。围绕岗位技能、家庭教育和身心健康，组织读书分享会和征文比赛，评选一批书香班组。',
  ],
};
const live = (over: Partial<LivePage>): LivePage => ({
  landed: URL_A,
  status: 200,
  isSpeech: true,
  title: STORED.title,
  paragraphs: STORED.paragraphs,
  pageText: STORED.paragraphs.join(''),
  ...over,
});
const HOME = [
  '鄂尔多斯市总工会',
  '工会要闻',
  '市总工会召开党组会议',
  '通知公告',
  '关于开展职工书屋评选的通知',
  '领导讲话',
];

describe('a page that is still the speech', () => {
  it('accepts an edit: a figure corrected, a sentence added, the title trimmed', () => {
    const edited = [...STORED.paragraphs];
    edited[3] = edited[3]?.replace('三成', '四成') ?? '';
    edited.push('同志们，职工书屋是工会联系职工的一座桥梁，希望大家把这件实事办好。');
    expect(
      sameSpeech(STORED, live({ paragraphs: edited, title: '在全市职工书屋建设推进会上的讲话（摘要）' })),
    ).toEqual({
      same: true,
    });
  });

  it('accepts the same address by https, without www, with a tracking query', () => {
    const landed = 'https://ordoszgh.gov.cn/zlzx/ldjh/202605/t20260501_9100001.html?from=singlemessage';
    expect(sameSpeech(STORED, live({ landed })).same).toBe(true);
  });

  it('accepts a speech that says 信息不存在 in its own text', () => {
    const paragraphs = [...STORED.paragraphs, '有的单位反映，借阅信息不存在统一平台，这个问题要抓紧解决。'];
    expect(sameSpeech(STORED, live({ paragraphs, pageText: paragraphs.join('') })).same).toBe(true);
  });
});

describe('a page that is not the speech any more', () => {
  it('moved: the address redirects to the home page', () => {
    expect(
      sameSpeech(
        STORED,
        live({
          landed: 'http://www.ordoszgh.gov.cn/index.html',
          title: '鄂尔多斯工会网',
          paragraphs: HOME,
          isSpeech: false,
        }),
      ),
    ).toEqual({ same: false, reason: 'moved' });
  });

  it('gone: 404 or 410, or a 200 page saying 对不起，您访问的页面不存在或已被删除！', () => {
    expect(sameSpeech(STORED, live({ status: 404 }))).toEqual({ same: false, reason: 'gone' });
    expect(sameSpeech(STORED, live({ status: 410 }))).toEqual({ same: false, reason: 'gone' });
    const notice = ['对不起，您访问的页面不存在或已被删除！', '返回首页'];
    expect(
      sameSpeech(
        STORED,
        live({
          title: '鄂尔多斯工会网',
          paragraphs: notice,
          pageText: `首页 领导讲话 ${notice.join('')}`,
          isSpeech: false,
        }),
      ),
    ).toEqual({ same: false, reason: 'gone' });
    expect(sameSpeech(STORED, live({ paragraphs: [] }))).toEqual({ same: false, reason: 'gone' });
  });

  it('replaced: far shorter, another title, or another text that is not a speech', () => {
    expect(sameSpeech(STORED, live({ paragraphs: STORED.paragraphs.slice(0, 2) })).same).toBe(false);
    expect(sameSpeech(STORED, live({ title: '关于开展2026年度职工书屋评选的通知' })).same).toBe(false);
    const other = [
      '各旗区总工会、市直各产业工会：',
      '为做好今年劳动模范疗休养工作，现将有关事项通知如下，请结合实际认真抓好落实，确保安排妥当、安全有序。',
      '一、疗休养对象为近五年受表彰的各级劳动模范和先进工作者，优先安排一线职工和未参加过疗休养的同志。',
      '二、疗休养时间为六月至九月，每批七天，各单位于五月底前将名单报市总工会劳动和经济工作部。',
    ];
    expect(sameSpeech(STORED, live({ paragraphs: other, isSpeech: false }))).toEqual({
      same: false,
      reason: 'replaced',
    });
  });
});

describe('similarity', () => {
  it('is 1 for the same text and low for unrelated ones', () => {
    expect(similarity('职工书屋建设', '职工书屋建设')).toBe(1);
    expect(similarity(STORED.paragraphs.join(''), HOME.join(''))).toBeLessThan(0.2);
  });
});
