/**
 * The study export (model.ts) as template blocks, so its Word file can take the 公文 layout like every other
 * Word export: speech titles, meta lines, sections as headings, quotes numbered per speech, notes, 学习心得 and
 * the key-task table (on the portrait page, in the study export's own five columns).
 */
import { cnDate, type DocBlock, type DocModel } from './doc';
import { EXPORT_LABELS, type ExportGroup, type StudyExport } from './model';

function groupBlocks(g: ExportGroup, depth: number, counter: { n: number }, out: DocBlock[]): void {
  out.push({ kind: 'heading', level: Math.min(4, depth) as 1 | 2 | 3 | 4, text: g.heading });
  for (const q of g.quotes) {
    counter.n += 1;
    out.push({ kind: 'quote', number: counter.n, label: q.categoryName, text: q.text });
    if (q.note) out.push({ kind: 'note', label: EXPORT_LABELS.note, text: q.note });
  }
  for (const child of g.children) groupBlocks(child, depth + 1, counter, out);
}

export function studyExportBlocks(model: StudyExport): DocModel {
  const blocks: DocBlock[] = [
    { kind: 'title', text: model.title },
    { kind: 'subtitle', text: `${EXPORT_LABELS.exportedAt}：${cnDate(model.exportedAt)}` },
  ];
  for (const s of model.speeches) {
    blocks.push({ kind: 'heading', level: 1, text: s.title });
    if (s.speaker) blocks.push({ kind: 'field', label: EXPORT_LABELS.speaker, value: s.speaker });
    if (s.occasion) blocks.push({ kind: 'field', label: EXPORT_LABELS.occasion, value: s.occasion });
    if (s.date) blocks.push({ kind: 'field', label: EXPORT_LABELS.date, value: cnDate(s.date) });
    if (s.url) blocks.push({ kind: 'field', label: EXPORT_LABELS.source, value: s.url });
    const counter = { n: 0 };
    for (const g of s.groups) groupBlocks(g, 2, counter, blocks);
    if (s.studyNote) {
      blocks.push({ kind: 'heading', level: 2, text: EXPORT_LABELS.studyNote });
      for (const line of s.studyNote.split(/\r\n?|\n/)) {
        if (line.trim()) blocks.push({ kind: 'para', runs: [{ text: line.trim() }] });
      }
    }
  }
  if (model.tasks) {
    blocks.push({ kind: 'heading', level: 1, text: EXPORT_LABELS.tasks });
    if (model.tasks.length === 0) blocks.push({ kind: 'para', runs: [{ text: '（暂无重点任务）' }] });
    else {
      blocks.push({
        kind: 'table',
        columns: EXPORT_LABELS.taskColumns.map((title, i) => ({
          title,
          width: [0.3, 0.24, 0.1, 0.16, 0.2][i] ?? 0.2,
        })),
        rows: model.tasks.map((t) => [
          t.task,
          t.source,
          t.statusName,
          t.due ? cnDate(t.due) : EXPORT_LABELS.noDue,
          t.progress,
        ]),
      });
    }
  }
  return { title: model.title, orientation: 'portrait', blocks };
}
