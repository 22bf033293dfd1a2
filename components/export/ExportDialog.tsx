import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { EXPORT_FORMATS, type ExportFormat, runExport } from '@/utils/export/run';
import { exportHref } from '@/utils/routes';
import type { YanduDB } from '@/utils/store/db';
import type { HighlightCategory } from '@/utils/types';
import { Modal } from '../library/LibraryDialog';

export function formatLabel(f: ExportFormat): string {
  switch (f) {
    case 'docx':
      return i18n.t('expDocx');
    case 'markdown':
      return i18n.t('expMarkdown');
    case 'print':
      return i18n.t('expPrint');
    default:
      return i18n.t('expClipboard');
  }
}

/** Opens the printable export in a new tab (export.html prints it once laid out). */
function openPrintPage(href: string): void {
  globalThis.open?.(href, '_blank', 'noopener');
}

/**
 * 导出学习笔记 for a selection of speeches: choose the format and whether to add the key-task table. Word,
 * Markdown and clipboard run here with a progress bar; Print/PDF opens the export page, which prints.
 */
export function ExportDialog({
  db,
  speechIds,
  onClose,
  openPage = openPrintPage,
  categoryNames,
}: {
  db: YanduDB;
  /** The user's category names, written into the document; the built-in Chinese names when absent. */
  categoryNames?: Record<HighlightCategory, string>;
  speechIds: readonly string[];
  onClose: () => void;
  openPage?: (href: string) => void;
}) {
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [includeTasks, setIncludeTasks] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const run = async () => {
    setMessage(null);
    if (format === 'print') {
      openPage(exportHref({ speechIds, includeTasks, format: 'print' }));
      setMessage({ text: i18n.t('expPrintOpened') });
      return;
    }
    setProgress(0);
    try {
      const out = await runExport(db, format, {
        speechIds,
        includeTasks,
        categoryNames,
        onProgress: (f) => setProgress(f),
      });
      if (out.kind === 'downloaded') setMessage({ text: i18n.t('expDownloaded', [out.fileName]) });
      else if (out.kind === 'copied') setMessage({ text: i18n.t('expCopied', [String(out.characters)]) });
    } catch (e) {
      setMessage({ text: i18n.t('expFailed', [String((e as Error)?.message ?? e)]), error: true });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Modal title={i18n.t('expTitle')} onCancel={onClose} labelId="yd-export-title">
      <p class="yd-modal-body">{i18n.t('expSpeeches', speechIds.length, [String(speechIds.length)])}</p>
      <fieldset class="yd-export-formats" disabled={busy}>
        <legend>{i18n.t('expFormat')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f} class="yd-export-format">
            <input
              type="radio"
              name="yd-export-format"
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />
            <span>{formatLabel(f)}</span>
          </label>
        ))}
      </fieldset>
      <label class="yd-export-tasks">
        <input
          type="checkbox"
          checked={includeTasks}
          disabled={busy}
          onChange={(e) => setIncludeTasks((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{i18n.t('expIncludeTasks')}</span>
      </label>
      {busy ? (
        <div class="yd-export-progress">
          <span>{i18n.t('expWorking')}</span>
          <progress max={100} value={Math.round((progress ?? 0) * 100)} aria-label={i18n.t('expWorking')} />
        </div>
      ) : null}
      {message ? (
        <p
          class={`yd-export-message${message.error ? ' is-error' : ''}`}
          role={message.error ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      <div class="yd-modal-actions">
        <button type="button" class="yd-btn" onClick={onClose}>
          {i18n.t('expClose')}
        </button>
        <button type="button" class="yd-btn yd-btn-primary" disabled={busy} onClick={() => void run()}>
          {i18n.t('expRun')}
        </button>
      </div>
    </Modal>
  );
}
