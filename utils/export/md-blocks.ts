/**
 * The meeting templates (doc.ts) as Markdown: titles and headings as #-headings, quotes numbered with their
 * category written out, highlights of the annotated text as 【category：…】 with notes as Markdown footnotes.
 * Every text goes through escapeMarkdown (no markup of the page's or the user's making survives).
 */
import type { DocBlock, DocModel } from './doc';
import { escapeMarkdown } from './markdown';
import { oneLine } from './model';

function esc(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(escapeMarkdown)
    .join('  \n');
}

function cell(text: string): string {
  return escapeMarkdown(oneLine(text)) || ' ';
}

function block(b: DocBlock, names: Map<string, string>, notes: string[], out: string[]): void {
  switch (b.kind) {
    case 'title':
      out.push(`# ${esc(b.text)}`, '');
      return;
    case 'subtitle':
      out.push(esc(b.text), '');
      return;
    case 'heading':
      out.push(`${'#'.repeat(b.level + 1)} ${esc(oneLine(b.text))}`, '');
      return;
    case 'field':
      out.push(`**${esc(b.label)}**：${esc(b.value)}  `);
      return;
    case 'para': {
      let line = '';
      for (const r of b.runs) {
        const t = escapeMarkdown(oneLine(r.text));
        line += r.mark ? `【${names.get(r.mark) ?? r.mark}：${t}】` : t;
        if (r.footnote) {
          notes.push(r.footnote);
          line += `[^${notes.length}]`;
        }
      }
      out.push('', line, '');
      return;
    }
    case 'quote':
      out.push(
        `${b.number}\\. **【${esc(b.label)}】**${esc(b.text)}${b.source ? `（${esc(b.source)}）` : ''}`,
        '',
      );
      return;
    case 'note':
      out.push(`> ${esc(b.label)}：${esc(b.text)}`, '');
      return;
    case 'legend':
      out.push(`图例：${b.items.map((i) => `【${escapeMarkdown(i.name)}：…】`).join(' ')}`, '');
      return;
    case 'signature':
      out.push('', ...b.lines.map((l) => `${esc(l)}  `), '');
      return;
    case 'table':
      out.push(
        `| ${b.columns.map((c) => cell(c.title)).join(' | ')} |`,
        `|${' --- |'.repeat(b.columns.length)}`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      );
      return;
  }
}

export function blocksToMarkdown(model: DocModel): string {
  const names = new Map<string, string>();
  for (const b of model.blocks)
    if (b.kind === 'legend') for (const i of b.items) names.set(i.category, i.name);
  const notes: string[] = [];
  const out: string[] = [];
  for (const b of model.blocks) block(b, names, notes, out);
  if (notes.length > 0)
    out.push('', ...notes.map((n, i) => `[^${i + 1}]: ${esc(n).replace(/ {2}\n/g, ' ')}`));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+$/, '')}\n`;
}
