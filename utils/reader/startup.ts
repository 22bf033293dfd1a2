import { LOCAL_KEYS, readLocal, writeLocal } from '../store/local';

/**
 * What the reader needs before its first paint, kept free of heavy imports so that the reader's boot script
 * (entrypoints/reader-boot.ts) can use it without loading the settings code. settings.ts builds on it.
 */

/** The storage.local keys read in ONE read before the first paint (settings.ts defines the items). */
export const STARTUP_KEYS = ['readerSettings', 'autoOpenReader', 'highlightCategories'];

export const READER_THEMES = ['light', 'sepia', 'dark'] as const;
export type ReaderTheme = (typeof READER_THEMES)[number];

/**
 * The theme is also cached in the extension's localStorage, which can be read synchronously before the
 * settings arrive: a dark reader (and the library) never flashes white while loading.
 */
export const THEME_CACHE_KEY = LOCAL_KEYS.theme;

/** The cached theme, or null when there is none (or storage is unavailable). */
export function cachedTheme(): ReaderTheme | null {
  const value = readLocal('theme');
  return (READER_THEMES as readonly string[]).includes(value ?? '') ? (value as ReaderTheme) : null;
}

export function cacheTheme(theme: ReaderTheme): void {
  document.documentElement.dataset.ydTheme = theme;
  writeLocal('theme', theme);
}
