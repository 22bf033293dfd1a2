/**
 * 任务分解表 / 落实台账: every 重点任务 highlight as a row 序号 / 重点任务（原文） / 出处（讲话·章节） / 牵头单位 /
 * 配合单位 / 完成时限 / 进展情况 / 状态, on a landscape page. A task without a due date shows the deadline its
 * own sentence names (年底前 → 2026年12月31日, marked 建议); an unfinished task past its date is flagged 已逾期.
 */
import { isOverdue, taskItems } from '../../store/tasks';
import type { Highlight, TaskFollowUp } from '../../types';
import { taskDeadline } from '../deadline';
import { cnDate, type DocModel, type DocTableColumn } from '../doc';
import { localDate, oneLine, TASK_STATUS_NAMES } from '../model';
import type { TemplateInput } from './common';

export const TASK_TABLE_COLUMNS: readonly DocTableColumn[] = [
  { title: '序号', width: 0.06 },
  { title: '重点任务（原文）', width: 0.24 },
  { title: '出处（讲话·章节）', width: 0.16 },
  { title: '牵头单位', width: 0.1 },
  { title: '配合单位', width: 0.1 },
  { title: '完成时限', width: 0.1 },
  { title: '进展情况', width: 0.14 },
  { title: '状态', width: 0.1 },
];

export const TASK_TABLE_TITLE = '重点任务分解表';

export interface TaskTableRow {
  number: number;
  highlightId: string;
  task: string;
  source: string;
  lead: string;
  partners: string;
  owner: string;
  /** The due date set by the user, else the suggested one; null when neither. */
  due: string | null;
  /** True when `due` was suggested from the sentence. */
  suggested: boolean;
  /** The phrase the suggestion came from. */
  phrase: string | null;
  progress: string;
  status: TaskFollowUp['status'];
  overdue: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? oneLine(v) : '');

export function taskTableRows(input: TemplateInput): TaskTableRow[] {
  const today = localDate(input.exportedAt);
  const byId = new Map<string, Highlight>(input.highlights.map((h) => [h.id, h]));
  const speeches = new Map(input.speeches.map((s) => [s.id, s]));
  return taskItems(input.highlights, input.speeches).map((item, i) => {
    const h = byId.get(item.highlightId);
    const speech = speeches.get(item.speechId);
    const suggestion = item.due || !h ? null : taskDeadline(h, speech, today);
    const due = item.due ?? suggestion?.due ?? null;
    return {
      number: i + 1,
      highlightId: item.highlightId,
      task: oneLine(item.text),
      source: item.section ? `《${item.speechTitle}》${item.section}` : `《${item.speechTitle}》`,
      lead: text(h?.task?.lead),
      partners: text(h?.task?.partners),
      owner: text(h?.task?.owner),
      due,
      suggested: suggestion !== null,
      phrase: suggestion?.phrase ?? null,
      progress: oneLine(item.progress),
      status: item.status,
      overdue: isOverdue({ status: item.status, due }, today),
    };
  });
}

/** The row as the eight printed cells. */
export function taskCells(r: TaskTableRow): string[] {
  const due = r.due ? `${cnDate(r.due)}${r.suggested ? `（建议，据“${r.phrase}”）` : ''}` : '';
  const lead = r.owner ? `${r.lead}${r.lead ? '\n' : ''}责任人：${r.owner}` : r.lead;
  const status = `${TASK_STATUS_NAMES[r.status]}${r.overdue ? '（已逾期）' : ''}`;
  return [String(r.number), r.task, r.source, lead, r.partners, due, r.progress, status];
}

export function tasksTemplate(input: TemplateInput): DocModel {
  const rows = taskTableRows(input);
  return {
    title: TASK_TABLE_TITLE,
    orientation: 'landscape',
    blocks: [
      { kind: 'title', text: TASK_TABLE_TITLE },
      {
        kind: 'subtitle',
        text: `截至${cnDate(localDate(input.exportedAt))}，共${rows.length}项，逾期${rows.filter((r) => r.overdue).length}项`,
      },
      {
        kind: 'table',
        columns: [...TASK_TABLE_COLUMNS],
        rows: rows.map(taskCells),
        flagged: rows.map((r) => r.overdue),
      },
    ],
  };
}
