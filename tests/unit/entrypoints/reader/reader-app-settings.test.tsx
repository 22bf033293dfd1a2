import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReaderApp } from '@/entrypoints/reader/ReaderApp';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  DEFAULT_READER_SETTINGS,
  fontSizePx,
  loadReaderSettings,
  saveReaderSettings,
} from '@/utils/settings';
import type { SpeechWithOutline } from '@/utils/types';

// The reader page's settings (hooks/use-synced-settings.ts): a change made in this tab shows at once and is
// stored; a change made in another tab (a write to the same storage) is followed.

const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260210_3000009.html',
  title: '在全市工会工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: '2026-02-10',
  source: null,
  paragraphs: ['同志们：', '今天的会议很重要。', '一、提高认识', '要把服务职工放在首位。'],
  contentHash: 'settings-h1',
  outline: [],
};

let container: HTMLElement;

function mount() {
  container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(
      <ReaderApp
        url={SPEECH.url}
        // An archived copy: nothing is stored and the live page is not fetched, only the settings followed.
        loaded={{ speech: SPEECH, fresh: false, archived: 1 }}
        startup={{
          settings: { ...DEFAULT_READER_SETTINGS },
          autoOpen: false,
          categories: { ...DEFAULT_HIGHLIGHT_CATEGORIES },
        }}
        onTextComplete={() => {}}
        ready={Promise.resolve()}
      />,
      container,
    );
  });
}

const root = () => container.querySelector<HTMLElement>('.yd-reader') as HTMLElement;
const fontSize = () => root().style.getPropertyValue('--yd-font-size');
const click = (selector: string) =>
  act(() => {
    (container.querySelector(selector) as HTMLElement).click();
  });

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('reader settings across tabs', () => {
  it('a size chosen here shows at once, before it is stored, and stays once both writes come back', async () => {
    mount();
    await act(async () => {});
    expect(fontSize()).toBe(`${fontSizePx(2)}px`);
    click('.yd-settings-button');
    click('.yd-size-larger');
    click('.yd-size-larger');
    // Shown before anything is stored.
    expect(fontSize()).toBe(`${fontSizePx(4)}px`);
    await vi.waitFor(async () => expect((await loadReaderSettings()).size).toBe(4));
    // Both writes have come back from storage: what is shown is still the last click's.
    for (let i = 0; i < 5; i++) await act(async () => {});
    expect(fontSize()).toBe(`${fontSizePx(4)}px`);
  });

  it('follows a change made in another tab', async () => {
    mount();
    await act(async () => {});
    expect(root().classList.contains('yd-theme-light')).toBe(true);
    await saveReaderSettings({ theme: 'dark', size: 0 });
    await vi.waitFor(() => expect(root().classList.contains('yd-theme-dark')).toBe(true));
    expect(fontSize()).toBe(`${fontSizePx(0)}px`);
  });
});
