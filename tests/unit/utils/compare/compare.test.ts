/**
 * The comparison engine (utils/compare) on composed texts: what a reader checking this year's report against
 * last year's must see, and the non-changes that must stay silent.
 */
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { compare, compareTexts } from '@/utils/compare';
import { highlightsBySentence, tasksNotCarriedOver } from '@/utils/compare/highlights';
import { changedFigures, figuresIn } from '@/utils/compare/numbers';
import { splitSentences } from '@/utils/compare/sentences';
import type { Change } from '@/utils/compare/types';
import { buildOutline } from '@/utils/outline/build';
import type { Highlight } from '@/utils/types';
import { NEW, OLD } from '../../../fixtures/compare/compose';

const diff = (a: string[], b: string[]) => diffArrays(a, b);
const brief = (c: Change) => ({ kind: c.kind, oldText: c.oldText, newText: c.newText });

describe('sentences', () => {
  it('splits at 。！？ and ；, keeps closing quotes, and ends a sentence at a paragraph end', () => {
    const s = splitSentences(['他说：“要抓落实。”我们照办！一是补短板；二是强弱项。', '二、下一步打算']);
    expect(s.map((x) => x.text)).toEqual([
      '他说：“要抓落实。”',
      '我们照办！',
      '一是补短板；',
      '二是强弱项。',
      '二、下一步打算',
    ]);
    expect(s.map((x) => x.para)).toEqual([0, 0, 0, 0, 1]);
    expect(s[1]).toMatchObject({ start: 10, end: 15 });
  });
});

describe('figures', () => {
  it('reads a target with its range or qualifier as one figure', () => {
    expect(figuresIn('增长4.5%—5%，新增1200万人以上，约5000多万元').map((f) => f.text)).toEqual([
      '4.5%—5%',
      '1200万',
      '5000多万',
    ]);
  });

  it('pairs each changed figure with its replacement, in order', () => {
    expect(
      changedFigures('增长5%左右，完成100个，投资3亿元', '增长4.5%—5%，完成120个，投资3亿元', diff),
    ).toEqual([
      { old: '5%左右', new: '4.5%—5%' },
      { old: '100', new: '120' },
    ]);
    expect(changedFigures('提高到5%。', '提高到5.5%。', diff)).toEqual([{ old: '5%', new: '5.5%' }]);
    expect(changedFigures('没有数字。', '仍然没有。', diff)).toEqual([]);
  });

  it('places a repeated figure by the words around it', () => {
    // The same figure twice: the one that changed is the one whose neighbours changed with it.
    expect(
      changedFigures(
        '国内一个2000万元的项目有十几人跟进，海外一人手里有几个2000万元的项目。',
        '国内一个2201万元的项目有十几人跟进，海外一人手里有几个2000万元的项目。',
        diff,
      ),
    ).toEqual([{ old: '2000万', new: '2201万' }]);
    expect(changedFigures('还有3-5年的窗口期，3-5年后呢？', '还有4-5年的窗口期，3-5年后呢？', diff)).toEqual([
      { old: '3-5', new: '4-5' },
    ]);
    expect(changedFigures('占2/3的份额。', '占3/3的份额。', diff)).toEqual([{ old: '2', new: '3' }]);
    // Clauses swapped: the same two figures, in another order.
    expect(
      changedFigures(
        '新增就业1200万人以上，失业率5.5%左右；',
        '失业率5.5%左右，新增就业1200万人以上；',
        diff,
      ),
    ).toEqual([]);
  });
});

describe('compareTexts on two versions of a report', () => {
  const result = compareTexts({ paragraphs: OLD }, { paragraphs: NEW }, diff);

  it('finds exactly the added, dropped, reworded, re-numbered and moved sentences', () => {
    expect(result.changes.map(brief)).toEqual([
      {
        kind: 'changed',
        oldText: '我们坚持项目为王，全年新开工重点项目120个。',
        newText: '我们坚持项目为王，全年新开工重点项目150个。',
      },
      {
        kind: 'changed',
        oldText: '主要预期目标是：地区生产总值增长5%左右；',
        newText: '主要预期目标是：地区生产总值增长4.5%—5%；',
      },
      {
        kind: 'changed',
        oldText: '（一）稳步推进产业转型升级。',
        newText: '（一）加快推进产业转型升级。',
      },
      { kind: 'dropped', oldText: '加快建设现代物流园区。', newText: null },
      {
        kind: 'moved',
        oldText: '我们持续优化营商环境，企业开办时间压缩到1个工作日以内。',
        newText: '我们持续优化营商环境，企业开办时间压缩到1个工作日以内。',
      },
      { kind: 'added', oldText: null, newText: '大力发展夜间经济，打造三条特色消费街区。' },
    ]);
  });

  it('calls out changed figures and targets, and marks the changed words of a reworded sentence', () => {
    const [projects, target, reworded] = result.changes;
    expect(projects?.numbers).toEqual([{ old: '120', new: '150' }]);
    expect(target?.numbers).toEqual([{ old: '5%左右', new: '4.5%—5%' }]);
    expect(reworded?.numbers).toBeUndefined();
    expect(reworded?.parts).toEqual([
      { op: 'same', text: '（一）' },
      { op: 'del', text: '稳步' },
      { op: 'ins', text: '加快' },
      { op: 'same', text: '推进产业转型升级。' },
    ]);
  });

  it('locates each change by paragraph and section', () => {
    const moved = result.changes.find((c) => c.kind === 'moved');
    expect(moved).toMatchObject({
      oldPara: 6,
      newPara: 11,
      section: '三、今年的重点工作',
      fromSection: '一、过去一年的工作回顾',
    });
    const dropped = result.changes.find((c) => c.kind === 'dropped');
    expect(dropped).toMatchObject({ oldPara: 12, newPara: null, section: '三、今年的重点工作' });
  });

  it('sums the changes up and pairs the sections', () => {
    expect(result.summary).toMatchObject({ added: 1, dropped: 1, changed: 3, moved: 1, figures: 2 });
    expect(result.summary.sections.map((s) => [s.old, s.new])).toEqual([
      ['开头', '开头'],
      ['一、过去一年的工作回顾', '一、过去一年的工作回顾'],
      ['二、今年的总体要求和主要目标', '二、今年的总体要求和主要目标'],
      ['三、今年的重点工作', '三、今年的重点工作'],
      // The closing call (各位代表！让我们…) is a part of its own once the outline names it.
      ['结束语', '结束语'],
    ]);
  });

  it('reports nothing for the same text laid out in other paragraphs', () => {
    // Merged, moved within section 一, and a run-in heading split from its paragraph.
    const [head, ...rest] = (OLD[11] as string).split(/(?<=。)/u);
    const relaid: string[] = [
      ...OLD.slice(0, 2),
      `${OLD[2]}${OLD[3]}`,
      ...[6, 5, 4].map((i) => OLD[i] as string),
      ...OLD.slice(7, 11),
      head as string,
      rest.join(''),
      ...OLD.slice(12),
    ];
    const same = compareTexts({ paragraphs: OLD }, { paragraphs: relaid }, diff);
    expect(same.changes).toEqual([]);
    expect(same.summary.unchanged).toBe(same.summary.newSentences);
  });

  it('keeps a repeated sentence in place when the two outlines draw a section boundary on either side of it', () => {
    const paras = [
      '一、过去一年的工作',
      '全市经济运行稳中向好。',
      '各位代表！',
      '二、今年的主要任务',
      '抓好项目建设。各位代表！',
      '做好民生保障。',
    ];
    const top = (title: string, para: number) => ({ level: 1 as const, marker: '', title, para, offset: 0 });
    // The old outline starts section 二 at the first 各位代表！, the new one after it (as an outline built on
    // a re-laid text may): identical sentences in the same order are no change.
    const result = compareTexts(
      { paragraphs: paras, outline: [top('过去一年的工作', 0), top('今年的主要任务', 2)] },
      { paragraphs: paras, outline: [top('过去一年的工作', 0), top('今年的主要任务', 3)] },
      diff,
    );
    expect(result.changes).toEqual([]);
  });

  it('uses the outline given with the input instead of building one', () => {
    // An outline that puts everything after the opening into one section: the move is no move any more.
    const one = (paras: readonly string[]) =>
      buildOutline(paras)
        .filter((n) => n.level === 1)
        .slice(0, 1);
    const framed = compareTexts(
      { paragraphs: OLD, outline: one(OLD) },
      { paragraphs: NEW, outline: one(NEW) },
      diff,
    );
    expect(framed.changes.some((c) => c.kind === 'moved')).toBe(false);
    expect(framed.changes.map((c) => c.kind).sort()).toEqual(
      ['added', 'changed', 'changed', 'changed', 'dropped'].sort(),
    );
  });
});

describe('compare (loads the diff library itself)', () => {
  it('gives the same result as compareTexts', async () => {
    const a = await compare({ paragraphs: OLD }, { paragraphs: NEW });
    expect(a.changes).toEqual(compareTexts({ paragraphs: OLD }, { paragraphs: NEW }, diff).changes);
  });

  it('handles empty texts', async () => {
    const none = await compare({ paragraphs: [] }, { paragraphs: ['新的一句话。'] });
    expect(none.changes.map(brief)).toEqual([{ kind: 'added', oldText: null, newText: '新的一句话。' }]);
  });
});

describe('highlights in a comparison', () => {
  const result = compareTexts({ paragraphs: OLD }, { paragraphs: NEW }, diff);
  const task = (id: string, para: number, text: string): Highlight => {
    const start = (OLD[para] as string).indexOf(text);
    return {
      id,
      speechId: 'old',
      category: 'task',
      note: '',
      selector: {
        startPara: para,
        startOffset: start,
        endPara: para,
        endOffset: start + text.length,
        exact: text,
        prefix: '',
        suffix: '',
      },
      section: -1,
      task: { status: 'todo', due: null, progress: '' },
      created: 1,
      updated: 1,
    };
  };

  it('flags the key tasks of the old speech whose sentences were all dropped', () => {
    const gone = task('gone', 12, '加快建设现代物流园区');
    const reworded = task('kept', 11, '稳步推进产业转型升级');
    const moved = task('moved', 6, '持续优化营商环境');
    expect(tasksNotCarriedOver(result, [gone, reworded, moved]).map((h) => h.id)).toEqual(['gone']);
    // A highlight over two sentences, one of which survives, is carried over.
    const both = task('both', 12, '推动煤化工向高端化延伸。加快建设');
    expect(tasksNotCarriedOver(result, [both])).toEqual([]);
    expect(highlightsBySentence(result.oldSentences, [both]).size).toBe(2);
  });
});
