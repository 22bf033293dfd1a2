import { i18n } from '#i18n';
import type { LibraryView } from '@/hooks/use-library-search';
import { comparePageUrl } from '@/utils/compare/rows';
import { sortSummaries } from '@/utils/store/library';
import { useLibrary } from './LibraryStore';
import { comparePair } from './library-state';

/** Above the list: select all, how many speeches are listed (or found), and what to do with the selection. */
export function LibraryStatus({ view }: { view: LibraryView }) {
  const { state, dispatch } = useLibrary();
  const { rows } = view;
  const allShownSelected = rows.length > 0 && rows.every((r) => state.selected.has(r.id));
  return (
    <div class="yd-lib-status">
      {rows.length > 0 ? (
        <label class="yd-lib-selectall">
          <input
            type="checkbox"
            checked={allShownSelected}
            onChange={() => dispatch({ type: 'select', ids: allShownSelected ? [] : rows.map((r) => r.id) })}
          />
          <span>{i18n.t('libSelectAll')}</span>
        </label>
      ) : null}
      <span aria-live="polite">
        <ListCount view={view} />
      </span>
      {state.selected.size > 0 ? <SelectionBar all={view.all} /> : null}
    </div>
  );
}

function ListCount({ view }: { view: LibraryView }) {
  const { state } = useLibrary();
  const { index, indexed, summaries, partial } = state;
  const n = view.rows.length;
  if (view.searching && !index) return <span class="yd-lib-indexing">{i18n.t('libSearchIndexing')}</span>;
  if (view.searching) {
    return (
      <>
        {i18n.t('libSearchCount', n, [String(n)])}
        {indexed.complete ? null : (
          <span class="yd-lib-indexing">
            {i18n.t('libSearchIndexingProgress', [String(indexed.done), String(indexed.total)])}
          </span>
        )}
      </>
    );
  }
  if (summaries === null || partial) return <>{i18n.t('libLoading')}</>;
  return <>{i18n.t('libCount', n, [String(n)])}</>;
}

/** 导出 the selection, 对照 two of them, or clear it. */
function SelectionBar({ all }: { all: LibraryView['all'] }) {
  const { state, dispatch } = useLibrary();
  const { selected, sort } = state;
  const pair = comparePair(selected, all);
  return (
    <span class="yd-lib-selection">
      <span>{i18n.t('libSelected', [String(selected.size)])}</span>
      <button
        type="button"
        class="yd-btn yd-btn-primary"
        // The selection in the order the list shows it (what the user sees is what the document follows).
        onClick={() =>
          dispatch({
            type: 'export',
            ids: sortSummaries(all, sort)
              .map((s) => s.id)
              .filter((id) => selected.has(id)),
          })
        }
      >
        {i18n.t('libExportSelected')}
      </button>
      <button
        type="button"
        class="yd-btn"
        data-action="compare"
        disabled={!pair}
        title={i18n.t('libCompareHint')}
        onClick={() => pair && window.open(comparePageUrl(pair.oldId, pair.newId), '_blank', 'noopener')}
      >
        {i18n.t('libCompare')}
      </button>
      <button type="button" class="yd-btn yd-btn-quiet" onClick={() => dispatch({ type: 'select', ids: [] })}>
        {i18n.t('libSelectNone')}
      </button>
    </span>
  );
}
