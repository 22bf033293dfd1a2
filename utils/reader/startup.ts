/**
 * What the reader needs before its first paint, kept free of imports so that the reader's boot script
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
export const THEME_CACHE_KEY = 'yandu:theme';

/** The cached theme, or null when there is none (or storage is unavailable). */
export function cachedTheme(): ReaderTheme | null {
  try {
    const value = localStorage.getItem(THEME_CACHE_KEY);
    return (READER_THEMES as readonly string[]).includes(value ?? '') ? (value as ReaderTheme) : null;
  } catch {
    return null;
  }
}

export function cacheTheme(theme: ReaderTheme): void {
  document.documentElement.dataset.ydTheme = theme;
  try {
    localStorage.setItem(THEME_CACHE_KEY, theme);
  } catch {
    // storage disabled: only the flash comes back
  }
}
