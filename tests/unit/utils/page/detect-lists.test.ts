/**
 * Pages that look like speeches to a keyword detector and are not (composed pages, our own text): channel
 * index and list pages, pagers, link-only bodies, a wire report on a speech; and speech titles outside the
 * usual 在…上的讲话 shape (述职报告, a title in 《》).
 */
import { describe, expect, it } from 'vitest';
import { detectSpeech } from '@/utils/page/detect';

const PORTAL = 'http://www.ordoszgh.gov.cn';
const page = (title: string, body: string) =>
  new DOMParser().parseFromString(
    `<html><head><title>${title}</title></head><body>${body}</body></html>`,
    'text/html',
  );
const CRUMB = `<div>当前位置：<a class="CurrChnlCls" href="/">首页</a> &gt;&gt; <a class="CurrChnlCls" href="/zlzx/">资料中心</a> &gt;&gt; <a class="CurrChnlCls" href="/zlzx/ldjh/">领导讲话</a></div>`;
const ITEMS = [
  '高建平在全市工会经费审查工作会议上的讲话',
  '孟晓云在市总工会四届二次全委会议上的讲话',
  '高建平在劳模座谈会上的致辞',
  '孟晓云在全市职工技能大赛开幕式上的讲话',
];
const list = (pager: string) =>
  `<ul>${ITEMS.map((t, i) => `<li><span>2022-0${i + 1}-10</span><a href="./t2022010${i}_1.html">${t}</a></li>`).join('')}</ul>${pager}`;

describe('list pages are not speeches', () => {
  it('the 领导讲话 channel index: speech titles as links under the speech breadcrumb', () => {
    const doc = page('领导讲话_鄂尔多斯工会网', `${CRUMB}${list('')}`);
    const d = detectSpeech(doc, `${PORTAL}/zlzx/ldjh/index.html`);
    expect(d).toMatchObject({ isSpeech: false, confidence: 0 });
    expect(d.reasons).toContain('list');
  });

  it('a later page of the channel, with a pager, at an article-like address', () => {
    const doc = page(
      '领导讲话_鄂尔多斯工会网',
      `${CRUMB}${list('<div>共5页 <a>上一页</a> <a>下一页</a> <a>尾页</a></div>')}`,
    );
    expect(detectSpeech(doc, `${PORTAL}/zlzx/ldjh/list_2.shtml`).isSpeech).toBe(false);
  });

  it('a body that is mostly links, even without a pager or an index address', () => {
    const doc = page('领导讲话_鄂尔多斯工会网', `${CRUMB}<div class="TRS_Editor">${list('')}</div>`);
    expect(detectSpeech(doc, `${PORTAL}/zlzx/ldjh/202201/t20220110_5.html`).isSpeech).toBe(false);
  });

  it('a speech with a pager to its second part is still a speech', () => {
    const body = `${CRUMB}<div class="TRS_Editor"><p>各位代表、同志们：</p><p>这次全委会议的主要任务是，总结去年工作，部署今年任务，动员全市各级工会组织团结奋进。</p><p>下面，我讲三点意见。第一，要提高站位，把握工会工作正确方向，切实把职工群众紧紧团结在党的周围。</p></div><div><a>上一页</a> <a>下一页</a></div>`;
    const doc = page('孟晓云在市总工会四届二次全委会议上的讲话_领导讲话_鄂尔多斯工会网', body);
    expect(detectSpeech(doc, `${PORTAL}/zlzx/ldjh/202201/t20220110_5.html`).isSpeech).toBe(true);
  });
});

describe('speech titles and news about speeches', () => {
  const SCHOOL = 'http://www.school.example.cn/Item/1201.aspx';
  const info = '<div>文章来源：本站原创 作者： 发布时间：2021年02月04日</div>';
  const prose =
    '<p>一年来，我认真履行岗位职责，带头讲政治、讲规矩，分管的教学、后勤和安全工作都有了新的进步。</p><p>一、履行岗位职责情况</p><p>我始终把立德树人放在首位，推动课程改革落地见效，全年组织公开课四十余节。</p>';

  it('a 述职报告 is a speech page', () => {
    const doc = page(
      '学校领导班子年度述职报告--党政办-某市第一中学',
      `<h2>学校领导班子年度述职报告</h2>${info}<div>${prose}</div>`,
    );
    expect(detectSpeech(doc, SCHOOL).isSpeech).toBe(true);
  });

  it('a title that quotes the speech in 《》 is a speech page', () => {
    const doc = page(
      '张立国局长《在全市交通安全工作会议上的讲话》--领导关怀-某市第一中学',
      `<h2>张立国局长《在全市交通安全工作会议上的讲话》</h2>${info}<div><p>同志们：</p><p>今天召开这次会议，主要任务是总结去年交通安全工作，分析当前形势，部署今年的重点任务。</p></div>`,
    );
    expect(detectSpeech(doc, SCHOOL).isSpeech).toBe(true);
  });

  it('a wire report titled after an important speech is news', () => {
    const doc = page(
      '李明远同志在全省劳动模范表彰大会上的重要讲话--学习专栏-某市第一中学',
      `<h2>李明远同志在全省劳动模范表彰大会上的重要讲话</h2>${info}<div><p>弘扬劳模精神 凝聚奋进力量——李明远同志重要讲话在全省干部职工中引起热烈反响</p><p>新华社太原5月2日电 5月1日，全省劳动模范表彰大会召开。李明远同志的重要讲话在广大干部职工中引起热烈反响，大家表示，我们要以劳模为榜样。</p></div>`,
    );
    const d = detectSpeech(doc, SCHOOL);
    expect(d.isSpeech).toBe(false);
    expect(d.reasons).toContain('news:wire');
  });
});
