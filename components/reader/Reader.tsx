import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { useDeletedSpeech } from '@/hooks/use-deleted-speech';
import { useDismiss } from '@/hooks/use-dismiss';
import { usePopover } from '@/hooks/use-popover';
import { useProgressiveText } from '@/hooks/use-progressive-text';
import { useReaderOutline } from '@/hooks/use-reader-outline';
import { useReaderSettings } from '@/hooks/use-reader-settings';
import { useReadingPosition } from '@/hooks/use-reading-position';
import { startPosition, useRememberedPosition } from '@/hooks/use-remembered-position';
import { useSectionJump } from '@/hooks/use-section-jump';
import { useSideColumn } from '@/hooks/use-side-column';
import { useWantedHighlight } from '@/hooks/use-wanted-highlight';
import { useWantedPassage } from '@/hooks/use-wanted-passage';
import { buildBlocks } from '@/utils/reader/model';
import {
  type CategoryStyle,
  fontSizePx,
  type HighlightCategorySettings,
  type ReaderSettings,
} from '@/utils/settings';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { OpenReaderStore } from '@/utils/store/reader-store';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory, type SpeechWithOutline } from '@/utils/types';
import { HighlightLayer, useHighlights } from '../highlights/HighlightLayer';
import { QuoteSource } from '../highlights/quote-source';
import { ReaderBanners } from './ReaderBanners';
import { ReaderToolbar } from './ReaderToolbar';
import { SettingsPanel } from './SettingsPanel';
import { SideColumn } from './SideColumn';
import { SpeechArticle } from './SpeechArticle';
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

export { NARROW_QUERY } from '@/hooks/use-side-column';

/** The reader view: outline beside the text, a small toolbar, typography from the settings. */
export function Reader(props: ReaderProps) {
  const { speech } = props;
  const prefs = useReaderSettings(props);
  const { settings, categories } = prefs;
  const articleRef = useRef<HTMLElement>(null);
  const settingsBox = usePopover();
  // Deleted in the library while open: banner, 恢复, and writes that put the speech back first.
  const [painted, setPainted] = useState(false);
  const gone = useDeletedSpeech(props.openStore, speechIdFromUrl(speech.url), !!props.version, painted);

  // The outline the user corrected (编辑提纲), editable once the whole text is in and the database loaded.
  const [outlineReady, setOutlineReady] = useState(false);
  const { outline, edit, selection } = useReaderOutline(speech, articleRef, gone.openStore, outlineReady);
  const blocks = useMemo(() => buildBlocks(speech.paragraphs, outline), [speech.paragraphs, outline]);
  // An archived version keeps no place of its own: the speech's place is for its current text.
  const placeOf = props.version ? '' : speechIdFromUrl(speech.url);
  const [start] = useState(() => startPosition(placeOf, !!props.version));
  const text = useProgressiveText(blocks, props.onTextComplete, start?.para ?? null);
  useEffect(() => setOutlineReady(text.complete && !props.version), [text.complete, props.version]);
  const hasOutline = outline.length > 0;
  const side = useSideColumn(hasOutline, speech.outline.length > 0);
  // text.complete: the page grows when the rest of the text arrives, so progress and section tops change.
  const layoutKey = `${settings.font}/${settings.size}/${text.complete}`;
  const { current, progress, pin } = useReadingPosition(outline, articleRef, layoutKey);
  useRememberedPosition(articleRef, start, placeOf);
  useWantedPassage(articleRef, text.complete);
  const hl = useHighlights({
    url: speech.url,
    paragraphs: speech.paragraphs,
    outline,
    articleRef,
    readOnly: !!props.version,
    forceMarks: props.forceMarks,
    openStore: gone.openStore,
    textComplete: text.complete,
  });
  useWantedHighlight(hl.placements, hl.goTo, side.showNotes);
  useEffect(() => setPainted((was) => was || hl.placements !== null), [hl.placements]);
  const goToSection = useSectionJump({
    outline,
    articleRef,
    textComplete: text.complete,
    completeNow: text.completeNow,
    pin,
    onJumped: side.leaveDrawer,
  });
  // Escape closes what is open (the settings first); a click elsewhere closes the settings popover.
  useDismiss(side.drawerOpen || settingsBox.open, {
    onEscape: () => (settingsBox.open ? settingsBox.close(true) : side.closeDrawer(true)),
    inside: [settingsBox.box, settingsBox.button],
    onOutside: settingsBox.open ? () => settingsBox.close(false) : undefined,
  });

  const rootClass = [
    'yd-reader',
    `yd-theme-${settings.theme}`,
    `yd-font-${settings.font}`,
    hasOutline ? 'has-outline' : 'no-outline',
    side.hasSide ? 'has-side' : '',
    side.drawerOpen ? 'drawer-open' : '',
  ]
    .filter(Boolean)
    .join(' ');

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
      <ReaderToolbar side={side} hasOutline={hasOutline} settings={settingsBox} speechId={hl.speechId} />
      {settingsBox.open ? (
        <div class="yd-settings-box" ref={settingsBox.box}>
          <SettingsPanel
            id="yd-settings"
            settings={settings}
            autoOpen={prefs.autoOpen}
            onChange={prefs.changeSettings}
            onAutoOpenChange={prefs.changeAutoOpen}
            categories={categories}
            onCategoryChange={prefs.changeCategory}
            onClose={() => settingsBox.close(true)}
          />
        </div>
      ) : null}
      <SideColumn
        side={side}
        outline={outline}
        edit={edit}
        selection={selection}
        current={current}
        progress={progress}
        onSection={goToSection}
        highlights={hl}
        categories={categories}
        speech={speech}
        previousHash={props.change?.previousHash ?? (speech as { previousHash?: string }).previousHash}
      />
      <main id="yd-main" class="yd-main" ref={articleRef} tabIndex={-1}>
        <ReaderBanners
          url={speech.url}
          version={props.version}
          copyError={props.copyError}
          liveNotice={props.liveNotice}
          change={props.change}
          placements={hl.placements}
          deleted={gone}
        />
        <SpeechArticle speech={speech} blocks={blocks} shown={text.shown} />
      </main>
      <QuoteSource.Provider value={speech}>
        <HighlightLayer highlights={hl} articleRef={articleRef} categories={categories} />
      </QuoteSource.Provider>
    </div>
  );
}
