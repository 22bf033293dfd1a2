import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { mergeOrder, moveItem } from '@/utils/compilation/order';
import {
  type CompilationState,
  compilationFilter,
  parseCompilationState,
  serializeCompilationState,
  speakersOf,
} from '@/utils/compilation/state';
import { templateInput } from '@/utils/export/template-run';
import type { TemplateInput } from '@/utils/export/templates/common';
import { type CompilationEntry, compilationEntries } from '@/utils/export/templates/compilation';
import { mirrorLocalItems } from '@/utils/store/backup/local-mirror';
import type { YanduDB } from '@/utils/store/db';
import { LOCAL_KEYS, type LocalStore, readLocal, writeLocal } from '@/utils/store/local';
import type { HighlightCategory } from '@/utils/types';

/** Every speech with its highlights, read once when the page opens. */
function useLibraryInput(db: YanduDB, categoryNames: Record<HighlightCategory, string>) {
  const [input, setInput] = useState<TemplateInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const ids = (await db.speeches.toCollection().primaryKeys()) as string[];
      const read = await templateInput(db, { speechIds: ids, categoryNames });
      if (live) setInput(read);
    })().catch((e: unknown) => live && setError(String((e as Error)?.message ?? e)));
    return () => {
      live = false;
    };
  }, [db, categoryNames]);
  return { input, error };
}

/**
 * The 专题汇编 page's state: the library's highlights, the remembered title, filter and order (saved on every
 * change), the excerpts they select in that order, and the moves that rearrange them.
 */
export function useCompilation(
  db: YanduDB,
  categoryNames: Record<HighlightCategory, string>,
  store: LocalStore | undefined,
) {
  const { input, error } = useLibraryInput(db, categoryNames);
  const [state, setState] = useState<CompilationState>(() =>
    parseCompilationState(readLocal('compilation', store)),
  );
  const current = useRef(state);
  current.current = state;
  const update = (patch: Partial<CompilationState>) => {
    // Stamped, so a backup restore can tell which of two states is newer (utils/store/backup/local-items.ts).
    const next = { ...current.current, ...patch, savedAt: Date.now() };
    current.current = next;
    setState(next);
    writeLocal('compilation', serializeCompilationState(next), store);
    void mirrorLocalItems(store);
  };

  useEffect(() => {
    // Another tab changed it (a backup restored in the library, a second 专题汇编 tab): show that, so this
    // page's next change is made on it instead of writing its older state back over it.
    const onStorage = (e: StorageEvent) => {
      if (e.key !== LOCAL_KEYS.compilation) return;
      const next = parseCompilationState(e.newValue);
      current.current = next;
      setState(next);
    };
    globalThis.addEventListener?.('storage', onStorage);
    return () => globalThis.removeEventListener?.('storage', onStorage);
  }, []);

  const filter = useMemo(() => compilationFilter(state), [state]);
  const entries = useMemo<CompilationEntry[]>(
    () => (input ? compilationEntries(input, filter) : []),
    [input, filter],
  );
  /** Every excerpt of the library in the current order: the frame a move of the shown ones is merged into. */
  const everyId = useMemo(
    () => (input ? compilationEntries(input, { order: state.order }).map((e) => e.highlightId) : []),
    [input, state.order],
  );
  const speechOf = useMemo(() => {
    const urls = new Map(input?.speeches.map((s) => [s.id, s.url]) ?? []);
    return new Map(
      input?.highlights.map((h) => [h.id, { id: h.speechId, url: urls.get(h.speechId) ?? '' }]) ?? [],
    );
  }, [input]);
  const speakers = useMemo(
    () => (input ? speakersOf(input.speeches, new Set(input.highlights.map((h) => h.speechId))) : []),
    [input],
  );

  const move = (from: number, to: number) => {
    const shown = entries.map((e) => e.highlightId);
    update({ order: mergeOrder(everyId, moveItem(shown, from, to)) });
  };

  return {
    input,
    error,
    state,
    update,
    filter,
    entries,
    speakers,
    speechOf,
    move,
    resetOrder: () => update({ order: [] }),
  };
}

export type Compilation = ReturnType<typeof useCompilation>;
