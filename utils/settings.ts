import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { CATEGORY_NAMES } from './categories';
import { READER_THEMES, type ReaderTheme, STARTUP_KEYS } from './reader/startup';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from './types';

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

/**
 * Highlight categories as the user sees them: a name and a colour for each stored id (types.ts keeps the
 * ids, in toolbar order). Kept apart from the typography settings so renaming a category never touches them.
 */
export interface CategoryStyle {
  name: string;
  /** #rrggbb */
  color: string;
}
export type HighlightCategorySettings = Record<HighlightCategory, CategoryStyle>;

/** 重点任务 is the red-ish one, first; the others are calm enough to read through. */
export const DEFAULT_HIGHLIGHT_CATEGORIES: Readonly<HighlightCategorySettings> = Object.freeze({
  task: { name: CATEGORY_NAMES.task, color: '#f4a6a0' },
  thesis: { name: CATEGORY_NAMES.thesis, color: '#f7d774' },
  data: { name: CATEGORY_NAMES.data, color: '#9fd3f2' },
  question: { name: CATEGORY_NAMES.question, color: '#c9b6ee' },
});

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const MAX_CATEGORY_NAME = 12;

export function normalizeCategorySettings(value: unknown): HighlightCategorySettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const out = {} as HighlightCategorySettings;
  for (const id of HIGHLIGHT_CATEGORIES) {
    const fallback = DEFAULT_HIGHLIGHT_CATEGORIES[id];
    const entry = (typeof v[id] === 'object' && v[id] !== null ? v[id] : {}) as Partial<
      Record<string, unknown>
    >;
    const name = typeof entry.name === 'string' ? entry.name.trim().slice(0, MAX_CATEGORY_NAME) : '';
    const color =
      typeof entry.color === 'string' && HEX_COLOR.test(entry.color) ? entry.color.toLowerCase() : '';
    out[id] = { name: name || fallback.name, color: color || fallback.color };
  }
  return out;
}

export const highlightCategoriesItem = lazily(() =>
  storage.defineItem<HighlightCategorySettings>('local:highlightCategories', {
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
