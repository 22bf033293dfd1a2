/**
 * Where each speech was left: reopening it from the library, the task list or a new tab
 * returns there, and the library shows how far it was read.
 *
 * Kept in localStorage (utils/store/local.ts), not in the database: the reader reads it synchronously before
 * its first paint, so the jump happens before the top of the speech is ever shown (the database opens only
 * after the first paint, entrypoints/reader/store.ts); it is written at every pause in scrolling, which a
 * synchronous write of a few KB does cheaply; the library (same origin) reads it synchronously as well. It is
 * in backups all the same (utils/store/backup/local-items.ts): whatever Yandu stores, its own backup restores,
 * and the library shows it as each speech's progress. At most MAX_SPEECHES entries are kept, the least
 * recently read dropped first.
 */

import { type LocalStore, pageStorage, readLocal, writeLocal } from '../store/local';

export interface StoredPosition {
  /** The first paragraph on screen… */
  para: number;
  /** …and how far its top is below the viewport top (px; negative once it starts above). */
  top: number;
  /** How far down the speech, 0–100. */
  progress: number;
  /** When it was saved (ms). */
  at: number;
}

export const MAX_SPEECHES = 300;

type Positions = Record<string, StoredPosition>;

function valid(value: unknown): value is StoredPosition {
  const p = value as Partial<StoredPosition> | null;
  return (
    !!p &&
    Number.isInteger(p.para) &&
    (p.para as number) >= 0 &&
    Number.isFinite(p.top) &&
    Number.isFinite(p.progress) &&
    Number.isFinite(p.at)
  );
}

/** The stored map, damaged entries left out (a hand-edited or truncated value never breaks the reader). */
export function parsePositions(raw: string | null): Positions {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const out: Positions = {};
  for (const [id, value] of Object.entries(data)) {
    if (valid(value))
      out[id] = { ...value, progress: Math.min(100, Math.max(0, Math.round(value.progress))) };
  }
  return out;
}

/** The map with one speech's position set, the oldest entries dropped beyond `max`. */
export function withPosition(
  positions: Positions,
  speechId: string,
  position: StoredPosition,
  max = MAX_SPEECHES,
): Positions {
  const next: Positions = { ...positions, [speechId]: position };
  const ids = Object.keys(next);
  if (ids.length <= max) return next;
  ids.sort((a, b) => (next[b] as StoredPosition).at - (next[a] as StoredPosition).at);
  for (const id of ids.slice(max)) delete next[id];
  return next;
}

// The library asks once per row shown: parse the stored value once per change of it.
let cache: { raw: string | null; positions: Positions } = { raw: null, positions: {} };

function readAll(store: LocalStore | undefined): Positions {
  const raw = readLocal('readingPositions', store);
  if (raw !== cache.raw) cache = { raw, positions: parsePositions(raw) };
  return cache.positions;
}

/** Where a speech was left, or null. */
export function readPosition(speechId: string, store = pageStorage()): StoredPosition | null {
  return readAll(store)[speechId] ?? null;
}

/** Remember where a speech is being read. */
export function savePosition(speechId: string, position: StoredPosition, store = pageStorage()): void {
  if (!speechId) return;
  writeLocal('readingPositions', JSON.stringify(withPosition(readAll(store), speechId, position)), store);
}
