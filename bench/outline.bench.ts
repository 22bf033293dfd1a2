/**
 * Outline builder timing on a composed 30,000-character speech and on the sample portal's long speech
 * (scripts/gen-long-speech.mjs) (target: ≤ 2 ms per outline in Node).
 *   npx tsx bench/outline.bench.ts
 * Prints `name median min max unit` lines.
 */
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildLongSpeech } from '../scripts/gen-long-speech.mjs';
import { buildOutline } from '../utils/outline/build';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// Composed filler sentences in the register of a work speech (not taken from any real text).
const SENTENCES = [
  '要坚持问题导向，聚焦群众反映强烈的突出问题，拿出务实管用的具体举措。',
  '各级各部门要切实增强责任感和紧迫感，把各项任务分解到岗、落实到人。',
  '今年以来，全市第一次实现了重点项目开工率和投资完成率“双提升”，新增就业2.3万人。',
  '我们必须清醒地看到，发展不平衡不充分的问题依然存在，部分领域风险隐患不容忽视。',
  '要按照统一要求，加强统筹协调，形成上下联动、齐抓共管的工作格局。',
  '对工作中出现的新情况新问题，要及时研究，第一时间拿出解决办法。',
  '全年共完成投资156.8亿元，同比增长7.5%，高于全省平均水平1.2个百分点。',
];

function paragraph(seed: number, sentences: number): string {
  let p = '';
  for (let i = 0; i < sentences; i++) p += SENTENCES[(seed * 7 + i * 3) % SENTENCES.length];
  return p;
}

/** 一、 sections with （一） headings, inline 一是 lists, paragraph-initial 第一，/第二， points and plain prose. */
export function composeSpeech(targetChars: number): string[] {
  const paras = ['同志们：', paragraph(0, 4), '下面，我讲几点意见。'];
  let chars = paras.join('').length;
  for (let s = 0; chars < targetChars; s++) {
    const sec = [`${CN[s % 10]}、坚持高质量发展，全力做好第${CN[s % 10]}方面的重点工作`, paragraph(s, 3)];
    for (let k = 0; k < 3; k++) {
      sec.push(`（${CN[k]}）着力抓好重点任务。${paragraph(s + k, 2)}`);
      sec.push(
        `${paragraph(s + k + 1, 1)}一是加强组织领导，压实工作责任。${paragraph(s, 1)}二是强化要素保障，优化资源配置。${paragraph(k, 1)}三是严格督查考核，确保取得实效。`,
      );
      sec.push(`第一，要抓住关键环节。${paragraph(s * 3 + k, 3)}`);
      sec.push(`第二，要补齐短板弱项。${paragraph(s * 3 + k + 1, 2)}`);
    }
    paras.push(...sec);
    chars += sec.join('').length;
  }
  paras.push('同志们，让我们团结一心、真抓实干，为完成全年目标任务而努力奋斗！');
  return paras;
}

function stats(name: string, runs: number, fn: () => void): string {
  for (let i = 0; i < 50; i++) fn(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const med = times[Math.floor(times.length / 2)] as number;
  return `${name} ${med.toFixed(3)} ${(times[0] as number).toFixed(3)} ${(times[times.length - 1] as number).toFixed(3)} ms`;
}

const speech = composeSpeech(30_000);
const chars = speech.join('').length;
const nodes = buildOutline(speech).length;
console.log(`# composed speech: ${chars} characters, ${speech.length} paragraphs, ${nodes} outline nodes`);
console.log('name median min max unit');
console.log(stats('outline-30k', 300, () => buildOutline(speech)));
const sample = (buildLongSpeech() as { paragraphs: Array<{ text: string }> }).paragraphs.map((p) => p.text);
const sampleNodes = buildOutline(sample);
console.log(
  `# sample portal speech: ${sample.join('').length} characters, ${sample.length} paragraphs, ` +
    `${sampleNodes.filter((n) => !n.role).length} outline entries + ${sampleNodes.filter((n) => n.role).length} parts`,
);
console.log(stats('outline-30k-sample', 300, () => buildOutline(sample)));
const flat = [speech.join(' ')];
console.log(stats('outline-30k-one-paragraph', 300, () => buildOutline(flat)));
