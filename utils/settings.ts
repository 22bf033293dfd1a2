import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import {
  CATEGORY_SETTINGS_KEY,
  type CategoryStyle,
  type HighlightCategorySettings,
  normalizeCategorySettings,
} from './categories';
import { READER_THEMES, type ReaderTheme, STARTUP_KEYS } from './reader/startup';
import type { HighlightCategory } from './types';

export { READER_THEMES, type ReaderTheme, STARTUP_KEYS };

/**
 * The reader's typography settings and the "open automatically" switch, kept in the extension's local
 * storage so they follow the user across tabs and restarts. Every value read from storage goes through
 * `normalizeReaderSettings`: a stale or hand-edited value falls back field by field, it never throws.
 */

export const READER_FONTS = ['song', 'hei', 'kai'] as const;
export type ReaderFont = (typeof READER_FONTS)[number];

/** Body text sizes in CSS pixels, smallest first; settings store the step (0–4), not the pixels. */
export const READER_FONT_SIZES = [16, 18, 20, 22, 25] as const;
export type ReaderSizeStep = 0 | 1 | 2 | 3 | 4;

export interface ReaderSettings {
  font: ReaderFont;
  size: ReaderSizeStep;
  theme: ReaderTheme;
}

export const DEFAULT_READER_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  font: 'song',
  size: 2,
  theme: 'light',
});

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function normalizeReaderSettings(value: unknown): ReaderSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const size = v.size;
  return {
    font: isOneOf(READER_FONTS, v.font) ? v.font : DEFAULT_READER_SETTINGS.font,
    size:
      typeof size === 'number' && Number.isInteger(size) && size >= 0 && size < READER_FONT_SIZES.length
        ? (size as ReaderSizeStep)
        : DEFAULT_READER_SETTINGS.size,
    theme: isOneOf(READER_THEMES, v.theme) ? v.theme : DEFAULT_READER_SETTINGS.theme,
  };
}

export function fontSizePx(step: ReaderSizeStep): number {
  return READER_FONT_SIZES[step];
}

/**
 * Storage items are defined on first use, not when this module loads: defining a versioned item reads
 * storage twice at once (its migration check), and the reader reads its start-up settings in one call
 * instead (`loadStartupSettings`).
 */
function lazily<T>(define: () => T): () => T {
  let item: T | undefined;
  return () => {
    item ??= define();
    return item;
  };
}

export const readerSettingsItem = lazily(() =>
  storage.defineItem<ReaderSettings>('local:readerSettings', {
    version: 1,
    fallback: { ...DEFAULT_READER_SETTINGS },
    // Version 1 is the first shape. When it changes, bump `version` and add `2: (v1) => v2` here.
    migrations: {},
  }),
);

/**
 * "Open the reader automatically on speech pages". A key of its own, not part of readerSettings, so
 * the content script (which must stay tiny) can read one boolean: `browser.storage.local.get('autoOpenReader')`.
 */
export const autoOpenReaderItem = lazily(() =>
  storage.defineItem<boolean>('local:autoOpenReader', {
    version: 1,
    fallback: false,
    migrations: {},
  }),
);

export async function loadReaderSettings(): Promise<ReaderSettings> {
  return normalizeReaderSettings(await readerSettingsItem().getValue());
}

/** Merge a change into the stored settings and return what is now stored. */
export async function saveReaderSettings(change: Partial<ReaderSettings>): Promise<ReaderSettings> {
  const next = normalizeReaderSettings({ ...(await loadReaderSettings()), ...change });
  await readerSettingsItem().setValue(next);
  return next;
}

export async function loadAutoOpenReader(): Promise<boolean> {
  return (await autoOpenReaderItem().getValue()) === true;
}

export async function saveAutoOpenReader(on: boolean): Promise<void> {
  await autoOpenReaderItem().setValue(on);
}

/** Follow changes made in another reader tab. Returns the function that stops listening. */
export function watchReaderSettings(onChange: (settings: ReaderSettings) => void): () => void {
  return readerSettingsItem().watch((value) => onChange(normalizeReaderSettings(value)));
}

// The categories' names and colours (types, defaults, normalising) live in categories.ts, which pages read
// without this module's storage library (学习会 mode); the names are exported here as before.
export {
  CATEGORY_SETTINGS_KEY,
  type CategoryStyle,
  DEFAULT_HIGHLIGHT_CATEGORIES,
  type HighlightCategorySettings,
  normalizeCategorySettings,
} from './categories';

export const highlightCategoriesItem = lazily(() =>
  storage.defineItem<HighlightCategorySettings>(`local:${CATEGORY_SETTINGS_KEY}`, {
    version: 1,
    fallback: normalizeCategorySettings(undefined),
    // Version 1 is the first shape. When it changes, bump `version` and add `2: (v1) => v2` here.
    migrations: {},
  }),
);

export async function loadCategorySettings(): Promise<HighlightCategorySettings> {
  return normalizeCategorySettings(await highlightCategoriesItem().getValue());
}

/** Change one category's name or colour; returns what is now stored. */
export async function saveCategoryStyle(
  id: HighlightCategory,
  change: Partial<CategoryStyle>,
): Promise<HighlightCategorySettings> {
  const current = await loadCategorySettings();
  const next = normalizeCategorySettings({ ...current, [id]: { ...current[id], ...change } });
  await highlightCategoriesItem().setValue(next);
  return next;
}

export function watchCategorySettings(onChange: (settings: HighlightCategorySettings) => void): () => void {
  return highlightCategoriesItem().watch((value) => onChange(normalizeCategorySettings(value)));
}

export interface StartupSettings {
  settings: ReaderSettings;
  autoOpen: boolean;
  categories: HighlightCategorySettings;
}

/**
 * `read`: the one storage read of STARTUP_KEYS (each read is a round trip to the browser process), when the
 * caller started it earlier (the reader's boot script does). The keys are the items' storage keys above;
 * all are still at version 1, so there is nothing to migrate and the stored values are read as they are
 * (and normalised).
 */
export async function loadStartupSettings(
  read: Promise<Record<string, unknown>> = browser.storage.local.get(STARTUP_KEYS),
): Promise<StartupSettings> {
  const stored = await read;
  return {
    settings: normalizeReaderSettings(stored.readerSettings),
    autoOpen: stored.autoOpenReader === true,
    categories: normalizeCategorySettings(stored.highlightCategories),
  };
}
