/**
 * The comparison's exports, loaded only when the user asks for one: the Word writer (`docx`) is the largest
 * module of the extension, and the view must not wait for it before it paints.
 */
import { type CompareMeta, compareDocx, compareMarkdown } from '@/utils/compare/export';
import type { Change, Comparison } from '@/utils/compare/types';
import { DOCX_MIME } from '@/utils/export/docx';
import { downloadBlob, downloadText } from '@/utils/export/download';
import { safeFileNamePart } from '@/utils/export/filename';

export async function exportComparison(
  format: 'md' | 'docx',
  result: Comparison,
  meta: CompareMeta,
  changes: Change[],
): Promise<void> {
  const fileName = `对照表-${safeFileNamePart(meta.oldTitle, 30)}-${safeFileNamePart(meta.newTitle, 30)}.${format}`;
  if (format === 'md') {
    downloadText(compareMarkdown(result, meta, changes), fileName, 'text/markdown');
    return;
  }
  const blob = await compareDocx(result, meta, changes);
  downloadBlob(new Blob([blob], { type: DOCX_MIME }), fileName);
}
