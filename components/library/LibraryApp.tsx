import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { yieldToPage } from '@/utils/frames';
import { queryTerms, SearchIndex, type SpeechHits } from '@/utils/search';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  type HighlightCategorySettings,
  loadCategorySettings,
  type ReaderTheme,
  watchCategorySettings,
} from '@/utils/settings';
import { requestPersistentStorage } from '@/utils/store/backup';
import type { YanduDB } from '@/utils/store/db';
import { failureText } from '@/utils/store/errors';
import {
  applyFilter,
  type DeletedSpeech,
  deleteSpeech,
  facets,
  highlightDocs,
  type LibraryData,
  type LibraryFilter,
  libraryFingerprint,
  loadLibraryData,
  loadRecent,
  NO_FILTER,
  noteDocs,
  readSummaryCache,
  restoreSpeech,
  type SortKey,
  type SpeechSummary,
  sortSummaries,
  summarise,
  textDocs,
  writeSummaryCache,
} from '@/utils/store/library';
import { type LocalStore, pageStorage, readLocal, writeLocal } from '@/utils/store/local';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '@/utils/types';
import { ExportDialog } from '../export/ExportDialog';
import { BackupPanel } from './BackupPanel';
import { categoryNames } from './LibraryChips';
import { ConfirmDialog, Snackbar } from './LibraryDialog';
import { LibraryList, PAGE_SIZE } from './LibraryList';
import { TaskList } from './TaskList';
import './library.css';

type Tab = 'speeches' | 'tasks';

export interface LibraryAppProps {
  /**
   * The database, or its promise: the page imports the database code (Dexie) after the first paint from the
   * summary cache, so opening the library does not wait for it.
   */
  db: YanduDB | Promise<YanduDB>;
  theme?: ReaderTheme;
  /** Where summaries are cached between visits; the page's localStorage by default. */
  cache?: LocalStore;
  initialTab?: Tab;
}

export function LibraryApp({
  db: dbOrPromise,
  theme = 'light',
  cache = pageStorage(),
  initialTab,
}: LibraryAppProps) {
  const [db, setDb] = useState<YanduDB | null>(dbOrPromise instanceof Promise ? null : dbOrPromise);
  useEffect(() => {
    let live = true;
    Promise.resolve(dbOrPromise).then(
      (opened) => live && setDb(opened),
      (e: unknown) => live && setError(i18n.t('libError', [String((e as Error)?.message ?? e)])),
    );
    return () => {
      live = false;
    };
  }, [dbOrPromise]);
  const [tab, setTab] = useState<Tab>(
    initialTab ?? (globalThis.location?.hash === '#tasks' ? 'tasks' : 'speeches'),
  );
  const [summaries, setSummaries] = useState<SpeechSummary[] | null>(() => readSummaryCache(cache));
  /** The list shows only the most recent speeches while the whole library is still being read. */
  const [partial, setPartial] = useState(false);
  const [data, setData] = useState<LibraryData | null>(null);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  /** How much of the library the index holds: it grows slice by slice on the first load. */
  const [indexed, setIndexed] = useState<{ done: number; total: number; complete: boolean; version: number }>(
    {
      done: 0,
      total: 0,
      complete: false,
      version: 0,
    },
  );
  const fingerprint = useRef('');
  const [error, setError] = useState('');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortKey>('lastOpened');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<SpeechSummary | null>(null);
  const [snack, setSnack] = useState<{ message: string; undo?: DeletedSpeech } | null>(null);
  const [exportIds, setExportIds] = useState<string[] | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [warningSeen, setWarningSeen] = useState(() => readLocal('persistWarningSeen', cache) === '1');
  const [categories, setCategories] = useState<HighlightCategorySettings>(DEFAULT_HIGHLIGHT_CATEGORIES);
  const generation = useRef(0);
  /** A reload is reading the database. */
  const loading = useRef(false);
  const summariesRef = useRef(summaries);
  summariesRef.current = summaries;
  const indexRef = useRef(index);
  indexRef.current = index;

  const reload = useCallback(async () => {
    if (!db) return;
    const mine = ++generation.current;
    const current = () => mine === generation.current;
    loading.current = true;
    try {
      if (!summariesRef.current) {
        // No cache (first visit, or cleared): paint the newest page first, through the indexes.
        const recent = await loadRecent(db, PAGE_SIZE);
        if (!current()) return;
        if (!summariesRef.current) {
          setSummaries(summarise(recent.speeches, recent.highlights, recent.notes));
          setPartial(true);
        }
      }
      // The first index is searched while it grows; a later one (after a change) replaces it when complete.
      const fresh = new SearchIndex();
      const growing = indexRef.current === null;
      const total = await db.speeches.count();
      let done = 0;
      let version = 0;
      const grew = () => {
        if (growing && current()) setIndexed({ done, total, complete: false, version: ++version });
      };
      if (growing) setIndex(fresh);
      const loaded = await loadLibraryData(db, {
        speeches: (rows) => {
          fresh.addDocs(rows.flatMap(textDocs));
          done += rows.length;
          grew();
        },
        highlights: (rows) => {
          fresh.addDocs(highlightDocs(rows));
          grew();
        },
        notes: (rows) => fresh.addDocs(noteDocs(rows)),
      });
      // Join each speech's documents for fast search, a slice at a time so typing stays responsive.
      while (current() && !fresh.compact(100)) await yieldToPage();
      if (!current()) return;
      const list = summarise(loaded.speeches, loaded.highlights, loaded.notes);
      fingerprint.current = await libraryFingerprint(db);
      setData(loaded);
      setSummaries(list);
      setPartial(false);
      writeSummaryCache(cache, list);
      setIndex(fresh);
      setIndexed({
        done: loaded.speeches.length,
        total: loaded.speeches.length,
        complete: true,
        version: -1,
      });
    } catch (e) {
      if (current()) setError(i18n.t('libError', [String((e as Error)?.message ?? e)]));
    } finally {
      if (current()) loading.current = false;
    }
  }, [db, cache]);

  useEffect(() => {
    if (!db) return;
    // After the first paint (cached summaries, or the loading line), read the database.
    const t = setTimeout(() => void reload(), 0);
    // Back from another tab (the reader, say): read again only if the library changed meanwhile.
    const onVisible = async () => {
      if (document.visibilityState !== 'visible' || !fingerprint.current) return;
      if ((await libraryFingerprint(db)) !== fingerprint.current) void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(t);
      generation.current++; // a load still running must not write the cache or state after this
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload, db]);

  useEffect(() => {
    void requestPersistentStorage().then(setPersisted);
    // Names and colours of the highlight categories, as set in the reader (and kept in step with it).
    loadCategorySettings().then(setCategories, () => undefined);
    return watchCategorySettings(setCategories);
  }, []);

  useEffect(() => {
    const onHash = () => setTab(location.hash === '#tasks' ? 'tasks' : 'speeches');
    globalThis.addEventListener?.('hashchange', onHash);
    return () => globalThis.removeEventListener?.('hashchange', onHash);
  }, []);

  const all = summaries ?? [];
  const sorted = useMemo(() => sortSummaries(applyFilter(all, filter), sort), [all, filter, sort]);
  const terms = queryTerms(query);
  const searching = terms.length > 0;
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

  const toggle = useCallback(
    (id: string) =>
      setSelected((old) => {
        const next = new Set(old);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const doDelete = async (s: SpeechSummary) => {
    setConfirming(null);
    if (!db) return;
    try {
      const removed = await deleteSpeech(db, s.id);
      if (!removed) return;
      // A load under way read the speech before it went: start it again rather than bring it back.
      if (loading.current) void reload();
      const list = all.filter((x) => x.id !== s.id);
      setSummaries(list);
      writeSummaryCache(cache, list);
      setSelected((old) => {
        const next = new Set(old);
        next.delete(s.id);
        return next;
      });
      index?.removeSpeech(s.id);
      setData((d) =>
        d
          ? {
              speeches: d.speeches.filter((x) => x.id !== s.id),
              highlights: d.highlights.filter((h) => h.speechId !== s.id),
              notes: d.notes.filter((n) => n.speechId !== s.id),
            }
          : d,
      );
      setSnack({ message: i18n.t('libDeleted', [s.title || i18n.t('readerUntitled')]), undo: removed });
    } catch (e) {
      setError(failureText(e));
    }
  };

  const undo = async (removed: DeletedSpeech) => {
    setSnack(null);
    if (!db) return;
    try {
      await restoreSpeech(db, removed);
      setSnack({ message: i18n.t('libRestored', [removed.speech.title || i18n.t('readerUntitled')]) });
      await reload();
    } catch (e) {
      setError(failureText(e));
    }
  };

  const closeSnack = useCallback(() => setSnack(null), []);
  const cancelConfirm = useCallback(() => setConfirming(null), []);
  const closeExport = useCallback(() => setExportIds(null), []);
  const showTab = (t: Tab) => {
    setTab(t);
    try {
      history.replaceState(history.state, '', t === 'tasks' ? '#tasks' : location.pathname + location.search);
    } catch {
      // not in a browsing context (tests)
    }
  };

  const allShownSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const confirmingHighlights = confirming?.highlights ?? 0;

  return (
    <div class={`yd-lib yd-theme-${theme}`}>
      <header class="yd-lib-header">
        <h1 class="yd-lib-heading">{i18n.t('libTitle')}</h1>
        <div class="yd-tabs" role="tablist" aria-label={i18n.t('libTitle')}>
          {(['speeches', 'tasks'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`yd-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`yd-panel-${t}`}
              class="yd-tab"
              onClick={() => showTab(t)}
            >
              {t === 'speeches' ? i18n.t('libTabSpeeches') : i18n.t('libTabTasks')}
            </button>
          ))}
        </div>
        {db ? <BackupPanel db={db} onRestored={reload} /> : null}
      </header>

      {persisted === false && !warningSeen ? (
        <p class="yd-lib-warning" role="note">
          {i18n.t('libPersistWarning')}
          <button
            type="button"
            class="yd-btn yd-btn-quiet"
            onClick={() => {
              setWarningSeen(true);
              writeLocal('persistWarningSeen', '1', cache);
            }}
          >
            {i18n.t('libPersistDismiss')}
          </button>
        </p>
      ) : null}
      {error ? (
        <p class="yd-lib-warning" role="alert">
          {error}
        </p>
      ) : null}

      {tab === 'speeches' ? (
        <section
          id="yd-panel-speeches"
          role="tabpanel"
          aria-labelledby="yd-tab-speeches"
          class="yd-lib-panel"
        >
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
                  setQuery((e.currentTarget as HTMLInputElement).value);
                }}
                onCompositionEnd={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <Select
              label={i18n.t('libFilterSpeaker')}
              value={filter.speaker}
              options={f.speakers.map(([name, n]) => [name, `${name || i18n.t('libNoSpeaker')}（${n}）`])}
              onChange={(speaker) => setFilter({ ...filter, speaker })}
            />
            <Select
              label={i18n.t('libFilterYear')}
              value={filter.year}
              options={f.years.map(([y, n]) => [y, `${y || i18n.t('libNoYear')}（${n}）`])}
              onChange={(year) => setFilter({ ...filter, year })}
            />
            <Select
              label={i18n.t('libFilterCategory')}
              value={filter.category}
              options={HIGHLIGHT_CATEGORIES.map((c) => [c, categories[c].name])}
              onChange={(c) => setFilter({ ...filter, category: (c as HighlightCategory | null) ?? null })}
            />
            <label class="yd-field">
              <span>{i18n.t('libSort')}</span>
              <select
                value={sort}
                onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortKey)}
              >
                <option value="lastOpened">{i18n.t('libSortLastOpened')}</option>
                <option value="date">{i18n.t('libSortDate')}</option>
                <option value="title">{i18n.t('libSortTitle')}</option>
              </select>
            </label>
          </div>

          <div class="yd-lib-status">
            {rows.length > 0 ? (
              <label class="yd-lib-selectall">
                <input
                  type="checkbox"
                  checked={allShownSelected}
                  onChange={() => setSelected(allShownSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                />
                <span>{i18n.t('libSelectAll')}</span>
              </label>
            ) : null}
            <span aria-live="polite">
              {searching && !index ? (
                <span class="yd-lib-indexing">{i18n.t('libSearchIndexing')}</span>
              ) : searching ? (
                <>
                  {i18n.t('libSearchCount', rows.length, [String(rows.length)])}
                  {indexed.complete ? null : (
                    <span class="yd-lib-indexing">
                      {i18n.t('libSearchIndexingProgress', [String(indexed.done), String(indexed.total)])}
                    </span>
                  )}
                </>
              ) : summaries === null || partial ? (
                i18n.t('libLoading')
              ) : (
                i18n.t('libCount', rows.length, [String(rows.length)])
              )}
            </span>
            {selected.size > 0 ? (
              <span class="yd-lib-selection">
                <span>{i18n.t('libSelected', [String(selected.size)])}</span>
                <button
                  type="button"
                  class="yd-btn yd-btn-primary"
                  onClick={() => setExportIds(exportOrder())}
                >
                  {i18n.t('libExportSelected')}
                </button>
                <button type="button" class="yd-btn yd-btn-quiet" onClick={() => setSelected(new Set())}>
                  {i18n.t('libSelectNone')}
                </button>
              </span>
            ) : null}
          </div>

          {summaries !== null && !partial && all.length === 0 ? (
            <p class="yd-lib-empty">{i18n.t('libEmpty')}</p>
          ) : summaries !== null && rows.length === 0 && (!searching || index) ? (
            <p class="yd-lib-empty">{i18n.t('libNoMatch')}</p>
          ) : (
            <LibraryList
              rows={rows}
              hits={hits}
              selected={selected}
              onToggle={toggle}
              onDelete={setConfirming}
              categories={categories}
            />
          )}
        </section>
      ) : (
        <section id="yd-panel-tasks" role="tabpanel" aria-labelledby="yd-tab-tasks" class="yd-lib-panel">
          {data && db ? <TaskList db={db} speeches={data.speeches} /> : <p>{i18n.t('libLoading')}</p>}
        </section>
      )}

      {confirming ? (
        <ConfirmDialog
          title={i18n.t('libDeleteTitle')}
          body={i18n.t('libDeleteBody', [
            confirming.title || i18n.t('readerUntitled'),
            String(confirmingHighlights),
          ])}
          confirmLabel={i18n.t('libDeleteConfirm')}
          cancelLabel={i18n.t('libCancel')}
          onConfirm={() => void doDelete(confirming)}
          onCancel={cancelConfirm}
        />
      ) : null}
      {exportIds && db ? (
        <ExportDialog
          db={db}
          speechIds={exportIds}
          onClose={closeExport}
          categoryNames={categoryNames(categories)}
        />
      ) : null}
      {snack ? (
        <Snackbar
          message={snack.message}
          actionLabel={snack.undo ? i18n.t('libUndo') : undefined}
          onAction={snack.undo ? () => void undo(snack.undo as DeletedSpeech) : undefined}
          onTimeout={closeSnack}
        />
      ) : null}
    </div>
  );

  /** The selection in the order the list shows it (what the user sees is what the document follows). */
  function exportOrder(): string[] {
    const shown = sortSummaries(all, sort)
      .map((s) => s.id)
      .filter((id) => selected.has(id));
    return shown;
  }
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
