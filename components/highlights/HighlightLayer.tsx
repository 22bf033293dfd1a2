import type { RefObject } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Placement, placeHighlights } from '@/utils/anchoring/placement';
import type { Painter } from '@/utils/reader/paint';
import type { HighlightCategorySettings } from '@/utils/settings';
import { storageErrorMessage } from '@/utils/store/errors';
import { speechIdFromUrl } from '@/utils/store/ids';
import { readLocal, writeLocal } from '@/utils/store/local';
import type { OpenReaderStore, ReaderStore } from '@/utils/store/reader-store';
import {
  HIGHLIGHT_CATEGORIES,
  type Highlight,
  type HighlightCategory,
  type Note,
  type OutlineNode,
  type TextSelector,
} from '@/utils/types';
import { scrollToParagraph } from '../reader/scroll-to-paragraph';
import type { DraftStore } from './HighlightEditor';

/**
 * The database modules and the highlight code and UI, loaded after the first paint (neither Dexie nor
 * anchoring delays the text).
 */
interface Stores {
  store: ReaderStore;
  ui: HighlightUi;
}
export type HighlightUi = typeof import('./highlight-ui');

function loadStores(open: OpenReaderStore): Promise<Stores> {
  return Promise.all([open(), import('./highlight-ui')]).then(([store, ui]) => ({ store, ui }));
}

const UNDO_MS = 8000;

function readLastCategory(): HighlightCategory {
  const v = readLocal('lastCategory');
  return (HIGHLIGHT_CATEGORIES as readonly string[]).includes(v ?? '') ? (v as HighlightCategory) : 'task';
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

export interface HighlightState {
  /** null until the stored highlights have been read. */
  placements: Placement[] | null;
  /** The speech's database id ('' until the database code has loaded). */
  speechId: string;
  studyNote: Note | undefined;
  draftIds: ReadonlySet<string>;
  drafts: DraftStore | null;
  /** Draft id of the 学习心得 (null until the database is loaded). */
  draftId: string | null;
  saveStudyNote: ((text: string) => Promise<void>) | null;
  /** The notes column and study-note components (null until loaded, after the first paint). */
  ui: HighlightUi | null;
  /** Scroll to a highlight and open it (from the notes panel). */
  goTo: (id: string) => void;
  /** Toolbar, editor and snackbar, to render inside the reader. */
  layer: preact.JSX.Element;
}

export interface HighlightOptions {
  /** The speech's address (its database id is derived from it). */
  url: string;
  paragraphs: readonly string[];
  outline: readonly OutlineNode[];
  articleRef: RefObject<HTMLElement | null>;
  categories: HighlightCategorySettings;
  /** An archived version: painted, never edited (and stored selectors are not moved). */
  readOnly?: boolean;
  /** Opens the database (the entrypoint's, entrypoints/reader/store.ts); called after the first paint. */
  openStore: OpenReaderStore;
  /** Paint with <mark> even where the Highlight API exists (tests). */
  forceMarks?: boolean;
  /** False while only the beginning of a long speech is in the page: highlights are placed once all of it is. */
  textComplete?: boolean;
}

interface Pending {
  selector: TextSelector;
  at: { x: number; top: number; bottom: number };
}

interface Editing {
  id: string;
  at: { x: number; y: number };
  focusNote: boolean;
  /** Overlapping highlights under the click, for 下一条重叠的标注. */
  stack: string[];
}

/**
 * Highlights of one speech in the reader: reads and follows them (liveQuery), places them on the text shown,
 * paints them after the text is on screen, and turns selections, clicks and the H / N keys into edits.
 */
export function useHighlights(options: HighlightOptions): HighlightState {
  const { url, paragraphs, outline, articleRef, categories, readOnly, textComplete = true } = options;
  const [stores, setStores] = useState<Stores | null>(null);
  const speechId = stores ? speechIdFromUrl(url) : '';
  const [highlights, setHighlights] = useState<Highlight[] | null>(null);
  const [placed, setPlaced] = useState<ReturnType<typeof placeHighlights> | null>(null);
  const [studyNote, setStudyNote] = useState<Note | undefined>(undefined);
  const [draftIds, setDraftIds] = useState<ReadonlySet<string>>(() => new Set());
  const [pending, setPending] = useState<Pending | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleted, setDeleted] = useState<Highlight | null>(null);
  /** Why the last save failed (a full disk says so), shown until dismissed or the next save succeeds. */
  const [saveError, setSaveError] = useState<string | null>(null);
  const [last, setLast] = useState<HighlightCategory>(readLastCategory);
  const painter = useRef<Painter | null>(null);
  const moved = useRef(new Set<string>());
  const timing = useRef<{ start: number; loaded: number } | null>(null);

  const editingRef = useRef<string | null>(null);
  editingRef.current = editing?.id ?? null;

  /**
   * Place and paint at once when the data arrives, outside Preact's render cycle: painting never waits for
   * the panel to render, and the figure measured is the restore itself.
   */
  const placeAndPaint = (list: Highlight[], s: Stores) => {
    const article = articleRef.current;
    const result = s.ui.placeHighlights(paragraphs, outline, list);
    if (article) {
      painter.current ??= s.ui.createPainter(article, options.forceMarks);
      const items = result.placements.flatMap((p) =>
        p.selector ? [{ id: p.highlight.id, category: p.highlight.category, selector: p.selector }] : [],
      );
      painter.current.paint(items);
      painter.current.setActive(editingRef.current);
      const t = timing.current;
      if (t) {
        // First restore: from asking the database to painted, and from the data's arrival (bench figures).
        const end = performance.now();
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
    return result;
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
        const id = speechIdFromUrl(url);
        timing.current = { start: performance.now(), loaded: 0 };
        // The highlights' read goes first and alone: the toolbar, the notes column and their own reads
        // (study note, drafts) follow once the highlights are painted, so nothing delays that read's answer.
        let rest = false;
        const theRest = () => {
          if (rest || !live) return;
          rest = true;
          setStores(s);
          subscriptions.push(s.store.watchStudyNote(id, setStudyNote), s.store.watchDraftIds(setDraftIds));
        };
        subscriptions.push(
          s.store.watchHighlights(
            id,
            (list) => {
              if (timing.current) timing.current.loaded = performance.now();
              setHighlights(list);
              setPlaced(placeAndPaint(list, s));
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
  }, [url, textComplete, outline]);

  useEffect(() => () => painter.current?.clear(), []);

  useEffect(() => {
    painter.current?.setActive(editing?.id ?? null);
  }, [editing?.id]);

  // The selection toolbar follows the selection inside the text.
  const checkSelection = useCallback(() => {
    const article = articleRef.current;
    const selection = document.getSelection();
    if (
      readOnly ||
      !stores ||
      !article ||
      !selection ||
      selection.rangeCount === 0 ||
      selection.isCollapsed
    ) {
      setPending(null);
      return;
    }
    const range = selection.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) {
      setPending(null);
      return;
    }
    const selector = stores.ui.selectorFromRange(range, article, paragraphs);
    if (!selector) {
      setPending(null);
      return;
    }
    const rect = range.getBoundingClientRect();
    setPending({
      selector,
      at: {
        x: rect.left + rect.width / 2 + window.scrollX,
        top: rect.top + window.scrollY,
        bottom: rect.bottom + window.scrollY,
      },
    });
  }, [paragraphs, readOnly, stores]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        checkSelection();
      });
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('mouseup', checkSelection);
    document.addEventListener('keyup', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('mouseup', checkSelection);
      document.removeEventListener('keyup', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [checkSelection]);

  const reportSaveError = (error: unknown) => {
    console.warn('[yandu] save failed', error);
    setSaveError(storageErrorMessage(error));
  };
  /**
   * A note save that failed: say why, keep the text as a draft (best effort: on a full disk that may fail
   * too, but the box still holds it) and reject, so the editor stays open with what was typed.
   */
  const saveText = async (write: Promise<void>, draftId: string, text: string) => {
    try {
      await write;
      setSaveError(null);
    } catch (error) {
      reportSaveError(error);
      await stores?.store.saveDraft(draftId, text).catch(() => {});
      throw error;
    }
  };

  const editorPosition = (id: string, otherwise?: { x: number; y: number }) => {
    const rect = painter.current?.rangeOf(id)?.getBoundingClientRect();
    if (rect && (rect.width || rect.height)) {
      return { x: rect.left + rect.width / 2 + window.scrollX, y: rect.bottom + window.scrollY };
    }
    return otherwise ?? { x: window.innerWidth / 2 + window.scrollX, y: window.scrollY + 120 };
  };

  const create = async (category: HighlightCategory, withNote: boolean) => {
    if (!pending || !stores) return;
    const h = stores.ui.makeHighlight(speechId, pending.selector, category, outline);
    setLast(category);
    writeLocal('lastCategory', category);
    const at = { x: pending.at.x, y: pending.at.bottom };
    setPending(null);
    document.getSelection()?.removeAllRanges();
    try {
      await stores.store.addHighlight(h);
      setSaveError(null);
    } catch (error) {
      reportSaveError(error);
      return;
    }
    if (withNote) setEditing({ id: h.id, at, focusNote: true, stack: [h.id] });
  };

  // Keyboard: H highlights the selection with the last category, N opens the note editor on it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      const key = event.key.toLowerCase();
      if (key === 'escape') {
        if (editing) setEditing(null);
        else if (pending) setPending(null);
        return;
      }
      if (!pending || (key !== 'h' && key !== 'n')) return;
      event.preventDefault();
      void create(last, key === 'n');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // A click on painted text opens that highlight (hit-tested: with the Highlight API there is no element).
  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const onClick = (event: MouseEvent) => {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed) return;
      const ids = painter.current?.hitTest(event.clientX, event.clientY, event.target) ?? [];
      const first = ids[0];
      if (!first) {
        // A click on plain text puts the popover away.
        setEditing(null);
        return;
      }
      setPending(null);
      setEditing({ id: first, at: editorPosition(first), focusNote: false, stack: ids });
    };
    article.addEventListener('click', onClick);
    return () => article.removeEventListener('click', onClick);
  }, [articleRef]);

  const goTo = (id: string) => {
    const range = painter.current?.rangeOf(id);
    const start = range?.startContainer;
    const el = (start?.nodeType === 1 ? (start as Element) : start?.parentElement)?.closest<HTMLElement>(
      '[data-para]',
    );
    if (!el) return;
    scrollToParagraph(el, Math.round(window.innerHeight / 3));
    setEditing({ id, at: editorPosition(id), focusNote: false, stack: [id] });
  };

  const remove = async (id: string) => {
    if (!stores) return;
    setEditing(null);
    const h = await stores.store.deleteHighlight(id).catch((error: unknown) => {
      reportSaveError(error);
      return undefined;
    });
    if (h) setDeleted(h);
  };

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const drafts = useMemo<DraftStore | null>(
    () =>
      stores && {
        load: stores.store.loadDraft,
        clear: stores.store.clearDraft,
        saver: (id) => stores.store.createDraftSaver(id),
      },
    [stores],
  );

  const editingHighlight = editing && highlights?.find((h) => h.id === editing.id);
  const stack = editing?.stack ?? [];
  const layer = (
    <>
      {pending && stores ? (
        <stores.ui.HighlightToolbar
          categories={categories}
          last={last}
          {...pending}
          onHighlight={(category) => void create(category, false)}
          onNote={() => void create(last, true)}
        />
      ) : null}
      {editing && editingHighlight && drafts && stores ? (
        <stores.ui.HighlightEditor
          key={editing.id}
          highlight={editingHighlight}
          categories={categories}
          drafts={drafts}
          draftId={stores.store.highlightDraftId(editing.id)}
          at={editing.at}
          focusNote={editing.focusNote}
          readOnly={readOnly}
          onNext={
            stack.length > 1
              ? () => {
                  const next = stack[(stack.indexOf(editing.id) + 1) % stack.length] as string;
                  setEditing({ ...editing, id: next, focusNote: false });
                }
              : undefined
          }
          onCategory={(category) => {
            setLast(category);
            stores.store.setCategory(editing.id, category).catch(reportSaveError);
          }}
          onSaveNote={(note) =>
            saveText(stores.store.setNote(editing.id, note), stores.store.highlightDraftId(editing.id), note)
          }
          onDelete={() => void remove(editing.id)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleted && stores && !saveError ? (
        <div class="yd-snackbar" role="status">
          <span>{i18n.t('hlDeleted')}</span>
          <span aria-hidden="true">·</span>
          <button
            type="button"
            onClick={() => {
              const h = deleted;
              setDeleted(null);
              stores.store.restoreHighlight(h).catch(reportSaveError);
            }}
          >
            {i18n.t('hlUndo')}
          </button>
        </div>
      ) : null}
      {saveError ? (
        <div class="yd-snackbar yd-save-error" role="alert">
          <span>{saveError}</span>
          <button type="button" onClick={() => setSaveError(null)}>
            {i18n.t('hlClose')}
          </button>
        </div>
      ) : null}
    </>
  );

  return {
    placements: placed?.placements ?? null,
    speechId,
    ui: stores?.ui ?? null,
    studyNote,
    draftIds: useMemo(() => {
      const ids = new Set<string>();
      for (const key of draftIds) if (key.startsWith('highlight:')) ids.add(key.slice('highlight:'.length));
      return ids;
    }, [draftIds]),
    drafts,
    draftId: stores ? stores.store.studyNoteDraftId(speechId) : null,
    saveStudyNote:
      stores && !readOnly
        ? (text: string) =>
            saveText(
              stores.store.saveStudyNote(speechId, text),
              stores.store.studyNoteDraftId(speechId),
              text,
            )
        : null,
    goTo,
    layer,
  };
}
