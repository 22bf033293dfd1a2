import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DocModel } from '@/utils/export/doc';
import { studyExportFileName } from '@/utils/export/filename';
import type { StudyExport } from '@/utils/export/model';
import { buildExport, deliver, type ExportFormat } from '@/utils/export/run';
import { studyExportBlocks } from '@/utils/export/study-blocks';
import { afterPaint } from '@/utils/frames';
import type { ReaderTheme } from '@/utils/settings';
import type { YanduDB } from '@/utils/store/db';
import type { HighlightCategory } from '@/utils/types';
import { formatLabel } from './ExportDialog';
import { ExportDocument } from './ExportDocument';
import { MeetingExportButton } from './MeetingExportButton';
import { PagedDocument } from './PagedDocument';
import './export.css';
import './print-sheets.css';

/**
 * export.html: the study export of the speeches named in the address, as a printable page with the other
 * formats one click away. Opened from the library (format=print: prints at once) and from the reader.
 * The screen shows the document as a page; what prints are the same blocks as its Word file laid onto A4
 * sheets (PagedDocument, kept off screen): numbered pages and no room for the browser's own header and footer,
 * which would print the extension's address (Firefox draws no `@page` margin boxes, so CSS alone cannot).
 */
export function ExportPage({
  db,
  speechIds,
  includeTasks: initialTasks,
  autoPrint,
  theme = 'light',
  print = () => window.print(),
  categoryNames,
}: {
  categoryNames?: Record<HighlightCategory, string>;
  db: YanduDB;
  speechIds: readonly string[];
  includeTasks: boolean;
  autoPrint: boolean;
  theme?: ReaderTheme;
  print?: () => void;
}) {
  const [includeTasks, setIncludeTasks] = useState(initialTasks);
  const [model, setModel] = useState<StudyExport | null>(null);
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [printed, setPrinted] = useState(false);
  /** The blocks the sheets print, once the fonts they are measured in are there. */
  const [sheetsModel, setSheetsModel] = useState<DocModel | null>(null);
  const [sheets, setSheets] = useState(0);

  useEffect(() => {
    let live = true;
    buildExport(db, {
      speechIds,
      includeTasks,
      categoryNames,
      onProgress: (f) => live && setProgress(f),
    }).then(
      (m) => {
        if (!live) return;
        setModel(m);
        // The print dialog offers the page title as the PDF's name: the same name as the other formats.
        if (m.speeches.length > 0) document.title = studyExportFileName(m, 'docx').replace(/\.docx$/, '');
      },
      (e: unknown) => live && setMessage({ text: i18n.t('expFailed', [String(e)]), error: true }),
    );
    return () => {
      live = false;
    };
  }, [db, speechIds, includeTasks, categoryNames]);

  useEffect(() => {
    setSheets(0);
    setSheetsModel(null);
    if (!model || model.speeches.length === 0) return;
    let live = true;
    void Promise.resolve(document.fonts?.ready).then(() => live && setSheetsModel(studyExportBlocks(model)));
    return () => {
      live = false;
    };
  }, [model]);

  const laidOut = useCallback((count: number) => setSheets(count), []);

  useEffect(() => {
    if (sheets === 0) return;
    document.documentElement.dataset.yanduExportReady = 'true';
    if (autoPrint && !printed) {
      setPrinted(true);
      void afterPaint().then(print);
    }
  }, [sheets, autoPrint, printed, print]);

  const run = async (format: ExportFormat) => {
    if (!model) return;
    if (format === 'print') {
      print();
      return;
    }
    setMessage(null);
    try {
      const out = await deliver(model, format);
      if (out.kind === 'downloaded') setMessage({ text: i18n.t('expDownloaded', [out.fileName]) });
      else if (out.kind === 'copied') setMessage({ text: i18n.t('expCopied', [String(out.characters)]) });
    } catch (e) {
      setMessage({ text: i18n.t('expFailed', [String((e as Error)?.message ?? e)]), error: true });
    }
  };

  return (
    <div class={`yd-export-page yd-theme-${theme}`}>
      <div class="yd-export-bar">
        <strong class="yd-export-bar-title">{i18n.t('expTitle')}</strong>
        <label class="yd-export-tasks">
          <input
            type="checkbox"
            checked={includeTasks}
            onChange={(e) => setIncludeTasks((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>{i18n.t('expIncludeTasks')}</span>
        </label>
        <span class="yd-export-actions">
          {(['print', 'docx', 'markdown', 'clipboard'] as const).map((f) => (
            <button
              key={f}
              type="button"
              class={`yd-btn${f === 'print' ? ' yd-btn-primary' : ''}`}
              disabled={!model || model.speeches.length === 0 || (f === 'print' && sheets === 0)}
              onClick={() => void run(f)}
            >
              {f === 'print' ? i18n.t('expPagePrint') : formatLabel(f)}
            </button>
          ))}
          <MeetingExportButton
            db={db}
            speechIds={speechIds}
            categoryNames={categoryNames}
            disabled={!model || model.speeches.length === 0}
          />
        </span>
        {message ? (
          <p
            class={`yd-export-message${message.error ? ' is-error' : ''}`}
            role={message.error ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      <main class="yd-export-sheet">
        {model === null ? (
          <p class="yd-export-loading">
            {i18n.t('expPageLoading')}
            <progress max={100} value={Math.round(progress * 100)} />
          </p>
        ) : model.speeches.length === 0 ? (
          <p class="yd-export-loading">{i18n.t('expPageEmpty')}</p>
        ) : (
          <ExportDocument model={model} />
        )}
      </main>
      {sheetsModel ? (
        <div class="yd-export-printable" aria-hidden="true">
          <PagedDocument model={sheetsModel} onLaidOut={laidOut} />
        </div>
      ) : null}
    </div>
  );
}
