import { describe, expect, it } from 'vitest';
import { formatCategoryCitations, formatCitation, formatCitations } from '@/utils/export/quote';
import type { Highlight } from '@/utils/types';

// Names, occasions and passages composed for these tests.
const speech = {
  id: 's',
  speaker: '李明华',
  occasion: '全市职工服务工作会议',
  date: '2026-03-12',
  title: '在全市职工服务工作会议上的讲话',
};

describe('引用复制: one passage', () => {
  it('names speaker, occasion and date the way official materials quote a leader', () => {
    expect(formatCitation(speech, '要把服务职工的举措落到基层一线')).toBe(
      '李明华在全市职工服务工作会议上指出：“要把服务职工的举措落到基层一线”（2026年3月12日）',
    );
  });

  it('leaves out what the page did not say, never writing null or empty brackets', () => {
    const none = { speaker: null, occasion: null, date: null, title: '' };
    expect(formatCitation({ ...speech, date: null }, '要抓落实')).toBe(
      '李明华在全市职工服务工作会议上指出：“要抓落实”',
    );
    expect(formatCitation({ ...speech, occasion: null }, '要抓落实')).toBe(
      '李明华在《在全市职工服务工作会议上的讲话》中指出：“要抓落实”（2026年3月12日）',
    );
    expect(formatCitation({ ...none, occasion: '全市职工服务工作会议' }, '要抓落实')).toBe(
      '讲话指出：“要抓落实”',
    );
    expect(formatCitation({ ...none, title: '《政府工作报告》' }, '要抓落实')).toBe(
      '《政府工作报告》指出：“要抓落实”',
    );
    expect(formatCitation(none, '要抓落实')).toBe('讲话指出：“要抓落实”');
  });

  it('says 时 for a visit or an inspection and never doubles 上', () => {
    expect(formatCitation({ ...speech, occasion: '接见全国劳动模范代表' }, '向劳模学习')).toMatch(
      /^李明华在接见全国劳动模范代表时指出：/,
    );
    expect(formatCitation({ ...speech, occasion: '到基层工会调研' }, '向劳模学习')).toMatch(
      /^李明华在到基层工会调研时指出：/,
    );
    expect(formatCitation({ ...speech, occasion: '全市职工服务工作会议上' }, '向劳模学习')).toMatch(
      /^李明华在全市职工服务工作会议上指出：/,
    );
  });

  it('quotes a passage spanning two paragraphs as one line, without a gap between Chinese sentences', () => {
    expect(formatCitation(speech, '今年要办好三件事。\n第一，建好职工驿站。')).toBe(
      '李明华在全市职工服务工作会议上指出：“今年要办好三件事。第一，建好职工驿站。”（2026年3月12日）',
    );
    expect(formatCitation(speech, '增长5.5%\nGDP')).toContain('“增长5.5% GDP”');
  });

  it('nests quotation marks inside the quote and does not quote an already quoted passage twice', () => {
    expect(formatCitation(speech, '防止“为赛而赛”')).toContain('“防止‘为赛而赛’”');
    expect(formatCitation(speech, '“要抓落实”')).toContain('指出：“要抓落实”（');
  });
});

describe('引用复制: several passages', () => {
  const h = (id: string, para: number, offset: number, exact: string, category = 'thesis'): Highlight =>
    ({
      id,
      speechId: 's',
      category,
      note: '',
      section: 0,
      created: 1,
      updated: 1,
      selector: { startPara: para, startOffset: offset, endPara: para, endOffset: offset + 4, exact },
    }) as Highlight;

  it('cites one passage per paragraph in the order given and skips empty ones', () => {
    expect(formatCitations(speech, ['第一句', '  ', '第二句']).split('\n\n')).toEqual([
      '李明华在全市职工服务工作会议上指出：“第一句”（2026年3月12日）',
      '李明华在全市职工服务工作会议上指出：“第二句”（2026年3月12日）',
    ]);
    expect(formatCitations(speech, [])).toBe('');
  });

  it('a category of a speech: only its highlights, in reading order', () => {
    const list = [
      h('c', 3, 0, '第三段'),
      h('a', 1, 5, '第一段后'),
      h('x', 0, 0, '别的类别', 'task'),
      h('b', 1, 0, '第一段前'),
      { ...h('o', 0, 0, '别的讲话'), speechId: 'other' },
    ];
    const passages = formatCategoryCitations(speech, list, 'thesis')
      .split('\n\n')
      .map((q) => /“(.*)”/.exec(q)?.[1]);
    expect(passages).toEqual(['第一段前', '第一段后', '第三段']);
  });
});
