/**
 * What the export dialog remembers between exports: the template, its format, the Word layout and the header
 * fields 学习人 / 单位 / 学习时间 that the templates print (templates/common.ts StudySettings). Kept in the
 * extension's localStorage (utils/store/local.ts) and written on every change, so closing the dialog or the
 * tab never loses what was typed; the print page reads the same values. Pure parsing here, no storage calls.
 */
import type { DocxLayout } from './gongwen';
import type { StudySettings } from './templates/common';
import { isTemplateName, type TemplateName, templateFormats } from './templates/names';

/** The templates the dialog offers (专题汇编 has its own page with filters). */
export const DIALOG_TEMPLATES: readonly TemplateName[] = [
  'notes',
  'outline-talk',
  'reflection',
  'annotated',
  'tasks',
];

/** A file format, the paged print view (export.html?template=…&format=print), or plain text on the clipboard. */
export type DialogFormat = 'docx' | 'md' | 'xlsx' | 'csv' | 'print' | 'clipboard';

export interface ExportChoices {
  template: TemplateName;
  format: DialogFormat;
  layout: DocxLayout;
  header: Required<StudySettings>;
}

export const DEFAULT_EXPORT_CHOICES: Readonly<ExportChoices> = Object.freeze({
  template: 'notes',
  format: 'docx',
  layout: 'gongwen',
  header: { learner: '', unit: '', studyTime: '' },
});

/**
 * Formats offered for a template: its file formats, the print view and the clipboard. The 任务分解表 has no
 * print view: its landscape table is for Word and Excel (the print page paginates blocks, and a long table is
 * one block).
 */
export function dialogFormats(template: TemplateName): readonly DialogFormat[] {
  return template === 'tasks'
    ? [...templateFormats(template), 'clipboard']
    : [...templateFormats(template), 'print', 'clipboard'];
}

/** The format kept when the template changes: the same one if the new template has it, else Word. */
export function formatFor(template: TemplateName, wanted: DialogFormat): DialogFormat {
  return dialogFormats(template).includes(wanted) ? wanted : 'docx';
}

const text = (v: unknown, max = 100) =>
  typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : '';

/** Stored text → choices; anything unreadable falls back field by field (never throws). */
export function parseExportChoices(raw: string | null): ExportChoices {
  let v: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object') v = parsed as Record<string, unknown>;
  } catch {
    // a damaged value: defaults
  }
  const template = isTemplateName(v.template) && DIALOG_TEMPLATES.includes(v.template) ? v.template : 'notes';
  const h = (v.header && typeof v.header === 'object' ? v.header : {}) as Record<string, unknown>;
  return {
    template,
    format: formatFor(template, v.format as DialogFormat),
    layout: v.layout === 'simple' ? 'simple' : 'gongwen',
    header: { learner: text(h.learner, 40), unit: text(h.unit, 80), studyTime: text(h.studyTime, 40) },
  };
}

export function serializeExportChoices(c: ExportChoices): string {
  return JSON.stringify(c);
}

/** The header as the templates take it (blank fields left out: the template prints a line to fill in). */
export function studySettings(c: Pick<ExportChoices, 'header'>): StudySettings {
  const out: StudySettings = {};
  const learner = text(c.header.learner, 40);
  const unit = text(c.header.unit, 80);
  const studyTime = text(c.header.studyTime, 40);
  if (learner) out.learner = learner;
  if (unit) out.unit = unit;
  if (studyTime) out.studyTime = studyTime;
  return out;
}
