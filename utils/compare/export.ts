/**
 * A comparison as a document for the study meeting: Markdown, and a Word 对照表 (原表述 / 新表述 / 变化) in the
 * fonts of the study export (utils/export/docx.ts). Only the changes are listed, in reading order, under
 * their sections; the changed words are struck through (old) or underlined (new).
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DOCX_FONTS, xmlSafe } from '../export/docx';
import { gridBorders } from '../export/docx-grid';
import type { Change, Comparison } from './types';

export const COMPARE_LABELS = {
  title: '对照表',
  columns: ['原表述', '新表述', '变化'] as const,
  added: '新增',
  dropped: '删去',
  changed: '修改',
  moved: '移动',
  from: '原在',
  figures: '数字',
  summary: (s: Comparison['summary']) =>
    `新增 ${s.added} 句，删去 ${s.dropped} 句，修改 ${s.changed} 句，移动 ${s.moved} 句，其中数字或目标变化 ${s.figures} 处。`,
};

export interface CompareMeta {
  oldTitle: string;
  newTitle: string;
}

/** The 变化 column: the kind, the figures that changed, where a moved sentence came from. */
export function changeNote(c: Change): string {
  const parts: string[] = [COMPARE_LABELS[c.kind]];
  if (c.numbers?.length) {
    parts.push(
      `${COMPARE_LABELS.figures}：${c.numbers.map((n) => `${n.old ?? '—'} → ${n.new ?? '—'}`).join('；')}`,
    );
  }
  if (c.kind === 'moved' && c.fromSection) parts.push(`${COMPARE_LABELS.from}“${c.fromSection}”`);
  return parts.join('；');
}

/** Changes grouped under their section labels, in order of first appearance. */
function bySection(changes: readonly Change[]): Array<[string, Change[]]> {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = c.section ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups];
}

const cell = (text: string | null) => (text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function compareMarkdown(c: Comparison, meta: CompareMeta, changes = c.changes): string {
  const out = [
    `# ${COMPARE_LABELS.title}：${meta.oldTitle} → ${meta.newTitle}`,
    '',
    COMPARE_LABELS.summary(c.summary),
  ];
  for (const [section, list] of bySection(changes)) {
    out.push(
      '',
      `## ${section || '—'}`,
      '',
      `| ${COMPARE_LABELS.columns.join(' | ')} |`,
      '| --- | --- | --- |',
    );
    for (const ch of list)
      out.push(`| ${cell(ch.oldText)} | ${cell(ch.newText)} | ${cell(changeNote(ch))} |`);
  }
  return `${out.join('\n')}\n`;
}

// A4 text width in twips with Word's Chinese default margins (as utils/export/docx.ts).
const TEXT_WIDTH = 11906 - 1797 * 2;
const WIDTHS = [0.4, 0.4, 0.2].map((f) => Math.round(TEXT_WIDTH * f));

function runsOf(c: Change, side: 'old' | 'new'): TextRun[] {
  const text = side === 'old' ? c.oldText : c.newText;
  if (!text) return [new TextRun({ text: '—', font: DOCX_FONTS.body })];
  if (!c.parts) return [new TextRun({ text: xmlSafe(text), font: DOCX_FONTS.body })];
  const skip = side === 'old' ? 'ins' : 'del';
  return c.parts
    .filter((p) => p.op !== skip)
    .map(
      (p) =>
        new TextRun({
          text: xmlSafe(p.text),
          font: DOCX_FONTS.body,
          ...(p.op === 'del' ? { strike: true } : {}),
          ...(p.op === 'ins' ? { bold: true, underline: {} } : {}),
        }),
    );
}

function tableCell(children: TextRun[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children })],
  });
}

function table(list: readonly Change[]): Table {
  const text = (t: string, bold = false) => new TextRun({ text: xmlSafe(t), bold, font: DOCX_FONTS.body });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: WIDTHS,
    borders: gridBorders(),
    rows: [
      new TableRow({
        tableHeader: true,
        children: COMPARE_LABELS.columns.map((h, i) => tableCell([text(h, true)], WIDTHS[i] ?? 0, true)),
      }),
      ...list.map(
        (c) =>
          new TableRow({
            cantSplit: true,
            children: [
              tableCell(runsOf(c, 'old'), WIDTHS[0] ?? 0),
              tableCell(runsOf(c, 'new'), WIDTHS[1] ?? 0),
              tableCell([text(changeNote(c))], WIDTHS[2] ?? 0),
            ],
          }),
      ),
    ],
  });
}

export function compareDocument(c: Comparison, meta: CompareMeta, changes = c.changes): Document {
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({
      heading: level,
      children: [new TextRun({ text: xmlSafe(text), font: DOCX_FONTS.heading, bold: true, color: '000000' })],
    });
  const children: Array<Paragraph | Table> = [
    heading(`${COMPARE_LABELS.title}：${meta.oldTitle} → ${meta.newTitle}`, HeadingLevel.TITLE),
    new Paragraph({
      children: [new TextRun({ text: COMPARE_LABELS.summary(c.summary), font: DOCX_FONTS.body })],
    }),
  ];
  for (const [section, list] of bySection(changes)) {
    children.push(heading(section || '—', HeadingLevel.HEADING_1), table(list));
  }
  return new Document({
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
}

export function compareDocx(c: Comparison, meta: CompareMeta, changes = c.changes): Promise<Blob> {
  return Packer.toBlob(compareDocument(c, meta, changes));
}
