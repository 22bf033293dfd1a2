import { useEffect, useState } from 'preact/hooks';
import {
  type CategoryStyle,
  DEFAULT_HIGHLIGHT_CATEGORIES,
  type HighlightCategorySettings,
  type ReaderSettings,
} from '@/utils/settings';
import type { HighlightCategory } from '@/utils/types';

export interface ReaderSettingsInput {
  settings: ReaderSettings;
  autoOpen: boolean;
  categories?: HighlightCategorySettings;
  /** Persist a change (the reader has applied it already). */
  onSettingsChange?: (settings: ReaderSettings) => void;
  onAutoOpenChange?: (on: boolean) => void;
  onCategoryChange?: (id: HighlightCategory, change: Partial<CategoryStyle>) => void;
}

/**
 * The reader's typography, 自动打开 and category styles. A change made here applies at once and is then
 * handed on to be stored; a change made in another tab arrives as a new prop and replaces what is shown.
 */
export function useReaderSettings(input: ReaderSettingsInput) {
  const [settings, setSettings] = useState(input.settings);
  const [autoOpen, setAutoOpen] = useState(input.autoOpen);
  const [categories, setCategories] = useState(input.categories ?? DEFAULT_HIGHLIGHT_CATEGORIES);
  useEffect(() => setSettings(input.settings), [input.settings]);
  useEffect(() => {
    if (input.categories) setCategories(input.categories);
  }, [input.categories]);

  // The page background outside the reader (overscroll, short pages) follows the theme too.
  useEffect(() => {
    document.documentElement.dataset.ydTheme = settings.theme;
  }, [settings.theme]);

  return {
    settings,
    autoOpen,
    categories,
    changeSettings: (change: Partial<ReaderSettings>) => {
      // The whole object is handed on, so two quick changes can never overwrite each other in storage.
      const next = { ...settings, ...change };
      setSettings(next);
      input.onSettingsChange?.(next);
    },
    changeAutoOpen: (on: boolean) => {
      setAutoOpen(on);
      input.onAutoOpenChange?.(on);
    },
    changeCategory: (id: HighlightCategory, change: Partial<CategoryStyle>) => {
      setCategories((prev) => ({ ...prev, [id]: { ...prev[id], ...change } }));
      input.onCategoryChange?.(id, change);
    },
  };
}
