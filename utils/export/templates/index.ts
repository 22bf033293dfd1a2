/**
 * The meeting templates by name, and the formats each can be written in. One entry point for the export
 * dialog and the CLI (scripts/export.ts), so both produce the same files from the same code.
 */
import type { DocModel } from '../doc';
import type { DocxLayout } from '../gongwen';
import { annotatedTemplate } from './annotated';
import type { TemplateInput } from './common';
import { type CompilationFilter, compilationTemplate } from './compilation';
import { TEMPLATE_TITLES, type TemplateFormat, type TemplateName, templateFormats } from './names';
import { notesTemplate } from './notes';
import { outlineTalkTemplate, reflectionTemplate } from './talk';
import { tasksTemplate, taskTableRows } from './tasks';

export {
  isTemplateName,
  TEMPLATE_NAMES,
  TEMPLATE_TITLES,
  type TemplateFormat,
  type TemplateName,
  templateFormats,
} from './names';

export interface TemplateOptions {
  layout?: DocxLayout;
  compilation?: CompilationFilter;
  onProgress?: (done: number, total: number) => void;
}

export function buildTemplate(
  name: TemplateName,
  input: TemplateInput,
  options: TemplateOptions = {},
): DocModel {
  switch (name) {
    case 'notes':
      return notesTemplate(input);
    case 'outline-talk':
      return outlineTalkTemplate(input);
    case 'reflection':
      return reflectionTemplate(input);
    case 'annotated':
      return annotatedTemplate(input);
    case 'tasks':
      return tasksTemplate(input);
    case 'compilation':
      return compilationTemplate(input, options.compilation);
  }
}

export interface RenderedFile {
  bytes: Uint8Array;
  mime: string;
  extension: TemplateFormat;
  title: string;
}

/** Build a template and write it in a format; renderers are imported only when used. */
export async function renderTemplate(
  name: TemplateName,
  format: TemplateFormat,
  input: TemplateInput,
  options: TemplateOptions = {},
): Promise<RenderedFile> {
  if (!templateFormats(name).includes(format)) throw new Error(`${name} cannot be written as ${format}`);
  const title = TEMPLATE_TITLES[name];
  if (format === 'xlsx' || format === 'csv') {
    const { tasksToCsv, tasksToXlsxBytes, XLSX_MIME } = await import('../table-files');
    const rows = taskTableRows(input);
    if (format === 'csv') {
      return {
        bytes: new TextEncoder().encode(tasksToCsv(rows)),
        mime: 'text/csv;charset=utf-8',
        extension: 'csv',
        title,
      };
    }
    return { bytes: await tasksToXlsxBytes(rows), mime: XLSX_MIME, extension: 'xlsx', title };
  }
  const model = buildTemplate(name, input, options);
  if (format === 'md') {
    const { blocksToMarkdown } = await import('../md-blocks');
    const text = blocksToMarkdown(model);
    return {
      bytes: new TextEncoder().encode(text),
      mime: 'text/markdown;charset=utf-8',
      extension: 'md',
      title: model.title,
    };
  }
  const { blocksToDocxBytes } = await import('../docx-blocks');
  const { DOCX_MIME } = await import('../docx');
  const bytes = await blocksToDocxBytes(model, { layout: options.layout, onProgress: options.onProgress });
  return { bytes, mime: DOCX_MIME, extension: 'docx', title: model.title };
}
