import { describe, expect, it } from 'vitest';
import type { DocModel } from '@/utils/export/doc';
import { blocksToPlainText } from '@/utils/export/text-blocks';

describe('templates as plain text for the clipboard', () => {
  const model: DocModel = {
    title: '学习笔记',
    orientation: 'portrait',
    blocks: [
      { kind: 'title', text: '《在职工代表大会上的讲话》学习笔记' },
      { kind: 'field', label: '学习人', value: '张三' },
      { kind: 'heading', level: 1, text: '一、抓好落实' },
      { kind: 'quote', number: 1, label: '重点任务', text: '做好*职工之家*建设', source: '第一部分' },
      { kind: 'note', label: '批注', text: '落到每个班组' },
      { kind: 'legend', items: [{ category: 'task', name: '重点任务' }] },
      { kind: 'para', runs: [{ text: '要' }, { text: '压实责任', mark: 'task', footnote: '谁牵头？' }] },
      {
        kind: 'table',
        columns: [
          { title: '序号', width: 0.2 },
          { title: '重点任务', width: 0.8 },
        ],
        rows: [['1', '开展隐患排查']],
      },
    ],
  };

  it('writes headings, numbered quotes and notes without Markdown signs, the user text unescaped', () => {
    const text = blocksToPlainText(model);
    expect(text).toContain('《在职工代表大会上的讲话》学习笔记\n\n学习人：张三');
    expect(text).toContain(
      '一、抓好落实\n\n1.【重点任务】做好*职工之家*建设（第一部分）\n批注：落到每个班组',
    );
    expect(text).not.toMatch(/^#|\*\*|\\/m);
  });

  it('marks highlights in the annotated text and gathers their notes at the end', () => {
    const text = blocksToPlainText(model);
    expect(text).toContain('要【重点任务：压实责任】[1]');
    expect(text.trimEnd().endsWith('[1] 谁牵头？')).toBe(true);
  });

  it('writes a table one row a line with tab-separated cells, so a spreadsheet keeps the columns', () => {
    expect(blocksToPlainText(model)).toContain('序号\t重点任务\n1\t开展隐患排查');
  });
});
