import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DocModel } from '@/utils/export/doc';
import { templateInput } from '@/utils/export/template-run';
import type { StudySettings } from '@/utils/export/templates/common';
import type { TemplateName } from '@/utils/export/templates/names';
import { afterPaint } from '@/utils/frames';
import type { ReaderTheme } from '@/utils/settings';
import type { YanduDB } from '@/utils/store/db';
import type { HighlightCategory } from '@/utils/types';
import { templateLabel } from './ExportDialog';
import { PagedDocument } from './PagedDocument';
import './export.css';
import './print-sheets.css';

/**
 * export.html?template=<name>: a meeting template (全文带标注, 学习笔记, …) as printed A4 sheets with page
 * numbers and no browser header or footer (the sheets carry the margins; `@page` has none). format=print
 * opens the print dialog once the sheets are laid out.
 */
export function TemplatePrintPage({
  db,
  speechIds,
  template,
  settings,
  categoryNames,
  autoPrint,
  theme = 'light',
  print = () => window.print(),
}: {
  db: YanduDB;
  speechIds: readonly string[];
  template: TemplateName;
  settings?: StudySettings;
  categoryNames?: Record<HighlightCategory, string>;
  autoPrint: boolean;
  theme?: ReaderTheme;
  print?: () => void;
}) {
  const [model, setModel] = useState<DocModel | null>(null);
  const [empty, setEmpty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      const input = await templateInput(db, { speechIds, settings, categoryNames });
      if (input.speeches.length === 0) {
        if (live) setEmpty(true);
        return;
      }
      const { buildTemplate } = await import('@/utils/export/templates/index');
      const built = buildTemplate(template, input);
      // Sheets are measured once: the fonts they print in must be there first.
      await document.fonts?.ready;
      if (!live) return;
      document.title = `${built.title} · 研读`;
      setModel(built);
    })().catch((e: unknown) => live && setError(String((e as Error)?.message ?? e)));
    return () => {
      live = false;
    };
  }, [db, speechIds, template, settings, categoryNames]);

  const laidOut = useCallback(
    (count: number) => {
      setPages(count);
      document.documentElement.dataset.yanduExportReady = 'true';
      if (autoPrint) void afterPaint().then(print);
    },
    [autoPrint, print],
  );

  return (
    <div class={`yd-export-page yd-print-page yd-theme-${theme}`}>
      <div class="yd-export-bar">
        <strong class="yd-export-bar-title">{templateLabel(template)}</strong>
        {pages > 0 ? <span class="yd-print-count">{i18n.t('expPages', pages, [String(pages)])}</span> : null}
        <span class="yd-export-actions">
          <button type="button" class="yd-btn yd-btn-primary" disabled={pages === 0} onClick={() => print()}>
            {i18n.t('expPagePrint')}
          </button>
        </span>
        {error ? (
          <p class="yd-export-message is-error" role="alert">
            {i18n.t('expFailed', [error])}
          </p>
        ) : null}
      </div>
      {model ? (
        <PagedDocument model={model} onLaidOut={laidOut} />
      ) : (
        <p class="yd-export-loading">{empty ? i18n.t('expPageEmpty') : i18n.t('expPageLoading')}</p>
      )}
    </div>
  );
}
