/**
 * What Yandu keeps in the extension's localStorage that a user would miss, carried in backups (version 4):
 * where each speech was left (utils/reader/positions.ts: the library shows it as progress) and the 专题汇编
 * page's title, filter and drag order (utils/compilation/state.ts: that order is the user's work). Whatever
 * Yandu stores, its own backup restores (issue 14).
 *
 * The backup code never touches browser storage: the page that backs up reads these here and hands them in,
 * and the page that restores merges them back here. The library and the reader share the extension's origin,
 * so the library's write is what the reader reads. (Chrome's background is a service worker without
 * localStorage: its automatic backup reads these from the copy the pages keep, local-mirror.ts.)
 */
import {
  type CompilationState,
  parseCompilationState,
  serializeCompilationState,
} from '../../compilation/state';
import { MAX_SPEECHES, parsePositions, type StoredPosition } from '../../reader/positions';
import { type LocalStore, pageStorage, readLocal, writeLocal } from '../local';

/** One speech's reading position, as a backup file lists it. */
export interface BackupPosition extends StoredPosition {
  speechId: string;
}

/** The localStorage items of a backup; either may be missing (an older file, or nothing stored). */
export interface LocalItems {
  readingPositions?: BackupPosition[];
  compilation?: CompilationState;
}

/** What restoring the items does, for the preview and the message after it. */
export interface LocalRestore {
  /** Speeches whose reading position the backup brings (none here, or an older one). */
  positions: number;
  /**
   * The 专题汇编: `taken` where none was set up, `replaced` a different, older one (the user confirms first),
   * `kept` the one here (the same, or newer, or neither can be dated), `none` when the file has none.
   */
  compilation: 'none' | 'taken' | 'replaced' | 'kept';
}

/** Nothing set up: no title, no filter, no order of the user's. */
export function isEmptyCompilation(s: CompilationState): boolean {
  return (
    !s.topic &&
    s.categories.length === 0 &&
    !s.keyword &&
    !s.speaker &&
    !s.from &&
    !s.to &&
    s.order.length === 0
  );
}

/** The items as stored now (damaged values left out, as the reader and the 专题汇编 page read them). */
export function readLocalItems(store: LocalStore | undefined = pageStorage()): LocalItems {
  const out: LocalItems = {};
  const positions = Object.entries(parsePositions(readLocal('readingPositions', store))).map(
    ([speechId, p]): BackupPosition => ({
      speechId,
      para: p.para,
      top: p.top,
      progress: p.progress,
      at: p.at,
    }),
  );
  if (positions.length > 0) out.readingPositions = positions;
  const compilation = parseCompilationState(readLocal('compilation', store));
  if (!isEmptyCompilation(compilation)) out.compilation = compilation;
  return out;
}

/** The items without the positions of speeches that will not be in the library (they would show nowhere). */
export function forSpeeches(items: LocalItems, speechIds: ReadonlySet<string>): LocalItems {
  const out: LocalItems = { ...items };
  if (items.readingPositions)
    out.readingPositions = items.readingPositions.filter((p) => speechIds.has(p.speechId));
  return out;
}

const sameCompilation = (a: CompilationState, b: CompilationState) =>
  JSON.stringify({ ...a, savedAt: 0 }) === JSON.stringify({ ...b, savedAt: 0 });

/**
 * Which 专题汇编 wins. A state saved before it carried `savedAt` counts as older than any that has one (every
 * save since stamps it); when neither is dated the one here stays: work that cannot be dated is not
 * overwritten.
 */
function compilationChoice(here: CompilationState, file: CompilationState | undefined) {
  if (!file) return 'none' as const;
  if (isEmptyCompilation(here)) return isEmptyCompilation(file) ? ('kept' as const) : ('taken' as const);
  if (sameCompilation(here, file) || file.savedAt === undefined) return 'kept' as const;
  return file.savedAt > (here.savedAt ?? -1) ? ('replaced' as const) : ('kept' as const);
}

/**
 * The stored items joined with a backup's (already limited to the library's speeches, forSpeeches): per
 * speech the newer position (`at`) wins, a tie keeps the one here; at most MAX_SPEECHES positions are kept,
 * the least recently read dropped first, as when the reader saves one. Pure: the values to store and what
 * changed.
 */
export function mergeLocalItems(
  positionsRaw: string | null,
  compilationRaw: string | null,
  file: LocalItems,
  max = MAX_SPEECHES,
): { positions: Record<string, StoredPosition>; compilation: CompilationState; restore: LocalRestore } {
  const positions = { ...parsePositions(positionsRaw) };
  const taken = new Set<string>();
  for (const { speechId, ...p } of file.readingPositions ?? []) {
    const had = positions[speechId];
    if (had && had.at >= p.at) continue;
    positions[speechId] = p;
    taken.add(speechId);
  }
  const ids = Object.keys(positions);
  if (ids.length > max) {
    ids.sort((a, b) => (positions[b] as StoredPosition).at - (positions[a] as StoredPosition).at);
    for (const id of ids.slice(max)) {
      delete positions[id];
      taken.delete(id);
    }
  }
  const here = parseCompilationState(compilationRaw);
  const choice = compilationChoice(here, file.compilation);
  const compilation =
    (choice === 'taken' || choice === 'replaced') && file.compilation ? file.compilation : here;
  return { positions, compilation, restore: { positions: taken.size, compilation: choice } };
}

/** What restoring `file` would do to the items stored now (the preview). Reads only. */
export function previewLocalItems(
  file: LocalItems,
  store: LocalStore | undefined = pageStorage(),
): LocalRestore {
  return mergeLocalItems(readLocal('readingPositions', store), readLocal('compilation', store), file).restore;
}

/**
 * Merge a backup's items into localStorage: read, joined and written in one synchronous step, so a position
 * the reader saves in another tab meanwhile is not lost. Only what changes is written.
 */
export function restoreLocalItems(
  file: LocalItems,
  store: LocalStore | undefined = pageStorage(),
): LocalRestore {
  const merged = mergeLocalItems(readLocal('readingPositions', store), readLocal('compilation', store), file);
  if (merged.restore.positions > 0) writeLocal('readingPositions', JSON.stringify(merged.positions), store);
  if (merged.restore.compilation === 'taken' || merged.restore.compilation === 'replaced')
    writeLocal('compilation', serializeCompilationState(merged.compilation), store);
  return merged.restore;
}
