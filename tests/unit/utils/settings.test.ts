import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_READER_SETTINGS,
  fontSizePx,
  loadAutoOpenReader,
  loadReaderSettings,
  normalizeReaderSettings,
  saveAutoOpenReader,
  saveReaderSettings,
  watchReaderSettings,
} from '@/utils/settings';

describe('reader settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts from Song type, the middle size, a light page and no automatic opening', async () => {
    expect(await loadReaderSettings()).toEqual({ font: 'song', size: 2, theme: 'light' });
    expect(await loadAutoOpenReader()).toBe(false);
    expect(fontSizePx(DEFAULT_READER_SETTINGS.size)).toBe(20);
  });

  it('offers five increasing text sizes', () => {
    const sizes = ([0, 1, 2, 3, 4] as const).map(fontSizePx);
    expect(sizes).toHaveLength(5);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(5);
  });

  it('keeps a change in extension storage, merged with the rest', async () => {
    await saveReaderSettings({ theme: 'dark' });
    await saveReaderSettings({ size: 4 });
    expect(await loadReaderSettings()).toEqual({ font: 'song', size: 4, theme: 'dark' });
    // What is on disk is the whole object, so another tab (or the next start) reads the same.
    const stored = await fakeBrowser.storage.local.get('readerSettings');
    expect(stored.readerSettings).toEqual({ font: 'song', size: 4, theme: 'dark' });
  });

  it('stores the auto-open switch under the key the content script reads', async () => {
    await saveAutoOpenReader(true);
    expect(await loadAutoOpenReader()).toBe(true);
    expect(await fakeBrowser.storage.local.get('autoOpenReader')).toEqual({ autoOpenReader: true });
  });

  it('repairs a stale or hand-edited value field by field instead of failing', async () => {
    await fakeBrowser.storage.local.set({ readerSettings: { font: 'comic', size: 9, theme: 'dark' } });
    expect(await loadReaderSettings()).toEqual({ font: 'song', size: 2, theme: 'dark' });
    expect(normalizeReaderSettings('dark')).toEqual(DEFAULT_READER_SETTINGS);
    expect(normalizeReaderSettings(null)).toEqual(DEFAULT_READER_SETTINGS);
    expect(normalizeReaderSettings({ font: 'kai', size: 1.5, theme: 'sepia' })).toEqual({
      font: 'kai',
      size: 2,
      theme: 'sepia',
    });
  });

  it('tells other tabs about a change', async () => {
    const seen: unknown[] = [];
    const stop = watchReaderSettings((s) => seen.push(s));
    await saveReaderSettings({ font: 'kai' });
    stop();
    await saveReaderSettings({ font: 'hei' });
    expect(seen).toEqual([{ font: 'kai', size: 2, theme: 'light' }]);
  });
});
