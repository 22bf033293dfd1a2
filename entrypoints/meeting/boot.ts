import { browser } from 'wxt/browser';
import {
  CATEGORY_SETTINGS_KEY,
  DEFAULT_HIGHLIGHT_CATEGORIES,
  type HighlightCategorySettings,
  normalizeCategorySettings,
} from '@/utils/categories';
import { parseMeetingRoute } from '@/utils/routes';
import { openCurrent, readSpeechRecords } from '@/utils/store/raw-read';
import { showMeeting } from './show';

declare global {
  interface Window {
    /** Set by meeting-boot.js: true once it has shown the page, false when Dexie must open the database. */
    __yanduMeeting?: Promise<boolean>;
  }
}

/**
 * The 学习会 page's first paint, run by meeting-boot.js (a classic script: one file, where the modules of
 * meeting/main.tsx are a dozen requests before anything runs). Reads the records with plain IndexedDB
 * (utils/store/raw-read.ts) and shows them; answers false, showing nothing, when the database is not there
 * or not yet at the newest schema: main.tsx then opens it with Dexie (dexie.ts), which creates or upgrades it.
 */
export async function bootMeeting(): Promise<boolean> {
  // For the 学习会 bench: where the time before the first slide goes (scripts, reads, render).
  performance.mark('yandu:meeting-start');
  const { speechId } = parseMeetingRoute(location.search);
  const categories = loadMeetingCategories();
  const db = await openCurrent();
  if (!db) return false;
  const records = await readSpeechRecords(db, speechId).catch(() => null);
  db.close();
  if (!records) return false;
  const shown = await categories;
  // The script runs from <head>, so the reads start before the stylesheet and the body have arrived.
  if (!document.getElementById('app')) {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  showMeeting(records, shown);
  return true;
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
