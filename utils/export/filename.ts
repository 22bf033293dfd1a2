/**
 * File names for exports and backups: 学习笔记-<标题>-<YYYY-MM-DD>.docx, 学习笔记-<N>篇讲话-<date>.md,
 * 研读备份-<date>.json. Names must be valid on Windows and macOS whatever the speech title holds.
 */
import { localDate, type StudyExport } from './model';

export type ExportExtension = 'docx' | 'md' | 'txt' | 'json';

/** Longest title part, in characters: keeps the whole name well under 255 bytes of UTF-8 (3 bytes a character). */
export const MAX_TITLE_CHARS = 40;

// ASCII characters Windows forbids get a full-width twin where one reads naturally, the rest are dropped.
const REPLACE: Record<string, string> = { ':': '：', '?': '？', '"': '“', '<': '《', '>': '》', '|': '｜' };

/**
 * A title made safe as part of a file name: no characters Windows or macOS forbid (<>:"/\|?* and control
 * characters), no leading or trailing dots and spaces, one space for any run of blanks, at most `max` characters
 * (never cutting a character in two).
 */
export function safeFileNamePart(text: string, max = MAX_TITLE_CHARS): string {
  const replaced = text
    .normalize('NFC')
    .replace(/[:?"<>|]/g, (c) => REPLACE[c] ?? '')
    // Bidi embeddings/overrides/isolates (U+202A-E, U+2066-9) too: "讲话\u202Excod.exe" would show reversed.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must go
    .replace(/[\u0000-\u001F\u007F-\u009F/\\*\u200B-\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ');
  // Array.from splits by code point, so a capped name never ends in half a surrogate pair.
  const capped = Array.from(replaced.trim()).slice(0, max).join('');
  return capped.replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * Name of a study export: one speech gives 学习笔记-<title>-<date>.<ext>, several give
 * 学习笔记-<N>篇讲话-<date>.<ext>, none (or an empty title) gives 学习笔记-<date>.<ext>.
 */
export function exportFileName(titles: readonly string[], exportedAt: Date, ext: ExportExtension): string {
  const date = localDate(exportedAt);
  const middle =
    titles.length === 1
      ? safeFileNamePart(titles[0] ?? '')
      : titles.length > 1
        ? `${titles.length}篇讲话`
        : '';
  return middle ? `学习笔记-${middle}-${date}.${ext}` : `学习笔记-${date}.${ext}`;
}

/** Name for a built export model: its speeches' titles and its export date. */
export function studyExportFileName(model: StudyExport, ext: ExportExtension): string {
  const [y, m, d] = model.exportedAt.split('-').map(Number);
  const date = y && m && d ? new Date(y, m - 1, d) : new Date();
  return exportFileName(
    model.speeches.map((s) => s.title),
    date,
    ext,
  );
}

/** Name of a full backup: 研读备份-<date>.json. */
export function backupFileName(exportedAt: Date): string {
  return `研读备份-${localDate(exportedAt)}.json`;
}
