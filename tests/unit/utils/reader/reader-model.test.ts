import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webHref } from '@/utils/links';
import { ancestorsOf, nestOutline, sectionAt } from '@/utils/outline/sections';
import {
  buildBlocks,
  countCharacters,
  FIRST_FRAME_CHARACTERS,
  firstFrameBlockCount,
  formatDate,
  readingMinutes,
  readingProgress,
} from '@/utils/reader/model';
import type { OutlineNode } from '@/utils/types';

// A speech-like text composed for these tests.
const PARAGRAPHS = [
  '同志们：',
  '今天召开全市职工技能提升工作推进会，主要任务是总结前一阶段工作，部署下一步重点任务。',
  '一、充分认识技能提升工作的重要意义',
  '第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际。一要摸清底数，建立职工技能档案；二要对接企业，按需设计课程；三要跟踪问效，及时调整培训安排。',
  '（一）完善激励机制',
  '1.落实待遇政策。对取得高级工以上证书的职工，按规定给予补贴，让技能人才得实惠。',
  '最后，我再强调一点：各项工作都要抓在日常、落在实处。',
];

function node(level: OutlineNode['level'], marker: string, title: string, para: number): OutlineNode {
  const offset = (PARAGRAPHS[para] as string).indexOf(marker);
  return { level, marker, title, para, offset };
}

const OUTLINE: OutlineNode[] = [
  node(1, '一', '充分认识技能提升工作的重要意义', 2),
  node(2, '第一', '坚持需求导向，找准培训工作的着力点', 3),
  node(3, '一要', '摸清底数，建立职工技能档案', 3),
  node(3, '二要', '对接企业，按需设计课程', 3),
  node(3, '三要', '跟踪问效，及时调整培训安排', 3),
  node(2, '（一）', '完善激励机制', 4),
  node(3, '1', '落实待遇政策', 5),
];

const joined = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

describe('buildBlocks', () => {
  const blocks = buildBlocks(PARAGRAPHS, OUTLINE);

  it('keeps every paragraph, in order, with its text unchanged', () => {
    expect(blocks.map((b) => b.para)).toEqual(PARAGRAPHS.map((_, i) => i));
    expect(blocks.map((b) => joined(b.runs))).toEqual(PARAGRAPHS);
  });

  it('makes a heading that stands alone a heading element of its level', () => {
    expect(blocks[2]?.kind).toBe('h2');
    expect(blocks[4]?.kind).toBe('h3');
    expect(blocks[0]?.kind).toBe('p');
    expect(blocks[1]?.kind).toBe('p');
  });

  it('marks inline enumerators with their separator, and short opening headings as run-in leads', () => {
    const runs = blocks[3]?.runs ?? [];
    expect(runs.filter((r) => r.kind === 'marker').map((r) => r.text)).toEqual(['一要', '二要', '三要']);
    expect(runs[0]).toMatchObject({
      kind: 'lead',
      text: '第一，坚持需求导向，找准培训工作的着力点。',
      level: 2,
    });
    expect(blocks[5]?.runs[0]).toMatchObject({ kind: 'lead', text: '1.落实待遇政策。', level: 3 });
    const text =
      '首先，要把握形势，认清工会工作面临的新情况新问题，增强责任感。其次，要突出重点，集中力量办好职工最关心的事。';
    const [block] = buildBlocks(
      [text],
      [
        { level: 2, marker: '首先', title: '要把握形势', para: 0, offset: 0 },
        { level: 2, marker: '其次', title: '要突出重点', para: 0, offset: text.indexOf('其次') },
      ],
    );
    expect(block?.runs.filter((r) => r.kind !== 'text').map((r) => [r.kind, r.text])).toEqual([
      ['marker', '首先，'],
      ['marker', '其次，'],
    ]);
  });

  it('sets a level-1 heading sentence run into its paragraph in bold, up to its full stop', () => {
    const text = '第一，坚持需求导向，找准培训工作的着力点。培训内容要贴近岗位实际，不搞形式主义。';
    const [block] = buildBlocks(
      [text],
      [{ level: 1, marker: '第一', title: '坚持需求导向，找准培训工作的着力点', para: 0, offset: 0 }],
    );
    expect(block?.kind).toBe('p');
    expect(block?.runs).toEqual([
      { kind: 'lead', text: '第一，坚持需求导向，找准培训工作的着力点。', start: 0, level: 1 },
      { kind: 'text', text: '培训内容要贴近岗位实际，不搞形式主义。', start: 21 },
    ]);
  });

  it('gives run offsets that point into the paragraph', () => {
    for (const block of blocks) {
      for (const run of block.runs) {
        expect(PARAGRAPHS[block.para]?.slice(run.start, run.start + run.text.length)).toBe(run.text);
      }
    }
  });

  it('survives outline nodes that do not fit the text', () => {
    const broken: OutlineNode[] = [
      { level: 1, marker: '第九', title: '不存在', para: 1, offset: 0 },
      { level: 2, marker: '一要', title: '', para: 99, offset: 0 },
      { level: 2, marker: '', title: '', para: 0, offset: 0 },
      { level: 2, marker: '二要', title: '对接企业', para: 3, offset: 500 },
    ];
    const result = buildBlocks(PARAGRAPHS, broken);
    expect(result.map((b) => joined(b.runs))).toEqual(PARAGRAPHS);
    expect(result[1]?.runs).toHaveLength(1);
    // A wrong offset is forgiven when the marker is found in the paragraph.
    expect(result[3]?.runs.find((r) => r.kind === 'marker')).toMatchObject({
      text: '二要',
      start: PARAGRAPHS[3]?.indexOf('二要'),
    });
  });

  it('does not treat a long sentence that opens with a marker as a heading', () => {
    const text = `一、${'各级工会要把职工技能提升摆在突出位置'.repeat(4)}`;
    const [block] = buildBlocks(
      [text],
      [{ level: 1, marker: '一', title: text.slice(2), para: 0, offset: 0 }],
    );
    expect(block?.kind).toBe('p');
    expect(block?.runs[0]?.kind).toBe('lead');
  });

  it('never adds or drops a character, whatever the outline says', () => {
    const paragraph = fc.string({
      unit: fc.constantFrom(...'一二三要是第，。；、（）1.工会职工技能 '),
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            level: fc.constantFrom(1 as const, 2 as const, 3 as const),
            marker: fc.constantFrom('一要', '二是', '第一', '（一）', '1', '一', ''),
            title: fc.string({ maxLength: 8 }),
            para: fc.integer({ min: -1, max: 6 }),
            offset: fc.integer({ min: -2, max: 70 }),
          }),
          { maxLength: 8 },
        ),
        (paragraphs, outline) => {
          const result = buildBlocks(paragraphs, outline);
          expect(result.map((b) => joined(b.runs))).toEqual(paragraphs);
        },
      ),
    );
  });
});

describe('nestOutline', () => {
  it('nests nodes under the nearest shallower node', () => {
    const tree = nestOutline(OUTLINE);
    expect(tree.map((i) => i.index)).toEqual([0]);
    expect(tree[0]?.children.map((i) => i.index)).toEqual([1, 5]);
    expect(tree[0]?.children[0]?.children.map((i) => i.index)).toEqual([2, 3, 4]);
    expect(tree[0]?.children[1]?.children.map((i) => i.index)).toEqual([6]);
  });

  it('keeps a deeper node first in the outline at the top level, and nests across a skipped level', () => {
    const flat: OutlineNode[] = [
      { level: 2, marker: '一是', title: 'a', para: 0, offset: 0 },
      { level: 1, marker: '一', title: 'b', para: 1, offset: 0 },
      { level: 3, marker: '1', title: 'c', para: 2, offset: 0 },
    ];
    const tree = nestOutline(flat);
    expect(tree.map((i) => i.index)).toEqual([0, 1]);
    expect(tree[1]?.children.map((i) => i.index)).toEqual([2]);
  });

  it('lists the ancestors of an entry, outermost first', () => {
    expect(ancestorsOf(OUTLINE, 3)).toEqual([0, 1]);
    expect(ancestorsOf(OUTLINE, 6)).toEqual([0, 5]);
    expect(ancestorsOf(OUTLINE, 0)).toEqual([]);
    expect(ancestorsOf(OUTLINE, 42)).toEqual([]);
  });
});

describe('reading position', () => {
  it('finds the last section whose top has passed the reading line', () => {
    expect(sectionAt([400, 900, 1600], 150)).toBe(-1);
    expect(sectionAt([100, 900, 1600], 150)).toBe(0);
    expect(sectionAt([-800, -20, 150, 700], 150)).toBe(2);
    expect(sectionAt([], 150)).toBe(-1);
  });

  it('reports progress as a whole percentage, and a page that does not scroll as read', () => {
    expect(readingProgress(0, 5000, 1000)).toBe(0);
    expect(readingProgress(2000, 5000, 1000)).toBe(50);
    expect(readingProgress(4000, 5000, 1000)).toBe(100);
    expect(readingProgress(4100, 5000, 1000)).toBe(100);
    expect(readingProgress(0, 800, 1000)).toBe(100);
  });

  it('counts characters without spaces and estimates minutes', () => {
    expect(countCharacters(['同志们：', ' 工会 工作 '])).toBe(8);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(30_000)).toBe(75);
  });
});

describe('metadata helpers', () => {
  it('writes a date the way the reader language does', () => {
    expect(formatDate('2021-03-08', 'zh-CN')).toBe('2021年3月8日');
    expect(formatDate('2021-03-08', 'en')).toBe('March 8, 2021');
    expect(formatDate('2021-02-30', 'zh-CN')).toBe('2021-02-30');
    expect(formatDate('去年春天', 'zh-CN')).toBe('去年春天');
  });

  it('links only web addresses', () => {
    expect(webHref('http://www.ordoszgh.gov.cn/zlzx/ldjh/t1.html')).toBe(
      'http://www.ordoszgh.gov.cn/zlzx/ldjh/t1.html',
    );
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref('data:text/html,x')).toBeNull();
    expect(webHref('')).toBeNull();
  });
});

describe('first frame of a long speech', () => {
  // 80 paragraphs of 120 characters each: 9,600 characters, composed.
  const long = Array.from({ length: 80 }, (_, i) =>
    `第${i + 1}段：各级工会要把职工技能提升摆在突出位置，`.padEnd(120, '抓好落实'),
  );
  const blocks = buildBlocks(long, []);

  it('shows enough blocks to fill the first screens, and no more', () => {
    const n = firstFrameBlockCount(blocks);
    const shown = long.slice(0, n).join('').length;
    expect(shown).toBeGreaterThanOrEqual(FIRST_FRAME_CHARACTERS);
    expect(shown - (long[n - 1] as string).length).toBeLessThan(FIRST_FRAME_CHARACTERS);
    expect(n).toBeLessThan(blocks.length);
  });

  it('shows a short speech whole', () => {
    expect(firstFrameBlockCount(buildBlocks(PARAGRAPHS, []))).toBe(PARAGRAPHS.length);
    expect(firstFrameBlockCount([])).toBe(0);
  });

  it('shows everything when the reader returns to a position further down', () => {
    expect(firstFrameBlockCount(blocks, 60)).toBe(blocks.length);
    expect(firstFrameBlockCount(blocks, 0)).toBe(firstFrameBlockCount(blocks));
  });
});
