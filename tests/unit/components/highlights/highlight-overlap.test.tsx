import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openReaderStore } from '@/entrypoints/reader/store';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { nestedIds, sameRange, strictlyInside } from '@/utils/anchoring/overlap';
import { makeHighlight } from '@/utils/anchoring/placement';
import { getDb } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { SpeechWithOutline, TextSelector } from '@/utils/types';
import { mountReader, painted, unmountReader } from '../../../support/reader';

// Issue #14 item 12: highlighting the same passage again, a highlight inside another, a highlight with a note.
const PARAGRAPHS = ['同志们：', '全年走访慰问困难职工不少于1200户，发放帮扶资金300万元。'];
const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260210_3000010.html',
  title: '在全市职工服务工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: '2026-02-10',
  source: null,
  paragraphs: PARAGRAPHS,
  contentHash: 'h1',
  outline: [],
};
const ID = speechIdFromUrl(SPEECH.url);
const TEXT = PARAGRAPHS[1] as string;

const sel = (from: number, to: number, para = 1): TextSelector =>
  describeRange(PARAGRAPHS, { para, offset: from }, { para, offset: to });

describe('overlap of two passages', () => {
  it('same stretch, strictly inside, and which highlights are nested', () => {
    expect(sameRange(sel(2, 8), sel(2, 8))).toBe(true);
    expect(sameRange(sel(2, 8), sel(2, 9))).toBe(false);
    expect(strictlyInside(sel(3, 6), sel(2, 8))).toBe(true);
    expect(strictlyInside(sel(2, 8), sel(2, 8))).toBe(false);
    expect(strictlyInside(sel(1, 6), sel(2, 8))).toBe(false);
    const items = [
      { id: 'outer', selector: sel(0, 20) },
      { id: 'inner', selector: sel(4, 10) },
      { id: 'apart', selector: sel(1, 3, 0) },
    ];
    expect([...nestedIds(items)]).toEqual(['inner']);
  });
});

let container: HTMLElement;
function mount() {
  container = mountReader(SPEECH, { forceMarks: true });
}
const marksOf = (id: string) => [...container.querySelectorAll(`mark[data-yd-hl="${id}"]`)];

beforeAll(async () => {
  await openReaderStore();
  await import('@/components/highlights/highlight-ui');
});

afterEach(async () => {
  // The first tests mount no reader.
  if (container) {
    unmountReader(container);
  }
  delete document.documentElement.dataset.yanduHighlights;
  await getDb().highlights.clear();
});

describe('in the reader', () => {
  it('highlighting the very same passage again changes its category instead of adding a second one', async () => {
    const h = makeHighlight(ID, sel(2, 12), 'thesis', [], 1000);
    await getDb().highlights.put(h);
    mount();
    await painted(1);
    await act(async () => {});
    const text = container.querySelector('[data-para="1"]') as HTMLElement;
    const range = document.createRange();
    // The passage is painted with marks: select across them, from the first character to the last.
    const first = marksOf(h.id)[0]?.firstChild as Text;
    range.setStart(first, 0);
    range.setEnd(first, first.data.length);
    expect(range.toString()).toBe(TEXT.slice(2, 12));
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    act(() => {
      text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await act(async () => {
      (container.querySelector('.yd-hl-toolbar [data-category="data"]') as HTMLElement).click();
    });
    await vi.waitFor(async () => {
      const stored = await getDb().highlights.where('speechId').equals(ID).toArray();
      expect(stored.map((x) => [x.id, x.category])).toEqual([[h.id, 'data']]);
    });
  });

  it('a highlight inside another is marked as nested, and one with a note as noted', async () => {
    const outer = makeHighlight(ID, sel(0, 20), 'thesis', [], 1000);
    const inner = { ...makeHighlight(ID, sel(4, 10), 'thesis', [], 1001), note: '要逐户建档' };
    await getDb().highlights.bulkPut([outer, inner]);
    mount();
    await painted(2);
    expect(marksOf(inner.id).length).toBeGreaterThan(0);
    expect(
      marksOf(inner.id).every((m) => m.classList.contains('is-nested') && m.classList.contains('is-noted')),
    ).toBe(true);
    expect(
      marksOf(outer.id).some((m) => m.classList.contains('is-nested') || m.classList.contains('is-noted')),
    ).toBe(false);
  });
});
