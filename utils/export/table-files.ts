/**
 * The 任务分解表 as a spreadsheet: CSV (UTF-8 with a byte-order mark, so Excel and WPS read the Chinese) and
 * .xlsx through exceljs, which is imported only when a sheet is exported. Cells are page text: a cell that a
 * spreadsheet would read as a formula (=, +, -, @ first) is written with a leading apostrophe in CSV and always
 * as a plain string in .xlsx.
 */
import { TASK_TABLE_COLUMNS, TASK_TABLE_TITLE, type TaskTableRow, taskCells } from './templates/tasks';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tasksToCsv(rows: readonly TaskTableRow[]): string {
  const lines = [TASK_TABLE_COLUMNS.map((c) => c.title), ...rows.map(taskCells)].map((r) =>
    r.map(csvCell).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Column widths in characters for the sheet (a Chinese character counts two). */
const XLSX_WIDTHS = [6, 48, 30, 16, 16, 18, 28, 14];

export async function tasksToXlsxBytes(rows: readonly TaskTableRow[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '研读 Yandu';
  const sheet = book.addWorksheet(TASK_TABLE_TITLE, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = TASK_TABLE_COLUMNS.map((c, i) => ({ header: c.title, width: XLSX_WIDTHS[i] ?? 14 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of rows) {
    const cells = taskCells(r);
    // Strings as they are: exceljs never turns a string into a formula (only { formula } objects are).
    const row = sheet.addRow([r.number, ...cells.slice(1)]);
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.overdue) {
      row.font = { bold: true, color: { argb: 'FFC00000' } };
      row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: TASK_TABLE_COLUMNS.length } };
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
