/**
 * Pairs of texts with known edits, for the comparison accuracy bench (bench/compare.bench.ts). From one text
 * (a list of paragraphs) it makes a NEW version with, at random sentences (a seeded generator):
 *   content changes (the truth): sentences added (taken from another text), dropped, reworded (synonyms,
 *   an adverb inserted, a clause dropped or appended: no figure touched), figures changed (5% → 5.5%,
 *   1200 → 1320, a target given a 左右 or a range), moved to another top-level section;
 *   non-changes: paragraphs moved within their section, split at a sentence boundary, merged with the next.
 * The rewording vocabulary is the common register of work reports, not taken from any one text.
 */

import { figuresIn } from '../utils/compare/numbers';
import { splitSentences } from '../utils/compare/sentences';
import { buildOutline } from '../utils/outline/build';

export type TruthKind = 'added' | 'dropped' | 'reworded' | 'figures' | 'moved';

export interface Truth {
  kind: TruthKind;
  oldText: string | null;
  newText: string | null;
  numbers?: { old: string; new: string }[];
}

export interface Pair {
  name: string;
  old: string[];
  new: string[];
  truth: Truth[];
  /** Sentences of the paragraphs moved, split or merged (a change reported on them is a false alarm). */
  untouched: Set<string>;
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYNONYMS: Array<[string, string]> = [
  ['稳步推进', '加快推进'],
  ['加强', '强化'],
  ['推进', '推动'],
  ['提高', '提升'],
  ['积极', '主动'],
  ['大力', '着力'],
  ['完善', '健全'],
  ['促进', '推动'],
  ['扎实', '切实'],
  ['加快', '加速'],
  ['支持', '扶持'],
  ['保障', '保证'],
  ['重大', '重要'],
  ['有效', '有力'],
  ['持续', '不断'],
  ['深入', '全面'],
  ['建立', '构建'],
  ['落实', '执行'],
  ['增强', '提升'],
  ['继续', '进一步'],
];
const ADVERBS = ['进一步', '切实', '全面', '持续', '更好'];
const VERBS = /(推进|加强|提高|完善|推动|深化|落实|强化|加快|提升|优化|发展|实施|保障)/u;
const TAILS = ['，确保取得实效', '，形成工作合力', '，努力开创新局面', '，不断提高工作水平'];

interface Item {
  text: string;
  /** Never edited (a section heading). */
  fixed: boolean;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

function reword(text: string, r: () => number): string {
  let out = text;
  const ops = 1 + Math.floor(r() * 2);
  for (let k = 0; k < ops; k++) {
    const choice = Math.floor(r() * 4);
    if (choice === 0) {
      const found = SYNONYMS.filter(([a, b]) => out.includes(a) || out.includes(b));
      if (found.length) {
        const [a, b] = pick(r, found);
        out = out.includes(a) ? out.replace(a, b) : out.replace(b, a);
        continue;
      }
    }
    if (choice <= 1 && VERBS.test(out)) {
      out = out.replace(VERBS, `${pick(r, ADVERBS)}$1`);
      continue;
    }
    const clauses = out.split('，');
    if (choice === 2 && clauses.length >= 3) {
      const i = 1 + Math.floor(r() * (clauses.length - 2));
      if ((clauses[i] as string).length <= out.length * 0.3 && figuresIn(clauses[i] as string).length === 0) {
        clauses.splice(i, 1);
        out = clauses.join('，');
        continue;
      }
    }
    const end = out.match(/[。！？；]+[”’」）]*$/u)?.[0] ?? '';
    out = out.slice(0, out.length - end.length) + pick(r, TAILS) + end;
  }
  return out;
}

function changeFigure(f: string, r: () => number): string {
  const m = f.match(/^([0-9]+(?:\.[0-9]+)?)(.*)$/u);
  if (!m) return f;
  const value = Number(m[1]);
  const rest = m[2] as string;
  const decimals = (m[1] as string).split('.')[1]?.length ?? 0;
  const choice = Math.floor(r() * 3);
  if (choice === 0 && rest.startsWith('%') && !/[—~至]/u.test(rest)) {
    return `${(value - 0.5).toFixed(Math.max(1, decimals))}%—${m[1]}%`;
  }
  if (choice === 1 && !/多|左右|以上|以内|以下|上下/u.test(rest)) return `${m[1]}${rest}左右`;
  const next = decimals > 0 ? (value + 0.5).toFixed(decimals) : String(Math.round(value * 1.1) + 1);
  return `${next}${rest}`;
}

export interface EditCounts {
  added: number;
  dropped: number;
  reworded: number;
  figures: number;
  moved: number;
  paraMoves: number;
  splits: number;
  merges: number;
}

export const DEFAULT_EDITS: EditCounts = {
  added: 3,
  dropped: 3,
  reworded: 4,
  figures: 3,
  moved: 2,
  paraMoves: 2,
  splits: 2,
  merges: 2,
};

/** Builds one pair from `paragraphs`; `foreign` holds sentences of other texts to add. */
export function makePair(
  name: string,
  paragraphs: readonly string[],
  foreign: readonly string[],
  seed: number,
  edits: EditCounts = DEFAULT_EDITS,
): Pair {
  const r = rng(seed);
  const outline = buildOutline(paragraphs);
  const heads = new Set(outline.filter((n) => n.level === 1).map((n) => n.para));
  const sentences = splitSentences(paragraphs);
  const counts = new Map<string, number>();
  for (const s of sentences) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  const paras: Item[][] = paragraphs.map(() => []);
  for (const s of sentences) paras[s.para]?.push({ text: s.text, fixed: heads.has(s.para) });
  // Top-level section of each paragraph (its index among level-1 headings).
  const sectionOf: number[] = [];
  let sec = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    if (heads.has(p)) sec++;
    sectionOf.push(sec);
  }
  const truth: Truth[] = [];
  const used = new Set<Item>();
  const eligible = (it: Item) =>
    !it.fixed &&
    !used.has(it) &&
    (counts.get(it.text.replace(/\s+/gu, '')) ?? 0) <= 1 &&
    it.text.length >= 12 &&
    /[。！？；][”’」）]*$/u.test(it.text);
  const randomItem = (test: (it: Item) => boolean): [number, number] | null => {
    const all: Array<[number, number]> = [];
    paras.forEach((p, pi) => {
      p.forEach((it, ii) => {
        if (test(it)) all.push([pi, ii]);
      });
    });
    return all.length ? pick(r, all) : null;
  };
  // Where a sentence can go without running into a heading that has no full stop.
  const slot = (pi: number) => {
    const items = paras[pi] ?? [];
    const ok = [0, ...items.map((it, i) => (/[。！？；][”’」）]*$/u.test(it.text) ? i + 1 : -1))];
    return pick(
      r,
      ok.filter((i) => i >= 0),
    );
  };
  const itemAt = ([p, i]: [number, number]) => paras[p]?.[i] as Item;
  const known = new Set(sentences.map((s) => s.text));

  for (let k = 0; k < edits.reworded; k++) {
    const at = randomItem(eligible);
    if (!at) break;
    const it = itemAt(at);
    const next = reword(it.text, r);
    used.add(it);
    if (next === it.text || known.has(next)) continue;
    truth.push({ kind: 'reworded', oldText: it.text, newText: next });
    it.text = next;
  }
  for (let k = 0; k < edits.figures; k++) {
    const at = randomItem((it) => eligible(it) && figuresIn(it.text).length > 0);
    if (!at) break;
    const it = itemAt(at);
    used.add(it);
    const f = pick(r, figuresIn(it.text));
    const nf = changeFigure(f.text, r);
    if (nf === f.text) continue;
    const next = it.text.slice(0, f.start) + nf + it.text.slice(f.end);
    truth.push({ kind: 'figures', oldText: it.text, newText: next, numbers: [{ old: f.text, new: nf }] });
    it.text = next;
  }
  for (let k = 0; k < edits.dropped; k++) {
    const at = randomItem(eligible);
    if (!at) break;
    const it = itemAt(at);
    truth.push({ kind: 'dropped', oldText: it.text, newText: null });
    paras[at[0]]?.splice(at[1], 1);
  }
  const sectionCount = sec + 1;
  for (let k = 0; k < edits.moved && sectionCount > 2; k++) {
    const at = randomItem(eligible);
    if (!at) break;
    const it = itemAt(at);
    const from = sectionOf[at[0]] as number;
    const targets = paras
      .map((_, pi) => pi)
      .filter((pi) => sectionOf[pi] !== from && sectionOf[pi] !== 0 && !heads.has(pi) && paras[pi]?.length);
    if (!targets.length) break;
    used.add(it);
    paras[at[0]]?.splice(at[1], 1);
    const to = pick(r, targets);
    paras[to]?.splice(slot(to), 0, it);
    truth.push({ kind: 'moved', oldText: it.text, newText: it.text });
  }
  for (let k = 0; k < edits.added; k++) {
    const text = pick(r, foreign);
    if (known.has(text)) continue;
    known.add(text);
    const targets = paras.map((_, pi) => pi).filter((pi) => !heads.has(pi) && paras[pi]?.length);
    const to = pick(r, targets);
    const it = { text, fixed: false };
    used.add(it);
    paras[to]?.splice(slot(to), 0, it);
    truth.push({ kind: 'added', oldText: null, newText: text });
  }

  // Non-changes, on the paragraph list (each paragraph: its items and its section).
  let blocks = paras
    .map((items, p) => ({ items, section: sectionOf[p] as number, head: heads.has(p) }))
    .filter((b) => b.items.length > 0);
  const untouched = new Set<string>();
  const mark = (items: Item[]) => {
    for (const it of items) if (!used.has(it)) untouched.add(it.text);
  };
  const sameSectionNext = (i: number) =>
    !blocks[i]?.head && !blocks[i + 1]?.head && blocks[i]?.section === blocks[i + 1]?.section;
  for (let k = 0; k < edits.paraMoves; k++) {
    const cands = blocks.map((_, i) => i).filter((i) => i + 1 < blocks.length && sameSectionNext(i));
    if (!cands.length) break;
    const i = pick(r, cands);
    const a = blocks[i] as (typeof blocks)[number];
    blocks[i] = blocks[i + 1] as (typeof blocks)[number];
    blocks[i + 1] = a;
    mark(a.items);
    mark(blocks[i]?.items ?? []);
  }
  for (let k = 0; k < edits.splits; k++) {
    const cands = blocks.map((b, i) => (b.items.length >= 2 && !b.head ? i : -1)).filter((i) => i >= 0);
    if (!cands.length) break;
    const i = pick(r, cands);
    const b = blocks[i] as (typeof blocks)[number];
    const cut = 1 + Math.floor(r() * (b.items.length - 1));
    mark(b.items);
    blocks.splice(i, 1, { ...b, items: b.items.slice(0, cut) }, { ...b, items: b.items.slice(cut) });
  }
  for (let k = 0; k < edits.merges; k++) {
    const cands = blocks
      .map((_, i) => i)
      .filter(
        (i) =>
          i + 1 < blocks.length &&
          sameSectionNext(i) &&
          /[。！？]$/u.test(blocks[i]?.items.at(-1)?.text ?? ''),
      );
    if (!cands.length) break;
    const i = pick(r, cands);
    const a = blocks[i] as (typeof blocks)[number];
    const b = blocks[i + 1] as (typeof blocks)[number];
    mark(a.items);
    mark(b.items);
    blocks.splice(i, 2, { ...a, items: [...a.items, ...b.items] });
  }
  blocks = blocks.filter((b) => b.items.length > 0);
  return {
    name,
    old: [...paragraphs],
    new: blocks.map((b) => b.items.map((it) => it.text).join('')),
    truth,
    untouched,
  };
}
