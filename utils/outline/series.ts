/**
 * Candidate series: marker candidates linked into lists (一 then 二 …), and the filters that drop lists that
 * are not headings (noun lists in one sentence, agenda items, reported speech, preview lists).
 */
import { type Candidate, type Family, STRONG, variantsFit } from './markers';
import type { OutlineParams } from './params';
import { endsParagraph, titleOf } from './titles';

export interface Chain {
  family: Family;
  items: Candidate[];
  /** Set when the list cannot be continued any more (最后 seen, replaced, or its parent moved on). */
  done: boolean;
  /** Indexes of its first and latest candidate in the scan order. */
  start: number;
  lastIdx: number;
}

export const SENTENCE_END = /[。！!？?]/u;
// "我讲三点意见：" / "提以下五点要求：" / "有如下几个方面：" right before the first item.
export const ANNOUNCE =
  /(?:[几幾两兩二三四五六七八九十\d]+|以下|如下)[^。！？!?]{0,3}(?:点|點|个|個|方面|问题|問題|条|條|项|項|部分|要求|意见|意見|希望)[^。！？!?]{0,12}[：:。]\s*$/u;
const AGENDA = /议程|議程/u;
// A chair's script lists procedure, not points: 首先，请…讲话 / 二是宣读表彰决定 / 三是颁奖.
const PROCEDURE = /^(?:请|請|由|进行|進行|宣读|宣讀|颁发|頒發|颁奖|頒獎|奏|全体起立|全體起立)/u;
// "他强调，一要…二要…" / "会议要求：一是…": a list quoted from someone else's speech in a report or news item.
const REPORTED =
  /(?:他|她|会议|會議|会上|會上|书记|書記|主席|市长|市長|县长|縣長|省长|省長|部长|部長|总理|總理|同志|负责人|負責人)[^，,。：:；;]{0,10}(?:强调|強調|指出|要求|表示|提出|希望)[，,：:]?\s*$/u;

export interface Segment {
  para: number;
  start: number;
  text: string;
}

// A gap after a sentence end or colon, or between two Chinese characters, is a paragraph break that a
// flattened page turned into spaces. Gaps after a marker (一、 标题 / （一） 标题) are not breaks.
const GAP =
  /(?<=[。！？!?；;：:…”’」』])\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff（(0-9０-９\u2460-\u2473])/gu;
const HAS_SPACE = /\s/u;
// A marker standing alone before a gap ("一 关于…", "第一部分 关于…"): the gap belongs to the heading.
const BARE_MARKER =
  /^\s*(?:第?[一二三四五六七八九十]{1,3}(?:部分|个方面|個方面|方面|件事|句话|句話|个问题|個問題|点|點|步|条|條|是|要)?|首先|其次|再次|最后|最後)$/u;

export function segments(paras: string[]): Segment[] {
  const out: Segment[] = [];
  paras.forEach((p, para) => {
    if (!HAS_SPACE.test(p)) {
      out.push({ para, start: 0, text: p });
      return;
    }
    let start = 0;
    GAP.lastIndex = 0;
    for (let m = GAP.exec(p); m !== null; m = GAP.exec(p)) {
      if (BARE_MARKER.test(p.slice(start, m.index))) continue;
      if (m.index > start) out.push({ para, start, text: p.slice(start, m.index) });
      start = m.index + m[0].length;
    }
    if (start < p.length || out.length === 0 || (out[out.length - 1] as Segment).para !== para)
      out.push({ para, start, text: p.slice(start) });
  });
  return out;
}

export const before = (a: Candidate, b: Candidate) =>
  a.para < b.para || (a.para === b.para && a.offset < b.offset);

/**
 * Links candidates into sequences. A candidate continues the innermost open list it fits (一 then 二 …);
 * 1 (or 首先) starts a new list and replaces an open list of the same kind. When a list moves on to its next
 * item, lists opened inside its previous item are over and cannot be continued.
 */
export function link(cands: Candidate[], params: OutlineParams): Chain[] {
  const chains: Chain[] = [];
  let open: Chain[] = [];
  const seen = new Set<Family>();
  cands.forEach((c, idx) => {
    let target: Chain | undefined;
    for (let i = open.length - 1; i >= 0 && !target; i--) {
      const ch = open[i] as Chain;
      if (!ch.done && fits(ch.items[ch.items.length - 1] as Candidate, c, params.maxWeakGap)) target = ch;
    }
    if (target) {
      const prevLast = target.lastIdx;
      target.items.push(c);
      target.lastIdx = idx;
      if (c.n === -1) target.done = true;
      for (const o of open) if (o !== target && o.start > prevLast) o.done = true;
    } else if (c.n === 1 || (c.n > 1 && !seen.has(c.family) && c.initial && STRONG.has(c.family))) {
      // A list may start above 1 only as the first heading of its kind (a text that begins with part 2).
      // An inline 1 inside a paragraph-opening item is a sub-list of it; otherwise it replaces its kind.
      for (const o of open) {
        const oLast = o.items[o.items.length - 1] as Candidate;
        if (variantsFit(o.items[0] as Candidate, c) && (c.initial || !oLast.initial)) o.done = true;
      }
      const ch: Chain = { family: c.family, items: [c], done: false, start: idx, lastIdx: idx };
      chains.push(ch);
      open.push(ch);
    }
    seen.add(c.family);
    if (open.length > 16) open = open.filter((o) => !o.done);
  });
  return chains;
}

function fits(last: Candidate, c: Candidate, maxGap: number): boolean {
  if (!variantsFit(last, c)) return false;
  // 最后 closes a list of paragraph-opening items however long their bodies are; inline, it must be close.
  if (c.n === -1) return last.n >= 1 && ((c.initial && last.initial) || c.para - last.para <= maxGap);
  // A heading lost in the page (一、 then 三、) should not cost the rest of the outline.
  const skipOk = c.n === last.n + 2 && c.initial && last.initial && STRONG.has(c.family);
  if (c.n !== last.n + 1 && !skipOk) return false;
  // Items that open their paragraphs (or headings that close one) may have long bodies between them;
  // loose inline ones must be close.
  if (STRONG.has(c.family) && (c.initial || c.atEnd)) return true;
  if (c.initial && last.initial) return true;
  return c.para - last.para <= maxGap;
}

export function lastSentence(s: string): string {
  const parts = s.split(/[。！!？?]/u);
  return parts[parts.length - 1] ?? '';
}

export function isHeadingList(ch: Chain, paras: string[], params: OutlineParams): boolean {
  const items = ch.items;
  const first = items[0] as Candidate;
  const p = paras[first.para] as string;
  const lead = p.slice(Math.max(0, first.offset - 60), first.offset);
  const prevTail = first.initial && first.para > 0 ? (paras[first.para - 1] as string).slice(-60) : '';
  // Procedural agenda ("今天会议的议程有两项：一是…二是…"): only the sentence that introduces the list counts.
  const intro = lastSentence(first.initial ? prevTail : lead);
  if (AGENDA.test(intro) || (REPORTED.test(intro) && !/我/u.test(intro))) return false;
  if (items.every((c, k) => PROCEDURE.test(titleOf(c, items[k + 1], paras[c.para] as string)))) return false;
  if (items.length === 1) return singletonOk(first, paras, first.initial ? prevTail : lead);
  return !isPhraseList(items, paras, params.shortTitle);
}

/**
 * A lone first item counts when its shape is a heading and it opens (or closes) its paragraph, when a count
 * was just announced ("讲三点意见：一是…"), or when it opens the last paragraph (the text may be cut off there).
 */
function singletonOk(c: Candidate, paras: string[], intro: string): boolean {
  if (c.n === -1 || titleOf(c, undefined, paras[c.para] as string) === '') return false;
  if (ANNOUNCE.test(intro)) return true;
  if ((c.initial || c.atEnd) && STRONG.has(c.family)) return true;
  return c.initial && c.n === 1 && c.para === paras.length - 1;
}

/** All items in one sentence with short titles: 1．民主主义；2．… is a list of nouns, not of points. */
function isPhraseList(items: Candidate[], paras: string[], shortTitle: number): boolean {
  for (let i = 0; i < items.length; i++) {
    const c = items[i] as Candidate;
    const next = items[i + 1];
    const p = paras[c.para] as string;
    if (next) {
      if (next.para !== c.para) return false;
      if (SENTENCE_END.test(p.slice(c.end, next.offset))) return false;
    }
    if (titleOf(c, next, p).length > shortTitle) return false;
  }
  return true;
}

function normTitle(s: string): string {
  return s.replace(/[\s，,、：:；;。.．“”"'‘’（）()]/gu, '').slice(0, 12);
}

function sameTitle(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return a === b && a.length > 0;
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * A preview list restates the coming sections before they start (我讲三点：一是认清形势，二是… then
 * 一、认清形势…). It is dropped when, within a few paragraphs, a later list repeats one of its titles, or when
 * it closes its paragraph in one sentence and heading paragraphs start right after it.
 */
export function dropPreviews(chains: Chain[], paras: string[], params: OutlineParams): Chain[] {
  const drop = new Set<Chain>();
  const sorted = [...chains].sort((a, b) =>
    before(a.items[0] as Candidate, b.items[0] as Candidate) ? -1 : 1,
  );
  const norm = new Map<Chain, string[]>();
  const titlesOf = (ch: Chain) => {
    let t = norm.get(ch);
    if (t === undefined) {
      t = ch.items.map((c, k) => normTitle(titleOf(c, ch.items[k + 1], paras[c.para] as string)));
      norm.set(ch, t);
    }
    return t;
  };
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Chain;
    // Only a list that takes no room of its own can be a preview, or an inline list in one paragraph whose
    // titles the later headings restate item by item.
    if (a.items.length < 2) continue;
    const compact = isCompact(a, paras);
    if (!compact && (a.items[0] as Candidate).para !== (a.items[a.items.length - 1] as Candidate).para)
      continue;
    const aLast = a.items[a.items.length - 1] as Candidate;
    const aTitles = titlesOf(a);
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as Chain;
      const bFirst = b.items[0] as Candidate;
      // A repeated title is strong evidence even some way off (a contents block above the opening).
      if (bFirst.para > aLast.para + params.previewReach || j > i + 12) break;
      if (!before(aLast, bFirst)) continue;
      const bTitles = titlesOf(b);
      const near = compact && bFirst.para <= aLast.para + 3;
      // Near, one repeated title is enough; far off, at least two must be restated item by item.
      const repeated = near
        ? aTitles.some((x) => sameTitle(x, bTitles[0] as string))
        : aTitles.filter((x, k) => bTitles[k] !== undefined && sameTitle(x, bTitles[k] as string)).length >=
          2;
      if (repeated || (near && isPreviewOf(a, b, paras))) {
        drop.add(a);
        break;
      }
    }
  }
  return chains.filter((c) => !drop.has(c));
}

/** A list that takes no room of its own: one sentence, or bare heading lines one after another. */
function isCompact(a: Chain, paras: string[]): boolean {
  const first = a.items[0] as Candidate;
  const last = a.items[a.items.length - 1] as Candidate;
  if (last.para === first.para)
    return !SENTENCE_END.test((paras[first.para] as string).slice(first.end, last.offset));
  return a.items.every(
    (c, k) =>
      c.initial &&
      (k === 0 || c.para === (a.items[k - 1] as Candidate).para + 1) &&
      endsParagraph(c, paras[c.para] as string),
  );
}

/**
 * Previews without repeated titles: 一是…，二是…，三是… packed into the last sentence of a paragraph and
 * followed at once by 一、 headings; or a run of bare heading lines followed at once by a list of the same
 * kind that starts again at 1.
 */
function isPreviewOf(a: Chain, b: Chain, paras: string[]): boolean {
  const first = a.items[0] as Candidate;
  const last = a.items[a.items.length - 1] as Candidate;
  const bFirst = b.items[0] as Candidate;
  if (a.items.length < 2 || bFirst.n !== 1 || !bFirst.initial) return false;
  if (first.initial)
    return isCompact(a, paras) && variantsFit(first, bFirst) && bFirst.para === last.para + 1;
  if (last.para !== first.para || !STRONG.has(b.family) || bFirst.para !== first.para + 1) return false;
  const p = paras[first.para] as string;
  const inner = p.slice(first.end, last.offset);
  const tail = p.slice(last.end).replace(/[。！!？?\s]+$/u, '');
  return !SENTENCE_END.test(inner) && !SENTENCE_END.test(tail);
}
