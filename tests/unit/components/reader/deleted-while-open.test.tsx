import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openReaderStore } from '@/entrypoints/reader/store';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { getDb } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import { deleteSpeech } from '@/utils/store/library';
import type { SpeechRecord } from '@/utils/types';
import { mountReader, unmountReader } from '../../../support/reader';

// Issue #14 item 7: the library deletes a speech while a reader shows it. A short composed speech.
const PARAGRAPHS = [
  '同志们：',
  '今天召开全市职工服务工作会议，主要任务是总结经验、部署工作。',
  '服务职工是工会的基本职责。各级工会要把职工的急难愁盼放在心上。',
];
const URL_ = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260210_3000009.html';
const ID = speechIdFromUrl(URL_);
const RECORD: SpeechRecord = {
  id: ID,
  url: URL_,
  title: '在全市职工服务工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: '2026-02-10',
  source: null,
  paragraphs: PARAGRAPHS,
  contentHash: 'h1',
  outline: [],
  firstOpened: 1,
  lastOpened: 1,
};

let container: HTMLElement;
const db = () => getDb();

function mount() {
  container = mountReader(RECORD, { forceMarks: true });
}

/** A stored highlight over `exact` in paragraph `p`, built the way the reader builds one. */
function highlightOf(p: number, exact: string) {
  const text = PARAGRAPHS[p] as string;
  const from = text.indexOf(exact);
  const selector = describeRange(
    PARAGRAPHS,
    { para: p, offset: from },
    { para: p, offset: from + exact.length },
  );
  return makeHighlight(ID, selector, 'thesis', [], 1000);
}

const banner = () => container.querySelector('.yd-deleted-banner');
const wait = (check: () => void) => vi.waitFor(check, { timeout: 5000 });

beforeAll(async () => {
  await openReaderStore();
  await import('@/components/highlights/highlight-ui');
});

afterEach(async () => {
  delete document.documentElement.dataset.yanduStored;
  unmountReader(container);
  await Promise.all([
    db().speeches.clear(),
    db().highlights.clear(),
    db().notes.clear(),
    db().drafts.clear(),
  ]);
});

describe('a speech deleted in the library while the reader shows it', () => {
  it('shows 此讲话已在资料库中删除, and 恢复 puts back the speech, its highlights and 学习心得', async () => {
    await db().speeches.put(RECORD);
    await db().highlights.put(highlightOf(2, '服务职工是工会的基本职责'));
    await db().notes.put({ id: ID, speechId: ID, text: '心得', created: 1, updated: 1 });
    mount();
    await wait(() => expect(document.documentElement.dataset.yanduHighlights).toBe('1'));
    expect(banner()).toBeNull();

    await wait(() => expect(document.documentElement.dataset.yanduStored).toBe('yes'));
    await deleteSpeech(db(), ID);
    await wait(() => expect(banner()?.textContent).toContain('此讲话已在资料库中删除'));

    await act(async () => {
      (banner()?.querySelector('button') as HTMLButtonElement | undefined)?.click();
    });
    await wait(() => expect(banner()).toBeNull());
    expect(await db().speeches.get(ID)).toBeDefined();
    expect(await db().highlights.where('speechId').equals(ID).count()).toBe(1);
    expect((await db().notes.get(ID))?.text).toBe('心得');
    await wait(() => expect(container.querySelector('.yd-restored-banner')).not.toBeNull());
  });

  it('a highlight made after the delete puts the speech back first, so it is listed, not lost', async () => {
    await db().speeches.put(RECORD);
    await db().highlights.put(highlightOf(2, '服务职工是工会的基本职责'));
    mount();
    await wait(() => expect(document.documentElement.dataset.yanduHighlights).toBe('1'));
    await wait(() => expect(document.documentElement.dataset.yanduStored).toBe('yes'));
    await deleteSpeech(db(), ID);
    await wait(() => expect(banner()).not.toBeNull());

    // Select a passage and click a category, as a user would.
    const para = container.querySelector('[data-para="1"]') as HTMLElement;
    const textNode = para.firstChild as Text;
    const from = (PARAGRAPHS[1] as string).indexOf('总结经验');
    const range = document.createRange();
    range.setStart(textNode, from);
    range.setEnd(textNode, from + 4);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    act(() => {
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await act(async () => {
      (container.querySelector('.yd-hl-toolbar [data-category="task"]') as HTMLElement).click();
    });
    await wait(async () => expect(await db().highlights.where('speechId').equals(ID).count()).toBe(2));
    expect(await db().speeches.get(ID)).toBeDefined();
    await wait(() => expect(banner()).toBeNull());
  });
});
