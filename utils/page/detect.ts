/**
 * Is this page a leader's speech (or a work report delivered to a meeting)? Runs in the content script on
 * every portal page, so it only looks at the URL, the title, the breadcrumb and the first ~2,000 characters
 * of text, and imports nothing but types and the page-shape helpers of utils/page/trs.ts. Each signal adds or removes weight; isSpeech = confidence >= 0.5.
 */
import type { Detection } from '../types';
import { metaContent, type Sample, sampleLines, trsBody, WIRE } from './trs';

// Title forms. 讲话/報告… must end the title (an optional bracketed note such as （摘要）or (2) may follow),
// so "学习…讲话精神" is not a speech.
const FORM =
  '(?:讲话|講話|报告|報告|致辞|致辭|致词|發言|发言|主持词|主持詞|开幕词|開幕詞|闭幕词|閉幕詞|贺词|賀詞|演讲|演講)(?:提纲|提綱|稿|全文|摘要|摘登|节选)?';
// A closing book-title or quote mark may follow: 陈局长《在…会议上的讲话》.
const END = '[》」』”]?\\s*(?:[（(][^）)]{0,10}[）)])?\\s*$';
const TITLE_SPEECH = new RegExp(
  `(?:在.{1,80}?|(?:会|會|议|議|式|礼|禮|时|時|上|中|前|后|後|仪|儀)的?)${FORM}${END}|工作(?:报告|報告)${END}|关于.{2,80}的(?:报告|報告)${END}|(?:讲话|講話|发言|發言)(?:提纲|提綱|稿)${END}|(?:主持词|主持詞|开幕词|開幕詞|闭幕词|閉幕詞)${END}|述职(?:述廉)?(?:报告|報告)${END}`,
);
const DELIVERED = /^\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?\s*在.{2,80}(?:会议|會議|大会|大會|会|會|式)上\s*$/;
/** A title that reports a speech: overrides a speech form ("…会议上强调", "…出席并讲话", "作工作报告"). */
const TITLE_NEWS =
  /(?:并|並)(?:讲话|講話|致辞|发言|作)|出席|强调|強調|指出|(?<![工合创写協协])作了?(?:重要|动员|動員|专题|專題|总结|總結|主题|主題|工作|大会|大會)?(?:报告|報告|讲话|講話|发言|發言)\s*$|(?:学习|學習|贯彻|貫徹|传达|傳達).{0,30}精神\s*$/;
/** Event verbs of news titles; a speech title may contain them too ("在…启动仪式上的致辞"). */
const TITLE_EVENT =
  /召开|召開|举行|舉行|举办|舉辦|开展|開展|调研|調研|慰问|慰問|看望|走访|走訪|会见|會見|落幕|启动|啟動/;
const TITLE_NOTICE =
  /(?:通知|实施意见|意见|办法|方案|公告|通告|决定|细则|规定|倡议书|公开信|公示|简报|通报|纪要)\s*(?:[（(][^）)]{0,10}[）)])?\s*$/;

// "各位委员、同志们：" (a colon closes the address; "！" only right at the start, as in "同志们！").
const SALUTATION =
  /^(?:尊敬的|亲爱的|親愛的)?各位[^，。：:！!]{1,8}(?:[，、,][^，。：:！!]{1,12}){0,4}[：:]|^(?:[（(][^）)]{4,20}[）)]\s*)?[^。！？!?]{0,60}?(?:们|們|同志|代表|委员|委員|来宾|來賓|嘉宾|嘉賓|朋友|领导|領導|老师|老師|同学|同學|女士|先生)\s*[：:]|^[^。！？!?，,]{0,16}(?:们|們)[！!]|^\s*同志[们們][，,]/;
const PREVIEW =
  /(?:我|下面|再)[^。！]{0,14}(?:讲|講|谈|談|提|说|說)[^。！]{0,4}[一二三四五六七八九十两兩几幾]+(?:点|點|个|個|方面|部分|条)/;
const SUBTITLE = /^[—–－-]{1,2}.{0,40}在.{2,}(?:上|会|會|时|時)|^[—–－-]{1,2}.*(?:讲话|講話|报告|報告|致辞)/;
const BYLINE =
  /^[^，。；：！？,;:!?]{0,30}(?:书记|書記|主席|市长|市長|省长|省長|县长|縣長|区长|區長|旗长|主任|部长|部長|局长|局長|厅长|廳長|组长|組長|理事长|总经理|總經理|院长|院長|校长|校長|会长|會長|发言人|發言人)\s*(?:[\u4e00-\u9fa5·]\s?){2,4}$/;
/** A pager: a list of items runs over several pages; a multi-page article has prose besides. */
const PAGER = /上一页|上一頁|下一页|下一頁|尾页|尾頁|末页|共\s*\d+\s*页|^\d+\s*\/\s*\d+$/;
/** A channel's own address: /ldjh/, /ldjh/index.html, index_2.html, list.aspx, default.htm. */
const INDEX_PATH = /\/(?:(?:index|list|default)(?:_\d+)?\.\w+)?$/;
const NEWS_LEAD =
  /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,3}日[至到\d上下午晚,，]|近日|日前|本报讯|本网讯|本站讯|[（(【]?(?:记者|通讯员))/;
const NEWS_REPORTED =
  /在讲话中|在講話中|会议(?:指出|强调|要求|认为)|(?:他|她)(?:强调|指出|表示|要求)|出席(?:会议|活动)?并(?:讲话|致辞)|主持(?:会议|会议并)/;
/** "刚才，XX同志作了重要讲话…在讲话中指出": a speaker referring to an earlier speech, not a reporter. */
const ON_STAGE = /刚才|剛才|刚刚|前面|同志们|我们/;
const NOTICE_BODY =
  /通知如下|特此通知|特此通告|特此公告|现将有关事项|现将.{0,30}印发|请认真贯彻执行|请遵照执行|经研究，?决定|报名方式|联系人[:：]|联系电话[:：]/;
const INLINE_SECTIONS = /(?:^|[。！\s])一、[^。]{2,40}[。\s][\s\S]*(?:^|[。！\s])二、/;
const EXHORT = /[，,。；;：:]要|我们要|我們要|必须|必須|务必|務必|一定要/g;
const HEADING = /^(?:第[一二三四五六七八九十]+[，,、：:]|[一二三四五六七八九十]+、)/;

function breadcrumbOf(page: Sample): string {
  if (page.crumbs.length > 0) return page.crumbs.join(' > ');
  const lines = page.lines;
  return (
    lines.find(
      (l) => /当前位置|當前位置|您的位置|现在位置|所在位置/.test(l) || /^(?:网站)?首页\s*(?:>|»|＞)/.test(l),
    ) ?? ''
  );
}

function titlesOf(doc: Document, page: Sample): string[] {
  const meta = metaContent(doc, 'ArticleTitle');
  // 标题_栏目_站名: only the first part is the article's title.
  const head = (doc.title ?? '').split(/_| - | \| |｜/)[0] ?? '';
  // TRS writes the title line right above "来源： 发布日期：…".
  const info = page.lines.findIndex((l) => /(?:来源|來源|发布日期|發布日期|发布时间)[:：]/.test(l));
  const above = info > 0 ? (page.lines[info - 1] ?? '') : '';
  return [meta, head, page.h1, above].map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length >= 4);
}

export function detectSpeech(doc: Document, url: string): Detection {
  try {
    const reasons: string[] = [];
    let score = 0;
    const add = (weight: number, reason: string) => {
      score += weight;
      reasons.push(reason);
    };

    const path = (/^[a-z]+:\/\/[^/]*(\/[^?#]*)/i.exec(url)?.[1] ?? '').toLowerCase();
    if (/\/ldjh\//.test(path)) add(0.5, 'url:ldjh');
    else if (/\/(?:jianghua|lingdaojianghua|ldjhs?)\//.test(path)) add(0.4, 'url:jianghua');

    const body = doc.body;
    if (!body) return { isSpeech: false, confidence: 0, reasons: ['empty'] };
    const container = trsBody(doc);
    // Header, breadcrumb and title lines (up to the TRS body), then the start of the body itself.
    const page = sampleLines(body, 2500, container);
    const titles = titlesOf(doc, page);
    const inner = container ? sampleLines(container, 1500) : page;
    let content = inner.lines;
    if (!container) {
      // Without a TRS container the article starts after its title line.
      const at = content.findIndex((l) => titles.includes(l));
      if (at >= 0) content = content.slice(at + 1);
    }

    // A list or index page: little prose, and its text mostly links, a pager or a channel address.
    const prose = content.filter((l) => l.length >= 40 && /[，。,]/.test(l)).length;
    const linky = inner.chars > 0 && inner.linkChars / inner.chars >= 0.5;
    const pager = page.lines.some((l) => PAGER.test(l)) || content.some((l) => PAGER.test(l));
    if (prose < 2 && (linky || pager || INDEX_PATH.test(path))) {
      return { isSpeech: false, confidence: 0, reasons: [...reasons, 'list'] };
    }

    const crumb = breadcrumbOf(page);
    if (/讲话|講話|致辞|发言|發言|讲稿|講稿|演讲|演講/.test(crumb)) add(0.6, 'breadcrumb:领导讲话');
    else if (/要闻|動態|动态|新闻(?!发布)|新聞(?!發布)|通知|公告|资讯/.test(crumb))
      add(-0.15, 'breadcrumb:news');

    // "…工作报告——2026年1月27日在…会议上": the main title or the delivery line may carry the form.
    const speechTitle = titles.find(
      (t) =>
        !TITLE_NEWS.test(t) &&
        t.split(/[—－]{1,2}|--/).some((part) => TITLE_SPEECH.test(part) || DELIVERED.test(part)),
    );
    if (speechTitle) add(0.6, 'title:在…上的讲话');
    else if (titles.some((t) => TITLE_NOTICE.test(t))) add(-0.7, 'notice:title');
    else if (titles.some((t) => TITLE_NEWS.test(t) || TITLE_EVENT.test(t))) add(-0.4, 'news:title');

    // The body's opening: skip short chrome lines until the first prose line.
    const first = content.findIndex(
      (l) => l.length >= 30 && /[，。,]/.test(l) && !/来源|發布|发布|当前位置/.test(l),
    );
    const opening = first < 0 ? content.slice(0, 12) : content.slice(0, first + 4);
    const text = content.join('\n');

    if (opening.some((l) => SALUTATION.test(l.slice(0, 80)))) add(0.5, 'salutation');
    if (opening.some((l) => SUBTITLE.test(l))) add(0.5, 'subtitle:——在…上');
    if (opening.some((l) => BYLINE.test(l) && !/记者|通讯员|编辑/.test(l))) add(0.3, 'byline');
    if (PREVIEW.test(text)) add(0.4, 'body:讲几点意见');
    if (/我们|我們|我代表|大家/.test(opening.join(''))) add(0.1, 'body:first-person');
    if (content.some((l) => l.length <= 40 && HEADING.test(l)) || INLINE_SECTIONS.test(text)) {
      add(0.1, 'body:heading');
    }
    // Exhortation ("我们要…", "，要…", "必须…") is how a speaker talks; a reporter paraphrases it once.
    if ((text.match(EXHORT) ?? []).length >= 3) add(0.1, 'body:exhortation');

    const lead = first < 0 ? '' : (content[first] ?? '');
    if (NEWS_LEAD.test(lead)) add(-0.4, 'news:dateline');
    if (opening.some((l) => WIRE.test(l))) add(-0.6, 'news:wire');
    if (text.split(/[。！？!?\n]/).some((x) => NEWS_REPORTED.test(x) && !ON_STAGE.test(x))) {
      add(-0.4, 'news:reported-speech');
    }
    if (NOTICE_BODY.test(text)) add(-0.6, 'notice:body');

    const confidence = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
    return { isSpeech: confidence >= 0.5, confidence, reasons };
  } catch {
    return { isSpeech: false, confidence: 0, reasons: ['error'] };
  }
}
