import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { parseExportChoices } from '@/utils/export/choices';
import { runTemplateExport } from '@/utils/export/template-run';
import type { YanduDB } from '@/utils/store/db';
import { type LocalStore, pageStorage, readLocal } from '@/utils/store/local';
import type { HighlightCategory } from '@/utils/types';
import { CompilationFilters } from './CompilationFilters';
import { CompilationList } from './CompilationList';
import { CompilationPrint } from './CompilationPrint';
import { type Compilation, useCompilation } from './use-compilation';
import '../library/library.css';
import './compilation.css';

type Message = { text: string; error?: boolean } | null;

/** 导出 Word: the `compilation` template over the speeches of the shown excerpts, with the filter and order. */
function useWordExport(
  db: YanduDB,
  c: Compilation,
  categoryNames: Record<HighlightCategory, string>,
  store: LocalStore | undefined,
) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const speechIds = [
        ...new Set(c.entries.map((e) => c.speechOf.get(e.highlightId)?.id ?? '').filter(Boolean)),
      ];
      // The Word layout (公文 or 简洁) the user last chose in the export dialog.
      const { layout } = parseExportChoices(readLocal('exportChoices', store));
      const name = await runTemplateExport(db, {
        speechIds,
        template: 'compilation',
        format: 'docx',
        layout,
        compilation: c.filter,
        categoryNames,
      });
      setMessage({ text: i18n.t('expDownloaded', [name]) });
    } catch (e) {
      setMessage({ text: i18n.t('expFailed', [String((e as Error)?.message ?? e)]), error: true });
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run };
}

/**
 * compilation.html: 专题汇编, highlights gathered across every speech of the library, chosen by category,
 * keyword, speaker and date, arranged by the user, exported to Word or printed, each with its 出处. The title,
 * filter and order are remembered (utils/compilation/state.ts).
 */
export function CompilationPage({
  db,
  categoryNames,
  theme = 'light',
  store = pageStorage(),
  print = () => window.print(),
}: {
  db: YanduDB;
  categoryNames: Record<HighlightCategory, string>;
  theme?: string;
  /** Where the filter and order are remembered (the page's localStorage; injected by tests). */
  store?: LocalStore;
  print?: () => void;
}) {
  const c = useCompilation(db, categoryNames, store);
  const word = useWordExport(db, c, categoryNames, store);
  const [printing, setPrinting] = useState(false);
  const loaded = c.input !== null;
  useEffect(() => {
    // For the e2e tests: the library is read and the excerpts are on the page.
    if (loaded) document.documentElement.dataset.yanduCompilationReady = 'true';
  }, [loaded]);

  if (printing && c.input) {
    return (
      <CompilationPrint
        input={c.input}
        filter={c.filter}
        theme={theme}
        onBack={() => setPrinting(false)}
        print={print}
      />
    );
  }
  const none = c.entries.length === 0;
  return (
    <div class={`yd-lib yd-cpl yd-theme-${theme}`}>
      <header class="yd-lib-header">
        <h1 class="yd-lib-heading">{i18n.t('cplTitle')}</h1>
        <p class="yd-cpl-intro">{i18n.t('cplIntro')}</p>
      </header>
      {c.error ? (
        <p class="yd-export-message is-error" role="alert">
          {i18n.t('expFailed', [c.error])}
        </p>
      ) : null}
      {!c.input ? (
        <p class="yd-cpl-loading">{i18n.t('cplLoading')}</p>
      ) : c.input.highlights.length === 0 ? (
        <p class="yd-lib-empty">{i18n.t('cplEmpty')}</p>
      ) : (
        <>
          <CompilationFilters
            state={c.state}
            update={c.update}
            speakers={c.speakers}
            categoryNames={categoryNames}
          />
          <div class="yd-cpl-bar">
            <strong class="yd-cpl-count" aria-live="polite">
              {i18n.t('cplCount', [String(c.entries.length)])}
            </strong>
            <button
              type="button"
              class="yd-btn yd-btn-quiet yd-cpl-reset"
              disabled={c.state.order.length === 0}
              onClick={c.resetOrder}
            >
              {i18n.t('cplResetOrder')}
            </button>
            <span class="yd-cpl-actions">
              <button
                type="button"
                class="yd-btn yd-cpl-print"
                disabled={none}
                onClick={() => setPrinting(true)}
              >
                {i18n.t('cplPrintView')}
              </button>
              <button
                type="button"
                class="yd-btn yd-btn-primary yd-cpl-word"
                disabled={none || word.busy}
                onClick={() => void word.run()}
              >
                {word.busy ? i18n.t('cplWorking') : i18n.t('cplExportWord')}
              </button>
            </span>
          </div>
          {word.message ? (
            <p
              class={`yd-export-message${word.message.error ? ' is-error' : ''}`}
              role={word.message.error ? 'alert' : 'status'}
            >
              {word.message.text}
            </p>
          ) : null}
          {none ? (
            <p class="yd-lib-empty">{i18n.t('cplNoMatch')}</p>
          ) : (
            <>
              <p class="yd-cpl-hint">{i18n.t('cplOrderHint')}</p>
              <CompilationList
                entries={c.entries}
                categoryNames={categoryNames}
                urlOf={(id) => c.speechOf.get(id)?.url ?? ''}
                move={c.move}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
