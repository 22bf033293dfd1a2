import { useCallback } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SpeechSummary } from '@/utils/store/library';
import { later } from '../shared/later';
import { categoryNames } from './LibraryChips';
import { ConfirmDialog, Snackbar } from './LibraryDialog';
import { useLibrary } from './LibraryStore';

// Loaded when 导出 is first pressed, not with the page.
const ExportDialog = later(() => import('../export/ExportDialog').then((m) => m.ExportDialog));

/** What 删除 will remove, as it is: a 学习心得 is named only when there is one. */
export function deleteBody(s: Pick<SpeechSummary, 'title' | 'highlights' | 'hasNote'>): string {
  const title = s.title || i18n.t('readerUntitled');
  const n = String(s.highlights);
  if (s.highlights > 0 && s.hasNote) return i18n.t('libDeleteBody', [title, n]);
  if (s.highlights > 0) return i18n.t('libDeleteBodyHighlights', [title, n]);
  if (s.hasNote) return i18n.t('libDeleteBodyNote', [title]);
  return i18n.t('libDeleteBodyCopy', [title]);
}

/** What opens over the page: the delete question, the export dialog, and the snackbar with 撤销. */
export function LibraryOverlays() {
  const { state, dispatch, db, categories, remove, undo } = useLibrary();
  const { confirming, exportIds, snack } = state;
  const cancelConfirm = useCallback(() => dispatch({ type: 'confirm', speech: null }), [dispatch]);
  const closeExport = useCallback(() => dispatch({ type: 'export', ids: null }), [dispatch]);
  const closeSnack = useCallback(() => dispatch({ type: 'snack', snack: null }), [dispatch]);
  const removed = snack?.undo;
  return (
    <>
      {confirming ? (
        <ConfirmDialog
          title={i18n.t('libDeleteTitle')}
          body={deleteBody(confirming)}
          confirmLabel={i18n.t('libDeleteConfirm')}
          cancelLabel={i18n.t('libCancel')}
          onConfirm={() => void remove(confirming)}
          onCancel={cancelConfirm}
        />
      ) : null}
      {exportIds && db ? (
        <ExportDialog
          db={db}
          speechIds={exportIds}
          onClose={closeExport}
          categoryNames={categoryNames(categories)}
        />
      ) : null}
      {snack ? (
        <Snackbar
          message={snack.message}
          actionLabel={removed ? i18n.t('libUndo') : undefined}
          onAction={removed ? () => void undo(removed) : undefined}
          onTimeout={closeSnack}
        />
      ) : null}
    </>
  );
}
