/**
 * The meeting templates (doc.ts) as Word files, in the 公文 layout (gongwen.ts) or the 简洁 one. Every heading
 * carries an explicit outline level so the navigation pane of Word and WPS shows the 提纲; notes of the annotated
 * full text become footnotes (they print, unlike comments). Built in chunks with pauses so the page stays responsive.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CATEGORY_MARKS, type DocBlock, type DocModel, type DocRun } from './doc';
import { DOCX_MIME, xmlSafe } from './docx';
import { gridBorders } from './docx-grid';
import {
  type DocxLayout,
  type FontSlots,
  fontSlots,
  GONGWEN_FONTS,
  GONGWEN_GRID,
  GONGWEN_PAGE,
  GONGWEN_SIZES,
  gongwenFontTableXml,
} from './gongwen';
import type { ProgressCallback } from './model';
import { yieldToPage } from './model';

export interface BlockDocxOptions {
  layout?: DocxLayout;
  onProgress?: ProgressCallback;
  /** Blocks laid out between two pauses for the page. */
  chunkSize?: number;
}

/** Word's default A4 page with 2.54/3.17 cm margins: the 简洁 layout. */
const SIMPLE_PAGE = { width: 11906, height: 16838, top: 1440, bottom: 1440, left: 1797, right: 1797 };
const SIMPLE_FONTS = {
  body: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman', cs: 'Times New Roman' },
  heading: { ascii: 'Arial', eastAsia: '黑体', hAnsi: 'Arial', cs: 'Arial' },
  kai: { ascii: 'Times New Roman', eastAsia: '楷体', hAnsi: 'Times New Roman', cs: 'Times New Roman' },
};

const TITLE_STYLE = HeadingLevel.HEADING_1;
/** Lines that are not running text (header fields, subtitles, table cells, page numbers): no first-line indent. */
const PLAIN_STYLE = 'YanduPlain';
/**
 * Styles kept off the character grid: on it every character takes whole 15.79 pt cells, so a 22 pt title would
 * be spread to two cells a character, and half-width digits and dots in a field line would float apart.
 */
const OFF_GRID_STYLES = ['Heading1', PLAIN_STYLE];
const HEADING_STYLES = [
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const;

interface Theme {
  layout: DocxLayout;
  /** Text block width in twips (portrait or landscape). */
  textWidth: number;
  bodySize: number;
  kai: FontSlots;
  strongFont: FontSlots;
  /** Two characters of body text, in twips, for the first-line indent. */
  indent: number;
}

function theme(layout: DocxLayout, orientation: DocModel['orientation']): Theme {
  const g = layout === 'gongwen';
  const page = g ? GONGWEN_PAGE : SIMPLE_PAGE;
  const across = orientation === 'landscape' ? page.height : page.width;
  const bodySize = g ? GONGWEN_SIZES.body : 24;
  return {
    layout,
    textWidth: across - page.left - page.right,
    bodySize,
    kai: g ? fontSlots(GONGWEN_FONTS.heading2) : SIMPLE_FONTS.kai,
    strongFont: g ? fontSlots(GONGWEN_FONTS.heading1) : SIMPLE_FONTS.heading,
    indent: bodySize * 10 * 2,
  };
}

function lines(text: string): string[] {
  return xmlSafe(text)
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Plain runs of a multi-line text, line breaks kept. */
function textRuns(text: string, extra: { bold?: boolean; font?: FontSlots } = {}): TextRun[] {
  return lines(text).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...extra }));
}

/** Footnotes collected while laying out: id → text. */
type Footnotes = Record<number, { children: Paragraph[] }>;

function markedRuns(run: DocRun, notes: Footnotes, t: Theme): (TextRun | FootnoteReferenceRun)[] {
  const text = xmlSafe(run.text);
  const out: (TextRun | FootnoteReferenceRun)[] = [];
  if (text) {
    const mark = run.mark ? CATEGORY_MARKS[run.mark] : undefined;
    out.push(
      new TextRun({
        text,
        bold: run.bold,
        shading: mark ? { type: ShadingType.CLEAR, color: 'auto', fill: mark.fill } : undefined,
        underline: mark ? { type: mark.underline, color: '000000' } : undefined,
      }),
    );
  }
  if (run.footnote) {
    const id = Object.keys(notes).length + 1;
    notes[id] = {
      children: [
        new Paragraph({
          spacing: { line: 280, lineRule: LineRuleType.AUTO },
          children: textRuns(run.footnote, { font: t.kai }).map((r) => r),
        }),
      ],
    };
    out.push(new FootnoteReferenceRun(id));
  }
  return out;
}

const TABLE_SPACING = { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

function tableBlock(block: Extract<DocBlock, { kind: 'table' }>, t: Theme): Table {
  const widths = block.columns.map((c) => Math.round(t.textWidth * c.width));
  const size = t.layout === 'gongwen' ? GONGWEN_SIZES.table : 21;
  const cell = (text: string, i: number, header: boolean, flagged: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      shading: header
        ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' }
        : flagged
          ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' }
          : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          style: PLAIN_STYLE,
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: TABLE_SPACING,
          children: lines(text).map(
            (line, k) =>
              new TextRun({
                text: line,
                break: k > 0 ? 1 : undefined,
                bold: header || (flagged && /逾期/.test(line)),
                size,
                font: header ? t.strongFont : undefined,
              }),
          ),
        }),
      ],
    });
  return new Table({
    width: { size: t.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: gridBorders('000000'),
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.columns.map((c, i) => cell(c.title, i, true, false)),
      }),
      ...block.rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, i, false, block.flagged?.[r] === true)),
          }),
      ),
    ],
  });
}

function blockElements(block: DocBlock, notes: Footnotes, t: Theme): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          heading: TITLE_STYLE,
          pageBreakBefore: block.pageBreakBefore,
          children: textRuns(block.text),
        }),
      ];
    case 'subtitle':
      return [
        new Paragraph({
          style: PLAIN_STYLE,
          alignment: AlignmentType.CENTER,
          children: textRuns(block.text, { font: t.kai }),
        }),
      ];
    case 'heading':
      return [new Paragraph({ heading: HEADING_STYLES[block.level - 1], children: textRuns(block.text) })];
    case 'field':
      return [
        new Paragraph({
          style: PLAIN_STYLE,
          children: [
            new TextRun({ text: `${xmlSafe(block.label)}：`, font: t.strongFont }),
            ...textRuns(block.value),
          ],
        }),
      ];
    case 'para':
      return [new Paragraph({ children: block.runs.flatMap((r) => markedRuns(r, notes, t)) })];
    case 'quote': {
      const children: TextRun[] = [
        new TextRun({ text: `${block.number}.【${xmlSafe(block.label)}】`, bold: true }),
        ...textRuns(block.text),
      ];
      if (block.source) children.push(new TextRun({ text: `（${xmlSafe(block.source)}）`, font: t.kai }));
      return [new Paragraph({ children })];
    }
    case 'note':
      return [
        new Paragraph({
          children: [
            new TextRun({ text: `${xmlSafe(block.label)}：`, bold: true, font: t.kai }),
            ...textRuns(block.text, { font: t.kai }),
          ],
        }),
      ];
    case 'legend':
      return [
        new Paragraph({
          style: PLAIN_STYLE,
          children: [
            new TextRun({ text: '图例：', font: t.strongFont }),
            ...block.items.flatMap((item, i) => [
              ...(i > 0 ? [new TextRun('　')] : []),
              ...markedRuns({ text: xmlSafe(item.name), mark: item.category }, notes, t),
            ]),
          ],
        }),
      ];
    case 'signature':
      return block.lines.map(
        (line) =>
          new Paragraph({
            style: PLAIN_STYLE,
            alignment: AlignmentType.RIGHT,
            indent: { firstLine: 0, right: t.indent * 2 },
            children: textRuns(line),
          }),
      );
    case 'table':
      return [tableBlock(block, t)];
  }
}

/** "— n —" in 4号宋体, odd pages right and even pages left, one character in from the edge of the text block. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const size = GONGWEN_SIZES.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        style: PLAIN_STYLE,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: size * 10, firstLine: 0 } : { left: size * 10, firstLine: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size,
            font: fontSlots(GONGWEN_FONTS.pageNumber),
          }),
        ],
      }),
    ],
  });
}

const heading = (font: FontSlots, size: number, outlineLevel: number, bold = false) => ({
  run: { font, size, bold, color: '000000' },
  paragraph: { outlineLevel, keepNext: true, spacing: { before: 0, after: 0 } },
});

function gongwenStyles(landscape: boolean) {
  const body = fontSlots(GONGWEN_FONTS.body);
  // On the grid every line takes one 28.96 pt pitch; the table document has no grid (rows as high as their text).
  const spacing = landscape
    ? { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 }
    : { line: GONGWEN_GRID.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  return {
    default: {
      document: {
        run: {
          font: body,
          size: GONGWEN_SIZES.body,
          language: { value: 'en-US', eastAsia: 'zh-CN' },
          color: '000000',
        },
        paragraph: {
          spacing,
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 640, firstLineChars: 200 },
        },
      },
      heading1: {
        run: { font: fontSlots(GONGWEN_FONTS.title), size: GONGWEN_SIZES.title, color: '000000' },
        paragraph: {
          outlineLevel: 0,
          alignment: AlignmentType.CENTER,
          indent: { firstLine: 0, firstLineChars: 0 },
          keepNext: true,
          spacing: { before: 0, after: GONGWEN_GRID.linePitch },
        },
      },
      heading2: heading(fontSlots(GONGWEN_FONTS.heading1), GONGWEN_SIZES.body, 1),
      heading3: heading(fontSlots(GONGWEN_FONTS.heading2), GONGWEN_SIZES.body, 2),
      heading4: heading(body, GONGWEN_SIZES.body, 3, true),
      heading5: heading(body, GONGWEN_SIZES.body, 4),
    },
    // Normal carries the body size too: LibreOffice takes the grid's character cell from Normal, not from the
    // defaults. Glyphs at 98 % width fit that 15.79 pt cell (a full-width glyph is 16 pt), so LibreOffice also
    // sets 28 characters a line instead of giving each character two cells; Word compresses to the grid anyway.
    paragraphStyles: [
      ...(landscape
        ? []
        : [
            { id: 'Normal', name: 'Normal', quickFormat: true, run: { size: GONGWEN_SIZES.body, scale: 98 } },
          ]),
      plainStyle(),
    ],
  };
}

function plainStyle() {
  return {
    id: PLAIN_STYLE,
    name: 'Yandu 无缩进',
    basedOn: 'Normal',
    next: 'Normal',
    paragraph: { indent: { firstLine: 0, firstLineChars: 0 } },
  };
}

function simpleStyles() {
  const h = (size: number, outlineLevel: number, before: number) => ({
    run: { font: SIMPLE_FONTS.heading, size, bold: true, color: '000000' },
    paragraph: { outlineLevel, keepNext: true, spacing: { before, after: 80 } },
  });
  return {
    default: {
      document: {
        run: { font: SIMPLE_FONTS.body, size: 24, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: { line: 360, after: 80 } },
      },
      heading1: {
        run: { font: SIMPLE_FONTS.heading, size: 36, bold: true, color: '000000' },
        paragraph: {
          outlineLevel: 0,
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { after: 200 },
        },
      },
      heading2: h(32, 1, 320),
      heading3: h(28, 2, 240),
      heading4: h(26, 3, 200),
      heading5: h(24, 4, 160),
    },
    paragraphStyles: [plainStyle()],
  };
}

function sectionProperties(layout: DocxLayout, orientation: DocModel['orientation']) {
  const landscape = orientation === 'landscape';
  const p = layout === 'gongwen' ? GONGWEN_PAGE : SIMPLE_PAGE;
  return {
    page: {
      // docx swaps width and height itself for a landscape page.
      size: {
        width: p.width,
        height: p.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : undefined,
      },
      margin: {
        top: p.top,
        bottom: p.bottom,
        left: p.left,
        right: p.right,
        ...(layout === 'gongwen' ? { footer: GONGWEN_PAGE.footer, header: GONGWEN_PAGE.header } : {}),
      },
    },
    ...(layout === 'gongwen' && !landscape
      ? {
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: GONGWEN_GRID.linePitch,
            charSpace: GONGWEN_GRID.charSpace,
          },
        }
      : {}),
  };
}

/** Lay a template out as .docx bytes; `onProgress(done, total)` counts blocks plus one step for the file. */
/**
 * Body XML of some elements: docx lays out a whole package at once, which for a large document is one long
 * stretch the page cannot respond in. So the body is laid out a chunk at a time, each in a document of its
 * own, and its paragraphs spliced into the final package (the same generator writes the same XML prefixes).
 */
async function bodyXml(children: (Paragraph | Table)[]): Promise<string> {
  const bytes = await Packer.pack(new Document({ sections: [{ children }] }), 'uint8array');
  const xml = strFromU8(
    unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] ??
      new Uint8Array(),
  );
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const end = xml.lastIndexOf('<w:sectPr');
  return xml.slice(start, end);
}

/** Lay a template out as .docx bytes; `onProgress(done, total)` counts blocks plus one step for the file. */
export async function blocksToDocxBytes(
  model: DocModel,
  options: BlockDocxOptions = {},
): Promise<Uint8Array> {
  const layout = options.layout ?? 'gongwen';
  const t = theme(layout, model.orientation);
  const chunk = Math.max(1, options.chunkSize ?? 150);
  const total = model.blocks.length + 1;
  const notes: Footnotes = {};
  const body: string[] = [];
  options.onProgress?.(0, total);
  for (let i = 0; i < model.blocks.length; i += chunk) {
    const children = model.blocks.slice(i, i + chunk).flatMap((block) => blockElements(block, notes, t));
    body.push(await bodyXml(children));
    options.onProgress?.(Math.min(model.blocks.length, i + chunk), total);
    await yieldToPage();
  }
  const gongwen = layout === 'gongwen';
  const doc = new Document({
    creator: '研读 Yandu',
    title: xmlSafe(model.title),
    evenAndOddHeaderAndFooters: gongwen,
    footnotes: notes,
    styles: gongwen ? gongwenStyles(model.orientation === 'landscape') : simpleStyles(),
    sections: [
      {
        properties: sectionProperties(layout, model.orientation),
        footers: gongwen ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } : undefined,
        children: [new Paragraph('')],
      },
    ],
  });
  const overrides = gongwen ? [{ path: 'word/fontTable.xml', data: gongwenFontTableXml() }] : [];
  // The package around an empty body, then the body's chunks put in its place; a pause between laying out
  // the package and compressing it, the two longest steps left.
  const files = unzipSync(await Packer.pack(doc, 'uint8array', false, overrides));
  const skeleton = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const open = skeleton.indexOf('<w:body>') + '<w:body>'.length;
  const close = skeleton.lastIndexOf('<w:sectPr');
  const content = body.length > 0 ? body.join('') : skeleton.slice(open, close);
  files['word/document.xml'] = strToU8(skeleton.slice(0, open) + content + skeleton.slice(close));
  if (gongwen)
    files['word/styles.xml'] = strToU8(
      keepOffGrid(strFromU8(files['word/styles.xml'] ?? new Uint8Array()), OFF_GRID_STYLES),
    );
  options.onProgress?.(model.blocks.length, total);
  await yieldToPage();
  // Level 1: a quarter of the time of the default for a file a little larger; the page waits for this step.
  const bytes = zipSync(files, { level: 1 });
  options.onProgress?.(total, total);
  return bytes;
}

/** Elements that follow w:snapToGrid in a paragraph's properties (the schema fixes the order). */
const AFTER_SNAP =
  /<w:(?:spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;

/** Add <w:snapToGrid w:val="0"/> to the paragraph properties of the given styles (docx has no option for it). */
export function keepOffGrid(stylesXml: string, styleIds: readonly string[]): string {
  let xml = stylesXml;
  for (const id of styleIds) {
    xml = xml.replace(
      new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>)([\\s\\S]*?)(</w:style>)`),
      (_, open: string, body: string, close: string) => {
        const off = '<w:snapToGrid w:val="0"/>';
        let next = body.includes('<w:pPr>') ? body : body.replace(/(<w:rPr>|$)/, '<w:pPr></w:pPr>$1');
        next = next.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/, (_m: string, inner: string) => {
          const at = inner.search(AFTER_SNAP);
          return `<w:pPr>${at < 0 ? inner + off : inner.slice(0, at) + off + inner.slice(at)}</w:pPr>`;
        });
        return `${open}${next}${close}`;
      },
    );
  }
  return xml;
}

export async function blocksToDocx(model: DocModel, options: BlockDocxOptions = {}): Promise<Blob> {
  return new Blob([(await blocksToDocxBytes(model, options)) as BlobPart], { type: DOCX_MIME });
}
