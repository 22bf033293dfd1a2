/**
 * What a speech page says about the speech: title, speaker, occasion, date, source. Parsed from title
 * forms such as "于新芳在市总工会三届五次全委(扩大)会议上的讲话", subtitles "——在…上的讲话", date lines
 * "（2018年3月19日）" and bylines "省长 胡玉亭". Anything not stated is null: a role without a name
 * ("市长在…上的讲话") gives no speaker.
 */
import { findDate, foldForCompare, HAN, isDateLine, SENTENCE_PUNCT, trimText } from '../text/clean';

export interface SpeechMeta {
  speaker: string | null;
  occasion: string | null;
  date: string | null;
}

const FORM =
  '(?:工作)?(?:讲话|講話|报告|報告|致辞|致辭|致词|發言|发言|主持词|主持詞|开幕词|開幕詞|闭幕词|閉幕詞|贺词|賀詞|演讲|演講)(?:提纲|提綱|稿|全文|摘要|摘登|节选|節選)?';
const NOTE = '\\s*(?:[（(][^）)]{0,10}[）)])?\\s*$';
/** "X在Y上的讲话", "在Y时的讲话", "X：在Y上的报告"; group 1 = who, group 2 = occasion. */
const AT_OCCASION = new RegExp(
  `^(?:(.{0,24}?)\\s*[：:]?\\s*)?在(.{2,120}?)(?:上|中|时|時|之际|之際|期间|期間)?的?(?:政府|重要|专题|專題|主题|主題|总结|總結|动员|動員)?${FORM}${NOTE}`,
);
/** "X接见Y时的讲话": group 1 = who, group 2 = occasion. */
const MEETING_OCCASION = new RegExp(
  `^(.{2,24}?)((?:接见|接見|会见|會見|视察|視察)[^，。]{2,60}?)(?:时|時)的${FORM}${NOTE}`,
);
/** "Y大会讲话" / "Y典礼上的致辞" without 在. */
const BARE_OCCASION = new RegExp(`^(.{4,120}?(?:会|會|式|典礼|典禮))(?:上的|上|的)?${FORM}${NOTE}`);

const ROLE =
  '(?:(?:常务|常務|执行|執行|第一)?副?(?:党组书记|党委书记|总书记|總書記|书记|書記|主席|市长|市長|省长|省長|县长|縣長|区长|區長|旗长|主任|部长|部長|局长|局長|厅长|廳長|组长|組長|理事长|总经理|總經理|董事长|院长|院長|校长|校長|会长|會長|总理|總理|委员长|委員長|常委|委员|委員|秘书长|处长|處長|主委|新闻发言人|發言人|发言人)|同志)';
const ROLE_AT_END = new RegExp(`${ROLE}$`);
const ROLE_THEN_NAME = new RegExp(`^.*${ROLE}[、,，\\s]*([\\u4e00-\\u9fa5·]{2,5})$`);
const NAME = /^[\u4e00-\u9fa5][\u4e00-\u9fa5·]{1,5}$/;
const NAMES = /^[\u4e00-\u9fa5·]{2,5}(?:[、，,\s]+[\u4e00-\u9fa5·]{2,5})*$/;
/** Words that look like a short name but are not one. */
const NOT_NAME =
  /^(?:关于|關於|全市|全省|全区|全县|全旗|我们|我們|大家|同志们|同志們|目录|目錄|提纲|提綱|前言|引言|摘要|全文|附件|讲话|講話|正文|领导|領導|大家好|结束语|结语|说明)$|[市省县縣区區旗局委会會部厅廳处處办辦院校组組社]$/;

/**
 * Common surnames (single and compound). A bare name line first in a body, with no role, is taken for a
 * byline only when it starts with one: page furniture such as 图集 or 评论 has the shape of a name.
 */
const SURNAMES =
  '王李张刘陈杨习黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由额其宝布达';
const COMPOUND_SURNAME =
  /^(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|公孙|长孙|宇文|司徒|夏侯|端木|申屠)/;

/** True when `name` starts with a common surname. */
export function hasSurname(name: string): boolean {
  return SURNAMES.includes(name[0] ?? ' ') || COMPOUND_SURNAME.test(name);
}

/** "王 琛", "周 德 睿": a name spread with spaces, joined ("王琛"); other tokens stay as they are. */
export function joinSpreadName(line: string): string {
  return line.replace(
    /(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5](?:[ \u3000\u00a0]+[\u4e00-\u9fa5](?![\u4e00-\u9fa5]))+/g,
    (m) => m.replace(/[ \u3000\u00a0]+/g, ''),
  );
}

/** A person's name from "马卫光书记", "市委书记马卫光", "于新芳", "习近平同志"; null for a bare role. */
export function cleanSpeaker(raw: string): string | null {
  let s = trimText(raw)
    .replace(/[：:]$/, '')
    .replace(/同志$/, '')
    .trim();
  if (!s) return null;
  const after = ROLE_THEN_NAME.exec(s);
  if (after?.[1] && !ROLE_AT_END.test(s)) s = after[1];
  else s = s.replace(new RegExp(`${ROLE}+$`), '').trim();
  if (!NAMES.test(s)) return null;
  const names = s.split(/[、，,\s]+/);
  if (names.some((n) => !NAME.test(n) || NOT_NAME.test(n))) return null;
  return names.join('、');
}

/** Speaker and occasion from a title (or a repeated title line inside the body). */
export function parseTitle(title: string): { speaker: string | null; occasion: string | null } {
  const t = trimText(title);
  const parts = t.split(/[—－]{1,2}|--/);
  for (const part of [t, ...parts.slice(1)]) {
    const at = AT_OCCASION.exec(trimText(part));
    if (at) {
      const occasion = trimOccasion(at[2] ?? '');
      return { speaker: at[1] ? cleanSpeaker(at[1]) : null, occasion };
    }
  }
  const meeting = MEETING_OCCASION.exec(t);
  if (meeting) return { speaker: cleanSpeaker(meeting[1] ?? ''), occasion: meeting[2] ?? null };
  const bare = BARE_OCCASION.exec(t);
  if (bare && !/[，。]/.test(bare[1] ?? '')) return { speaker: null, occasion: trimOccasion(bare[1] ?? '') };
  return { speaker: null, occasion: null };
}

function trimOccasion(text: string): string | null {
  const t = trimText(text)
    .replace(/(?:开始|開始|结束|結束)$/, '')
    .trim();
  return t.length >= 2 ? t : null;
}

/** A line that is itself a speech title ("在…会议上的讲话"), without sentence punctuation. */
export function isSpeechTitleLine(line: string): boolean {
  const t = trimText(line);
  return t.length <= 120 && !/[。，,；;！!？?]/.test(t) && (AT_OCCASION.test(t) || MEETING_OCCASION.test(t));
}

/** "——在…上的讲话", "——2024年7月23日在…会议上": the occasion and date of a subtitle line. */
export function parseSubtitle(line: string): SpeechMeta | null {
  const t = trimText(line);
  const dashed = /^[—－–-]{1,2}/.test(t);
  // Without the dash, only "2026年1月31日在…会议上": a date, then where it was delivered.
  if (!dashed && !UNDASHED_DELIVERY.test(t)) return null;
  const rest = t.replace(/^[—－–-]+\s*/, '');
  const date = findDate(rest);
  const body = rest.replace(/^[^在]*?日\s*/, '');
  const at = new RegExp(`^(.{0,12}?)在(.{2,120}?)(?:上|中|时|時|之际)?(?:的?${FORM})?${NOTE}`).exec(body);
  // "——任正非在1995年总结大会上的讲话": the name before 在 is the speaker.
  const who = at?.[1] ? cleanSpeaker(at[1]) : null;
  return { speaker: who, occasion: at ? trimOccasion(at[2] ?? '') : null, date };
}

const UNDASHED_DELIVERY =
  /^(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^，。；！？]{2,80}(?:会议|會議|大会|大會|会|會|式|典礼|典禮)上$/;

/**
 * A byline: "省长 胡玉亭", "宝钢集团企业开发总公司党委书记  叶国平", "执法检查组组长杨静华", "习近平",
 * "戚本禹、张春桥、谢富治", or a role alone ("自治区人大常委会副主任"). Returns the speaker ('' for a role
 * without a name) or null when the line is not a byline.
 */
export function parseByline(line: string): string | null {
  const t = joinSpreadName(trimText(line).replace(/\s+/g, ' '));
  if (!t || t.length > 40 || SENTENCE_PUNCT.test(t) || /^[（(]|^[一二三四五六七八九十]+、|^第/.test(t))
    return null;
  if (!HAN.test(t) || /\d/.test(t) || /记者|通讯员|编辑|摄影/.test(t)) return null;
  // "王立新（市总工会主席）": a name with its role in brackets.
  const bracketed = /^([^（(]{2,6}?)\s*[（(]([^）)]{2,30})[）)]$/.exec(t);
  if (bracketed && new RegExp(ROLE).test(bracketed[2] ?? '')) {
    const name = bracketed[1] ?? '';
    return NAME.test(name) && !NOT_NAME.test(name) ? name : null;
  }
  const tokens = t.split(' ');
  const last = tokens[tokens.length - 1] ?? '';
  if (
    tokens.length > 1 &&
    NAME.test(last) &&
    !NOT_NAME.test(last) &&
    ROLE_AT_END.test(tokens.slice(0, -1).join(''))
  ) {
    return last;
  }
  const named = ROLE_THEN_NAME.exec(t.replace(/ /g, ''));
  if (named?.[1] && !ROLE_AT_END.test(t) && !NOT_NAME.test(named[1])) return named[1];
  if (ROLE_AT_END.test(t) && t.length >= 3) {
    // "王立新同志", "马卫光书记": a name before the role; "自治区人大常委会副主任": a role alone.
    const before = t.replace(new RegExp(`${ROLE}+$`), '').trim();
    return NAME.test(before) && before.length <= 4 && !NOT_NAME.test(before) ? before : '';
  }
  if (NAMES.test(t)) {
    const names = t.split(/[、，,\s]+/);
    if (names.every((n) => NAME.test(n) && n.length <= 4 && !NOT_NAME.test(n))) {
      return names.join('、');
    }
  }
  return null;
}

/** A title that names its text as something spoken: 讲话, 讲话稿, 发言稿, 致辞, 演讲, 报告. */
export const SPEECH_FORM = new RegExp(`${FORM}${NOTE}`);
/** A paragraph that opens by addressing the audience: "各位家长大家好！", "同学们、老师们：". */
export const SALUTATION =
  /^(?:尊敬的|亲爱的|親愛的)?[^。！？!?]{0,40}?(?:们|們|同志|代表|委员|委員|来宾|來賓|嘉宾|嘉賓|朋友|领导|領導|老师|老師|同学|同學|家长|家長|同行|女士|先生)(?:大家好|上午好|下午好|晚上好)?\s*[：:！!，,]/;

/** "作者：王琛" on a page's info line: the name, or null (no name, 佚名, a desk or a reporter). */
export function parseAuthorLine(line: string): string | null {
  const m = /(?:^|[\s|｜])(?:作者|作\s+者)\s*[：:]\s*([\u4e00-\u9fa5·]{2,4})(?=$|[\s|｜])/.exec(line);
  const name = m?.[1] ?? '';
  if (!name || /佚名|记者|本站|本网|编辑|管理员|通讯员|供稿/.test(name)) return null;
  return hasSurname(name) && !NOT_NAME.test(name) ? name : null;
}

/** "来源：工人日报 发布日期：2018-03-19": the source named on a page's date line, or null. */
export function parseSourceLine(line: string): string | null {
  const m = /(?:来源|來源|信息来源|稿件来源)\s*[：:]\s*([^\s\u3000）)|｜]+(?:-[^\s\u3000）)|｜]+)?)/.exec(
    line,
  );
  const value = m?.[1]?.replace(/(?:发布|發布|作者|时间|時間|日期).*$/, '').trim();
  return value ? value : null;
}

/** A page's publication-date line: "发布日期：2018-03-19", "时间：2026-02-01 10:20". */
export function parseDateLine(line: string): string | null {
  // The label must be a page's own (发布日期, 时间 at the start), not the body's "活动时间：".
  const label =
    /(?:^|[\s|｜】\]])(?:发布|發布|发表|發表|发行|發行|发稿|發稿|更新|录入|錄入)?(?:日期|时间|時間)\s*[：:]\s*(.{0,24})/.exec(
      line,
    );
  if (label) return findDate(label[1] ?? '');
  // "2019-03-25 10:20 来源：… 作者：…": an info line that opens with the date.
  const info =
    /^\s*(?:19|20)\d\d[-/年]/.test(line) &&
    /来源|來源|作者|浏览|瀏覽|点击|點擊|阅读|閱讀|编辑|編輯/.test(line);
  return info && line.length <= 80 ? findDate(line) : null;
}

/** True when `line` repeats the title (whole or one of its lines), compared without spaces/punctuation width. */
export function repeatsTitle(line: string, title: string): boolean {
  const l = foldForCompare(line);
  const t = foldForCompare(title);
  if (!l || !t) return false;
  if (l === t) return true;
  // A title's own lines: "走 向 远 方" above "——在…上的讲话", or a middle line of a long title.
  if ((l.length >= 2 && t.startsWith(l)) || (l.length >= 6 && t.includes(l))) return true;
  return (
    t.length >= 6 && l.includes(t) && l.length <= t.length + 16 && !SENTENCE_PUNCT.test(l.replace(t, ''))
  );
}

export { isDateLine };
