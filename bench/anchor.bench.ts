/**
 * Anchoring benchmark: `npx tsx bench/anchor.bench.ts`.
 *
 * A 100,000-character speech is composed from sentence parts written for this bench (no real speech text),
 * with 1,000 random highlights. Measures: restoring all of them on the unchanged text; re-anchoring 100 of
 * them after ~5% random edits (insertions, deletions, substitutions, punctuation width swaps, spaces,
 * paragraph splits and merges), ours against a Hypothesis-style baseline built on approx-string-match; and
 * the accuracy of both against the ground truth tracked through the edits.
 *
 * Prints `name  median  min  max  unit` lines, then one JSON object of the medians and accuracy counts.
 * `npx tsx bench/anchor.bench.ts /work/shared/corpus-full/*.json` runs the same on real speeches.
 */

import { readFileSync } from 'node:fs';
import approxSearch from 'approx-string-match';
import { anchorAll } from '../utils/anchoring/anchor';
import { SpeechText } from '../utils/anchoring/speech-text';
import type { TextSelector } from '../utils/types';
import { QUICK } from './lib';

const SPEECH_LENGTH = 100_000;
const HIGHLIGHTS = 1_000;
const EDITED_SAMPLE = 100;
const EDIT_SHARE = 0.05;
const RESTORE_RUNS = QUICK ? 5 : 40;
const EDIT_RUNS = QUICK ? 3 : 25;
/** Placed counts as correct when it overlaps the true place by at least this share (intersection/union). */
const CORRECT_IOU = 0.5;

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness.

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function int(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

// ---------------------------------------------------------------------------------------------------------
// A composed speech.

const LEADS = [
  '',
  '',
  '围绕中心大局，',
  '聚焦主责主业，',
  '立足新发展阶段，',
  '紧扣职工需求，',
  '坚持问题导向，',
  '在新的起点上，',
  '面对新形势新任务，',
];
const SUBJECTS = [
  '我们要',
  '各级工会要',
  '全市上下要',
  '各地区各部门要',
  '广大职工要',
  '基层工会组织要',
  '各级工会干部要',
  '我们必须',
  '要始终',
  '必须坚持',
];
const VERBS = [
  '深入学习贯彻',
  '认真落实',
  '持续推进',
  '切实加强',
  '不断完善',
  '扎实做好',
  '着力提升',
  '大力弘扬',
  '全面深化',
  '积极探索',
];
const OBJECTS = [
  '职工队伍建设',
  '劳模精神和工匠精神',
  '产业工人队伍建设改革',
  '基层工会组织建设',
  '困难职工帮扶工作',
  '职工技能培训',
  '工会经费管理',
  '网上工会建设',
  '农民工权益维护',
  '安全生产群众监督',
  '和谐劳动关系构建',
  '职工文化阵地建设',
  '厂务公开民主管理',
  '工会干部作风建设',
  '服务职工的工作体系',
];
const TAILS = [
  '，确保各项任务落到实处',
  '，推动工作取得新成效',
  '，切实增强职工群众的获得感',
  '，为高质量发展贡献力量',
  '，把好事办好、实事办实',
  '，不断开创工作新局面',
  '',
];
const ENDS = ['。', '。', '。', '；', '！'];
const MARKERS = ['第一，', '第二，', '第三，', '一是', '二是', '三是', '（一）', '（二）'];
const FILLER = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能',
];

function sentence(rand: () => number): string {
  if (rand() < 0.2) {
    const a = int(rand, 3, 480);
    const b = (rand() * 90 + 1).toFixed(1);
    return `${pick(rand, ['今年以来', '过去一年', '截至目前'])}，全市${pick(rand, ['共举办技能竞赛', '新建职工书屋', '走访慰问困难职工'])}${a}${pick(rand, ['场', '个', '户'])}，覆盖职工${b}万人次。`;
  }
  return `${pick(rand, LEADS)}${pick(rand, SUBJECTS)}${pick(rand, VERBS)}${pick(rand, OBJECTS)}${pick(rand, TAILS)}${pick(rand, ENDS)}`;
}

function composeSpeech(seed: number, length: number): string[] {
  const rand = rng(seed);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < length) {
    let para = rand() < 0.3 ? pick(rand, MARKERS) : '';
    const target = int(rand, 80, 420);
    while (para.length < target) para += sentence(rand);
    paragraphs.push(para);
    total += para.length + 1;
  }
  return paragraphs;
}

function randomHighlights(text: SpeechText, count: number, seed: number): TextSelector[] {
  const rand = rng(seed);
  const out: TextSelector[] = [];
  const joined = text.joined;
  while (out.length < count) {
    const r = rand();
    const length = r < 0.3 ? int(rand, 4, 12) : r < 0.8 ? int(rand, 13, 60) : int(rand, 61, 200);
    const start = int(rand, 0, joined.length - length - 1);
    if (/\s/.test(joined[start] ?? ' ') || /\s/.test(joined[start + length - 1] ?? ' ')) continue;
    out.push(text.describeOffsets(start, start + length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Random edits with ground truth: every character of the edited text remembers which original character
// it is (or -1 when inserted).

interface Edited {
  paragraphs: string[];
  origin: Int32Array;
}

const HALF: Record<string, string> = {
  '，': ',',
  '：': ':',
  '；': ';',
  '！': '!',
  '？': '?',
  '（': '(',
  '）': ')',
};
const FULL: Record<string, string> = Object.fromEntries(Object.entries(HALF).map(([f, h]) => [h, f]));

function editSpeech(paragraphs: string[], share: number, seed: number): Edited {
  const rand = rng(seed);
  const source = paragraphs.join('\n');
  const budget = Math.round(source.length * share);
  // Edits are placed at random original offsets, sorted, and applied in one pass.
  const edits: { at: number; kind: number }[] = [];
  let spent = 0;
  while (spent < budget) {
    const at = int(rand, 0, source.length - 1);
    const kind = rand();
    edits.push({ at, kind });
    spent += kind < 0.1 ? 25 : kind < 0.2 ? 20 : kind < 0.55 ? 1.5 : kind < 0.7 ? 3 : kind < 0.8 ? 3 : 1;
  }
  edits.sort((a, b) => a.at - b.at);

  const chars: string[] = [];
  const origin: number[] = [];
  let i = 0;
  const copyTo = (end: number) => {
    for (; i < end && i < source.length; i++) {
      chars.push(source[i] as string);
      origin.push(i);
    }
  };
  const insert = (text: string) => {
    for (const ch of text) {
      chars.push(ch);
      origin.push(-1);
    }
  };
  for (const { at, kind } of edits) {
    if (at < i) continue;
    copyTo(at);
    if (kind < 0.1) {
      insert(sentence(rand)); // a sentence inserted
    } else if (kind < 0.2) {
      // a sentence (or its rest) deleted
      const end = source.indexOf('。', i);
      i = end < 0 || end - i > 60 ? i + int(rand, 5, 20) : end + 1;
    } else if (kind < 0.55) {
      // a character or two substituted (typo made or fixed)
      const n = int(rand, 1, 2);
      for (let j = 0; j < n && source[i] !== '\n' && i < source.length; j++, i++) insert(pick(rand, FILLER));
    } else if (kind < 0.7) {
      insert(Array.from({ length: int(rand, 1, 5) }, () => pick(rand, FILLER)).join(''));
    } else if (kind < 0.8) {
      i = Math.min(source.length, i + int(rand, 1, 5));
    } else if (kind < 0.9) {
      // punctuation switched between full and half width: same character for the reader
      const m = /[，：；！？（）,:;!?()]/.exec(source.slice(i, i + 80));
      if (m) {
        copyTo(i + m.index);
        const ch = source[i] as string;
        chars.push(HALF[ch] ?? FULL[ch] ?? ch);
        origin.push(i);
        i++;
      }
    } else if (kind < 0.95) {
      insert(rand() < 0.5 ? ' ' : '\n'); // a space, or a paragraph split
    } else {
      const nl = source.indexOf('\n', i);
      if (nl >= 0 && nl - i < 400) {
        copyTo(nl);
        i = nl + 1; // paragraphs merged
      }
    }
  }
  copyTo(source.length);
  const text = chars.join('');
  return { paragraphs: text.split('\n'), origin: Int32Array.from(origin) };
}

/** Where the original [start, end) went: the span of its surviving characters, and the share surviving. */
function truth(edited: Edited, start: number, end: number): { start: number; end: number; survived: number } {
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < edited.origin.length; i++) {
    const o = edited.origin[i] as number;
    if (o >= start && o < end) {
      if (first < 0) first = i;
      last = i;
      count++;
    }
  }
  return { start: first, end: last + 1, survived: count / (end - start) };
}

// ---------------------------------------------------------------------------------------------------------
// The baseline: Hypothesis's approach (position first, then approx-string-match over the whole text with
// max errors = quote length / divisor, best candidate by 50 quote + 20 prefix + 20 suffix + 2 position,
// no minimum score).

function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  if (text.includes(pattern)) return 1;
  const best = approxSearch(text, pattern, pattern.length);
  return best.length ? 1 - (best[0] as { errors: number }).errors / pattern.length : 0;
}

function baselineMatch(
  text: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number,
  divisor: number,
) {
  if (quote.length === 0) return null;
  let matches: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    matches.push({ start: at, end: at + quote.length, errors: 0 });
  }
  if (matches.length === 0) matches = approxSearch(text, quote, Math.min(256, quote.length / divisor));
  let best: { start: number; end: number } | null = null;
  let bestScore = -1;
  for (const m of matches) {
    const q = 1 - m.errors / quote.length;
    const p = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const s = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const pos = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

function baselineAnchorAll(paragraphs: string[], selectors: TextSelector[], divisor: number) {
  const text = new SpeechText(paragraphs);
  return selectors.map((sel) => {
    const start = text.offsetOf({ para: sel.startPara, offset: sel.startOffset });
    const end = text.offsetOf({ para: sel.endPara, offset: sel.endOffset });
    if (start >= 0 && end >= start && text.joined.slice(start, end) === sel.exact) return { start, end };
    const hint = Math.max(start, 0);
    return baselineMatch(text.joined, sel.exact, sel.prefix, sel.suffix, hint, divisor);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Measuring.

interface Accuracy {
  correct: number;
  wrong: number;
  unplaced: number;
  /** unplaced ones whose quote lost at least half its characters: nothing left to find */
  unplacedGone: number;
  total: number;
}

function tally(acc: Accuracy, found: { start: number; end: number } | null, gt: ReturnType<typeof truth>) {
  acc.total++;
  if (!found) {
    acc.unplaced++;
    if (gt.survived < 0.5) acc.unplacedGone++;
    return;
  }
  const inter = Math.max(0, Math.min(found.end, gt.end) - Math.max(found.start, gt.start));
  const union = Math.max(found.end, gt.end) - Math.min(found.start, gt.start);
  if (gt.start >= 0 && inter / union >= CORRECT_IOU) acc.correct++;
  else acc.wrong++;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] as number,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

function line(name: string, times: number[]): number {
  const s = stats(times);
  console.log(`${name.padEnd(44)}  ${s.median.toFixed(3)}  ${s.min.toFixed(3)}  ${s.max.toFixed(3)}  ms`);
  return s.median;
}

function emptyAccuracy(): Accuracy {
  return { correct: 0, wrong: 0, unplaced: 0, unplacedGone: 0, total: 0 };
}

/**
 * `--speech file.json …`: evaluate on the paragraphs of real speeches (read at run time, e.g. from
 * /work/shared/corpus-full, never copied into the repo) instead of the composed one.
 */
function speechFromArgs(): string[] {
  const files = process.argv.slice(2).filter((a) => a.endsWith('.json'));
  if (files.length === 0) return composeSpeech(1, SPEECH_LENGTH);
  return files.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { paragraphs: string[] }).paragraphs);
}

function main() {
  const paragraphs = speechFromArgs();
  const text = new SpeechText(paragraphs);
  const highlights = randomHighlights(text, HIGHLIGHTS, 2);
  console.log(
    `speech: ${text.joined.length} characters, ${paragraphs.length} paragraphs; ${highlights.length} highlights`,
  );

  // Restore on unchanged text.
  const restore: number[] = [];
  let restoredAll = true;
  for (let run = 0; run < RESTORE_RUNS + 3; run++) {
    const t0 = performance.now();
    const result = anchorAll(paragraphs, highlights);
    const dt = performance.now() - t0;
    if (run >= 3) restore.push(dt);
    restoredAll &&= result.every((a) => a.placed && a.how === 'position');
  }

  // Re-anchor after edits.
  const ours: number[] = [];
  const base4: number[] = [];
  const base2: number[] = [];
  const accOurs = emptyAccuracy();
  const accBase4 = emptyAccuracy();
  const accBase2 = emptyAccuracy();
  const hows: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  for (let run = 0; run < EDIT_RUNS + 2; run++) {
    const edited = editSpeech(paragraphs, EDIT_SHARE, 100 + run);
    const rand = rng(1000 + run);
    const sample = Array.from({ length: EDITED_SAMPLE }, () => pick(rand, highlights));
    const truths = sample.map((sel) => {
      const start = text.offsetOf({ para: sel.startPara, offset: sel.startOffset });
      return truth(edited, start, start + sel.exact.length);
    });
    const newText = new SpeechText(edited.paragraphs);

    let t0 = performance.now();
    const mine = anchorAll(edited.paragraphs, sample);
    const tOurs = performance.now() - t0;
    t0 = performance.now();
    const theirs4 = baselineAnchorAll(edited.paragraphs, sample, 4);
    const tBase4 = performance.now() - t0;
    t0 = performance.now();
    const theirs2 = baselineAnchorAll(edited.paragraphs, sample, 2);
    const tBase2 = performance.now() - t0;
    if (run < 2) continue; // warm-up
    ours.push(tOurs);
    base4.push(tBase4);
    base2.push(tBase2);

    mine.forEach((a, i) => {
      const gt = truths[i] as ReturnType<typeof truth>;
      if (a.placed) {
        hows[a.how] = (hows[a.how] ?? 0) + 1;
        const start = newText.offsetOf({ para: a.selector.startPara, offset: a.selector.startOffset });
        const end = newText.offsetOf({ para: a.selector.endPara, offset: a.selector.endOffset });
        tally(accOurs, { start, end }, gt);
      } else {
        reasons[a.reason] = (reasons[a.reason] ?? 0) + 1;
        tally(accOurs, null, gt);
      }
      tally(accBase4, theirs4[i] ?? null, gt);
      tally(accBase2, theirs2[i] ?? null, gt);
    });
  }

  console.log('name                                          median  min  max  unit');
  const medians = {
    restore1000Unchanged: line('restore 1000 highlights, unchanged text', restore),
    reanchor100Ours: line('re-anchor 100 after ~5% edits: ours', ours),
    reanchor100Baseline: line('re-anchor 100 after ~5% edits: baseline k=m/4', base4),
    reanchor100BaselineHalf: line('re-anchor 100 after ~5% edits: baseline k=m/2', base2),
  };
  const show = (name: string, a: Accuracy) =>
    console.log(
      `accuracy ${name.padEnd(16)} correct ${a.correct}  wrong ${a.wrong}  unplaced ${a.unplaced} ` +
        `(quote gone: ${a.unplacedGone})  of ${a.total}`,
    );
  show('ours', accOurs);
  show('baseline k=m/4', accBase4);
  show('baseline k=m/2', accBase2);
  console.log(`ours placed by: ${JSON.stringify(hows)}; unplaced because: ${JSON.stringify(reasons)}`);
  console.log(`unchanged text: all 1000 restored by position: ${restoredAll}`);
  console.log(
    JSON.stringify({
      ...medians,
      speedup: medians.reanchor100Baseline / medians.reanchor100Ours,
      accuracy: { ours: accOurs, baseline: accBase4, baselineHalf: accBase2 },
    }),
  );
}

main();
