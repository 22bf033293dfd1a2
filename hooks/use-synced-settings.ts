import { useRef, useState } from 'preact/hooks';
import { ownWrites } from '@/utils/reader/own-writes';
import { cacheTheme } from '@/utils/reader/startup';
import {
  type CategoryStyle,
  type HighlightCategorySettings,
  normalizeCategorySettings,
  normalizeReaderSettings,
  type ReaderSettings,
  type StartupSettings,
  saveAutoOpenReader,
  saveCategoryStyle,
  saveReaderSettings,
  watchCategorySettings,
  watchReaderSettings,
} from '@/utils/settings';
import type { HighlightCategory } from '@/utils/types';

/**
 * The reader page's settings and their storage. A change made in this tab is applied by the reader at
 * once and only written here (no render: the reader shows it already, and no round trip through storage
 * decides what it shows); a change made in another tab comes through `follow`, which skips the echoes of
 * this tab's own writes (utils/reader/own-writes.ts: one arriving after a newer click would undo it).
 */
export function useSyncedSettings(startup: StartupSettings) {
  // The latest values, handed to the reader on every render (a new text remounts it with them).
  const current = useRef({ settings: startup.settings, categories: startup.categories });
  const [, setFollowedCount] = useState(0);
  const followed = () => setFollowedCount((n) => n + 1);
  const [writes] = useState(() => ({
    settings: ownWrites<ReaderSettings>(),
    categories: ownWrites<HighlightCategorySettings>(),
  }));
  return {
    settings: current.current.settings,
    categories: current.current.categories,
    autoOpen: startup.autoOpen,
    onSettingsChange: (next: ReaderSettings) => {
      cacheTheme(next.theme);
      current.current.settings = normalizeReaderSettings(next);
      writes.settings.wrote(current.current.settings);
      void saveReaderSettings(next);
    },
    onAutoOpenChange: (on: boolean) => void saveAutoOpenReader(on),
    onCategoryChange: (id: HighlightCategory, change: Partial<CategoryStyle>) => {
      const was = current.current.categories;
      current.current.categories = normalizeCategorySettings({ ...was, [id]: { ...was[id], ...change } });
      writes.categories.wrote(current.current.categories);
      void saveCategoryStyle(id, change);
    },
    /** Follow the changes made in other tabs; returns the function that stops. */
    follow: (): (() => void) => {
      const stops = [
        watchReaderSettings((next) => {
          if (writes.settings.isEcho(next)) return;
          cacheTheme(next.theme);
          current.current.settings = next;
          followed();
        }),
        watchCategorySettings((next) => {
          if (writes.categories.isEcho(next)) return;
          current.current.categories = next;
          followed();
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
