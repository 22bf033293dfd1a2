import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { useReaderOutline } from '@/hooks/use-reader-outline';
import { buildBlocks, firstFrameBlockCount } from '@/utils/reader/model';
import { exportHref, highlightIdFromHash } from '@/utils/routes';
import {
  type CategoryStyle,
  DEFAULT_HIGHLIGHT_CATEGORIES,
  fontSizePx,
  type HighlightCategorySettings,
  type ReaderSettings,
} from '@/utils/settings';
import type { OpenReaderStore } from '@/utils/store/reader-store';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory, type SpeechWithOutline } from '@/utils/types';
import { useReadingPosition } from '../../hooks/use-reading-position';
import { rememberedPosition, useRememberedPosition } from '../../hooks/use-remembered-position';
import { useHighlights } from '../highlights/HighlightLayer';
import { QuoteSource } from '../highlights/quote-source';
import { ExportIcon, LibraryIcon, NotesIcon, OutlineIcon, PrintIcon } from '../shared/Icons';
import { ChangeBanner, CopyNotSavedBanner, LiveNoticeBanner, VersionBanner } from './ChangeBanner';
import { OutlinePanel } from './OutlinePanel';
import { SettingsPanel } from './SettingsPanel';
import { SpeechArticle } from './SpeechArticle';
import { scrollToParagraph } from './scroll-to-paragraph';
import './reader.css';
import '../highlights/highlights.css';

export interface ReaderProps {
  speech: SpeechWithOutline;
  settings: ReaderSettings;
  autoOpen: boolean;
  /** Persist the settings after a change (the reader applies it at once either way). */
  onSettingsChange?: (settings: ReaderSettings) => void;
  onAutoOpenChange?: (on: boolean) => void;
  /** Names and colours of the highlight categories (settings). */
  categories?: HighlightCategorySettings;
  onCategoryChange?: (id: HighlightCategory, change: Partial<CategoryStyle>) => void;
  /** The page's text changed when it was opened this time (原文已更新). */
  change?: { changedAt: number; previousHash?: string };
  /** Showing an archived copy (reader.html?…&version=): read-only. */
  version?: { archived: number };
  /** Opens the database for highlights and notes, after the first paint (entrypoints/reader/store.ts). */
  openStore: OpenReaderStore;
  /** Paint highlights with <mark> even where the Highlight API exists (tests). */
  forceMarks?: boolean;
  /** Called once the whole text is in the page (a long speech's first frame shows only its beginning). */
  onTextComplete?: () => void;
  /** Why the offline copy of this speech could not be stored (shown until dismissed). */
  copyError?: string;
  /** The page at the speech's address is no longer the speech (moved, deleted): the stored copy is shown. */
  liveNotice?: string;
}

/** ::highlight() rules and their <mark> twins (separate rules: a browser without ::highlight drops a whole list). */
function categoryCss(categories: HighlightCategorySettings): string {
  return HIGHLIGHT_CATEGORIES.map((id) => {
    const { color } = categories[id];
    // Colours are validated #rrggbb (settings.ts), so they are safe to put in a style sheet.
    return (
      `::highlight(yandu-${id}){background-color:${color}}` +
      `.yd-theme-dark ::highlight(yandu-${id}){background-color:${color}66}` +
      `mark.yd-hl-${id}{background-color:${color}}` +
      `.yd-theme-dark mark.yd-hl-${id}{background-color:${color}66}`
    );
  }).join('\n');
}

/** Below this width the outline is a drawer opened from the toolbar (matches components/reader/reader.css). */
export const NARROW_QUERY = '(max-width: 899px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const list = window.matchMedia?.(query);
    if (!list) return;
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** The reader view: outline beside the text, a small toolbar, typography from the settings. */
export function Reader({
  speech,
  settings: initialSettings,
  autoOpen: initialAutoOpen,
  ...props
}: ReaderProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [autoOpen, setAutoOpen] = useState(initialAutoOpen);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [sideTab, setSideTab] = useState<'outline' | 'notes'>(
    speech.outline.length > 0 ? 'outline' : 'notes',
  );
  const [notesWanted, setNotesWanted] = useState(false);
  const [changeSeen, setChangeSeen] = useState(false);
  const [copyErrorSeen, setCopyErrorSeen] = useState<string | null>(null);
  const [categories, setCategories] = useState(props.categories ?? DEFAULT_HIGHLIGHT_CATEGORIES);
  useEffect(() => {
    if (props.categories) setCategories(props.categories);
  }, [props.categories]);
  const narrow = useMediaQuery(NARROW_QUERY);
  const articleRef = useRef<HTMLElement>(null);
  const outlineButton = useRef<HTMLButtonElement>(null);
  const notesButton = useRef<HTMLButtonElement>(null);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const settingsBox = useRef<HTMLDivElement>(null);

  // Settings changed in another tab arrive as a new prop.
  useEffect(() => setSettings(initialSettings), [initialSettings]);

  // The outline the user corrected (编辑提纲), editable once the whole text is in and the database loaded.
  const [outlineReady, setOutlineReady] = useState(false);
  const { outline, edit, selection } = useReaderOutline(speech, articleRef, props.openStore, outlineReady);
  const blocks = useMemo(() => buildBlocks(speech.paragraphs, outline), [speech.paragraphs, outline]);
  // A long speech paints its first screens at once and the rest once that frame is on screen: the first
  // frame's style and layout then do not grow with the speech. Not when the page is scrolled already (a
  // new text of the same page replacing the one being read): the place must not be cut away.
  const [firstFrame] = useState(() =>
    window.scrollY > 0
      ? blocks.length
      : firstFrameBlockCount(blocks, rememberedPosition(history.state)?.para ?? null),
  );
  const [textComplete, setTextComplete] = useState(firstFrame >= blocks.length);
  useEffect(() => {
    if (textComplete) {
      props.onTextComplete?.();
      return;
    }
    // The rest of the text once the first frame is on screen (the browser's first contentful paint),
    // so its layout never competes with that frame; at the latest 100 ms later (a background tab, whose
    // timers the browser slows, takes longer: nobody is looking at it).
    let done = false;
    const complete = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearTimeout(fallback);
      rest = setTimeout(() => setTextComplete(true), 0);
    };
    let rest: ReturnType<typeof setTimeout> | undefined;
    const fallback = setTimeout(complete, 100);
    let observer: PerformanceObserver | undefined;
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) complete();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      complete();
    }
    return () => {
      done = true;
      observer?.disconnect();
      clearTimeout(fallback);
      clearTimeout(rest);
    };
  }, [textComplete]);
  useEffect(() => setOutlineReady(textComplete && !props.version), [textComplete, props.version]);
  const hasOutline = outline.length > 0;
  // textComplete: the page grows when the rest of the text arrives, so progress and section tops change.
  const layoutKey = `${settings.font}/${settings.size}/${textComplete}`;
  const { current, progress, pin } = useReadingPosition(outline, articleRef, layoutKey);
  useRememberedPosition(articleRef);
  const hl = useHighlights({
    url: speech.url,
    paragraphs: speech.paragraphs,
    outline,
    articleRef,
    categories,
    readOnly: !!props.version,
    forceMarks: props.forceMarks,
    openStore: props.openStore,
    textComplete,
  });
  const highlightCount = hl.placements?.length ?? 0;
  // reader.html?…#h=<id> (the library's task list and search): go to that highlight once it is placed;
  // one that is missing or could not be placed shows the notes panel, where 未能定位 lists it.
  const [wantedHighlight, setWantedHighlight] = useState(() => highlightIdFromHash(location.hash));
  // The side column: the outline (with a 批注 tab), or the notes when asked for. It never appears on its
  // own after the text is painted: the text must not jump sideways when the highlights arrive.
  const hasSide = hasOutline || notesWanted;
  const tab = hasOutline ? sideTab : 'notes';

  // The page background outside the reader (overscroll, short pages) follows the theme too.
  useEffect(() => {
    document.documentElement.dataset.ydTheme = settings.theme;
  }, [settings.theme]);

  const changeSettings = (change: Partial<ReaderSettings>) => {
    // The whole object is handed on, so two quick changes can never overwrite each other in storage.
    const next = { ...settings, ...change };
    setSettings(next);
    props.onSettingsChange?.(next);
  };
  const changeAutoOpen = (on: boolean) => {
    setAutoOpen(on);
    props.onAutoOpenChange?.(on);
  };

  const closeDrawer = useCallback(
    (returnFocus: boolean) => {
      setDrawerOpen(false);
      if (returnFocus) (tab === 'notes' ? notesButton : outlineButton).current?.focus();
    },
    [tab],
  );
  const changeCategory = (id: HighlightCategory, change: Partial<CategoryStyle>) => {
    setCategories((prev) => ({ ...prev, [id]: { ...prev[id], ...change } }));
    props.onCategoryChange?.(id, change);
  };
  const openNotes = () => {
    if (narrow) {
      setSideTab('notes');
      setNotesWanted(true);
      setDrawerOpen((open) => !(open && tab === 'notes'));
    } else if (hasSide && tab === 'notes') {
      // Shown already: the button puts the column back as it was.
      if (hasOutline) setSideTab('outline');
      else setNotesWanted(false);
    } else {
      setSideTab('notes');
      setNotesWanted(true);
    }
  };
  const goToHighlight = (id: string) => {
    if (narrow) setDrawerOpen(false);
    hl.goTo(id);
  };
  useEffect(() => {
    if (!wantedHighlight || !hl.placements) return;
    setWantedHighlight(null);
    const placement = hl.placements.find((p) => p.highlight.id === wantedHighlight);
    if (placement?.selector) {
      hl.goTo(wantedHighlight);
      return;
    }
    setSideTab('notes');
    setNotesWanted(true);
    if (narrow) setDrawerOpen(true);
  }, [wantedHighlight, hl.placements]);
  const closeSettings = useCallback((returnFocus: boolean) => {
    setSettingsOpen(false);
    if (returnFocus) settingsButton.current?.focus();
  }, []);

  // Escape closes what is open; a click elsewhere closes the settings popover.
  useEffect(() => {
    if (!drawerOpen && !settingsOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (settingsOpen) closeSettings(true);
      else closeDrawer(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!settingsOpen || !target) return;
      if (settingsBox.current?.contains(target) || settingsButton.current?.contains(target)) return;
      closeSettings(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [drawerOpen, settingsOpen, closeDrawer, closeSettings]);

  // Opening the drawer moves focus into it (onto the section being read), so keyboard users land there.
  useEffect(() => {
    if (!drawerOpen || !narrow) return;
    const entry =
      document.querySelector<HTMLElement>('#yd-outline .yd-ol-link[aria-current]') ??
      document.querySelector<HTMLElement>('#yd-outline .yd-ol-link');
    entry?.focus();
  }, [drawerOpen, narrow]);

  /** An outline entry clicked before the rest of the text was in the page: gone to once it is. */
  const pendingSection = useRef<number | null>(null);
  const goToSection = (index: number) => {
    const node = outline[index];
    const target = node && articleRef.current?.querySelector<HTMLElement>(`[data-para="${node.para}"]`);
    if (!target) {
      if (node && !textComplete) {
        pendingSection.current = index;
        setTextComplete(true);
      }
      return;
    }
    // An instant jump: calm, and the scroll-spy lands on the clicked entry without passing the others.
    scrollToParagraph(target);
    pin(index);
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    if (narrow) setDrawerOpen(false);
  };

  useEffect(() => {
    const index = pendingSection.current;
    if (!textComplete || index === null) return;
    pendingSection.current = null;
    goToSection(index);
  }, [textComplete]);

  const rootClass = [
    'yd-reader',
    `yd-theme-${settings.theme}`,
    `yd-font-${settings.font}`,
    hasOutline ? 'has-outline' : 'no-outline',
    hasSide ? 'has-side' : '',
    drawerOpen ? 'drawer-open' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const tabs = hasOutline ? (
    <div class="yd-side-tabs" role="tablist" aria-label={i18n.t('sideTabs')}>
      {(['outline', 'notes'] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          class={`yd-side-tab yd-side-tab-${name}`}
          aria-selected={tab === name}
          aria-controls={name === 'outline' ? 'yd-outline' : 'yd-notes'}
          onClick={() => setSideTab(name)}
        >
          {i18n.t(name === 'outline' ? 'sideTabOutline' : 'sideTabNotes')}
          {name === 'notes' && highlightCount > 0 ? (
            <span class="yd-side-count">{highlightCount}</span>
          ) : null}
        </button>
      ))}
    </div>
  ) : undefined;

  return (
    <div class={rootClass} style={{ '--yd-font-size': `${fontSizePx(settings.size)}px` }}>
      <style>{categoryCss(categories)}</style>
      <a class="yd-skip" href="#yd-main">
        {i18n.t('readerSkipToText')}
      </a>
      <div
        class="yd-progress"
        role="progressbar"
        aria-label={i18n.t('readerProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <span style={{ transform: `scaleX(${progress / 100})` }} />
      </div>

      <div class="yd-toolbar">
        {hasOutline && narrow ? (
          <button
            type="button"
            ref={outlineButton}
            class="yd-icon-button yd-outline-button"
            aria-label={i18n.t('readerOutlineShow')}
            title={i18n.t('readerOutlineShow')}
            aria-expanded={drawerOpen}
            aria-controls="yd-outline"
            onClick={() => setDrawerOpen((open) => !open)}
          >
            <OutlineIcon />
          </button>
        ) : null}
        <button
          type="button"
          ref={notesButton}
          class="yd-icon-button yd-notes-button"
          aria-label={i18n.t('notesShow')}
          title={i18n.t('notesShow')}
          aria-expanded={narrow ? drawerOpen && tab === 'notes' : hasSide && tab === 'notes'}
          aria-controls="yd-notes"
          onClick={openNotes}
        >
          <NotesIcon />
        </button>
        <button
          type="button"
          ref={settingsButton}
          class="yd-icon-button yd-settings-button"
          aria-label={i18n.t('readerSettings')}
          title={i18n.t('readerSettings')}
          aria-expanded={settingsOpen}
          aria-controls="yd-settings"
          onClick={() => setSettingsOpen((open) => !open)}
        >
          <span class="yd-aa" aria-hidden="true">
            Aa
          </span>
        </button>
        <a
          class="yd-icon-button yd-library-link"
          href="library.html"
          target="_blank"
          rel="noopener"
          aria-label={i18n.t('readerLibrary')}
          title={i18n.t('readerLibrary')}
        >
          <LibraryIcon />
        </a>
        <a
          class="yd-icon-button yd-export-link"
          // The speech's id comes with the database code, just after the first paint.
          href={hl.speechId ? exportHref({ speechIds: [hl.speechId] }) : undefined}
          aria-disabled={hl.speechId ? undefined : 'true'}
          target="_blank"
          rel="noopener"
          aria-label={i18n.t('readerExportNotes')}
          title={i18n.t('readerExportNotes')}
        >
          <ExportIcon />
        </a>
        <button
          type="button"
          class="yd-icon-button yd-print-button"
          aria-label={i18n.t('readerPrint')}
          title={i18n.t('readerPrint')}
          onClick={() => window.print()}
        >
          <PrintIcon />
        </button>
      </div>

      {settingsOpen ? (
        <div class="yd-settings-box" ref={settingsBox}>
          <SettingsPanel
            id="yd-settings"
            settings={settings}
            autoOpen={autoOpen}
            onChange={changeSettings}
            onAutoOpenChange={changeAutoOpen}
            categories={categories}
            onCategoryChange={changeCategory}
            onClose={() => closeSettings(true)}
          />
        </div>
      ) : null}

      {hasOutline && tab === 'outline' ? (
        <OutlinePanel
          id="yd-outline"
          class={drawerOpen ? 'is-open' : undefined}
          outline={outline}
          edit={edit}
          selection={selection}
          current={current}
          progress={progress}
          onSelect={goToSection}
          onClose={narrow ? () => closeDrawer(true) : undefined}
          inert={narrow && !drawerOpen}
          tabs={tabs}
        />
      ) : null}
      {hl.ui && tab === 'notes' && (hasSide || narrow) ? (
        <hl.ui.NotesPanel
          id="yd-notes"
          class={drawerOpen ? 'is-open' : undefined}
          outline={outline}
          placements={hl.placements ?? []}
          categories={categories}
          drafts={hl.draftIds}
          onSelect={goToHighlight}
          speech={speech}
          previousHash={props.change?.previousHash ?? (speech as { previousHash?: string }).previousHash}
          tabs={tabs}
          onClose={narrow ? () => closeDrawer(true) : undefined}
          inert={narrow && !drawerOpen}
          studyNote={
            hl.drafts && hl.draftId ? (
              <hl.ui.StudyNote
                note={hl.studyNote}
                drafts={hl.drafts}
                draftId={hl.draftId}
                readOnly={!hl.saveStudyNote}
                onSave={hl.saveStudyNote ?? (async () => {})}
              />
            ) : null
          }
        />
      ) : null}
      {narrow && drawerOpen ? (
        <div class="yd-backdrop" aria-hidden="true" onClick={() => closeDrawer(false)} />
      ) : null}

      <main id="yd-main" class="yd-main" ref={articleRef} tabIndex={-1}>
        {props.version ? <VersionBanner url={speech.url} archived={props.version.archived} /> : null}
        {props.copyError && copyErrorSeen !== props.copyError ? (
          <CopyNotSavedBanner
            message={props.copyError}
            onDismiss={() => setCopyErrorSeen(props.copyError ?? null)}
          />
        ) : null}
        {props.liveNotice ? <LiveNoticeBanner message={props.liveNotice} /> : null}
        {props.change && !changeSeen ? (
          <ChangeBanner
            url={speech.url}
            changedAt={props.change.changedAt}
            previousHash={props.change.previousHash}
            placements={hl.placements ?? undefined}
            onDismiss={() => setChangeSeen(true)}
          />
        ) : null}
        <SpeechArticle speech={speech} blocks={blocks} shown={textComplete ? blocks.length : firstFrame} />
      </main>
      <QuoteSource.Provider value={speech}>{hl.layer}</QuoteSource.Provider>
    </div>
  );
}
