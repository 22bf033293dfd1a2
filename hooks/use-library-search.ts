/**
 * What the speeches list shows: the library filtered and sorted, then, when there is a query, only the
 * speeches the search index finds among them, each with its hits.
 */
import { useMemo } from 'preact/hooks';
import type { LibraryState } from '@/components/library/library-state';
import { queryTerms, type SpeechHits } from '@/utils/search';
import { applyFilter, type Facets, facets, type SpeechSummary, sortSummaries } from '@/utils/store/library';

export interface LibraryView {
  /** Every speech known so far. */
  all: readonly SpeechSummary[];
  /** The rows to list, in order. */
  rows: readonly SpeechSummary[];
  /** The search's hits per speech; null when not searching or the index is not there yet. */
  hits: Map<string, SpeechHits> | null;
  searching: boolean;
  /** Speakers and years with their counts, for the filters. */
  facets: Facets;
}

export function useLibrarySearch(state: LibraryState): LibraryView {
  const { summaries, filter, sort, query, index, indexed } = state;
  const all = useMemo(() => summaries ?? [], [summaries]);
  const sorted = useMemo(() => sortSummaries(applyFilter(all, filter), sort), [all, filter, sort]);
  const searching = queryTerms(query).length > 0;
  const hits = useMemo(() => {
    if (!searching || !index) return null;
    const within = new Set(sorted.map((s) => s.id));
    return new Map<string, SpeechHits>(index.search(query, { within }).map((h) => [h.speechId, h]));
    // indexed.version: the growing index changed in place
  }, [searching, index, query, sorted, indexed.version]);
  const rows = useMemo(
    () => (searching ? (hits ? sorted.filter((s) => hits.has(s.id)) : []) : sorted),
    [searching, hits, sorted],
  );
  const f = useMemo(() => facets(all), [all]);
  return { all, rows, hits, searching, facets: f };
}
