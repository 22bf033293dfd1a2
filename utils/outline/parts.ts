/**
 * The parts of a speech around and between its numbered lists: part boundaries (a salutation such as 同志们！
 * or a first-person transition such as 我再给大家提几点希望) and the unnumbered opening (开头) and closing
 * (结束语). See utils/outline/README.md.
 */
import type { OutlineNode } from '../types';
import type { OutlineParams } from './params';

// Whom a speech addresses: 同志们 / 同学们、老师们 / 各位代表 / 女士们、先生们 / 尊敬的各位来宾.
const ADDRESSEE =
  '(?:(?:各位|尊敬的|亲爱的|親愛的)[\\u4e00-\\u9fff]{0,8}?)?(?:同志|同學|同学|老师|老師|朋友|同胞|代表|委员|委員|来宾|來賓|嘉宾|嘉賓|家长|家長|青年|女士|先生|同仁|战友|戰友|乡亲|鄉親|校友|员工|員工|干部|幹部)(?:们|們)?';
const SALUTATION = new RegExp(`^\\s*${ADDRESSEE}(?:[、，,和及]${ADDRESSEE})*[！!：:，,]`, 'u');
// The speaker turns to a new part: 我再给大家提几点希望 / 这里，我强调几点 / 下面我讲三个问题.
const TRANSITION =
  /我(?:再|还|想|就|最后|也)?[^。！？!?]{0,12}(?:讲|講|提|谈|談|强调|強調|说|說)[^。！？!?]{0,8}(?:几|幾|两|兩|三|四|五|六|七|八|九|十|一些|以下|如下)[^。！？!?]{0,16}[。：:！!]?\s*$/u;
// How a closing part begins: an address, 让我们…, (再次)感谢/谢谢, 最后我…, good wishes.
const CLOSING_START =
  /^\s*(?:让我们|讓我們|(?:再次)?(?:谢谢|謝謝|感谢|感謝)|最后[，,]?(?:我|让|讓|祝|再|希望)|最後[，,]?(?:我|讓|祝|再|希望)|衷心祝|预祝|預祝|祝(?:大家|各位|同学|同學))/u;
// …and what it does: calls to action, thanks, wishes.
const CLOSING_CALL =
  /让我们|讓我們|谢谢|謝謝|努力|奋斗|奮鬥|贡献|貢獻|前进|前進|祝|希望|共同|携手|攜手|落实|落實|而奋斗|再创|再創|新的更大/u;

export function isSalutation(p: string): boolean {
  return SALUTATION.test(p);
}

/** Paragraphs (by index) that start a new part: a salutation, or a first-person turn to a new topic. */
export function partBoundaries(paras: readonly string[]): number[] {
  const out: number[] = [];
  paras.forEach((p, i) => {
    if (i > 0 && (SALUTATION.test(p) || TRANSITION.test(p))) out.push(i);
  });
  return out;
}

const roleNode = (role: 'opening' | 'closing', para: number): OutlineNode => ({
  level: 1,
  marker: '',
  title: role === 'opening' ? '开头' : '结束语',
  para,
  offset: 0,
  role,
});

/**
 * Adds the opening (body text before the first level-1 section) and the closing (after the last section: a
 * paragraph that addresses the audience, thanks it or calls it to act, within the last few paragraphs) as
 * role nodes. Without numbered sections there are no parts to name.
 */
export function withParts(
  nodes: OutlineNode[],
  paras: readonly string[],
  params: OutlineParams,
): OutlineNode[] {
  const firstTop = nodes.find((n) => n.level === 1);
  if (firstTop === undefined) return nodes;
  let lastTop = firstTop;
  for (const n of nodes) if (n.level === 1) lastTop = n;
  const out = [...nodes];
  const closing = closingStart(nodes, paras, lastTop.para, params);
  if (closing >= 0) {
    const at = out.findIndex((n) => n.para >= closing);
    out.splice(at < 0 ? out.length : at, 0, roleNode('closing', closing));
  }
  const firstPara = paras.findIndex((p) => p.trim() !== '');
  const first = nodes[0] as OutlineNode;
  if (firstPara >= 0 && firstTop.para > firstPara && (first.para > firstPara || first.offset > 0))
    out.unshift(roleNode('opening', firstPara));
  return out;
}

function closingStart(
  nodes: OutlineNode[],
  paras: readonly string[],
  lastTopPara: number,
  params: OutlineParams,
): number {
  // Paragraphs that open with a heading (offset 0) belong to the numbered sections, never to the closing.
  let lastHeading = lastTopPara;
  for (const n of nodes) if (n.offset === 0 && n.para > lastHeading) lastHeading = n.para;
  const from = Math.max(lastHeading + 1, paras.length - params.closingMaxParas);
  for (let i = from; i < paras.length; i++) {
    const p = paras[i] as string;
    if (!(SALUTATION.test(p) || CLOSING_START.test(p))) continue;
    if (CLOSING_CALL.test(paras.slice(i).join(''))) return i;
  }
  return -1;
}
