/**
 * Running a study export from the UI: read the chosen speeches with their highlights and notes, build the
 * model in chunks (progress, no frozen page), then hand it to the chosen format. The .docx code is imported
 * only when asked for, so the library page does not load it.
 */
import { CATEGORY_NAMES } from '../categories';
import type { YanduDB } from '../store/db';
import { bySpeechIds } from '../store/library';
import type { Highlight, HighlightCategory, Note, SpeechRecord } from '../types';
import { downloadBlob } from './download';
import { studyExportFileName } from './filename';
import { buildStudyExportChunked, type StudyExport } from './model';

/**
 * Category names written into the document. The export is read at a Chinese study meeting, so they are
 * Chinese whatever the browser's language (like EXPORT_LABELS).
 */
export const EXPORT_CATEGORY_NAMES: Readonly<Record<HighlightCategory, string>> = CATEGORY_NAMES;

export type ExportFormat = 'docx' | 'markdown' | 'print' | 'clipboard';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'markdown', 'print', 'clipboard'];

export interface ExportRequest {
  speechIds: readonly string[];
  includeTasks: boolean;
  /** EXPORT_CATEGORY_NAMES unless given. */
  categoryNames?: Record<HighlightCategory, string>;
  /** done/total as a fraction 0..1 across reading, building and writing. */
  onProgress?: (fraction: number) => void;
  now?: Date;
}

/** The export model of the chosen speeches, in the order given (unknown ids are skipped). */
export async function buildExport(db: YanduDB, req: ExportRequest): Promise<StudyExport> {
  const ids = [...new Set(req.speechIds)];
  req.onProgress?.(0);
  const [records, highlights, notes] = await db.transaction('r', [db.speeches, db.highlights, db.notes], () =>
    Promise.all([
      db.speeches.bulkGet(ids),
      bySpeechIds<Highlight>(db.highlights, ids),
      bySpeechIds<Note>(db.notes, ids),
    ]),
  );
  const speeches = records.filter((s): s is SpeechRecord => s !== undefined);
  req.onProgress?.(0.1);
  return buildStudyExportChunked(
    {
      speeches,
      highlights,
      notes,
      categoryNames: req.categoryNames ?? EXPORT_CATEGORY_NAMES,
      includeTasks: req.includeTasks,
      exportedAt: req.now ?? new Date(),
    },
    { onProgress: (done, total) => req.onProgress?.(0.1 + 0.4 * (total ? done / total : 1)) },
  );
}

export type ExportOutcome =
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'copied'; characters: number }
  | { kind: 'print'; model: StudyExport };

/**
 * Export the chosen speeches in one format. 'print' only builds the model: the caller shows it on the
 * export page and prints. Errors (clipboard refused, database closed) are thrown to the caller to show.
 */
export async function runExport(
  db: YanduDB,
  format: ExportFormat,
  req: ExportRequest,
): Promise<ExportOutcome> {
  const model = await buildExport(db, req);
  return deliver(model, format, req.onProgress);
}

/** Hand a built model to a format. */
export async function deliver(
  model: StudyExport,
  format: ExportFormat,
  onProgress?: (fraction: number) => void,
): Promise<ExportOutcome> {
  if (format === 'docx') {
    const { toDocx } = await import('./docx');
    const blob = await toDocx(model, {
      onProgress: (done, total) => onProgress?.(0.5 + 0.5 * (total ? done / total : 1)),
    });
    const fileName = studyExportFileName(model, 'docx');
    downloadBlob(blob, fileName);
    onProgress?.(1);
    return { kind: 'downloaded', fileName };
  }
  if (format === 'markdown') {
    const { toMarkdown } = await import('./markdown');
    const fileName = studyExportFileName(model, 'md');
    downloadBlob(new Blob([toMarkdown(model)], { type: 'text/markdown;charset=utf-8' }), fileName);
    onProgress?.(1);
    return { kind: 'downloaded', fileName };
  }
  if (format === 'clipboard') {
    const { toPlainText } = await import('./text');
    const text = toPlainText(model);
    await navigator.clipboard.writeText(text);
    onProgress?.(1);
    return { kind: 'copied', characters: text.length };
  }
  onProgress?.(1);
  return { kind: 'print', model };
}
