/**
 * The extension's localStorage: small values read synchronously before anything else can answer (the
 * theme before the first paint, the library's summaries, the last highlight category). Every key is here,
 * and reading or writing never throws: storage may be disabled or full, and each value is only a shortcut
 * (the real data is in storage.local or the database). No imports, so the reader's boot script can use it.
 */

export const LOCAL_KEYS = {
  /** The reader's theme, so no page flashes white while the settings load (utils/reader/startup.ts). */
  theme: 'yandu:theme',
  /** The category the H key uses (components/highlights/HighlightLayer.tsx). */
  lastCategory: 'yandu:lastCategory',
  /** Summaries of the library, shown before the database is read (utils/store/library.ts). */
  librarySummaries: 'yandu:library-summaries',
  /** The task list's filter and order, per tab (sessionStorage): Back from a task's passage keeps them. */
  taskView: 'yandu:task-view',
  /** The user has read the note that the browser may evict the data. */
  persistWarningSeen: 'yandu:persist-warning-seen',
  /** The export dialog's last template, format, layout and 学习人/单位/学习时间 (utils/export/choices.ts). */
  exportChoices: 'yandu:export-choices',
  /** The 专题汇编 page's title, filter and the user's order of the excerpts (utils/compilation/state.ts). */
  compilation: 'yandu:compilation',
  /** Where each speech was left and how far it was read (utils/reader/positions.ts). */
  readingPositions: 'yandu:reading-positions',
  /**
   * What was just typed into a note, per tab draft row, written synchronously at each keystroke: a tab closed
   * the instant after a keystroke has no time left for the database write (utils/store/drafts.ts).
   */
  draftCopies: 'yandu:draft-copies',
} as const;

export type LocalKey = keyof typeof LOCAL_KEYS;
export type LocalStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage, or undefined where touching it throws (storage disabled). */
export function pageStorage(): LocalStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The tab's sessionStorage (what lives as long as the tab: Back and reload keep it), or undefined. */
export function tabStorage(): LocalStore | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The value, or null when there is none or storage cannot be read. */
export function readLocal(
  key: LocalKey,
  store: Pick<Storage, 'getItem'> | undefined = pageStorage(),
): string | null {
  try {
    return store?.getItem(LOCAL_KEYS[key]) ?? null;
  } catch {
    return null;
  }
}

/** Store the value; a disabled or full storage only loses the shortcut. */
export function writeLocal(
  key: LocalKey,
  value: string,
  store: Pick<Storage, 'setItem'> | undefined = pageStorage(),
): void {
  try {
    store?.setItem(LOCAL_KEYS[key], value);
  } catch {
    // disabled or full: the next visit takes the slow path
  }
}
