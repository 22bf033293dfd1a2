import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  exportFileName,
  MAX_TITLE_CHARS,
  safeFileNamePart,
  studyExportFileName,
} from '@/utils/export/filename';
import { buildStudyExport } from '@/utils/export/model';
import { loadInput } from '../../../support/records';

const day = new Date(2026, 10, 24, 23, 59);

describe('export file names', () => {
  it('name one speech by its title and the export date', () => {
    expect(exportFileName(['在全市工会工作会议上的讲话'], day, 'docx')).toBe(
      '学习笔记-在全市工会工作会议上的讲话-2026-11-24.docx',
    );
  });

  it('name several speeches by their number', () => {
    expect(exportFileName(['甲', '乙', '丙'], day, 'md')).toBe('学习笔记-3篇讲话-2026-11-24.md');
  });

  it('fall back to the date alone when the title has nothing usable', () => {
    expect(exportFileName(['  ...  '], day, 'txt')).toBe('学习笔记-2026-11-24.txt');
    expect(exportFileName([], day, 'docx')).toBe('学习笔记-2026-11-24.docx');
  });

  it('drop or replace characters Windows and macOS forbid', () => {
    const name = exportFileName(['关于"两会"精神: 学习/贯彻\\落实*要点?<一>|二\u0000\t'], day, 'docx');
    expect(name).not.toMatch(/[<>:"/\\|?*]/);
    expect([...name].every((c) => c.charCodeAt(0) >= 32)).toBe(true);
    expect(name).toBe('学习笔记-关于“两会“精神： 学习 贯彻 落实 要点？《一》｜二-2026-11-24.docx');
  });

  it('cap a long title without cutting a character in two, and stay under 255 bytes', () => {
    const title = '𠀀'.repeat(100); // astral characters: two UTF-16 units each
    const part = safeFileNamePart(title);
    expect(Array.from(part)).toHaveLength(MAX_TITLE_CHARS);
    expect(part.isWellFormed()).toBe(true);
    const name = exportFileName([`${'很长的讲话标题'.repeat(30)}`], day, 'docx');
    expect(new TextEncoder().encode(name).length).toBeLessThan(255);
  });

  it('never start with a dot (a hidden file on macOS) or end with a dot or space (Windows)', () => {
    expect(safeFileNamePart('..隐藏. ')).toBe('隐藏');
  });

  it('name a backup by its date', () => {
    expect(backupFileName(day)).toBe('研读备份-2026-11-24.json');
  });
});

describe('file name of a built export', () => {
  it('uses the model’s speeches and export date', () => {
    const model = buildStudyExport(loadInput('single-speech'));
    expect(studyExportFileName(model, 'docx')).toBe(
      '学习笔记-在全市工会系统重点工作推进会上的讲话-2026-11-24.docx',
    );
    const two = buildStudyExport(loadInput('two-speeches-untrusted-text'));
    expect(studyExportFileName(two, 'txt')).toBe('学习笔记-2篇讲话-2026-01-05.txt');
  });
});
