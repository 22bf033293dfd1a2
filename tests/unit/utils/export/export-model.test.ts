import { describe, expect, it } from 'vitest';
import {
  buildStudyExport,
  buildStudyExportChunked,
  type ExportGroup,
  type StudyExportInput,
  sectionHeading,
} from '@/utils/export/model';
import { CATEGORY_NAMES, loadInput, makeLibrary } from '../../../support/records';

/** Headings and quote texts of a speech's groups, depth-first, indented by depth. */
function outlineOf(groups: ExportGroup[], depth = 0): string[] {
  return groups.flatMap((g) => [
    `${'  '.repeat(depth)}# ${g.heading}`,
    ...g.quotes.map(
      (q) => `${'  '.repeat(depth)}- [${q.categoryName}] ${q.text}${q.note ? ` (${q.note})` : ''}`,
    ),
    ...outlineOf(g.children, depth + 1),
  ]);
}

describe('study export model', () => {
  const input = loadInput('single-speech');

  it('groups highlights under the outline in reading order, with opening and unplaced groups', () => {
    const model = buildStudyExport(input);
    expect(model.title).toBe('学习笔记');
    expect(model.exportedAt).toBe('2026-11-24');
    expect(model.speeches).toHaveLength(1);
    const speech = model.speeches[0];
    expect(speech?.speaker).toBe('王建华');
    expect(speech?.occasion).toBe('全市工会系统重点工作推进会');
    expect(speech?.date).toBe('2026-03-12');
    expect(speech?.url).toBe('http://www.ordoszgh.gov.cn/zlzx/ldjh/202603/t20260312_100001.html');
    expect(outlineOf(speech?.groups ?? [])).toEqual([
      '# 开篇',
      '- [重要论述] 总结去年工作，部署今年任务 (会议的两项议程。)',
      '# 第一，提高政治站位，切实增强做好工会工作的责任感',
      '  # 一要深化理论学习',
      '  - [重点任务] 把学习作为第一任务 (本支部要落实到月度计划。)',
      '  # 二要加强队伍建设',
      '  - [疑问] 每年培训不少于两次 (基层工会干部培训由谁组织？\n需要向市总确认。)',
      '# 第二，聚焦主责主业，扎实推进职工服务工作',
      '  # （一）做好困难职工帮扶',
      '  - [数据] 帮扶资金发放1200万元',
      '  # （二）办好职工书屋',
      '  - [重点任务] 年底前新建职工书屋30家',
      '# 未能定位',
      '- [重要论述] 让我们扎实工作 (原文改版后找不到这句了。)',
    ]);
    // 第三 has no highlight and no child with one: it is left out; the highlight of another speech too.
    expect(JSON.stringify(model)).not.toContain('作风建设');
    expect(JSON.stringify(model)).not.toContain('不应出现');
    expect(speech?.quoteCount).toBe(6);
    expect(speech?.studyNote).toBe(
      '讲话把全年工作归结为三个方面，重在落实。\n\n结合本单位实际，先抓学习制度和困难职工帮扶两件事。',
    );
  });

  it('never drops a highlight whose section index no longer fits the outline', () => {
    const base = loadInput('single-speech');
    const speech = base.speeches[0];
    if (!speech) throw new Error('fixture');
    const odd = [7, 99, -2, 1.5, Number.NaN].map((section, i) => ({
      ...(base.highlights[0] as StudyExportInput['highlights'][number]),
      id: `odd-${i}`,
      section,
    }));
    const model = buildStudyExport({ ...base, highlights: odd });
    const groups = model.speeches[0]?.groups ?? [];
    expect(groups.map((g) => g.kind)).toEqual(['unplaced']);
    expect(groups[0]?.quotes.map((q) => q.highlightId).sort()).toEqual([
      'odd-0',
      'odd-1',
      'odd-2',
      'odd-3',
      'odd-4',
    ]);
  });

  it('keeps a section without quotes when a deeper section has some, even across a skipped level', () => {
    const model = buildStudyExport(loadInput('two-speeches-untrusted-text'));
    const second = model.speeches[1];
    expect(outlineOf(second?.groups ?? [])).toEqual([
      '# 一、建强组织',
      '  # 1. 规范换届选举',
      '  - [数据] 按期换届 (每三年或五年一届。)',
    ]);
  });

  it('lists every key task with its source, status, due date and progress, only when asked for', () => {
    const model = buildStudyExport(input);
    expect(model.tasks).toEqual([
      {
        highlightId: 'h-study',
        task: '把学习作为第一任务',
        source: '《在全市工会系统重点工作推进会上的讲话》一要深化理论学习',
        status: 'doing',
        statusName: '推进中',
        due: '2026-06-30',
        progress: '已制定学习计划，每月集中学习一次。',
      },
      {
        highlightId: 'h-books',
        task: '年底前新建职工书屋30家',
        source: '《在全市工会系统重点工作推进会上的讲话》（二）办好职工书屋',
        status: 'todo',
        statusName: '未开始',
        due: null,
        progress: '',
      },
    ]);
    expect(buildStudyExport({ ...input, includeTasks: false }).tasks).toBeNull();
  });

  it('shows a task without follow-up as not started, and a category missing from settings by its id', () => {
    const h = { ...(input.highlights[0] as StudyExportInput['highlights'][number]), task: undefined };
    const names = { ...CATEGORY_NAMES, task: '' };
    const model = buildStudyExport({ ...input, highlights: [h], categoryNames: names });
    expect(model.tasks?.[0]?.statusName).toBe('未开始');
    expect(model.speeches[0]?.groups[0]?.children[0]?.quotes[0]?.categoryName).toBe('task');
  });

  it('keeps the speeches in the order chosen and skips empty or blank study notes', () => {
    const model = buildStudyExport(loadInput('two-speeches-untrusted-text'));
    expect(model.speeches.map((s) => s.id)).toEqual([
      'example.gov.cn/ldjh/t1.html',
      'ordoszgh.gov.cn/zlzx/ldjh/202512/t20251220_200002.html',
    ]);
    expect(model.speeches[0]?.studyNote).toBeNull();
    expect(model.speeches[0]?.speaker).toBe('李_明_');
    expect(model.speeches[0]?.occasion).toBeNull();
  });

  it('builds the same model in chunks, reporting progress up to the total', async () => {
    const lib = makeLibrary(12, 9);
    const big: StudyExportInput = {
      ...lib,
      categoryNames: CATEGORY_NAMES,
      includeTasks: true,
      exportedAt: new Date(2026, 10, 24),
    };
    const seen: [number, number][] = [];
    const chunked = await buildStudyExportChunked(big, {
      chunkSize: 5,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(chunked).toEqual(buildStudyExport(big));
    expect(seen).toEqual([
      [0, 12],
      [5, 12],
      [10, 12],
      [12, 12],
    ]);
  });
});

describe('section headings', () => {
  it('put back the delimiter the marker was stored without', () => {
    const h = (marker: string, title: string) => sectionHeading({ marker, title });
    expect(h('第一', '强化思想引领')).toBe('第一，强化思想引领');
    expect(h('一', '建强组织')).toBe('一、建强组织');
    expect(h('3', '规范换届')).toBe('3. 规范换届');
    expect(h('一要', '加强学习')).toBe('一要加强学习');
    expect(h('（二）', '办好书屋')).toBe('（二）办好书屋');
    expect(h('首先', '统一思想')).toBe('首先，统一思想');
    expect(h('②', '')).toBe('②');
  });
});

describe('damaged records', () => {
  it('still export: a highlight without selector or note, a note without text', () => {
    const input = loadInput('single-speech');
    const damaged = {
      ...(input.highlights[0] as StudyExportInput['highlights'][number]),
      id: 'damaged',
      section: 0,
      selector: undefined,
      note: undefined,
    } as unknown as StudyExportInput['highlights'][number];
    const note = { ...(input.notes[0] as StudyExportInput['notes'][number]), text: undefined };
    const model = buildStudyExport({
      ...input,
      highlights: [...input.highlights, damaged],
      notes: [note as unknown as StudyExportInput['notes'][number]],
    });
    const first = model.speeches[0]?.groups.find((g) => g.heading.startsWith('第一'));
    expect(first?.quotes.map((q) => [q.highlightId, q.text, q.note])).toEqual([['damaged', '', '']]);
    expect(model.speeches[0]?.studyNote).toBeNull();
    expect(model.speeches[0]?.quoteCount).toBe(7);
  });
});
