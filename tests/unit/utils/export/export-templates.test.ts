import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocBlock } from '@/utils/export/doc';
import { blocksToMarkdown } from '@/utils/export/md-blocks';
import { formatCategoryCitations, formatCitation } from '@/utils/export/quote';
import { EXPORT_CATEGORY_NAMES } from '@/utils/export/run';
import { tasksToCsv } from '@/utils/export/table-files';
import { annotatedTemplate, paragraphRuns } from '@/utils/export/templates/annotated';
import type { TemplateInput } from '@/utils/export/templates/common';
import { citation, compilationEntries, compilationTemplate } from '@/utils/export/templates/compilation';
import { notesTemplate } from '@/utils/export/templates/notes';
import { outlineTalkTemplate, reflectionTemplate } from '@/utils/export/templates/talk';
import { tasksTemplate, taskTableRows } from '@/utils/export/templates/tasks';
import { parseBackup } from '@/utils/store/backup';
import type { Highlight } from '@/utils/types';

function library(overrides: Partial<TemplateInput> = {}): TemplateInput {
  const parsed = parseBackup(readFileSync('tests/fixtures/export/library-backup.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return {
    ...parsed.backup,
    categoryNames: EXPORT_CATEGORY_NAMES,
    settings: { learner: '张三', unit: '示例市总工会办公室', studyTime: '2026-12-01' },
    exportedAt: new Date('2026-12-02T12:00:00'),
    ...overrides,
  };
}

/** Blocks as short lines a reader can compare: "H1 一、…", "Q3 【重点任务】…", "N 批注：…". */
function show(blocks: DocBlock[]): string[] {
  return blocks.map(showBlock);
}

function showBlock(b: DocBlock): string {
  switch (b.kind) {
    case 'title':
      return `${b.pageBreakBefore ? '⤓' : ''}T ${b.text}`;
    case 'subtitle':
      return `S ${b.text}`;
    case 'heading':
      return `H${b.level} ${b.text}`;
    case 'field':
      return `F ${b.label}：${b.value}`;
    case 'para':
      return `P ${b.runs.map((r) => r.text).join('')}`;
    case 'quote':
      return `Q${b.number} 【${b.label}】${b.text}${b.source ? ` ${b.source}` : ''}`;
    case 'note':
      return `N ${b.label}：${b.text}`;
    case 'legend':
      return `L ${b.items.map((i) => i.name).join('/')}`;
    case 'signature':
      return `SIG ${b.lines.join('/')}`;
    case 'table':
      return `TABLE ${b.rows.length}`;
  }
}

describe('学习笔记', () => {
  it('prints the whole outline of each speech with numbered quotes, notes, 待讨论问题 and 学习心得', () => {
    const lines = show(notesTemplate(library()).blocks);
    const second = lines.findIndex((l) => l.startsWith('⤓T'));
    expect(lines.slice(0, second)).toEqual([
      'T 《在全市职工服务工作会议上的讲话》学习笔记',
      'F 学习时间：2026年12月1日',
      'F 篇目：《在全市职工服务工作会议上的讲话》',
      'F 讲话人·场合·日期：李明华·全市职工服务工作会议·2026年3月12日',
      'F 学习人·单位：张三·示例市总工会办公室',
      'H1 开头',
      'Q1 【重要论述】回顾去年工作，安排今年重点',
      'N 批注：会议的两项议程。',
      'H1 一、坚持稳中求进，巩固职工服务成果',
      'H2 （一）健全帮扶机制',
      'Q2 【重点任务】完成困难职工档案动态更新',
      'N 批注：由帮扶中心牵头，每季度通报。',
      'H2 （二）扩大普惠服务',
      'Q3 【数据】新增职工驿站25个',
      'H1 二、突出重点领域，推动服务提质增效',
      'Q4 【重点任务】完成新就业形态劳动者入会集中行动',
      'H1 三、强化组织保障，确保各项任务落地',
      'Q5 【疑问】上半年开展一次专项督查',
      'N 批注：督查由哪个部门牵头？',
      'H1 结束语',
      'Q6 【重要论述】把各项工作抓紧抓实',
      'H1 待讨论问题',
      'P 1. 督查由哪个部门牵头？（见第5条：上半年开展一次专项督查）',
      'H1 学习心得',
      'P 讲话把职工服务归结为三个方面。',
      'P 我单位要从帮扶、普惠、督查三处着手。',
    ]);
    // Every speech from a new page; a section without highlights still shows (the speech's own outline).
    expect(lines.filter((l) => l.startsWith('⤓T'))).toHaveLength(2);
    expect(lines).toContain('H1 2. 加强源头治理');
    expect(lines).toContain('Q1 【数据】集体协商覆盖率达到92%');
  });

  it('prints unsaved drafts marked as such instead of leaving them out', () => {
    const input = library();
    const speech = input.speeches[2]?.id as string;
    const lines = show(
      notesTemplate({
        ...input,
        drafts: [
          { id: `studyNote:${speech}`, text: '集体协商要扩面提质。', updated: 1 },
          { id: 'highlight:h12', text: '联系人社局一起组织。', updated: 1 },
        ],
      }).blocks,
    );
    expect(lines).toContain('H1 学习心得（草稿，尚未保存）');
    expect(lines).toContain('P 集体协商要扩面提质。');
    expect(lines).toContain('N 批注（草稿，尚未保存）：联系人社局一起组织。');
  });

  it('leaves a blank to fill in when the settings name no learner', () => {
    const lines = show(notesTemplate(library({ settings: {} })).blocks);
    expect(lines).toContain('F 学习人·单位：＿＿＿＿＿＿');
    expect(lines).toContain('F 学习时间：2026年12月2日');
  });
});

describe('研讨发言提纲 and 心得体会', () => {
  it('gives the outline with the user’s own notes only, no quoted text', () => {
    const lines = show(outlineTalkTemplate(library()).blocks);
    expect(lines.slice(0, 6)).toEqual([
      'T 研讨发言提纲',
      'S 示例市总工会办公室　张三',
      'H1 学习《在全市职工服务工作会议上的讲话》',
      'H2 开头',
      'P 会议的两项议程。',
      'H2 一、坚持稳中求进，巩固职工服务成果',
    ]);
    expect(lines.join('\n')).not.toContain('回顾去年工作');
    expect(lines.some((l) => l.startsWith('Q'))).toBe(false);
  });

  it('makes the 学习心得 a document with a title and 署名', () => {
    const one = library();
    one.speeches = one.speeches.slice(0, 1);
    expect(show(reflectionTemplate(one).blocks)).toEqual([
      'T 学习《在全市职工服务工作会议上的讲话》心得体会',
      'S 示例市总工会办公室　张三',
      'P 讲话把职工服务归结为三个方面。',
      'P 我单位要从帮扶、普惠、督查三处着手。',
      'SIG 示例市总工会办公室　张三/2026年12月2日',
    ]);
  });
});

describe('全文带标注', () => {
  const h = (id: string, category: Highlight['category'], note = '') => ({ id, category, note }) as Highlight;

  it('splits a paragraph at highlight boundaries and puts a note where its highlight ends', () => {
    const runs = paragraphRuns('甲乙丙丁戊己', [
      { start: 1, end: 4, h: h('a', 'task', '要落实'), last: true },
      { start: 3, end: 5, h: h('b', 'data'), last: true },
    ]);
    expect(runs).toEqual([
      { text: '甲', mark: undefined, footnote: undefined },
      { text: '乙丙', mark: 'task', footnote: undefined },
      { text: '丁', mark: 'data', footnote: '要落实' },
      { text: '戊', mark: 'data', footnote: undefined },
      { text: '己', mark: undefined, footnote: undefined },
    ]);
  });

  it('prints every paragraph with its highlights, a legend, and lists highlights it cannot place', () => {
    const input = library();
    const moved = { ...(input.highlights.find((x) => x.id === 'h3') as Highlight) };
    moved.selector = { ...moved.selector, exact: '这句话已经不在原文里了', prefix: '', suffix: '' };
    const model = annotatedTemplate({
      ...input,
      highlights: [...input.highlights.filter((x) => x.id !== 'h3'), moved],
    });
    const lines = show(model.blocks);
    expect(lines.slice(0, 4)).toEqual([
      'T 在全市职工服务工作会议上的讲话',
      'S 李明华·全市职工服务工作会议·2026年3月12日',
      'L 重点任务/重要论述/数据/疑问',
      'P 同志们：',
    ]);
    for (const s of input.speeches) for (const p of s.paragraphs) expect(lines).toContain(`P ${p}`);
    const para = model.blocks.find((b) => b.kind === 'para' && b.runs.some((r) => r.mark === 'task'));
    expect(para?.kind === 'para' && para.runs.find((r) => r.mark === 'task')).toMatchObject({
      text: '完成困难职工档案动态更新',
      footnote: '由帮扶中心牵头，每季度通报。',
    });
    expect(lines).toContain('H1 未能在原文中定位的标注');
    expect(lines).toContain('Q1 【数据】这句话已经不在原文里了');
  });
});

describe('任务分解表', () => {
  it('lists tasks with 牵头单位/配合单位/责任人, suggested deadlines, and flags overdue ones', () => {
    const rows = taskTableRows(library());
    expect(
      rows.map((r) => [
        r.number,
        r.task,
        r.lead,
        r.partners,
        r.owner,
        r.due,
        r.suggested,
        r.status,
        r.overdue,
      ]),
    ).toEqual([
      [
        1,
        '完成困难职工档案动态更新',
        '市总工会帮扶中心',
        '各区县工会',
        '赵刚',
        '2026-12-31',
        true,
        'doing',
        false,
      ],
      [2, '完成新就业形态劳动者入会集中行动', '', '', '', '2026-09-30', true, 'todo', true],
      [
        3,
        '建成市级技能实训基地',
        '市总工会经济技术部',
        '市人社局、市财政局',
        '',
        '2026-03-31',
        false,
        'todo',
        true,
      ],
      [4, '完成首批申报审核', '', '', '', '2026-09-30', true, 'done', false],
      [5, '组织一次集中要约行动', '', '', '', '2026-12-31', true, 'todo', false],
    ]);
    expect(rows[0]?.source).toBe('《在全市职工服务工作会议上的讲话》（一）健全帮扶机制');
    const model = tasksTemplate(library());
    expect(model.orientation).toBe('landscape');
    const table = model.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.columns.map((c) => c.title)).toEqual([
      '序号',
      '重点任务（原文）',
      '出处（讲话·章节）',
      '牵头单位',
      '配合单位',
      '完成时限',
      '进展情况',
      '状态',
    ]);
    expect(table?.kind === 'table' && table.rows[1]).toEqual([
      '2',
      '完成新就业形态劳动者入会集中行动',
      '《在全市职工服务工作会议上的讲话》二、突出重点领域，推动服务提质增效',
      '',
      '',
      '2026年9月30日（建议，据“三季度”）',
      '',
      '未开始（已逾期）',
    ]);
    expect(table?.kind === 'table' && table.flagged).toEqual([false, true, true, false, false]);
  });

  it('writes CSV that spreadsheets read as text, never as a formula', () => {
    const [row] = taskTableRows(library());
    const csv = tasksToCsv([
      {
        ...(row as NonNullable<typeof row>),
        task: '=HYPERLINK("http://x.example","点我")',
        progress: '+1, "好"',
      },
    ]);
    expect(csv.startsWith('\uFEFF序号,重点任务（原文）,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
    expect(csv).toContain(`"'+1, ""好"""`);
  });
});

describe('专题汇编', () => {
  it('filters by category, keyword, speaker and date range, each excerpt with its 出处', () => {
    const input = library();
    const ids = (f: Parameters<typeof compilationEntries>[1]) =>
      compilationEntries(input, f).map((e) => e.highlightId);
    expect(ids({ categories: ['question'] })).toEqual(['h5', 'h10']);
    expect(ids({ keyword: '督查' })).toEqual(['h5']);
    expect(ids({ speaker: '王淑芬', categories: ['task'] })).toEqual(['h7', 'h9']);
    expect(ids({ from: '2026-05-01', to: '2026-06-30' })).toEqual(['h7', 'h8', 'h9', 'h10']);
    expect(ids({ categories: ['thesis'], order: ['h8', 'h6'] })).toEqual(['h8', 'h6', 'h1']);
    const [first] = compilationEntries(input, { categories: ['question'] });
    expect(citation(first as NonNullable<typeof first>)).toBe(
      '李明华在全市职工服务工作会议上的讲话（2026年3月12日）·三、强化组织保障，确保各项任务落地',
    );
    const lines = show(compilationTemplate(input, { topic: '关于督查的论述', keyword: '督查' }).blocks);
    expect(lines).toEqual([
      'T 关于督查的论述',
      'S 含“督查”　共1条',
      'Q1 【疑问】上半年开展一次专项督查 出处：李明华在全市职工服务工作会议上的讲话（2026年3月12日）·三、强化组织保障，确保各项任务落地',
      'N 批注：督查由哪个部门牵头？',
    ]);
  });

  it('names a speech by its title when the page gave no occasion', () => {
    const entries = compilationEntries(library(), { keyword: '要约' });
    expect(citation(entries[0] as NonNullable<(typeof entries)[0]>)).toBe(
      '《在劳动关系形势分析会上的讲话》（2026年8月5日）·1. 深化集体协商',
    );
  });
});

describe('引用复制', () => {
  const speech = {
    id: 's',
    speaker: '李明华',
    occasion: '全市职工服务工作会议',
    date: '2026-03-12',
    title: '讲话',
  };

  it('cites a passage the way official materials quote a leader', () => {
    expect(formatCitation(speech, '防止“为赛而赛”')).toBe(
      '李明华在全市职工服务工作会议上指出：“防止‘为赛而赛’”（2026年3月12日）',
    );
    expect(formatCitation({ ...speech, occasion: null, date: null }, '要抓落实')).toBe(
      '李明华在《讲话》中指出：“要抓落实”',
    );
    expect(formatCitation({ ...speech, speaker: null }, '要抓落实')).toBe(
      '《讲话》指出：“要抓落实”（2026年3月12日）',
    );
  });

  it('copies every highlight of a category at once, in reading order', () => {
    const input = library();
    const s = input.speeches[0] as NonNullable<(typeof input.speeches)[0]>;
    expect(formatCategoryCitations(s, input.highlights, 'thesis').split('\n\n')).toEqual([
      '李明华在全市职工服务工作会议上指出：“回顾去年工作，安排今年重点”（2026年3月12日）',
      '李明华在全市职工服务工作会议上指出：“把各项工作抓紧抓实”（2026年3月12日）',
    ]);
  });
});

describe('Markdown of a template', () => {
  it('escapes page and user text and writes notes as footnotes', () => {
    const md = blocksToMarkdown({
      title: 't',
      orientation: 'portrait',
      blocks: [
        { kind: 'title', text: '# 标题 <script>' },
        {
          kind: 'para',
          runs: [{ text: '普通' }, { text: '[链接](javascript:x)', mark: 'task', footnote: '*批注*' }],
        },
      ],
    });
    expect(md).toBe(
      '# \\# 标题 &lt;script&gt;\n\n普通【task：\\[链接\\](javascript:x)】[^1]\n\n[^1]: \\*批注\\*\n',
    );
  });
});

describe('templates from the database', () => {
  it('reads the chosen speeches with their notes and unsaved drafts', async () => {
    const { YanduDB } = await import('@/utils/store/db');
    const { templateInput, templateFileName } = await import('@/utils/export/template-run');
    const db = new YanduDB(`template-input-${Math.random()}`);
    const lib = library();
    await db.speeches.bulkAdd(lib.speeches);
    await db.highlights.bulkAdd(lib.highlights);
    await db.notes.bulkAdd(lib.notes);
    const id = lib.speeches[1]?.id as string;
    await db.drafts.put({ id: `studyNote:${id}`, text: '还没保存的心得。', updated: Date.now() });
    const input = await templateInput(db, { speechIds: [id] });
    expect(input.speeches.map((s) => s.id)).toEqual([id]);
    expect(input.highlights.every((h) => h.speechId === id)).toBe(true);
    expect(input.drafts?.map((d) => d.text)).toEqual(['还没保存的心得。']);
    expect(show(notesTemplate(input).blocks)).toContain('P 还没保存的心得。');
    expect(templateFileName('学习笔记: 第1/2篇', '2026-12-02', 'docx')).toBe(
      '学习笔记_ 第1_2篇-2026-12-02.docx',
    );
    db.close();
  });
});
