import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, toMarkdown } from '@/utils/export/markdown';
import { buildStudyExport } from '@/utils/export/model';
import { fixtureNames, loadInput, readExpected } from '../../../support/records';

describe('Markdown export', () => {
  it('has golden cases to compare', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(2);
  });

  for (const name of fixtureNames()) {
    it(`matches the golden file ${name}.expected.md`, () => {
      expect(toMarkdown(buildStudyExport(loadInput(name)))).toBe(readExpected(name, 'md'));
    });
  }

  it('lays out headings by level, quotes as > blocks with the category in bold, then notes', () => {
    const md = toMarkdown(buildStudyExport(loadInput('single-speech')));
    const lines = md.split('\n');
    const at = (text: string) => lines.indexOf(text);
    expect(at('## 在全市工会系统重点工作推进会上的讲话')).toBeGreaterThan(at('# 学习笔记'));
    expect(at('### 第一，提高政治站位，切实增强做好工会工作的责任感')).toBeGreaterThan(at('### 开篇'));
    expect(at('#### 一要深化理论学习')).toBeGreaterThan(
      at('### 第一，提高政治站位，切实增强做好工会工作的责任感'),
    );
    expect(at('> **重点任务**　把学习作为第一任务')).toBe(at('#### 一要深化理论学习') + 2);
    expect(at('批注：本支部要落实到月度计划。')).toBe(at('> **重点任务**　把学习作为第一任务') + 2);
    expect(at('### 学习心得')).toBeGreaterThan(at('### 未能定位'));
    expect(at('| 任务 | 出处 | 状态 | 完成时限 | 落实情况 |')).toBeGreaterThan(at('## 重点任务清单'));
  });

  it('carries no HTML tag or link of its own from page or user text', () => {
    const md = toMarkdown(buildStudyExport(loadInput('two-speeches-untrusted-text')));
    expect(md).not.toMatch(/<(?!https?:\/\/)[a-z/!]/i);
    expect(md).not.toMatch(/[^\\]\]\(/); // a link needs an unescaped ](
    expect(md).not.toContain('<script');
    // Only the http(s) source is a link; the javascript: one stays text.
    expect(md.match(/<https?:[^>]*>/g)).toEqual([
      '<https://www.ordoszgh.gov.cn/zlzx/ldjh/202512/t20251220_200002.html?a=1&b=%3C2%3E>',
    ]);
  });

  it('escapes any text so it renders as itself: no tags, no unescaped markup at the start of a line', () => {
    fc.assert(
      // Characters that mean something to Markdown or HTML, mixed with ordinary text.
      fc.property(
        fc.string({ unit: fc.constantFrom(...'<>&*_`[]()|~#+-=!.1 \t\\:/讲话　a'), maxLength: 40 }),
        (text) => {
          const out = escapeMarkdown(text);
          return (
            !/[<>]/.test(out) && !/(^|[^\\])[*_`[\]|~]/.test(out) && !/^([#+\-=]|\d+[.)]|[ \t])/.test(out)
          );
        },
      ),
    );
  });
});
