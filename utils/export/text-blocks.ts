/**
 * The meeting templates (doc.ts) as plain text for the clipboard (导出 → 复制到剪贴板): what a user pastes into a
 * chat or an e-mail, so no Markdown signs. Headings on lines of their own, quotes numbered with their category
 * in 【】, notes after them, the annotated text's highlights as 【category：…】 with the notes gathered at the end
 * as [1] …, table rows one per line with tab-separated cells (pasting into a spreadsheet keeps the columns).
 */
import type { DocBlock, DocModel } from './doc';
import { oneLine } from './model';

function lines(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

function block(b: DocBlock, names: Map<string, string>, notes: string[], out: string[]): void {
  switch (b.kind) {
    case 'title':
    case 'subtitle':
    case 'heading':
      out.push('', lines(b.text), '');
      return;
    case 'field':
      out.push(`${lines(b.label)}：${lines(b.value)}`);
      return;
    case 'para': {
      let line = '';
      for (const r of b.runs) {
        const t = oneLine(r.text);
        line += r.mark ? `【${names.get(r.mark) ?? r.mark}：${t}】` : t;
        if (r.footnote) {
          notes.push(r.footnote);
          line += `[${notes.length}]`;
        }
      }
      out.push('', line, '');
      return;
    }
    case 'quote':
      out.push(
        `${b.number}.【${lines(b.label)}】${lines(b.text)}${b.source ? `（${lines(b.source)}）` : ''}`,
      );
      return;
    case 'note':
      out.push(`${lines(b.label)}：${lines(b.text)}`);
      return;
    case 'legend':
      out.push(`图例：${b.items.map((i) => `【${i.name}：…】`).join(' ')}`, '');
      return;
    case 'signature':
      out.push('', ...b.lines.map(lines), '');
      return;
    case 'table':
      out.push(
        '',
        b.columns.map((c) => oneLine(c.title)).join('\t'),
        ...b.rows.map((r) => r.map((c) => oneLine(c)).join('\t')),
        '',
      );
      return;
  }
}

export function blocksToPlainText(model: DocModel): string {
  const names = new Map<string, string>();
  for (const b of model.blocks)
    if (b.kind === 'legend') for (const i of b.items) names.set(i.category, i.name);
  const notes: string[] = [];
  const out: string[] = [];
  for (const b of model.blocks) block(b, names, notes, out);
  if (notes.length > 0) out.push('', ...notes.map((n, i) => `[${i + 1}] ${oneLine(n)}`));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')}\n`;
}
