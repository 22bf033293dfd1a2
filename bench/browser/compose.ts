/**
 * Composed speech text and library records for the browser benches. Every sentence here was written for the
 * benches (no real speech text); the output is deterministic for a given seed.
 */
import { buildOutline } from '../../utils/outline/build';
import type { Highlight, HighlightCategory, Note, SpeechRecord, TextSelector } from '../../utils/types';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const OPENERS = ['要坚持', '要着力', '必须', '各级工会要', '我们要', '要切实'];
const TASKS = [
  '抓好职工技能培训',
  '做实困难职工帮扶',
  '推进产业工人队伍建设改革',
  '加强基层工会组织建设',
  '规范工会经费管理',
  '建好用好职工书屋',
  '完善厂务公开制度',
  '深化劳动和技能竞赛',
];
const TAILS = [
  '，把各项任务分解到岗、落实到人。',
  '，确保年度目标如期完成。',
  '，让职工群众有更多获得感。',
  '，形成上下联动、齐抓共管的格局。',
  '；对工作中出现的新情况，要及时研究解决。',
];

/** One of these per speech (by id), so a search for it matches a twentieth of a composed library. */
export const TOPICS = [
  '网上工会',
  '职工之家',
  '劳模工作室',
  '工匠学院',
  '户外劳动者驿站',
  '女职工关爱室',
  '法律援助',
  '集体协商',
  '技能等级认定',
  '安康杯竞赛',
  '职工医疗互助',
  '金秋助学',
  '送温暖活动',
  '新就业形态',
  '货车司机入会',
  '快递员关爱',
  '职工疗休养',
  '心理健康服务',
  '民主管理',
  '职工创新工作室',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function sentence(rand: () => number): string {
  if (rand() < 0.15) {
    return `全年共走访职工${Math.floor(rand() * 900 + 100)}户，覆盖${(rand() * 9 + 1).toFixed(1)}万人次。`;
  }
  return `${pick(rand, OPENERS)}${pick(rand, TASKS)}${pick(rand, TAILS)}`;
}

/** About `chars` characters of speech: 一、 sections, （一） headings, inline 一是 lists and prose. */
export function composeParagraphs(chars: number, seed = 1): string[] {
  const rand = rng(seed);
  const topic = TOPICS[seed % TOPICS.length] as string;
  const paras = ['同志们：', '下面，我讲几点意见。'];
  let total = paras.join('').length;
  for (let s = 0; total < chars; s++) {
    const block = [`${CN[s % 10]}、${pick(rand, TASKS)}，推动工作再上新台阶`];
    for (let k = 0; k < 3; k++) {
      let p = `（${CN[k]}）${pick(rand, TASKS)}。${k === 1 ? `要聚焦${topic}，持续用力、久久为功。` : ''}`;
      for (let n = 0; n < 6; n++) p += sentence(rand);
      block.push(p);
      block.push(
        `一是${pick(rand, TASKS)}。${sentence(rand)}二是${pick(rand, TASKS)}。${sentence(rand)}三是${pick(rand, TASKS)}。${sentence(rand)}`,
      );
    }
    paras.push(...block);
    total += block.join('').length;
  }
  paras.push('同志们，让我们团结一心、真抓实干，为完成全年目标任务而努力奋斗！');
  return paras;
}

export function composeSpeechRecord(id: number, chars: number): SpeechRecord {
  const paragraphs = composeParagraphs(chars, id);
  const url = `http://www.ordoszgh.gov.cn/zlzx/ldjh/209901/t20990101_${id}.html`;
  return {
    id: `ordoszgh.gov.cn/zlzx/ldjh/209901/t20990101_${id}.html`,
    url,
    title: `在全市工会工作会议上的讲话（之${id}）`,
    speaker: '某某某',
    occasion: '全市工会工作会议',
    date: '2099-01-01',
    source: '鄂尔多斯市总工会',
    paragraphs,
    contentHash: `bench-${id}-${paragraphs.length}`,
    via: 'trs',
    outline: buildOutline(paragraphs),
    firstOpened: 4_000_000_000_000 + id,
    lastOpened: 4_000_000_000_000 + id * 10,
  };
}

const CATEGORIES: HighlightCategory[] = ['task', 'thesis', 'data', 'question'];
const CONTEXT = 32;

/** `count` highlights spread over the speech, each within one paragraph, 8–60 characters long. */
export function composeHighlights(speech: SpeechRecord, count: number, seed = 7): Highlight[] {
  const rand = rng(seed);
  const out: Highlight[] = [];
  const paras = speech.paragraphs;
  for (let j = 0; out.length < count; j++) {
    const para = Math.floor(rand() * paras.length);
    const text = paras[para] as string;
    if (text.length < 12) continue;
    const length = Math.min(text.length - 1, 8 + Math.floor(rand() * 52));
    const start = Math.floor(rand() * (text.length - length));
    const selector: TextSelector = {
      startPara: para,
      startOffset: start,
      endPara: para,
      endOffset: start + length,
      exact: text.slice(start, start + length),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(start + length, start + length + CONTEXT),
    };
    const section = speech.outline.reduce((acc, node, k) => (node.para <= para ? k : acc), -1);
    const category = CATEGORIES[j % CATEGORIES.length] as HighlightCategory;
    out.push({
      id: `${speech.id}#b${j}`,
      speechId: speech.id,
      category,
      note: j % 3 === 0 ? '结合本单位实际，细化措施，明确责任人。' : '',
      selector,
      section,
      ...(category === 'task' ? { task: { status: 'todo' as const, due: null, progress: '' } } : {}),
      created: 4_000_000_100_000 + j,
      updated: 4_000_000_200_000 + j,
    });
  }
  return out;
}

export function composeNote(speech: SpeechRecord): Note {
  return {
    id: speech.id,
    speechId: speech.id,
    text: '学习心得：把会议精神转化为具体举措。',
    created: 4_000_000_300_000,
    updated: 4_000_000_300_000,
  };
}
