/**
 * The study export as Markdown. Every string from a page or the user goes through escapeMarkdown, so the file
 * renders as the text it holds and carries no HTML or link markup of its own making.
 */
import { EXPORT_LABELS, type ExportGroup, type ExportSpeech, oneLine, type StudyExport } from './model';

/** Characters with inline meaning anywhere in a line; `<`, `>` and `&` become entities (no raw HTML). */
const INLINE = /[\\`*_[\]~|]/g;

/** Escape one line of text so Markdown and HTML renderers show it literally. */
export function escapeMarkdown(text: string): string {
  let s = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, (c) => `\\${c}`)
    // Leading blanks would make an indented code block; full-width spaces (Chinese indent) are kept.
    .replace(/^[ \t]+/, '');
  // Block syntax at the start of a line: heading, list item, setext underline, ordered list.
  s = s.replace(/^([#+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
}

/** Lines of a multi-line text, escaped, blank lines dropped. */
function escapedLines(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map(escapeMarkdown);
}

/** A link target we write ourselves: only http(s), in its normalized form (spaces and angle brackets encoded). */
function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return /[\s<>]/.test(u.href) ? null : u.href;
  } catch {
    return null;
  }
}

function renderGroup(g: ExportGroup, depth: number, out: string[]): void {
  // Speech titles are level 2; outline level 1 is 3, and Markdown stops at 6.
  const hashes = '#'.repeat(Math.min(6, 2 + depth));
  out.push(`${hashes} ${escapeMarkdown(oneLine(g.heading))}`, '');
  for (const q of g.quotes) {
    const lines = escapedLines(q.text);
    const label = `**${escapeMarkdown(q.categoryName)}**`;
    out.push(`> ${label}　${lines[0] ?? ''}`);
    for (const line of lines.slice(1)) out.push('>', `> ${line}`);
    out.push('');
    const note = escapedLines(q.note);
    if (note.length > 0) {
      out.push(`${EXPORT_LABELS.note}：${note[0]}`);
      for (const line of note.slice(1)) out.push('', line);
      out.push('');
    }
  }
  for (const child of g.children) renderGroup(child, depth + 1, out);
}

function renderSpeech(s: ExportSpeech, out: string[]): void {
  out.push(`## ${escapeMarkdown(s.title)}`, '');
  const meta: string[] = [];
  if (s.speaker) meta.push(`- ${EXPORT_LABELS.speaker}：${escapeMarkdown(s.speaker)}`);
  if (s.occasion) meta.push(`- ${EXPORT_LABELS.occasion}：${escapeMarkdown(s.occasion)}`);
  if (s.date) meta.push(`- ${EXPORT_LABELS.date}：${escapeMarkdown(s.date)}`);
  const href = safeHref(s.url);
  if (href) meta.push(`- ${EXPORT_LABELS.source}：<${href}>`);
  else if (s.url) meta.push(`- ${EXPORT_LABELS.source}：${escapeMarkdown(s.url)}`);
  if (meta.length > 0) out.push(...meta, '');
  for (const g of s.groups) renderGroup(g, 1, out);
  if (s.studyNote) {
    out.push(`### ${EXPORT_LABELS.studyNote}`, '');
    for (const line of escapedLines(s.studyNote)) out.push(line, '');
  }
}

/** A table cell: one line, pipes escaped by escapeMarkdown. */
function cell(text: string): string {
  return escapeMarkdown(oneLine(text)) || ' ';
}

export function toMarkdown(model: StudyExport): string {
  const out: string[] = [
    `# ${escapeMarkdown(model.title)}`,
    '',
    `${EXPORT_LABELS.exportedAt}：${model.exportedAt}`,
    '',
  ];
  for (const s of model.speeches) renderSpeech(s, out);
  if (model.tasks) {
    out.push(`## ${EXPORT_LABELS.tasks}`, '');
    if (model.tasks.length === 0) out.push('（暂无重点任务）', '');
    else {
      out.push(
        `| ${EXPORT_LABELS.taskColumns.join(' | ')} |`,
        `|${' --- |'.repeat(EXPORT_LABELS.taskColumns.length)}`,
      );
      for (const t of model.tasks) {
        const row = [t.task, t.source, t.statusName, t.due ?? EXPORT_LABELS.noDue, t.progress];
        out.push(`| ${row.map(cell).join(' | ')} |`);
      }
      out.push('');
    }
  }
  // One trailing newline, no trailing blank lines.
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
