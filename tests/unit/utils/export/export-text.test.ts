import { describe, expect, it } from 'vitest';
import { buildStudyExport } from '@/utils/export/model';
import { toPlainText } from '@/utils/export/text';
import { fixtureNames, loadInput, readExpected } from '../../../support/records';

describe('plain-text export for a chat message', () => {
  for (const name of fixtureNames()) {
    it(`matches the golden file ${name}.expected.txt`, () => {
      expect(toPlainText(buildStudyExport(loadInput(name)))).toBe(readExpected(name, 'txt'));
    });
  }

  const text = toPlainText(buildStudyExport(loadInput('single-speech')));
  const lines = text.split('\n');

  it('uses no Markdown syntax', () => {
    for (const line of lines) expect(line).not.toMatch(/^\s*(#|>|- |\* |\|)|\*\*|^```/);
  });

  it('numbers the quotes of a speech in reading order, each with its 【category】 label', () => {
    const items = lines.filter((l) => /^\s*\d+\.【/.test(l)).map((l) => l.trim());
    expect(items).toEqual([
      '1.【重要论述】总结去年工作，部署今年任务',
      '2.【重点任务】把学习作为第一任务',
      '3.【疑问】每年培训不少于两次',
      '4.【数据】帮扶资金发放1200万元',
      '5.【重点任务】年底前新建职工书屋30家',
      '6.【重要论述】让我们扎实工作',
    ]);
  });

  it('keeps every line short apart from quoted text and addresses', () => {
    const framing = lines.filter(
      (l) => !/^\s*\d+\.【|^\s*(批注|原文|出处|落实情况|任务)：|^\s*\d+\. 任务：/.test(l),
    );
    for (const line of framing) expect(Array.from(line).length).toBeLessThanOrEqual(40);
  });

  it('puts a multi-line note on one indented line and the study note after its label', () => {
    expect(lines).toContain('　　　　批注：基层工会干部培训由谁组织？ 需要向市总确认。');
    const at = lines.indexOf('【学习心得】');
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '讲话把全年工作归结为三个方面，重在落实。',
      '结合本单位实际，先抓学习制度和困难职工帮扶两件事。',
    ]);
  });

  it('lists key tasks with status and due date, numbered', () => {
    const at = lines.indexOf('【重点任务清单】');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '1. 任务：把学习作为第一任务',
      '　　出处：《在全市工会系统重点工作推进会上的讲话》一要深化理论学习',
      '　　状态：推进中　完成时限：2026-06-30',
      '　　落实情况：已制定学习计划，每月集中学习一次。',
    ]);
  });
});
