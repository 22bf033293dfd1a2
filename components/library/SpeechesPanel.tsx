import { i18n } from '#i18n';
import { useLibrarySearch } from '@/hooks/use-library-search';
import { LibraryList } from './LibraryList';
import { LibraryStatus } from './LibraryStatus';
import { useLibrary } from './LibraryStore';
import { LibraryToolbar } from './LibraryToolbar';

/** The 讲话 tab: search and filters, the count and the selection, and the list (or why it is empty). */
export function SpeechesPanel() {
  const { state, dispatch, categories } = useLibrary();
  const view = useLibrarySearch(state);
  const { summaries, partial, index } = state;
  const { all, rows, hits, searching } = view;
  return (
    <section id="yd-panel-speeches" role="tabpanel" aria-labelledby="yd-tab-speeches" class="yd-lib-panel">
      <LibraryToolbar facets={view.facets} />
      <LibraryStatus view={view} />
      {summaries !== null && !partial && all.length === 0 ? (
        <p class="yd-lib-empty">{i18n.t('libEmpty')}</p>
      ) : summaries !== null && rows.length === 0 && (!searching || index) ? (
        <p class="yd-lib-empty">{i18n.t('libNoMatch')}</p>
      ) : (
        <LibraryList
          rows={rows}
          hits={hits}
          selected={state.selected}
          onToggle={(id) => dispatch({ type: 'toggle', id })}
          onDelete={(speech) => dispatch({ type: 'confirm', speech })}
          categories={categories}
        />
      )}
    </section>
  );
}
