/**
 * Levels: which list each list sits in (see utils/outline/README.md).
 */
import type { OutlineNode } from '../types';
import { type Candidate, type Family, STRONG, variantsFit } from './markers';
import type { OutlineParams } from './params';
import { before, type Chain } from './series';
import { endsParagraph, titleOf } from './titles';

/**
 * Where the last item of a list stops: at the end of its paragraph for a list of inline items or of
 * one-paragraph items; otherwise it stays open until an enclosing list moves on.
 */
function lastItemEndPara(ch: Chain, paras: string[]): number {
  const items = ch.items;
  const last = items[items.length - 1] as Candidate;
  if (!last.initial) {
    const headingAtEnd = STRONG.has(ch.family) && endsParagraph(last, paras[last.para] as string);
    return headingAtEnd ? Number.POSITIVE_INFINITY : last.para;
  }
  if (items.length < 2) return Number.POSITIVE_INFINITY;
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1] as Candidate;
    const b = items[i] as Candidate;
    if (!a.initial || b.para !== a.para + 1) return Number.POSITIVE_INFINITY;
  }
  // "…有以下一些特征：" right after the last item introduces a list inside it.
  const next = paras[last.para + 1];
  if (next !== undefined && INTRO_END.test(next)) return Number.POSITIVE_INFINITY;
  return last.para;
}

const INTRO_END = /[：:]\s*$/u;

/**
 * A part boundary after a list's last item ends that item: what follows the boundary starts a new part
 * (同志们！… / 我再提几点希望：). A list that goes on after the boundary is not affected: the boundary lies
 * inside one of its items.
 */
function partEnd(end: number, ch: Chain, bounds: readonly number[], params: OutlineParams): number {
  // 一、 / （一） headings announce their sections' ends themselves; an address inside one is rhetoric.
  if (params.boundaryWeight < 1 || HEADING_FAMILY.has(ch.family)) return end;
  const last = ch.items[ch.items.length - 1] as Candidate;
  for (const b of bounds) if (b > last.para) return Math.min(end, b - 1);
  return end;
}

const HEADING_FAMILY: ReadonlySet<Family> = new Set<Family>(['dun', 'paren']);

/** Boundaries that no list runs across: one inside an item of a list that goes on is not a new part. */
export function activeBoundaries(chains: Chain[], bounds: readonly number[]): number[] {
  return bounds.filter(
    (b) =>
      !chains.some(
        (ch) => (ch.items[0] as Candidate).para < b && (ch.items[ch.items.length - 1] as Candidate).para >= b,
      ),
  );
}

/** Usual rank of a marker family in a document's hierarchy (higher = nearer the top). */
const RANK: Record<Family, number> = {
  dun: 6,
  di: 5,
  paren: 4,
  arabic: 3,
  'paren-arabic': 2,
  circled: 1,
  shi: 1,
  seq: 0,
};

interface Placed {
  c: Candidate;
  chain: Chain;
  next: Candidate | undefined;
  depth: number;
  root: Chain;
}

export function levels(
  chains: Chain[],
  paras: string[],
  bounds: readonly number[],
  params: OutlineParams,
): OutlineNode[] {
  const all: Placed[] = [];
  for (const chain of chains) {
    chain.items.forEach((c, k) => {
      all.push({ c, chain, next: chain.items[k + 1], depth: 0, root: chain });
    });
  }
  all.sort((x, y) => (before(x.c, y.c) ? -1 : before(y.c, x.c) ? 1 : 0));

  const endPara = new Map<Chain, number>();
  const active = activeBoundaries(chains, bounds);
  for (const ch of chains) endPara.set(ch, partEnd(lastItemEndPara(ch, paras), ch, active, params));
  const lastItem = (ch: Chain) => ch.items[ch.items.length - 1] as Candidate;

  const stack: Chain[] = [];
  const roots = new Set<Chain>();
  for (const pl of all) {
    // Close lists whose last item is over: everything from the lowest closed list upwards.
    let cut = stack.length;
    for (let i = 0; i < stack.length; i++) {
      const ch = stack[i] as Chain;
      if (ch === pl.chain) continue;
      const li = lastItem(ch);
      if (before(li, pl.c) && pl.c.para > (endPara.get(ch) as number)) {
        cut = i;
        break;
      }
    }
    stack.length = cut;
    const at = stack.indexOf(pl.chain);
    if (at >= 0) stack.length = at + 1;
    else {
      // A new list of the same kind as a finished one on the stack is its sibling, not its child. After a
      // finished inline list, so is a list of the same family (a family keeps its level) or any list run
      // into the same paragraph (…三是…。必须抓好三项工作：一要…二要…).
      const sib = stack.findIndex((ch) => {
        const li = lastItem(ch);
        if (!before(li, pl.c)) return false;
        // …except an inline list run into a heading item's body (第二，… 第一，…；第二，…): that is its child.
        if (variantsFit(ch.items[0] as Candidate, pl.c)) return !li.initial || pl.c.initial;
        return !li.initial && (ch.family === pl.c.family || (!pl.c.initial && li.para === pl.c.para));
      });
      if (sib >= 0) stack.length = sib;
      stack.push(pl.chain);
    }
    pl.depth = stack.length;
    pl.root = stack[0] as Chain;
    if (pl.depth === 1) roots.add(pl.chain);
  }

  demoteAsides(all, [...roots], paras, params);

  const out: OutlineNode[] = [];
  for (const pl of all) {
    if (pl.depth > 3) continue;
    const p = paras[pl.c.para] as string;
    out.push({
      level: pl.depth as 1 | 2 | 3,
      marker: pl.c.marker.replace(/[、.．，,：:\s]+$/u, ''),
      title: titleOf(pl.c, pl.next, p),
      para: pl.c.para,
      offset: pl.c.offset,
    });
  }
  return out;
}

/**
 * Inline lists in the unnumbered opening or closing (the meeting's four tasks, three closing hopes) sit below
 * the speech's top level: when several lists are top-level, the inline ones other than the main one move
 * down a level.
 */
function demoteAsides(all: Placed[], roots: Chain[], paras: string[], params: OutlineParams): void {
  if (roots.length < 2) return;
  // The main list is heading-shaped (opens or closes a paragraph) and uses the highest marker by the usual
  // hierarchy (一、 above 第一， above （一） …); a longer list wins only among equals.
  const weight = (ch: Chain) => {
    const f = ch.items[0] as Candidate;
    const heading = f.initial || endsParagraph(f, paras[f.para] as string);
    const bodies = lastItemEndPara(ch, paras) === Number.POSITIVE_INFINITY ? 50 : 0;
    return (heading ? 10_000 : 0) + RANK[ch.family] * 100 + bodies + Math.min(ch.items.length, 49);
  };
  let main = roots[0] as Chain;
  for (const r of roots) if (weight(r) > weight(main)) main = r;
  // Another top-level heading list of the main one's kind is a parallel part (a second speech on the page).
  const first = main.items[0] as Candidate;
  const parallel = (r: Chain) => STRONG.has(main.family) && variantsFit(first, r.items[0] as Candidate);
  // A list whose every item opens its own paragraph is a part of the speech in its own right (the
  // achievements, then the lessons, then the tasks): it stays at the top.
  const ownPart = (r: Chain) => params.headingPartWeight >= 1 && r.items.every((c) => c.initial);
  const aside = new Set(roots.filter((r) => r !== main && !parallel(r) && !ownPart(r)));
  for (const pl of all) if (aside.has(pl.root)) pl.depth += 1;
}
