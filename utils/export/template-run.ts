/**
 * Running a meeting template from the UI: read the chosen speeches with their highlights, notes and unsaved
 * drafts, build the template and download the file. The templates and renderers are imported only when asked
 * for, so no page loads them before an export.
 */
import type { YanduDB } from '../store/db';
import { draftsOf, highlightDraftId, newestByOwner, studyNoteDraftId } from '../store/drafts';
import { bySpeechIds } from '../store/library';
import type { Highlight, HighlightCategory, Note, SpeechRecord } from '../types';
import { downloadBlob } from './download';
import { safeFileNamePart } from './filename';
import type { DocxLayout } from './gongwen';
import { EXPORT_CATEGORY_NAMES } from './run';
import type { StudySettings, TemplateInput } from './templates/common';
import type { CompilationFilter } from './templates/compilation';
import type { TemplateFormat, TemplateName } from './templates/index';

export interface TemplateRequest {
  speechIds: readonly string[];
  template: TemplateName;
  format: TemplateFormat;
  layout?: DocxLayout;
  settings?: StudySettings;
  compilation?: CompilationFilter;
  categoryNames?: Record<HighlightCategory, string>;
  onProgress?: (fraction: number) => void;
  now?: Date;
}

/** The template's input from the database: speeches in the order given, drafts of their notes included. */
export async function templateInput(
  db: YanduDB,
  req: Pick<TemplateRequest, 'speechIds' | 'settings' | 'categoryNames' | 'now'>,
): Promise<TemplateInput> {
  const ids = [...new Set(req.speechIds)];
  const [records, highlights, notes] = await db.transaction('r', [db.speeches, db.highlights, db.notes], () =>
    Promise.all([
      db.speeches.bulkGet(ids),
      bySpeechIds<Highlight>(db.highlights, ids),
      bySpeechIds<Note>(db.notes, ids),
    ]),
  );
  // Every tab's drafts (drafts.ts); the newest of each note is printed, once, under the note's own key.
  const owners = [...ids.map(studyNoteDraftId), ...highlights.map((h) => highlightDraftId(h.id))];
  const drafts = newestByOwner(await draftsOf(db, owners));
  return {
    speeches: records.filter((s): s is SpeechRecord => s !== undefined),
    highlights,
    notes,
    drafts,
    categoryNames: req.categoryNames ?? EXPORT_CATEGORY_NAMES,
    settings: req.settings,
    exportedAt: req.now ?? new Date(),
  };
}

/**
 * File name: 学习笔记-2026-12-02.docx, or with what it covers, 学习笔记-<speech title>-2026-12-02.docx /
 * 学习笔记-3篇讲话-2026-12-02.docx, so exports of different speeches do not overwrite each other (characters
 * Windows refuses are replaced).
 */
export function templateFileName(title: string, day: string, extension: string, subject = ''): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those refused
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 60) || '研读';
  const about = safeFileNamePart(subject);
  return about ? `${safe}-${about}-${day}.${extension}` : `${safe}-${day}.${extension}`;
}

/** What a file covers: the one speech's title, or "N篇讲话". */
function fileSubject(speeches: readonly Pick<SpeechRecord, 'title'>[]): string {
  if (speeches.length === 1) return speeches[0]?.title ?? '';
  return speeches.length > 1 ? `${speeches.length}篇讲话` : '';
}

/**
 * Build a template and put it on the clipboard as plain text (text-blocks.ts); returns how many characters
 * were copied. A refused clipboard (page not focused) is thrown to the caller to show.
 */
export async function copyTemplateText(
  db: YanduDB,
  req: Omit<TemplateRequest, 'format' | 'layout'>,
  write: (text: string) => Promise<void> = (text) => navigator.clipboard.writeText(text),
): Promise<number> {
  const input = await templateInput(db, req);
  const [{ buildTemplate }, { blocksToPlainText }] = await Promise.all([
    import('./templates/index'),
    import('./text-blocks'),
  ]);
  const text = blocksToPlainText(buildTemplate(req.template, input, { compilation: req.compilation }));
  await write(text);
  return [...text].length;
}

/** Build and download a template; returns the file name. Errors are thrown to the caller to show. */
export async function runTemplateExport(db: YanduDB, req: TemplateRequest): Promise<string> {
  req.onProgress?.(0);
  const input = await templateInput(db, req);
  req.onProgress?.(0.1);
  const [{ renderTemplate }, { localDate }] = await Promise.all([
    import('./templates/index'),
    import('./model'),
  ]);
  const file = await renderTemplate(req.template, req.format, input, {
    layout: req.layout,
    compilation: req.compilation,
    onProgress: (done, total) => req.onProgress?.(0.1 + 0.9 * (total ? done / total : 1)),
  });
  const name = templateFileName(
    file.title,
    localDate(input.exportedAt),
    file.extension,
    fileSubject(input.speeches),
  );
  downloadBlob(new Blob([file.bytes as BlobPart], { type: file.mime }), name);
  req.onProgress?.(1);
  return name;
}
