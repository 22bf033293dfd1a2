/**
 * 学习笔记: per speech, from a new page, a header block (学习时间, 篇目, 讲话人·场合·日期, 学习人·单位), the
 * speech's whole outline with the numbered quotes under their sections and the notes on them, the 疑问 gathered
 * at the end as 待讨论问题, and the 学习心得. Unsaved drafts are printed and marked, never left out.
 */
import type { DocBlock, DocModel } from '../doc';
import { oneLine } from '../model';
import {
  BLANK,
  categoryName,
  nodeHeading,
  nodeLevel,
  type SpeechView,
  speechViews,
  studyTime,
  type TemplateInput,
} from './common';

export const NOTES_LABELS = {
  title: '学习笔记',
  studyTime: '学习时间',
  piece: '篇目',
  byline: '讲话人·场合·日期',
  learner: '学习人·单位',
  opening: '开篇',
  unplaced: '未能定位的标注',
  note: '批注',
  noteDraft: '批注（草稿，尚未保存）',
  questions: '待讨论问题',
  studyNote: '学习心得',
  studyNoteDraft: '学习心得（草稿，尚未保存）',
  seeQuote: '见第',
} as const;

function learnerLine(input: TemplateInput): string {
  const parts = [input.settings?.learner, input.settings?.unit].map((v) => oneLine(v ?? '')).filter(Boolean);
  return parts.length > 0 ? parts.join('·') : BLANK;
}

function speechBlocks(view: SpeechView, input: TemplateInput, first: boolean, out: DocBlock[]): void {
  out.push(
    { kind: 'title', text: `《${view.title}》${NOTES_LABELS.title}`, pageBreakBefore: !first },
    { kind: 'field', label: NOTES_LABELS.studyTime, value: studyTime(input) },
    { kind: 'field', label: NOTES_LABELS.piece, value: `《${view.title}》` },
    { kind: 'field', label: NOTES_LABELS.byline, value: view.byline || BLANK },
    { kind: 'field', label: NOTES_LABELS.learner, value: learnerLine(input) },
  );
  const questions: { number: number; text: string; note: string }[] = [];
  for (const sec of view.sections) {
    const heading = sec.node
      ? nodeHeading(sec.node)
      : sec.index === -1
        ? NOTES_LABELS.opening
        : NOTES_LABELS.unplaced;
    out.push({ kind: 'heading', level: sec.node ? nodeLevel(sec.node) : 1, text: heading });
    for (const q of sec.highlights) {
      const text = String(q.h.selector?.exact ?? '').trim();
      out.push({ kind: 'quote', number: q.number, label: categoryName(input, q.h.category), text });
      const note = String(q.h.note ?? '').trim();
      if (note) out.push({ kind: 'note', label: NOTES_LABELS.note, text: note });
      if (q.noteDraft) out.push({ kind: 'note', label: NOTES_LABELS.noteDraft, text: q.noteDraft });
      if (q.h.category === 'question') questions.push({ number: q.number, text, note: q.noteDraft ?? note });
    }
  }
  if (questions.length > 0) {
    out.push({ kind: 'heading', level: 1, text: NOTES_LABELS.questions });
    questions.forEach((q, i) => {
      const ask = q.note
        ? `${q.note}（${NOTES_LABELS.seeQuote}${q.number}条：${oneLine(q.text)}）`
        : oneLine(q.text);
      out.push({ kind: 'para', runs: [{ text: `${i + 1}. ${ask}` }] });
    });
  }
  if (view.studyNote) {
    out.push({
      kind: 'heading',
      level: 1,
      text: view.studyNote.draft ? NOTES_LABELS.studyNoteDraft : NOTES_LABELS.studyNote,
    });
    for (const line of view.studyNote.text.split(/\r\n?|\n/)) {
      if (line.trim()) out.push({ kind: 'para', runs: [{ text: line.trim() }] });
    }
  }
}

export function notesTemplate(input: TemplateInput): DocModel {
  const blocks: DocBlock[] = [];
  speechViews(input).forEach((view, i) => {
    speechBlocks(view, input, i === 0, blocks);
  });
  return { title: NOTES_LABELS.title, orientation: 'portrait', blocks };
}
