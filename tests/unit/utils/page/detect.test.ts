/**
 * Detection signals one at a time, on small composed pages: what makes a page a speech for the reader
 * button, and what keeps news items and notices out.
 */
import { describe, expect, it } from 'vitest';
import { detectSpeech } from '@/utils/page/detect';

const PORTAL = 'http://www.ordoszgh.gov.cn';
const page = (title: string, body: string, head = '') =>
  new DOMParser().parseFromString(
    `<html><head><title>${title}</title>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
const paras = (...lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');
const PROSE = '今年以来，全市各级工会紧紧围绕中心工作，团结动员广大职工建功立业，各项工作取得了新的成效。';

describe('detectSpeech', () => {
  it('takes the 领导讲话 column (URL and breadcrumb) as a speech even with a plain title', () => {
    const doc = page(
      '振奋精神 再创佳绩_领导讲话_鄂尔多斯工会网',
      `<div>当前位置：<a class="CurrChnlCls">资料中心</a> &gt;&gt; <a class="CurrChnlCls">领导讲话</a></div>
       <div class="TRS_Editor">${paras(PROSE)}</div>`,
    );
    const d = detectSpeech(doc, `${PORTAL}/zlzx/ldjh/201803/t20180319_2098918.html`);
    expect(d.isSpeech).toBe(true);
    expect(d.reasons).toEqual(expect.arrayContaining(['url:ldjh', 'breadcrumb:领导讲话']));
  });

  it('does not count a 领导讲话 menu item in the site navigation as the breadcrumb', () => {
    const doc = page(
      '市总工会开展送清凉活动_工会要闻_鄂尔多斯工会网',
      `<div class="nav"><a href="/zlzx/ldjh/">领导讲话</a> <a href="/ghdt/">工会动态</a></div>
       <div>当前位置：<a class="CurrChnlCls">工会动态</a> &gt;&gt; <a class="CurrChnlCls">工会要闻</a></div>
       <div class="TRS_Editor">${paras(`7月15日，${PROSE}`)}</div>`,
    );
    expect(detectSpeech(doc, `${PORTAL}/ghdt/ghyw/201807/t20180716_2220001.html`).isSpeech).toBe(false);
  });

  it.each([
    ['李明在全市工会工作会议上的讲话'],
    ['在市总工会五届二次全委会议上的报告'],
    ['李明同志在职工运动会开幕式上的致辞（摘要）'],
    ['在全区安全生产工作会议上的讲话提纲'],
    ['全市劳模座谈会主持词'],
    ['李明：在庆祝“五一”国际劳动节大会上的讲话(2)'],
    ['在全縣工會代表大會上的講話'],
    ['在全市开展安全生产月活动启动仪式上的致辞'],
    ['在学习贯彻全会精神专题研讨班上的讲话'],
    ['2025年市政府工作报告——2025年1月10日在市第五届人民代表大会第四次会议上'],
  ])('recognises the title form of %s', (title) => {
    const d = detectSpeech(page(title, `<h1>${title}</h1>${paras(PROSE)}`), 'https://example.org/a.html');
    expect(d.isSpeech, d.reasons.join(' ')).toBe(true);
    expect(d.reasons).toContain('title:在…上的讲话');
  });

  it.each([
    ['全市工会工作会议召开 李明出席并讲话'],
    ['李明在全市工会工作会议上强调 凝心聚力推动工会工作高质量发展'],
    ['李明代表市总工会作工作报告'],
    ['市总工会机关认真学习李明同志讲话精神'],
    ['全市职工职业技能大赛启动'],
  ])('takes %s for a news title, not a speech title', (title) => {
    const d = detectSpeech(
      page(title, `<h1>${title}</h1>${paras(`5月9日，${PROSE}`)}`),
      'https://example.org/a.html',
    );
    expect(d.isSpeech, d.reasons.join(' ')).toBe(false);
    expect(d.reasons).not.toContain('title:在…上的讲话');
  });

  it('reads the title line above the info line when <title> is only the site name', () => {
    const doc = page(
      '鄂尔多斯工会网',
      `<div>李明在全市工会工作会议上的讲话</div><div>来源：市总工会 发布日期：2019-03-25</div><div class="TRS_Editor">${paras(PROSE)}</div>`,
    );
    expect(detectSpeech(doc, `${PORTAL}/x/1.html`).reasons).toContain('title:在…上的讲话');
  });

  it('finds a speech without a title by its salutation and announced points', () => {
    const body = paras('各位代表、同志们：', `${PROSE}下面，我讲三点意见。`, '第一，统一思想，提高认识。');
    const d = detectSpeech(page('', body), 'https://example.org/doc/1.html');
    expect(d.isSpeech).toBe(true);
    expect(d.reasons).toEqual(expect.arrayContaining(['salutation', 'body:讲几点意见']));
  });

  it('finds a salutation fused with a leading date, half-width colon included', () => {
    const d = detectSpeech(page('', paras(`(2019年3月5日) 同志们:${PROSE}`)), 'https://example.org/1.html');
    expect(d.reasons).toContain('salutation');
  });

  it('does not take an addressee line of a notice for a salutation', () => {
    const body = paras('各旗区总工会、市直各产业工会：', `${PROSE}现将有关事项通知如下：`, '一、活动时间');
    const d = detectSpeech(
      page('关于开展职工健步走活动的通知', `<h1>关于开展职工健步走活动的通知</h1>${body}`),
      'https://x.cn/1.html',
    );
    expect(d.isSpeech).toBe(false);
    expect(d.reasons).not.toContain('salutation');
    expect(d.reasons).toEqual(expect.arrayContaining(['notice:title', 'notice:body']));
  });

  it('marks reported speech in news, but not a speaker referring to an earlier speech', () => {
    const news = paras(`6月3日上午，${PROSE}`, '李明在讲话中指出，要进一步提高认识。他强调，要狠抓落实。');
    const n = detectSpeech(page('', news), 'https://x.cn/1.html');
    expect(n.reasons).toEqual(expect.arrayContaining(['news:dateline', 'news:reported-speech']));
    expect(n.isSpeech).toBe(false);

    const chair = paras(
      '同志们：',
      '刚才，李明同志作了重要讲话，在讲话中指出了当前工作的重点，我们要认真抓好落实。',
    );
    const c = detectSpeech(page('', chair), 'https://x.cn/2.html');
    expect(c.reasons).not.toContain('news:reported-speech');
    expect(c.isSpeech).toBe(true);
  });

  it('reads only the start of a long page: a salutation far down the text does not count', () => {
    const long = paras(...Array.from({ length: 80 }, () => `${PROSE}`), '同志们：');
    expect(detectSpeech(page('', long), 'https://x.cn/1.html').reasons).not.toContain('salutation');
  });

  it('is sure of nothing on an empty page', () => {
    expect(detectSpeech(page('', ''), '')).toEqual({ isSpeech: false, confidence: 0, reasons: [] });
  });
});
