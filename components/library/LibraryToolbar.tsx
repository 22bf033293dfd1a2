import { i18n } from '#i18n';
import type { LibraryView } from '@/hooks/use-library-search';
import type { SortKey } from '@/utils/store/library';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '@/utils/types';
import { useLibrary } from './LibraryStore';

/** Search, the filters and the sort of the speeches list. */
export function LibraryToolbar({ facets }: { facets: LibraryView['facets'] }) {
  const { state, dispatch, categories } = useLibrary();
  const { query, filter, sort } = state;
  const setQuery = (e: Event) =>
    dispatch({ type: 'query', query: (e.currentTarget as HTMLInputElement).value });
  return (
    <div class="yd-lib-toolbar">
      <label class="yd-search">
        <span class="yd-visually-hidden">{i18n.t('libSearch')}</span>
        <input
          type="search"
          value={query}
          placeholder={i18n.t('libSearchPlaceholder')}
          onInput={(e) => {
            // While a Chinese input method is composing, the field holds pinyin: wait for the characters.
            if ((e as InputEvent).isComposing) return;
            setQuery(e);
          }}
          onCompositionEnd={setQuery}
        />
      </label>
      <Select
        label={i18n.t('libFilterSpeaker')}
        value={filter.speaker}
        options={facets.speakers.map(([name, n]) => [name, `${name || i18n.t('libNoSpeaker')}（${n}）`])}
        onChange={(speaker) => dispatch({ type: 'filter', filter: { ...filter, speaker } })}
      />
      <Select
        label={i18n.t('libFilterYear')}
        value={filter.year}
        options={facets.years.map(([y, n]) => [y, `${y || i18n.t('libNoYear')}（${n}）`])}
        onChange={(year) => dispatch({ type: 'filter', filter: { ...filter, year } })}
      />
      <Select
        label={i18n.t('libFilterCategory')}
        value={filter.category}
        options={HIGHLIGHT_CATEGORIES.map((c) => [c, categories[c].name])}
        onChange={(c) =>
          dispatch({
            type: 'filter',
            filter: { ...filter, category: (c as HighlightCategory | null) ?? null },
          })
        }
      />
      <label class="yd-field">
        <span>{i18n.t('libSort')}</span>
        <select
          value={sort}
          onChange={(e) =>
            dispatch({ type: 'sort', sort: (e.currentTarget as HTMLSelectElement).value as SortKey })
          }
        >
          <option value="lastOpened">{i18n.t('libSortLastOpened')}</option>
          <option value="date">{i18n.t('libSortDate')}</option>
          <option value="title">{i18n.t('libSortTitle')}</option>
        </select>
      </label>
    </div>
  );
}

/** The value of a filter's 全部 option; '' is taken (it stands for 未注明 / 无日期). */
const ALL = '__all__';

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: [string, string][];
  onChange: (value: string | null) => void;
}) {
  return (
    <label class="yd-field">
      <span>{label}</span>
      <select
        value={value === null ? ALL : value}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          onChange(v === ALL ? null : v);
        }}
      >
        <option value={ALL}>{i18n.t('libFilterAll')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
