import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { type HighlightData, type HighlightUi, useHighlightData } from '@/hooks/use-highlight-data';
import { type HighlightEdits, useHighlightEdits } from '@/hooks/use-highlight-edits';
import { useHighlightSelection } from '@/hooks/use-highlight-selection';
import type { DraftStore } from '@/hooks/use-note-draft';
import type { Placement } from '@/utils/anchoring/placement';
import { liveTabs, tabIdNow, thisTab } from '@/utils/reader/tab';
import type { HighlightCategorySettings } from '@/utils/settings';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { NoteSave } from '@/utils/store/notes';
import type { OpenReaderStore } from '@/utils/store/reader-store';
import type { Highlight, Note, OutlineNode } from '@/utils/types';

export interface HighlightOptions {
  /** The speech's address (its database id is derived from it). */
  url: string;
  paragraphs: readonly string[];
  outline: readonly OutlineNode[];
  articleRef: RefObject<HTMLElement | null>;
  /** An archived version: painted, never edited (and stored selectors are not moved). */
  readOnly?: boolean;
  /** Opens the database (the entrypoint's, entrypoints/reader/store.ts); called after the first paint. */
  openStore: OpenReaderStore;
  /** Paint with <mark> even where the Highlight API exists (tests). */
  forceMarks?: boolean;
  /** False while only the beginning of a long speech is in the page: highlights are placed once all of it is. */
  textComplete?: boolean;
}

export interface HighlightState {
  /** null until the stored highlights have been read. */
  placements: Placement[] | null;
  /** The speech's database id ('' until the database code has loaded). */
  speechId: string;
  studyNote: Note | undefined;
  /** Highlights with a note draft. */
  draftIds: ReadonlySet<string>;
  drafts: DraftStore | null;
  /** Draft owner key of the 学习心得 (null until the database is loaded). */
  draftId: string | null;
  saveStudyNote: ((text: string, base: string) => Promise<NoteSave>) | null;
  /** The notes column and study-note components (null until loaded, after the first paint). */
  ui: HighlightUi | null;
  /** Scroll to a highlight and open it (from the notes panel). */
  goTo: (id: string) => void;
  /** What <HighlightLayer> shows and edits. */
  layer: { data: HighlightData; edits: HighlightEdits; selection: SelectionState; readOnly: boolean };
}

const DRAFT_PREFIX = 'highlight:';
type SelectionState = ReturnType<typeof useHighlightSelection>;

/**
 * Highlights of one speech in the reader: its data (hooks/use-highlight-data.ts), the selection that can
 * become one (use-highlight-selection.ts) and the writes (use-highlight-edits.ts), for the reader's notes
 * column and for <HighlightLayer>.
 */
export function useHighlights(options: HighlightOptions): HighlightState {
  const { url, paragraphs, outline, articleRef, textComplete = true } = options;
  const readOnly = !!options.readOnly;
  const id = speechIdFromUrl(url);
  const data = useHighlightData({ ...options, speechId: id, textComplete });
  const { stores } = data;
  const selection = useHighlightSelection(articleRef, paragraphs, readOnly ? null : (stores?.ui ?? null));
  const edits = useHighlightEdits(data, id, outline, selection);
  // Drafts are this tab's (utils/reader/tab.ts): another reader of the speech keeps its own.
  const drafts = useMemo<DraftStore | null>(
    () =>
      stores && {
        load: async (owner) => stores.store.takeDraft(owner, await thisTab(), await liveTabs()),
        save: async (owner, text) => stores.store.saveDraft(owner, await thisTab(), text),
        clear: async (owner) => stores.store.clearDraft(owner, await thisTab()),
        keep: (owner, text) => {
          const tab = tabIdNow();
          if (tab) stores.store.keepDraftCopy(owner, tab, text);
        },
      },
    [stores],
  );
  const draftIds = useMemo(() => {
    const ids = new Set<string>();
    for (const key of data.draftKeys) {
      const owner = stores?.store.draftOwner(key) ?? key;
      if (owner.startsWith(DRAFT_PREFIX)) ids.add(owner.slice(DRAFT_PREFIX.length));
    }
    return ids;
  }, [data.draftKeys, stores]);
  return {
    placements: data.placements,
    speechId: stores ? id : '',
    ui: stores?.ui ?? null,
    studyNote: data.studyNote,
    draftIds,
    drafts,
    draftId: stores ? stores.store.studyNoteDraftId(id) : null,
    saveStudyNote:
      stores && !readOnly
        ? (text: string, base: string) => edits.saveText(stores.store.saveStudyNoteOver(id, text, base))
        : null,
    goTo: edits.goTo,
    layer: { data, edits, selection, readOnly },
  };
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

export interface HighlightLayerProps {
  highlights: HighlightState;
  articleRef: RefObject<HTMLElement | null>;
  categories: HighlightCategorySettings;
}

/**
 * The selection toolbar, the editor of the highlight clicked and the snackbars (undo, a failed save), with
 * the keys and clicks that open them: H highlights the selection with the last category, N opens the note
 * editor on it, Escape puts them away, a click on painted text opens that highlight.
 */
export function HighlightLayer({ highlights, articleRef, categories }: HighlightLayerProps) {
  const { data, edits, selection, readOnly } = highlights.layer;
  const { stores, painter } = data;
  const { editing, setEditing, last } = edits;
  const { pending, setPending } = selection;

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
      void edits.create(last, key === 'n');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  // Hit-tested: with the Highlight API there is no element to click.
  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const onClick = (event: MouseEvent) => {
      const selected = document.getSelection();
      if (selected && !selected.isCollapsed) return;
      const ids = painter.current?.hitTest(event.clientX, event.clientY, event.target) ?? [];
      const first = ids[0];
      if (!first) {
        // A click on plain text puts the popover away.
        setEditing(null);
        return;
      }
      setPending(null);
      setEditing({ id: first, at: edits.editorPosition(first), focusNote: false, stack: ids });
    };
    article.addEventListener('click', onClick);
    return () => article.removeEventListener('click', onClick);
  }, [articleRef]);

  // The highlight open here, as last seen: deleted in another tab, its editor stays with what was typed.
  const seen = useRef<Highlight | null>(null);
  const found = editing ? data.highlights?.find((h) => h.id === editing.id) : undefined;
  if (found) seen.current = found;
  else if (!editing || seen.current?.id !== editing.id) seen.current = null;
  const editingHighlight = found ?? seen.current;

  if (!stores) return null;
  const stack = editing?.stack ?? [];
  return (
    <>
      {pending ? (
        <stores.ui.HighlightToolbar
          categories={categories}
          last={last}
          {...pending}
          onHighlight={(category) => void edits.create(category, false)}
          onNote={() => void edits.create(last, true)}
        />
      ) : null}
      {editing && editingHighlight && highlights.drafts ? (
        <stores.ui.HighlightEditor
          key={editing.id}
          highlight={editingHighlight}
          categories={categories}
          drafts={highlights.drafts}
          draftOwner={stores.store.highlightDraftId(editing.id)}
          gone={!found && !!data.highlights}
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
          onCategory={(category) => edits.setCategory(editing.id, category)}
          onSaveNote={(note, base) => edits.saveText(stores.store.setNoteOver(editing.id, note, base))}
          onRestore={(note) => edits.restoreWithNote(editingHighlight, note)}
          onDelete={() => void edits.remove(editing.id)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {edits.deleted && !edits.saveError ? (
        <div class="yd-snackbar" role="status">
          <span>{i18n.t('hlDeleted')}</span>
          <span aria-hidden="true">·</span>
          <button type="button" onClick={edits.undo}>
            {i18n.t('hlUndo')}
          </button>
        </div>
      ) : null}
      {edits.saveError ? (
        <div class="yd-snackbar yd-save-error" role="alert">
          <span>{edits.saveError}</span>
          <button type="button" onClick={edits.dismissError}>
            {i18n.t('hlClose')}
          </button>
        </div>
      ) : null}
    </>
  );
}
