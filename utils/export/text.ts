/**
 * The study export as plain text to paste into a chat (a WeChat work group): no Markdown, one short line per
 * field, numbered quotes with 【category】 labels. Chat clients wrap long lines themselves; what matters is that
 * every line starts with something a reader can scan.
 */
import { EXPORT_LABELS, type ExportGroup, type ExportSpeech, oneLine, type StudyExport } from './model';

/** Indent per outline level below the first: two full-width spaces survive chat clients' trimming of ASCII. */
const INDENT = '　　';

function textLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function renderGroup(g: ExportGroup, depth: number, counter: { n: number }, out: string[]): void {
  const pad = INDENT.repeat(Math.max(0, depth - 1));
  out.push(`${pad}▍${oneLine(g.heading)}`);
  for (const q of g.quotes) {
    counter.n += 1;
    out.push(`${pad}${counter.n}.【${q.categoryName}】${textLines(q.text).join(' ')}`);
    const note = textLines(q.note);
    if (note.length > 0) out.push(`${pad}${INDENT}${EXPORT_LABELS.note}：${note.join(' ')}`);
  }
  for (const child of g.children) renderGroup(child, depth + 1, counter, out);
}

function renderSpeech(s: ExportSpeech, index: number, count: number, out: string[]): void {
  out.push(count > 1 ? `【第${index + 1}篇】${s.title}` : `【${s.title}】`);
  if (s.speaker) out.push(`${EXPORT_LABELS.speaker}：${s.speaker}`);
  if (s.occasion) out.push(`${EXPORT_LABELS.occasion}：${s.occasion}`);
  if (s.date) out.push(`${EXPORT_LABELS.date}：${s.date}`);
  if (s.url) out.push(`${EXPORT_LABELS.source}：${s.url}`);
  const counter = { n: 0 };
  for (const g of s.groups) {
    out.push('');
    renderGroup(g, 1, counter, out);
  }
  if (s.studyNote) {
    out.push('', `【${EXPORT_LABELS.studyNote}】`, ...textLines(s.studyNote));
  }
  out.push('');
}

export function toPlainText(model: StudyExport): string {
  const out: string[] = [`${model.title}（${EXPORT_LABELS.exportedAt}：${model.exportedAt}）`, ''];
  model.speeches.forEach((s, i) => {
    renderSpeech(s, i, model.speeches.length, out);
  });
  if (model.tasks) {
    out.push(`【${EXPORT_LABELS.tasks}】`);
    if (model.tasks.length === 0) out.push('（暂无重点任务）');
    model.tasks.forEach((t, i) => {
      const [task, source, status, due, progress] = EXPORT_LABELS.taskColumns;
      out.push(`${i + 1}. ${task}：${t.task}`);
      out.push(`${INDENT}${source}：${t.source}`);
      out.push(`${INDENT}${status}：${t.statusName}　${due}：${t.due ?? EXPORT_LABELS.noDue}`);
      if (t.progress) out.push(`${INDENT}${progress}：${oneLine(t.progress)}`);
    });
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
