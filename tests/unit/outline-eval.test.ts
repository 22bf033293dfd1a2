import { describe, expect, it } from 'vitest';
import type { OutlineNode } from '@/utils/types';
import { evaluate, matchNodes } from '../../scripts/eval-outline';

const node = (level: 1 | 2 | 3, para: number, offset: number): OutlineNode => ({
  level,
  marker: '一',
  title: '',
  para,
  offset,
});

describe('outline evaluation', () => {
  it('matches on level, paragraph and offset within two characters, ignoring the marker text', () => {
    const gold = [{ ...node(1, 2, 0), marker: '第一，' }, node(2, 3, 10), node(2, 4, 5)];
    const pred = [node(1, 2, 0), node(2, 3, 12), node(3, 4, 5), node(1, 9, 0)];
    const { missed, extra } = matchNodes(gold, pred);
    expect(missed).toEqual([node(2, 4, 5)]);
    expect(extra).toEqual([node(3, 4, 5), node(1, 9, 0)]);
  });

  it('scores a composed file: a perfect outline gives 1.000 everywhere it has nodes', () => {
    const file = {
      id: 'x',
      paragraphs: ['一、学习', '要认真学习。', '二、落实', '要抓好落实。'],
      outline: [
        { level: 1, marker: '一、', title: '学习', para: 0, offset: 0 },
        { level: 1, marker: '二、', title: '落实', para: 2, offset: 0 },
      ],
    };
    const { table, results } = evaluate([file]);
    expect(results[0]).toMatchObject({ id: 'x', matched: 2, missed: [], extra: [] });
    expect(table).toMatch(/^1\s+2\s+2\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(table).toMatch(/^3\s+0\s+0\s+n\/a/m);
  });
});
