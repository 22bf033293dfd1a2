import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TemplateInput } from '@/utils/export/templates/common';
import { type CompilationFilter, compilationTemplate } from '@/utils/export/templates/compilation';
import { PagedDocument } from '../export/PagedDocument';
import '../export/export.css';
import '../export/print-sheets.css';

/**
 * The 专题汇编 as printed A4 sheets: the same `compilation` template as the Word file, with the user's filter
 * and order, laid out with page numbers by the export page's PagedDocument.
 */
export function CompilationPrint({
  input,
  filter,
  theme,
  onBack,
  print,
}: {
  input: TemplateInput;
  filter: CompilationFilter;
  theme: string;
  onBack: () => void;
  print: () => void;
}) {
  const model = useMemo(() => compilationTemplate(input, filter), [input, filter]);
  const [fontsReady, setFontsReady] = useState(false);
  const [pages, setPages] = useState(0);
  useEffect(() => {
    let live = true;
    // Sheets are measured once: the fonts they print in must be there first.
    void Promise.resolve(document.fonts?.ready).then(() => live && setFontsReady(true));
    return () => {
      live = false;
      delete document.documentElement.dataset.yanduCompilationPrint;
    };
  }, []);
  const laidOut = useCallback((count: number) => {
    setPages(count);
    document.documentElement.dataset.yanduCompilationPrint = 'true';
  }, []);
  return (
    <div class={`yd-export-page yd-print-page yd-theme-${theme}`}>
      <div class="yd-export-bar">
        <strong class="yd-export-bar-title">{model.title}</strong>
        {pages > 0 ? <span class="yd-print-count">{i18n.t('expPages', pages, [String(pages)])}</span> : null}
        <span class="yd-export-actions">
          <button type="button" class="yd-btn yd-cpl-back" onClick={onBack}>
            {i18n.t('cplBackToList')}
          </button>
          <button type="button" class="yd-btn yd-btn-primary" disabled={pages === 0} onClick={() => print()}>
            {i18n.t('cplPrint')}
          </button>
        </span>
      </div>
      {fontsReady ? <PagedDocument model={model} onLaidOut={laidOut} /> : null}
    </div>
  );
}
