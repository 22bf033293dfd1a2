/**
 * A copy of the backed-up localStorage items (local-items.ts: reading positions, the 专题汇编) in
 * storage.local, for the automatic backup: Chrome's background is a service worker and has no localStorage,
 * so without the copy its files would leave both out. The pages that write the items refresh the copy after
 * each write; the copy holds the raw strings, read back through the same defensive parsers.
 */
import { browser } from 'wxt/browser';
import { LOCAL_KEYS, type LocalStore, pageStorage, readLocal } from '../local';

const MIRROR_KEY = 'localItemsMirror';
const MIRRORED = ['readingPositions', 'compilation'] as const;

/** Refresh the copy from this page's localStorage. Never throws: the copy is a fallback, not the data. */
export function mirrorLocalItems(store: LocalStore | undefined = pageStorage()): Promise<void> {
  const copy: Record<string, string> = {};
  for (const key of MIRRORED) {
    const value = readLocal(key, store);
    if (value !== null) copy[LOCAL_KEYS[key]] = value;
  }
  try {
    return browser.storage.local.set({ [MIRROR_KEY]: copy }).catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}

/** The copy as a read-only store for readLocalItems (an empty one when there is none). */
export async function mirroredStore(): Promise<LocalStore> {
  const stored = (await browser.storage.local.get(MIRROR_KEY))[MIRROR_KEY];
  const copy = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  return {
    getItem: (key) => {
      const value = copy[key];
      return typeof value === 'string' ? value : null;
    },
    setItem: () => undefined,
  };
}
