/**
 * Which reader tab this is, for per-tab drafts (utils/store/drafts.ts). The id lives in
 * sessionStorage so a reload finds its own draft again, and the tab holds a Web Lock named after it while
 * open: a copy of sessionStorage (a frame of the same page, a tab opened with window.open) cannot claim a
 * held id and takes a new one, and other tabs can tell a closed tab's drafts (no lock) from a live one's.
 */

const KEY = 'yandu:tab';
const LOCK = 'yandu-tab:';

/** The part of navigator.locks used here (absent where the API is). */
export interface TabLocks {
  request(
    name: string,
    options: { ifAvailable: boolean },
    grant: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function platformLocks(): TabLocks | undefined {
  return (globalThis.navigator as { locks?: TabLocks } | undefined)?.locks;
}

function pageSession(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function newTabId(): string {
  return (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36)}`)
    .replace(/[^a-z0-9]/gi, '')
    .slice(0, 12);
}

/** Hold the lock of `id` for the life of the page; false when another page holds it. */
function hold(locks: TabLocks, id: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    locks
      .request(`${LOCK}${id}`, { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        // Never settles: the lock is released when the page goes away.
        return lock ? new Promise<void>(() => {}) : Promise.resolve();
      })
      .catch(() => resolve(false));
  });
}

/** This tab's id: the one in sessionStorage when no other page holds it, else a new one. */
export async function claimTabId(session = pageSession(), locks = platformLocks()): Promise<string> {
  let stored: string | null = null;
  try {
    stored = session?.getItem(KEY) ?? null;
  } catch {
    // storage disabled: a new id each load (a reload then takes its old draft over as a closed tab's)
  }
  if (stored && (!locks || (await hold(locks, stored)))) return stored;
  let id = newTabId();
  if (locks) while (!(await hold(locks, id))) id = newTabId();
  try {
    session?.setItem(KEY, id);
  } catch {
    // as above
  }
  return id;
}

/**
 * Whether a tab is open now, from the locks held; where the browser cannot say, every tab counts as open
 * (another tab's draft is then never taken over).
 */
export async function liveTabs(locks = platformLocks()): Promise<(tab: string) => boolean> {
  if (!locks) return () => true;
  try {
    const { held = [] } = await locks.query();
    const open = new Set(held.flatMap((l) => (l.name?.startsWith(LOCK) ? [l.name.slice(LOCK.length)] : [])));
    return (tab) => open.has(tab);
  } catch {
    return () => true;
  }
}

let claimed: Promise<string> | undefined;
let known: string | undefined;

/** This page's tab id, claimed once. */
export function thisTab(): Promise<string> {
  claimed ??= claimTabId().then((id) => {
    known = id;
    return id;
  });
  return claimed;
}

/**
 * This page's tab id once claimed, synchronously (a keystroke's copy is written in the input event itself);
 * undefined before `thisTab()` has resolved.
 */
export function tabIdNow(): string | undefined {
  return known;
}
