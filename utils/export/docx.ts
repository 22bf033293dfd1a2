/**
 * The study export as a Word document (.docx) for the study meeting. By default it takes the 公文 layout
 * (docx-blocks.ts via study-blocks.ts); what follows is the 简洁 layout. Headings carry Word's built-in heading
 * styles so the navigation pane shows the outline: the document title is "Title", each speech "Heading 1" and
 * its outline sections "Heading 2".."Heading 4" (outline levels 1..3). Fonts are named for both Word and WPS:
 * 宋体 body, 黑体 headings, 楷体 notes, each set for the East Asian slot and the Latin slots.
 */

import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
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
import { webHref } from '../links';
import { gridBorders } from './docx-grid';
import type { DocxLayout } from './gongwen';
import {
  EXPORT_LABELS,
  type ExportGroup,
  type ExportSpeech,
  type ExportTaskRow,
  oneLine,
  type ProgressCallback,
  type StudyExport,
  yieldToPage,
} from './model';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Font slots: eastAsia for Chinese, ascii/hAnsi for Latin letters and digits. */
export const DOCX_FONTS = {
  body: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman', cs: 'Times New Roman' },
  heading: { ascii: 'Arial', eastAsia: '黑体', hAnsi: 'Arial', cs: 'Arial' },
  note: { ascii: 'Times New Roman', eastAsia: '楷体', hAnsi: 'Times New Roman', cs: 'Times New Roman' },
} as const;

/** Paragraph style ids of our own styles (names are what Word's style gallery shows). */
export const DOCX_STYLES = {
  quote: 'YanduQuote',
  note: 'YanduNote',
  meta: 'YanduMeta',
  studyNote: 'YanduStudy',
};

// A4 in twips (1/1440 inch); margins 2.54 cm top/bottom and 3.17 cm left/right, Word's Chinese defaults.
const PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1797, right: 1797 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

/**
 * Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF): one of them in a page string
 * would make Word refuse to open the whole file, so they are dropped.
 */
export function xmlSafe(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

function lines(text: string): string[] {
  return xmlSafe(text)
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Runs for a multi-line text: one run per line, line breaks between them. */
function runs(text: string, options: { bold?: boolean } = {}): TextRun[] {
  return lines(text).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function metaParagraph(label: string, value: string): Paragraph {
  return new Paragraph({
    style: DOCX_STYLES.meta,
    children: [new TextRun(`${label}：`), ...runs(oneLine(value))],
  });
}

function groupParagraphs(g: ExportGroup, depth: number, out: Paragraph[]): void {
  out.push(
    new Paragraph({
      heading: HEADINGS[Math.min(3, depth)],
      children: [new TextRun(xmlSafe(oneLine(g.heading)))],
    }),
  );
  for (const q of g.quotes) {
    out.push(
      new Paragraph({
        style: DOCX_STYLES.quote,
        children: [new TextRun({ text: `【${xmlSafe(q.categoryName)}】`, bold: true }), ...runs(q.text)],
      }),
    );
    if (q.note) {
      out.push(
        new Paragraph({
          style: DOCX_STYLES.note,
          children: [new TextRun({ text: `${EXPORT_LABELS.note}：`, bold: true }), ...runs(q.note)],
        }),
      );
    }
  }
  for (const child of g.children) groupParagraphs(child, depth + 1, out);
}

function speechBlocks(s: ExportSpeech): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(s.title))] }),
  ];
  if (s.speaker) out.push(metaParagraph(EXPORT_LABELS.speaker, s.speaker));
  if (s.occasion) out.push(metaParagraph(EXPORT_LABELS.occasion, s.occasion));
  if (s.date) out.push(metaParagraph(EXPORT_LABELS.date, s.date));
  const href = webHref(s.url);
  if (href) {
    out.push(
      new Paragraph({
        style: DOCX_STYLES.meta,
        children: [
          new TextRun(`${EXPORT_LABELS.source}：`),
          new ExternalHyperlink({
            link: href,
            children: [new TextRun({ text: xmlSafe(s.url), style: 'Hyperlink' })],
          }),
        ],
      }),
    );
  } else if (s.url) out.push(metaParagraph(EXPORT_LABELS.source, s.url));
  // Top-level groups sit right under the speech title whatever their outline level.
  for (const g of s.groups) groupParagraphs(g, 1, out);
  if (s.studyNote) {
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(EXPORT_LABELS.studyNote)] }),
    );
    for (const line of lines(s.studyNote)) {
      out.push(new Paragraph({ style: DOCX_STYLES.studyNote, children: [new TextRun(line)] }));
    }
  }
  return out;
}

// Column shares of the text width: the task text needs the most room, a date must fit on one line.
const TASK_COLUMNS = [0.3, 0.24, 0.1, 0.16, 0.2].map((f) => Math.round(TEXT_WIDTH * f));

function taskCell(text: string, width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: xmlSafe(oneLine(text)), bold: header, size: 21 })],
      }),
    ],
  });
}

function taskTable(tasks: ExportTaskRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: TASK_COLUMNS,
    borders: gridBorders(),
    rows: [
      new TableRow({
        tableHeader: true,
        children: EXPORT_LABELS.taskColumns.map((c, i) => taskCell(c, TASK_COLUMNS[i] ?? 0, true)),
      }),
      ...tasks.map(
        (t) =>
          new TableRow({
            cantSplit: true,
            children: [t.task, t.source, t.statusName, t.due ?? EXPORT_LABELS.noDue, t.progress].map((c, i) =>
              taskCell(c, TASK_COLUMNS[i] ?? 0),
            ),
          }),
      ),
    ],
  });
}

const headingRun = (size: number) => ({ font: DOCX_FONTS.heading, size, bold: true, color: '000000' });
// An explicit outline level, not only the style name, is what WPS reads for its navigation pane.
const headingParagraph = (outlineLevel: number, before: number, after: number) => ({
  spacing: { before, after },
  keepNext: true,
  outlineLevel,
});

/** Document-wide defaults and our styles. Sizes are in half-points: 小四 12 pt body, 三号 16 pt speech titles. */
function styles() {
  return {
    default: {
      document: {
        run: { font: DOCX_FONTS.body, size: 24, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { line: 360, after: 80 } },
      },
      title: { run: headingRun(36), paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
      heading1: { run: headingRun(32), paragraph: headingParagraph(0, 360, 120) },
      heading2: { run: headingRun(28), paragraph: headingParagraph(1, 240, 80) },
      heading3: { run: headingRun(26), paragraph: headingParagraph(2, 200, 60) },
      heading4: { run: headingRun(24), paragraph: headingParagraph(3, 160, 60) },
    },
    paragraphStyles: [
      {
        id: DOCX_STYLES.quote,
        name: 'Yandu 摘录',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: {
          indent: { left: 480 },
          spacing: { before: 80, after: 40 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'A6A6A6', space: 8 } },
        },
      },
      {
        id: DOCX_STYLES.note,
        name: 'Yandu 批注',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: DOCX_FONTS.note, size: 22, color: '404040' },
        paragraph: { indent: { left: 960 }, spacing: { after: 80 } },
      },
      {
        id: DOCX_STYLES.meta,
        name: 'Yandu 讲话信息',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 21, color: '595959' },
        paragraph: { spacing: { after: 0, line: 300 } },
      },
      {
        id: DOCX_STYLES.studyNote,
        name: 'Yandu 学习心得',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: { indent: { firstLine: 480 } },
      },
    ],
  };
}

export interface DocxOptions {
  /** '公文' (GB/T 9704, the default) or '简洁' (the earlier personal-notebook look). */
  layout?: DocxLayout;
  onProgress?: ProgressCallback;
  /** Speeches laid out between two pauses for the page. */
  chunkSize?: number;
}

/**
 * Lay the export out as .docx bytes. Paragraphs are built a few speeches at a time with pauses in between;
 * `onProgress(done, total)` counts speeches plus one final step for writing the file.
 */
export async function toDocxBytes(model: StudyExport, options: DocxOptions = {}): Promise<Uint8Array> {
  if ((options.layout ?? 'gongwen') === 'gongwen') {
    const [{ blocksToDocxBytes }, { studyExportBlocks }] = await Promise.all([
      import('./docx-blocks'),
      import('./study-blocks'),
    ]);
    return blocksToDocxBytes(studyExportBlocks(model), { onProgress: options.onProgress });
  }
  const total = model.speeches.length + 1;
  const chunk = Math.max(1, options.chunkSize ?? 5);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(model.title))] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      style: DOCX_STYLES.meta,
      children: [new TextRun(`${EXPORT_LABELS.exportedAt}：${model.exportedAt}`)],
    }),
  ];
  options.onProgress?.(0, total);
  for (let i = 0; i < model.speeches.length; i += chunk) {
    for (const s of model.speeches.slice(i, i + chunk)) children.push(...speechBlocks(s));
    options.onProgress?.(Math.min(model.speeches.length, i + chunk), total);
    await yieldToPage();
  }
  if (model.tasks) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(EXPORT_LABELS.tasks)] }),
    );
    if (model.tasks.length === 0) children.push(new Paragraph('（暂无重点任务）'));
    else children.push(taskTable(model.tasks));
  }
  const doc = new Document({
    creator: '研读 Yandu',
    title: xmlSafe(model.title),
    description: `${EXPORT_LABELS.exportedAt}：${model.exportedAt}`,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children,
      },
    ],
  });
  const bytes = await Packer.pack(doc, 'uint8array');
  options.onProgress?.(total, total);
  return bytes;
}

/** The .docx as a Blob with Word's MIME type, ready for a download link. */
export async function toDocx(model: StudyExport, options: DocxOptions = {}): Promise<Blob> {
  const bytes = await toDocxBytes(model, options);
  return new Blob([bytes as BlobPart], { type: DOCX_MIME });
}
