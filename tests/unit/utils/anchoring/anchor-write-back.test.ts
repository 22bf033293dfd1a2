import { describe, expect, it } from 'vitest';
import { anchor, describe as describeRange } from '@/utils/anchoring/anchor';
import { placeHighlights } from '@/utils/anchoring/placement';
import type { Highlight } from '@/utils/types';

const QUOTE = '把职工群众的冷暖放在心上';
const before = [
  '今年全市工会要在服务大局中展现新作为，围绕中心任务组织开展劳动竞赛。',
  `各级工会干部要${QUOTE}，坚持每月走访一线，倾听意见，解决实际困难。`,
  '同时要加强工会经费管理，严格执行财务制度，确保每一分钱都用在刀刃上。',
];
const selector = describeRange(before, { para: 1, offset: 7 }, { para: 1, offset: 7 + QUOTE.length });
const highlight: Highlight = {
  id: 'h1',
  speechId: 's',
  category: 'task',
  note: '',
  selector,
  section: -1,
  created: 1,
  updated: 1,
};

describe('a short-lived page edit never moves a highlight for good', () => {
  it('leaves a quote unplaced rather than on another occurrence whose context does not match', () => {
    // The sentence was taken down; the same words survive only in an unrelated rule further on.
    const edited = [
      before[2] as string,
      '表彰先进。',
      `年度考核细则第七条写道：${QUOTE}；另行通知后执行完毕。`,
    ];
    const result = anchor(edited, selector);
    expect(result.placed).toBe(false);
  });

  it('shows a place found in a half-matching context but does not write it back', () => {
    // The sentence was rewritten around the words: the place is likely right, but not sure enough to store.
    const edited = [
      '另外，关于基层组织建设问题，下次会议专题研究。',
      `全体同志要${QUOTE}，坚持每月走访一线，多做雪中送炭的实事好事。`,
      before[2] as string,
    ];
    const { placements, moves } = placeHighlights(edited, [], [highlight]);
    expect(placements[0]?.selector?.startPara).toBe(1);
    expect(moves).toEqual([]);
  });

  it('writes back a place whose context agrees (a paragraph inserted above)', () => {
    const edited = ['（2026年3月12日）', ...before];
    const { moves } = placeHighlights(edited, [], [highlight]);
    expect(moves.map((m) => m.selector.startPara)).toEqual([2]);
  });
});
