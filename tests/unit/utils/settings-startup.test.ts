import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  loadStartupSettings,
  saveAutoOpenReader,
  saveCategoryStyle,
  saveReaderSettings,
} from '@/utils/settings';

describe('loadStartupSettings (the reader reads everything it needs at start in one call)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('gives the defaults on a fresh install', async () => {
    expect(await loadStartupSettings()).toEqual({
      settings: DEFAULT_READER_SETTINGS,
      autoOpen: false,
      categories: DEFAULT_HIGHLIGHT_CATEGORIES,
    });
  });

  it('reads back what the settings panel saved', async () => {
    await saveReaderSettings({ theme: 'dark', size: 4 });
    await saveAutoOpenReader(true);
    await saveCategoryStyle('data', { name: '数字', color: '#123456' });
    const start = await loadStartupSettings();
    expect(start.settings).toEqual({ font: 'song', size: 4, theme: 'dark' });
    expect(start.autoOpen).toBe(true);
    expect(start.categories.data).toEqual({ name: '数字', color: '#123456' });
    expect(start.categories.task).toEqual(DEFAULT_HIGHLIGHT_CATEGORIES.task);
  });

  it('repairs hand-edited or stale values field by field', async () => {
    await browser.storage.local.set({
      readerSettings: { font: 'comic', size: 9, theme: 'sepia' },
      autoOpenReader: 'yes',
      highlightCategories: { task: { name: '', color: 'red' }, thesis: 'x' },
    });
    const start = await loadStartupSettings();
    expect(start.settings).toEqual({ font: 'song', size: 2, theme: 'sepia' });
    expect(start.autoOpen).toBe(false);
    expect(start.categories).toEqual(DEFAULT_HIGHLIGHT_CATEGORIES);
  });
});
