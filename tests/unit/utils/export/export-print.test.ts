import { describe, expect, it } from 'vitest';
import { parseExportChoices, studySettings } from '@/utils/export/choices';
import { paginate } from '@/utils/export/paginate';
import { printBlocks } from '@/utils/export/print-blocks';

describe('print page pagination', () => {
  it('fills a sheet, starts a new one where a block does not fit or a new speech begins', () => {
    const h = (height: number, extra = {}) => ({ height, ...extra });
    expect(paginate([h(40), h(40), h(40)], 100, 0)).toEqual([[0, 1], [2]]);
    expect(paginate([h(10), h(10, { breakBefore: true }), h(10)], 100, 0)).toEqual([[0], [1, 2]]);
    // A heading never ends a sheet: it goes over with the paragraph it introduces.
    expect(paginate([h(70), h(10, { keepWithNext: true }), h(40)], 100, 0)).toEqual([[0], [1, 2]]);
    // A block taller than a sheet has one to itself rather than vanishing or looping.
    expect(paginate([h(10), h(250), h(10)], 100, 0)).toEqual([[0], [1], [2]]);
  });
});

describe('print blocks', () => {
  it('numbers notes per speech and lists them after its text, before the next title', () => {
    const blocks = printBlocks({
      title: '全文带标注',
      orientation: 'portrait',
      blocks: [
        { kind: 'title', text: '甲' },
        {
          kind: 'para',
          runs: [
            { text: '一', mark: 'task', footnote: '注一' },
            { text: '二', footnote: '注二' },
          ],
        },
        { kind: 'title', text: '乙', pageBreakBefore: true },
        { kind: 'para', runs: [{ text: '三', footnote: '注三' }] },
      ],
    });
    expect(
      blocks.map((b) => (b.kind === 'endnote' ? `${b.number}${b.text}${b.first ? '*' : ''}` : b.kind)),
    ).toEqual(['title', 'para', '1注一*', '2注二', 'title', 'para', '1注三*']);
    const para = blocks[1];
    expect(para?.kind === 'para' && para.runs.map((r) => [r.text, r.mark, r.noteNumber])).toEqual([
      ['一', 'task', 1],
      ['二', undefined, 2],
    ]);
  });
});

describe('remembered export choices', () => {
  it('reads back what was stored and falls back field by field on damage', () => {
    const c = parseExportChoices(
      JSON.stringify({
        template: 'tasks',
        format: 'print',
        layout: 'simple',
        header: { learner: ' 张三 ', unit: 7 },
      }),
    );
    // The 任务分解表 has no print view: Word instead.
    expect(c).toEqual({
      template: 'tasks',
      format: 'docx',
      layout: 'simple',
      header: { learner: '张三', unit: '', studyTime: '' },
    });
    expect(parseExportChoices('{not json').template).toBe('notes');
    expect(studySettings(c)).toEqual({ learner: '张三' });
  });
});
