import { browser } from 'wxt/browser';
import {
  CATEGORY_SETTINGS_KEY,
  DEFAULT_HIGHLIGHT_CATEGORIES,
  type HighlightCategorySettings,
  normalizeCategorySettings,
} from '@/utils/categories';
import { openCurrent, readSpeechRecords, type SpeechRecords } from '@/utils/store/raw-read';

/**
 * The speech, its highlights and its 学习心得. Read with plain IndexedDB (utils/store/raw-read.ts) when the
 * database is there at the newest schema; otherwise (first run, a migration pending) through Dexie, which
 * creates or upgrades it, loaded only then.
 */
export async function loadMeetingRecords(speechId: string): Promise<SpeechRecords> {
  const raw = await openCurrent();
  if (raw) {
    const records = await readSpeechRecords(raw, speechId).catch(() => null);
    raw.close();
    if (records) return records;
  }
  const { getDb } = await import('@/utils/store/db');
  const db = getDb();
  const [speech, highlights, note] = await Promise.all([
    db.speeches.get(speechId),
    db.highlights.where('speechId').equals(speechId).toArray(),
    db.notes.get(speechId),
  ]);
  return { speech, highlights, note };
}

/**
 * The categories' names as the user set them: one storage read of the stored value (still at version 1, so
 * nothing to migrate; settings.ts `loadStartupSettings` reads it the same way), without the storage library.
 */
export async function loadMeetingCategories(): Promise<HighlightCategorySettings> {
  try {
    const stored = await browser.storage.local.get(CATEGORY_SETTINGS_KEY);
    return normalizeCategorySettings(stored[CATEGORY_SETTINGS_KEY]);
  } catch {
    return DEFAULT_HIGHLIGHT_CATEGORIES;
  }
}
