import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openReaderStore } from '@/entrypoints/reader/store';
import { popoverCentre } from '@/utils/reader/popover-position';
import type { SpeechWithOutline } from '@/utils/types';
import { mountReader, unmountReader } from '../../../support/reader';

// Issue #14 item 12: a narrow window (显示提纲 opened 批注; the note popover was cut off at the left edge) and
// the toolbar's icon buttons' names. A short composed speech.
const PARAGRAPHS = [
  '同志们：',
  '一、提高认识',
  '服务职工是工会的基本职责。',
  '二、突出重点',
  '抓好困难职工帮扶。',
];
const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260210_3000011.html',
  title: '在全市职工服务工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: '2026-02-10',
  source: null,
  paragraphs: PARAGRAPHS,
  contentHash: 'h1',
  outline: [
    { level: 1, marker: '一', title: '提高认识', para: 1, offset: 0 },
    { level: 1, marker: '二', title: '突出重点', para: 3, offset: 0 },
  ],
};

type Happy = { happyDOM: { setViewport(v: { width: number; height: number }): void } };
const happy = (window as unknown as Happy).happyDOM;
let container: HTMLElement;
const $ = (s: string) => container.querySelector<HTMLElement>(s);
const click = (el: Element | null) =>
  act(async () => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });

function mount() {
  container = mountReader(SPEECH, { forceMarks: true });
}

beforeAll(async () => {
  await openReaderStore();
});

afterEach(() => {
  delete document.documentElement.dataset.yanduHighlights;
  if (container) {
    unmountReader(container);
  }
  happy.setViewport({ width: 1024, height: 768 });
});

describe('narrow window', () => {
  it('显示提纲 opens the 提纲 tab, even after the notes were shown', async () => {
    happy.setViewport({ width: 600, height: 800 });
    mount();
    // The notes column comes with the highlight code, after the highlights are painted (none here).
    await vi.waitFor(() => expect(document.documentElement.dataset.yanduHighlights).toBe('0'), {
      timeout: 5000,
    });
    await act(async () => {});
    await click($('.yd-notes-button'));
    expect($('.yd-notes')?.classList.contains('is-open')).toBe(true);
    await click($('.yd-notes .yd-outline-close'));

    const outlineButton = $('.yd-outline-button');
    expect(outlineButton?.getAttribute('aria-label')).toBe('显示提纲');
    await click(outlineButton);
    expect($('nav')).not.toBeNull();
    expect($('nav')?.hasAttribute('inert')).toBe(false);
    expect($('.yd-notes')).toBeNull();
    expect(outlineButton?.getAttribute('aria-expanded')).toBe('true');
    // Again: closes it.
    await click(outlineButton);
    expect(outlineButton?.getAttribute('aria-expanded')).toBe('false');
  });

  it('the note popover stays inside the window: a passage at the left edge does not push it off', () => {
    // 375 px wide: the popover is 375 − 32 = 343 px wide, centred on the passage by translate(−50%).
    const left = popoverCentre(20, { width: 375, scrollX: 0 }) - 343 / 2;
    expect(left).toBeGreaterThanOrEqual(0);
    const right = popoverCentre(370, { width: 375, scrollX: 0 }) + 343 / 2;
    expect(right).toBeLessThanOrEqual(375);
    // A wide window leaves it where it was; a scrolled page counts.
    expect(popoverCentre(600, { width: 1280, scrollX: 0 })).toBe(600);
    expect(popoverCentre(120, { width: 1280, scrollX: 100 }) - 192).toBeGreaterThanOrEqual(100);
  });
});

describe('toolbar', () => {
  it('every icon button has a name and a tooltip', async () => {
    mount();
    await vi.waitFor(() => expect($('.yd-toolbar')).not.toBeNull());
    const buttons = [...(container.querySelectorAll('.yd-toolbar .yd-icon-button') ?? [])];
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    for (const b of buttons) {
      expect(b.getAttribute('aria-label')).toBeTruthy();
      expect(b.getAttribute('title')).toBe(b.getAttribute('aria-label'));
    }
  });
});
