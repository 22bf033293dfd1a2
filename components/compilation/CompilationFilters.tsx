import { i18n } from '#i18n';
import type { CompilationState } from '@/utils/compilation/state';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '@/utils/types';

/** 汇编标题, and which excerpts: categories (none ticked: all), keyword, speaker and date range. */
export function CompilationFilters({
  state,
  update,
  speakers,
  categoryNames,
}: {
  state: CompilationState;
  update: (patch: Partial<CompilationState>) => void;
  speakers: readonly string[];
  categoryNames: Record<HighlightCategory, string>;
}) {
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const toggle = (c: HighlightCategory, on: boolean) =>
    update({
      categories: HIGHLIGHT_CATEGORIES.filter((x) => (x === c ? on : state.categories.includes(x))),
    });
  return (
    <form class="yd-cpl-filters" onSubmit={(e) => e.preventDefault()}>
      <label class="yd-cpl-field yd-cpl-topic">
        <span>{i18n.t('cplTopic')}</span>
        <input
          type="text"
          name="topic"
          value={state.topic}
          placeholder={i18n.t('cplTopicPlaceholder')}
          onInput={(e) => update({ topic: value(e) })}
        />
      </label>
      <fieldset class="yd-cpl-categories">
        <legend>{i18n.t('cplCategories')}</legend>
        {HIGHLIGHT_CATEGORIES.map((c) => (
          <label key={c} class={`yd-cpl-category yd-cat-${c}`}>
            <input
              type="checkbox"
              name="category"
              value={c}
              checked={state.categories.includes(c)}
              onChange={(e) => toggle(c, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{categoryNames[c]}</span>
          </label>
        ))}
      </fieldset>
      <label class="yd-cpl-field">
        <span>{i18n.t('cplKeyword')}</span>
        <input
          type="search"
          name="keyword"
          value={state.keyword}
          placeholder={i18n.t('cplKeywordPlaceholder')}
          onInput={(e) => update({ keyword: value(e) })}
        />
      </label>
      <label class="yd-cpl-field">
        <span>{i18n.t('cplSpeaker')}</span>
        <select name="speaker" value={state.speaker} onChange={(e) => update({ speaker: value(e) })}>
          <option value="">{i18n.t('cplAllSpeakers')}</option>
          {(speakers.includes(state.speaker) || !state.speaker ? speakers : [...speakers, state.speaker]).map(
            (s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ),
          )}
        </select>
      </label>
      <label class="yd-cpl-field">
        <span>{i18n.t('cplFrom')}</span>
        <input type="date" name="from" value={state.from} onChange={(e) => update({ from: value(e) })} />
      </label>
      <label class="yd-cpl-field">
        <span>{i18n.t('cplTo')}</span>
        <input type="date" name="to" value={state.to} onChange={(e) => update({ to: value(e) })} />
      </label>
    </form>
  );
}
