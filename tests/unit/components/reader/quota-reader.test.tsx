import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { getDb } from '@/utils/store/db';
import { draftsOf, highlightDraftId, studyNoteDraftId } from '@/utils/store/drafts';
import { addHighlight } from '@/utils/store/highlights';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { SpeechWithOutline } from '@/utils/types';
import { mountReader, painted, unmountReader } from '../../../support/reader';

// The message a full disk gives (locales/zh_CN.yml storageFull).
const QUOTA_MESSAGE = '存储空间已满，本次修改没有保存。';

// A short speech composed for these tests.
const PARAGRAPHS = [
  '同志们：',
  '服务职工是工会的基本职责。各级工会要把职工的急难愁盼放在心上。',
  '第一，抓好困难职工帮扶。全年走访慰问困难职工不少于1200户。',
];
const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260210_3000009.html',
  title: '在职工服务工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: null,
  source: null,
  paragraphs: PARAGRAPHS,
  contentHash: 'q1',
  outline: [],
};
const SPEECH_ID = speechIdFromUrl(SPEECH.url);

let container: HTMLElement;
const $ = (selector: string) => container.querySelector<HTMLElement>(selector);

function mount() {
  container = mountReader(SPEECH, { forceMarks: true });
}

const click = async (el: Element | null) => {
  await act(async () => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
};
const button = (root: Element | null, text: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(text)) ?? null;

/** The disk is full for writes to `store`: IndexedDB throws what a real browser throws. */
function quotaFullOn(store: string): void {
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === store) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
  }
}

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.yanduHighlights;
});

afterEach(async () => {
  vi.restoreAllMocks();
  unmountReader(container);
  document.getSelection()?.removeAllRanges();
  await getDb().highlights.clear();
  await getDb().drafts.clear();
  await getDb().notes.clear();
});

describe('the reader when the disk is full', () => {
  it('a note that cannot be saved: the message is shown, the text stays in the box and as a draft', async () => {
    const h = makeHighlight(
      SPEECH_ID,
      describeRange(PARAGRAPHS, { para: 1, offset: 0 }, { para: 1, offset: 9 }),
      'thesis',
      [],
      1000,
    );
    await addHighlight(getDb(), h);
    mount();
    await painted(1);
    await click(container.querySelector('mark.yd-hl'));
    const editor = $('.yd-hl-editor') as HTMLElement;
    const area = editor.querySelector('textarea') as HTMLTextAreaElement;
    await act(async () => {
      area.value = '要把帮扶落到实处';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    quotaFullOn('highlights');
    await click(button(editor, '保存'));
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toContain(QUOTA_MESSAGE));
    // Still open with what was typed; nothing stored; the text kept as a draft.
    expect($('.yd-hl-editor')).not.toBeNull();
    expect(($('.yd-hl-editor textarea') as HTMLTextAreaElement).value).toBe('要把帮扶落到实处');
    vi.restoreAllMocks();
    expect((await getDb().highlights.get(h.id))?.note).toBe('');
    // (this tab's draft row: utils/store/drafts.ts)
    expect((await draftsOf(getDb(), [highlightDraftId(h.id)])).map((d) => d.text)).toEqual([
      '要把帮扶落到实处',
    ]);

    // Space freed: saving again works and the message goes away.
    await click(button($('.yd-hl-editor'), '保存'));
    await vi.waitFor(async () => expect((await getDb().highlights.get(h.id))?.note).toBe('要把帮扶落到实处'));
    await vi.waitFor(() => expect($('[role="alert"]')).toBeNull());
  });

  it('a highlight that cannot be stored: the message is shown and nothing is painted or stored', async () => {
    mount();
    await painted(0);
    const el = $('[data-para="2"]') as HTMLElement;
    const text = el.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 6);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    act(() => {
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    quotaFullOn('highlights');
    await click($('.yd-hl-toolbar [data-category="task"]'));
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toContain(QUOTA_MESSAGE));
    vi.restoreAllMocks();
    expect(await getDb().highlights.count()).toBe(0);
    expect(container.querySelector('mark.yd-hl')).toBeNull();
    // The message can be put away.
    await click(button($('[role="alert"]'), '关闭'));
    expect($('[role="alert"]')).toBeNull();
  });

  it('a 学习心得 that cannot be saved: the message is shown and the text stays', async () => {
    mount();
    await painted(0);
    await click($('.yd-notes-button'));
    const box = await vi.waitFor(() => {
      const el = $('.yd-study-note-text') as HTMLTextAreaElement | null;
      expect(el).not.toBeNull();
      return el as HTMLTextAreaElement;
    });
    await act(async () => {
      box.value = '帮扶要一户一策';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    quotaFullOn('notes');
    await click(button($('.yd-study-note'), '保存'));
    await vi.waitFor(() => expect($('[role="alert"]')?.textContent).toContain(QUOTA_MESSAGE));
    vi.restoreAllMocks();
    expect(($('.yd-study-note-text') as HTMLTextAreaElement).value).toBe('帮扶要一户一策');
    expect(await getDb().notes.get(SPEECH_ID)).toBeUndefined();
    expect((await draftsOf(getDb(), [studyNoteDraftId(SPEECH_ID)])).map((d) => d.text)).toEqual([
      '帮扶要一户一策',
    ]);
  });
});
