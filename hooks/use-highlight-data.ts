import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { nestedIds } from '@/utils/anchoring/overlap';
import type { Placement } from '@/utils/anchoring/placement';
import type { Painter } from '@/utils/reader/paint';
import type { OpenReaderStore, ReaderStore } from '@/utils/store/reader-store';
import type { Highlight, Note, OutlineNode } from '@/utils/types';

/** Anchoring, painting and the highlight components: a chunk loaded after the first paint. */
export type HighlightUi = typeof import('@/components/highlights/highlight-ui');

/**
 * The database modules and the highlight code and UI, loaded after the first paint (neither Dexie nor
 * anchoring delays the text).
 */
export interface Stores {
  store: ReaderStore;
  ui: HighlightUi;
}

function loadStores(open: OpenReaderStore): Promise<Stores> {
  return Promise.all([open(), import('@/components/highlights/highlight-ui')]).then(([store, ui]) => ({
    store,
    ui,
  }));
}

export interface HighlightDataOptions {
  /** The speech's database id. */
  speechId: string;
  paragraphs: readonly string[];
  outline: readonly OutlineNode[];
  articleRef: RefObject<HTMLElement | null>;
  /** An archived version: stored selectors are not moved. */
  readOnly?: boolean;
  openStore: OpenReaderStore;
  /** Paint with <mark> even where the Highlight API exists (tests). */
  forceMarks?: boolean;
  /** False while only the beginning of a long speech is in the page: highlights are placed once all of it is. */
  textComplete: boolean;
}

export interface HighlightData {
  /** null until the database code has loaded (after the highlights are painted). */
  stores: Stores | null;
  highlights: Highlight[] | null;
  /** null until the stored highlights have been read. */
  placements: Placement[] | null;
  studyNote: Note | undefined;
  /** Draft keys of the drafts table. */
  draftKeys: ReadonlySet<string>;
  painter: RefObject<Painter | null>;
  /** The highlight being edited (set by its editor's owner), painted as active when the highlights are. */
  active: { current: string | null };
}

/**
 * Highlights of one speech: reads and follows them (liveQuery), places them on the text shown and paints
 * them outside Preact's render cycle, so painting never waits for the panel to render.
 */
export function useHighlightData(options: HighlightDataOptions): HighlightData {
  const { speechId, paragraphs, outline, articleRef, readOnly, textComplete } = options;
  const [stores, setStores] = useState<Stores | null>(null);
  const [highlights, setHighlights] = useState<Highlight[] | null>(null);
  const [placements, setPlacements] = useState<Placement[] | null>(null);
  const [studyNote, setStudyNote] = useState<Note | undefined>(undefined);
  const [draftKeys, setDraftKeys] = useState<ReadonlySet<string>>(() => new Set());
  const painter = useRef<Painter | null>(null);
  const moved = useRef(new Set<string>());
  const timing = useRef<{ start: number; loaded: number } | null>(null);
  const active = useRef<string | null>(null);

  const placeAndPaint = (list: Highlight[], s: Stores) => {
    const article = articleRef.current;
    const result = s.ui.placeHighlights(paragraphs, outline, list);
    if (article) {
      painter.current ??= s.ui.createPainter(article, options.forceMarks);
      const placed = result.placements.flatMap((p) =>
        p.selector ? [{ id: p.highlight.id, category: p.highlight.category, selector: p.selector }] : [],
      );
      const nested = nestedIds(placed);
      const notes = new Set(
        result.placements.filter((p) => p.highlight.note.trim()).map((p) => p.highlight.id),
      );
      const items = placed.map((i) => ({ ...i, noted: notes.has(i.id), nested: nested.has(i.id) }));
      painter.current.paint(items);
      painter.current.setActive(active.current);
      const t = timing.current;
      if (t) {
        // First restore: from asking the database to painted, and from the data's arrival (bench figures).
        const end = performance.now();
        performance.mark('yandu:highlights-painted');
        performance.measure('yandu:highlights-restore', { start: t.start, end });
        performance.measure('yandu:highlights-place-paint', { start: t.loaded, end });
        // …and until the browser has drawn the next frame (style, layout and the notes panel included).
        requestAnimationFrame(() =>
          setTimeout(
            () => performance.measure('yandu:highlights-frame', { start: t.start, end: performance.now() }),
            0,
          ),
        );
        timing.current = null;
      }
      document.documentElement.dataset.yanduHighlights = String(items.length);
    }
    // Positions that moved (the text changed) are written back, once per highlight and text, so two tabs
    // showing different texts cannot bounce a selector between them.
    if (!readOnly) {
      const moves = result.moves.filter((m) => !moved.current.has(m.id));
      for (const m of moves) moved.current.add(m.id);
      if (moves.length > 0) {
        s.store.moveHighlights(moves).catch((e: unknown) => console.warn('[yandu] re-anchoring', e));
      }
    }
    return result.placements;
  };

  // Load the database code and follow this speech's highlights, note and drafts. (A new text remounts the
  // reader; a corrected outline, 编辑提纲, subscribes again so the notes panel groups under its sections.)
  useEffect(() => {
    // Nothing is placed on a text that is not all there yet (the rest of a long speech follows the first frame).
    if (!textComplete) return;
    let live = true;
    const subscriptions: { unsubscribe(): void }[] = [];
    loadStores(options.openStore).then(
      (s) => {
        if (!live) return;
        timing.current = { start: performance.now(), loaded: 0 };
        performance.mark('yandu:highlights-ask');
        // The highlights' read goes first and alone: the toolbar, the notes column and their own reads
        // (study note, drafts) follow once the highlights are painted, so nothing delays that read's answer.
        let rest = false;
        const theRest = () => {
          if (rest || !live) return;
          rest = true;
          setStores(s);
          subscriptions.push(
            s.store.watchStudyNote(speechId, setStudyNote),
            s.store.watchDraftIds(setDraftKeys),
          );
        };
        subscriptions.push(
          s.store.watchHighlights(
            speechId,
            (list) => {
              if (timing.current) timing.current.loaded = performance.now();
              performance.mark('yandu:highlights-read');
              setHighlights(list);
              setPlacements(placeAndPaint(list, s));
              theRest();
            },
            (error: unknown) => {
              console.warn('[yandu] highlights', error);
              theRest();
            },
          ),
        );
      },
      (error: unknown) => console.warn('[yandu] could not load highlights', error),
    );
    return () => {
      live = false;
      for (const sub of subscriptions) sub.unsubscribe();
    };
  }, [speechId, textComplete, outline]);

  useEffect(() => () => painter.current?.clear(), []);

  return { stores, highlights, placements, studyNote, draftKeys, painter, active };
}
