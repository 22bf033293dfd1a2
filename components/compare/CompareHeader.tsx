import { i18n } from '#i18n';
import type { RowFilter } from '@/utils/compare/rows';
import type { CompareSummary } from '@/utils/compare/types';

const FILTERS: Array<[RowFilter, () => string]> = [
  ['all', () => i18n.t('cmpFilterAll')],
  ['changes', () => i18n.t('cmpFilterChanges')],
  ['added', () => i18n.t('cmpFilterAdded')],
  ['dropped', () => i18n.t('cmpFilterDropped')],
  ['numbers', () => i18n.t('cmpFilterNumbers')],
];

export interface CompareHeaderProps {
  oldTitle: string;
  newTitle: string;
  summary: CompareSummary;
  filter: RowFilter;
  onFilter: (f: RowFilter) => void;
  /** 1-based position of the current change among those shown, and how many there are. */
  position: number;
  total: number;
  onExportMarkdown: () => void;
  onExportDocx: () => void;
}

/** Titles, the summary, the filters, the change counter and the export buttons. */
export function CompareHeader(p: CompareHeaderProps) {
  const s = p.summary;
  return (
    <header class="yd-cmp-header">
      <h1>
        {i18n.t('cmpTitle')}：{p.oldTitle} → {p.newTitle}
      </h1>
      <p class="yd-cmp-summary">
        {i18n.t('cmpSummary', [
          String(s.added),
          String(s.dropped),
          String(s.changed),
          String(s.moved),
          String(s.figures),
        ])}
      </p>
      <div class="yd-cmp-tools">
        <fieldset class="yd-cmp-filters" aria-label={i18n.t('cmpFilterLabel')}>
          {FILTERS.map(([f, label]) => (
            <button
              key={f}
              type="button"
              data-filter={f}
              aria-pressed={p.filter === f}
              onClick={() => p.onFilter(f)}
            >
              {label()}
            </button>
          ))}
        </fieldset>
        <span class="yd-cmp-position" title={i18n.t('cmpKeys')}>
          {/* Before a change is picked there is no "change 1 of N": say how many there are. */}
          {p.position > 0
            ? i18n.t('cmpPosition', [String(p.position), String(p.total)])
            : i18n.t('cmpCount', p.total, [String(p.total)])}
        </span>
        <button type="button" data-export="md" onClick={p.onExportMarkdown}>
          {i18n.t('cmpExportMarkdown')}
        </button>
        <button type="button" data-export="docx" onClick={p.onExportDocx}>
          {i18n.t('cmpExportDocx')}
        </button>
      </div>
    </header>
  );
}
