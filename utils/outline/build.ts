/**
 * Builds a speech's outline from its enumerations (第一，… / 一、… / （一）… / 一是… / 一要… / 首先… / 1. …).
 *
 * Pipeline (utils/outline/README.md): scan marker candidates (markers.ts) → link them into series and drop
 * series that are not headings (series.ts) → place every series in one tree, with part boundaries ending open
 * items (levels.ts, parts.ts) → name the unnumbered opening and closing (parts.ts). Weights: params.ts.
 */

import type { OutlineNode } from '../types';
import { levels } from './levels';
import { type Candidate, scanParagraph } from './markers';
import { DEFAULT_PARAMS, type OutlineParams } from './params';
import { partBoundaries, withParts } from './parts';
import { dropPreviews, isHeadingList, link, type Segment, segments } from './series';

// Notices list their arrangements as 一、二、; they are not speeches and get no outline.
const NOTICE = /通知如下|特此通知/u;
// A news report opens with a dateline ("5月20日，…", "本报讯") and addresses nobody; its 一是… lists
// paraphrase someone else's speech.
const DATELINE =
  /^(?:本报讯|本網訊|本网讯|本報訊|【[^】]{0,20}】|[（(]?(?:记者|記者|通讯员|通訊員)|\d{1,4}月?\d{0,2}日[上中下]?午?[，,\s])/u;
const SALUTATION =
  /^(?:尊敬的|各位|亲爱的|親愛的)|(?:同志们|同志們|代表|委员|委員|朋友们|朋友們|常委会|常委會)[：:]/u;

export function buildOutline(
  paragraphs: readonly string[],
  params: Readonly<OutlineParams> = DEFAULT_PARAMS,
): OutlineNode[] {
  try {
    const paras = Array.isArray(paragraphs) ? paragraphs.map((p) => (typeof p === 'string' ? p : '')) : [];
    return build(paras, params);
  } catch {
    // A page without a readable structure still renders, just without an outline.
    return [];
  }
}

function build(paras: string[], params: OutlineParams): OutlineNode[] {
  if (paras.some((p) => NOTICE.test(p)) || isNewsReport(paras)) return [];
  // Work on line segments: flattened pages keep their lost paragraph breaks as gaps ("。 一、…").
  const segs = segments(paras);
  const texts = segs.map((s) => s.text);
  const cands: Candidate[] = [];
  texts.forEach((t, i) => {
    scanParagraph(t, i, cands);
  });
  if (cands.length === 0) return [];
  const chains = link(cands, params);
  const kept = chains.filter((ch) => isHeadingList(ch, texts, params));
  const noPreview = dropPreviews(kept, texts, params);
  const nodes = levels(noPreview, texts, partBoundaries(texts), params).map((n) => {
    const seg = segs[n.para] as Segment;
    return { ...n, para: seg.para, offset: seg.start + n.offset };
  });
  return withParts(nodes, paras, params);
}

function isNewsReport(paras: string[]): boolean {
  const head = paras.slice(0, 5);
  return DATELINE.test((head[0] ?? '').trim()) && !head.some((p) => SALUTATION.test(p.slice(0, 40)));
}
