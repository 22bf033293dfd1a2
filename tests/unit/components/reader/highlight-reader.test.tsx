import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reader } from '@/components/reader/Reader';
import { openReaderStore } from '@/entrypoints/reader/store';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { DEFAULT_READER_SETTINGS } from '@/utils/settings';
import { getDb } from '@/utils/store/db';
import { draftsOf, highlightDraftId, saveDraft } from '@/utils/store/drafts';
import { addHighlight } from '@/utils/store/highlights';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { Highlight, OutlineNode, SpeechWithOutline } from '@/utils/types';
import { mountReader, outlineNode, painted, unmountReader } from '../../../support/reader';

// A short speech composed for these tests (not taken from any real speech).
const PARAGRAPHS = [
  '同志们：',
  '今天召开全市职工服务工作会议，主要任务是总结经验、部署工作。',
  '一、提高认识，增强做好服务工作的责任感',
  '服务职工是工会的基本职责。各级工会要把职工的急难愁盼放在心上。',
  '二、突出重点，抓好今年各项任务',
  '第一，抓好困难职工帮扶。全年走访慰问困难职工不少于1200户，发放帮扶资金300万元。',
  '第二，抓好职工技能培训。每个旗区至少建成一个实训基地。',
];

const node = (level: OutlineNode['level'], marker: string, title: string, para: number) =>
  outlineNode(PARAGRAPHS, level, marker, title, para);

const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260210_3000002.html',
  title: '在全市职工服务工作会议上的讲话',
  speaker: null,
  occasion: null,
  date: '2026-02-10',
  source: null,
  paragraphs: PARAGRAPHS,
  contentHash: 'h1',
  outline: [
    node(1, '一', '提高认识，增强做好服务工作的责任感', 2),
    node(1, '二', '突出重点，抓好今年各项任务', 4),
    node(2, '第一', '抓好困难职工帮扶', 5),
    node(2, '第二', '抓好职工技能培训', 6),
  ],
};
const SPEECH_ID = speechIdFromUrl(SPEECH.url);

let container: HTMLElement;

function mount(speech: SpeechWithOutline = SPEECH) {
  container = mountReader(speech, { forceMarks: true });
}

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const para = (i: number) => $(`[data-para="${i}"]`) as HTMLElement;
const stored = () => getDb().highlights.where('speechId').equals(SPEECH_ID).toArray();

/** Select characters [from, to) of one paragraph's text, as a user dragging over it would. */
function select(p: number, from: number, to: number) {
  const el = para(p);
  const walker = document.createTreeWalker(el, 4);
  const points: { node: Text; offset: number }[] = [];
  let at = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!points[0] && from <= at + n.data.length) points[0] = { node: n, offset: from - at };
    if (!points[1] && to <= at + n.data.length) points[1] = { node: n, offset: to - at };
    at += n.data.length;
  }
  const range = document.createRange();
  range.setStart(points[0]?.node as Text, points[0]?.offset ?? 0);
  range.setEnd(points[1]?.node as Text, points[1]?.offset ?? 0);
  const selection = document.getSelection() as Selection;
  selection.removeAllRanges();
  selection.addRange(range);
  act(() => {
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
}

const click = async (el: Element | null) => {
  await act(async () => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
};
const button = (root: Element | null, text: string) =>
  [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(text)) ?? null;

beforeEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.yanduHighlights;
});

afterEach(async () => {
  unmountReader(container);
  document.getSelection()?.removeAllRanges();
  await getDb().highlights.clear();
  await getDb().drafts.clear();
  await getDb().notes.clear();
  vi.useRealTimers();
  window.scrollTo(0, 0);
});

async function seed(h: Highlight) {
  await addHighlight(getDb(), h);
  return h;
}

// The database and highlight modules load after the first paint; loading (and transforming) them once
// before the tests keeps each test's waits about the reader, not about vitest's module transforms.
beforeAll(async () => {
  await openReaderStore();
  await import('@/components/highlights/highlight-ui');
});

describe('highlighting a selection', () => {
  it('shows the toolbar and stores a 重点任务 with its selector, section and follow-up', async () => {
    mount();
    await painted(0);
    const text = PARAGRAPHS[5] as string;
    const from = text.indexOf('全年走访');
    select(5, from, from + 19);
    const toolbar = $('.yd-hl-toolbar');
    expect(toolbar).not.toBeNull();
    expect([...(toolbar?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual([
      '重点任务',
      '重要论述',
      '数据',
      '疑问',
      '添加批注',
      '复制引用',
    ]);
    // 复制引用 cites the selection with what the reader knows of the speech (no speaker or occasion here).
    await click(button(toolbar, '复制引用'));
    expect(await navigator.clipboard.readText()).toBe(
      `《在全市职工服务工作会议上的讲话》指出：“${text.slice(from, from + 19)}”（2026年2月10日）`,
    );
    // The last-used category (重点任务 at first) says that H applies it; 添加批注 names N.
    expect(toolbar?.querySelector('[data-category="task"]')?.getAttribute('title')).toContain('H');
    expect(button(toolbar, '添加批注')?.getAttribute('title')).toContain('N');

    await click(toolbar?.querySelector('[data-category="task"]') ?? null);
    await painted(1);
    const [h] = await stored();
    expect(h?.category).toBe('task');
    expect(h?.task).toEqual({ status: 'todo', due: null, progress: '' });
    expect(h?.section).toBe(2); // 第一，抓好困难职工帮扶
    expect(h?.selector).toMatchObject({
      startPara: 5,
      startOffset: from,
      endPara: 5,
      endOffset: from + 19,
      exact: text.slice(from, from + 19),
    });
    // 32 characters of context each side, across paragraph breaks (joined with \n).
    const joined = PARAGRAPHS.join('\n');
    const at = joined.indexOf(text) + from;
    expect(h?.selector.prefix).toBe(joined.slice(at - 32, at));
    expect(h?.selector.suffix).toBe(joined.slice(at + 19, at + 19 + 32));
    // Painted, the toolbar gone, and the paragraph's text untouched.
    expect([...container.querySelectorAll('mark.yd-hl-task')].map((m) => m.textContent).join('')).toBe(
      h?.selector.exact,
    );
    expect($('.yd-hl-toolbar')).toBeNull();
    expect(para(5).textContent).toBe(text);
  });

  it('spans paragraphs and falls in the section where it starts', async () => {
    mount();
    await painted(0);
    const range = document.createRange();
    range.setStart(para(3).firstChild as Text, 5);
    range.setEnd(para(5).querySelector('strong')?.firstChild as Text, 2);
    document.getSelection()?.addRange(range);
    act(() => {
      document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    await click($('.yd-hl-toolbar [data-category="thesis"]'));
    await painted(1);
    const [h] = await stored();
    expect(h?.selector).toMatchObject({ startPara: 3, startOffset: 5, endPara: 5, endOffset: 2 });
    expect(h?.section).toBe(0);
    expect(h?.task).toBeUndefined();
  });

  it('H highlights the selection with the last category used; N opens the note editor on a new highlight', async () => {
    mount();
    await painted(0);
    select(3, 0, 9);
    await click($('.yd-hl-toolbar [data-category="data"]'));
    await painted(1);
    select(6, 12, 22);
    await act(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
    });
    await painted(2);
    expect((await stored()).map((h) => h.category).sort()).toEqual(['data', 'data']);

    select(1, 0, 6);
    await act(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    });
    await painted(3);
    await vi.waitFor(() => expect($('.yd-hl-editor textarea')).not.toBeNull());
    expect(document.activeElement).toBe($('.yd-hl-editor textarea'));
  });

  it('keys typed in a note are not shortcuts', async () => {
    mount();
    await painted(0);
    select(3, 0, 9);
    const area = document.createElement('textarea');
    container.append(area);
    await act(async () => {
      area.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
    });
    expect(await stored()).toHaveLength(0);
  });
});

describe('editing a highlight', () => {
  const seedOne = () =>
    seed(
      makeHighlight(
        SPEECH_ID,
        describeRange(PARAGRAPHS, { para: 3, offset: 0 }, { para: 3, offset: 9 }),
        'thesis',
        SPEECH.outline,
        1000,
      ),
    );

  async function openEditor() {
    await click(container.querySelector('mark.yd-hl'));
    const editor = $('.yd-hl-editor');
    expect(editor).not.toBeNull();
    return editor as HTMLElement;
  }

  it('a click on the highlight opens it; a new category is stored and repainted', async () => {
    const h = await seedOne();
    mount();
    await painted(1);
    const editor = await openEditor();
    expect(editor.querySelector('[aria-pressed="true"]')?.textContent).toBe('重要论述');
    await click(editor.querySelector('[data-category="task"]'));
    await vi.waitFor(async () => expect((await getDb().highlights.get(h.id))?.category).toBe('task'));
    const after = await getDb().highlights.get(h.id);
    expect(after?.task).toEqual({ status: 'todo', due: null, progress: '' });
    await vi.waitFor(() => expect(container.querySelector('mark.yd-hl-task')).not.toBeNull());
  });

  it('saves a note with line breaks', async () => {
    const h = await seedOne();
    mount();
    await painted(1);
    const editor = await openEditor();
    const area = editor.querySelector('textarea') as HTMLTextAreaElement;
    await act(async () => {
      area.value = '第一点体会\n第二点体会';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button(editor, '保存'));
    await vi.waitFor(async () =>
      expect((await getDb().highlights.get(h.id))?.note).toBe('第一点体会\n第二点体会'),
    );
    await vi.waitFor(() => expect($('.yd-hl-editor')).toBeNull());
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('restores an unsaved note draft when the reader is opened again', async () => {
    const h = await seedOne();
    await saveDraft(getDb(), `highlight:${h.id}`, '还没保存的想法');
    mount();
    await painted(1);
    // The notes panel says there is a draft…
    await click($('.yd-side-tab-notes'));
    await vi.waitFor(() =>
      expect($(`.yd-note-item[data-highlight="${h.id}"] .yd-note-draft`)).not.toBeNull(),
    );
    // …and the editor brings it back.
    const editor = await openEditor();
    await vi.waitFor(() =>
      expect((editor.querySelector('textarea') as HTMLTextAreaElement).value).toBe('还没保存的想法'),
    );
    expect(editor.textContent).toContain('已恢复上次未保存的草稿');
  });

  it('saves the note as it is typed, without 保存', async () => {
    const h = await seedOne();
    mount();
    await painted(1);
    const editor = await openEditor();
    const area = editor.querySelector('textarea') as HTMLTextAreaElement;
    for (const value of ['一', '一点', '一点想法']) {
      await act(async () => {
        area.value = value;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    await vi.waitFor(async () => expect((await getDb().highlights.get(h.id))?.note).toBe('一点想法'));
    await vi.waitFor(() => expect(editor.textContent).toContain('已自动保存'));
    // Saved: no draft is left to mark the note as unsaved.
    await vi.waitFor(async () => expect(await draftsOf(getDb(), [highlightDraftId(h.id)])).toEqual([]));
  });

  it('deletes with 已删除 · 撤销, and undo brings it back painted', async () => {
    const h = await seedOne();
    mount();
    await painted(1);
    const editor = await openEditor();
    await click(button(editor, '删除'));
    await painted(0);
    expect(await getDb().highlights.get(h.id)).toBeUndefined();
    expect(para(3).textContent).toBe(PARAGRAPHS[3]);
    const snackbar = $('.yd-snackbar');
    expect(snackbar?.textContent).toContain('已删除');
    await click(button(snackbar, '撤销'));
    await painted(1);
    expect(await getDb().highlights.get(h.id)).toEqual(h);
  });

  it('the same passage can be highlighted again after deleting', async () => {
    const h = await seedOne();
    mount();
    await painted(1);
    await click(button(await openEditor(), '删除'));
    await painted(0);
    select(3, 0, 9);
    await click($('.yd-hl-toolbar [data-category="question"]'));
    await painted(1);
    const [again] = await stored();
    expect(again?.id).not.toBe(h.id);
    expect(again?.selector.exact).toBe(h.selector.exact);
    expect(container.querySelector('mark.yd-hl-question')?.textContent).toBe(h.selector.exact);
  });
});

describe('the side column and settings', () => {
  it('puts 批注 beside 提纲; an entry there scrolls to its passage and opens it', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    const h = await seed(
      makeHighlight(
        SPEECH_ID,
        describeRange(PARAGRAPHS, { para: 6, offset: 0 }, { para: 6, offset: 12 }),
        'task',
        SPEECH.outline,
        1000,
        '按期建成',
      ),
    );
    mount();
    await painted(1);
    const tabs = [...container.querySelectorAll('[role="tab"]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['提纲', '批注1']);
    expect($('nav')).not.toBeNull();
    await click($('.yd-side-tab-notes'));
    expect($('nav')).toBeNull();
    expect($('.yd-note-section')?.textContent).toBe(
      '二、突出重点，抓好今年各项任务 › 第二，抓好职工技能培训',
    );
    await click($(`.yd-note-item[data-highlight="${h.id}"] button`));
    expect(scroll.mock.contexts[0]).toBe(para(6));
    await vi.waitFor(() => expect($('.yd-hl-editor')?.dataset.highlight).toBe(h.id));
  });

  it('a speech without an outline shows the notes when asked (批注 button), not by itself', async () => {
    await seed(
      makeHighlight(
        SPEECH_ID,
        describeRange(PARAGRAPHS, { para: 3, offset: 0 }, { para: 3, offset: 6 }),
        'data',
        [],
        1000,
      ),
    );
    mount({ ...SPEECH, outline: [] });
    await painted(1);
    expect($('.yd-notes')).toBeNull();
    expect($('.yd-reader')?.classList.contains('has-side')).toBe(false);
    await click($('.yd-notes-button'));
    expect($('.yd-reader')?.classList.contains('has-side')).toBe(true);
    expect(container.querySelectorAll('.yd-notes .yd-note-item')).toHaveLength(1);
    expect($('[role="tab"]')).toBeNull();
  });

  it('edits category names and colours in the reading settings; the toolbar follows', async () => {
    const changes: unknown[] = [];
    container = document.createElement('div');
    document.body.append(container);
    act(() => {
      render(
        <Reader
          openStore={openReaderStore}
          speech={SPEECH}
          settings={{ ...DEFAULT_READER_SETTINGS }}
          autoOpen={false}
          forceMarks
          onCategoryChange={(id, change) => changes.push([id, change])}
        />,
        container,
      );
    });
    await painted(0);
    await click($('.yd-settings-button'));
    const row = $('.yd-category-row[data-category="task"]') as HTMLElement;
    const name = row.querySelector('input[type="text"]') as HTMLInputElement;
    expect(name.value).toBe('重点任务');
    await act(async () => {
      name.value = '重点工作';
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const color = row.querySelector('input[type="color"]') as HTMLInputElement;
    await act(async () => {
      color.value = '#ff8080';
      color.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(changes).toEqual([
      ['task', { name: '重点工作' }],
      ['task', { color: '#ff8080' }],
    ]);
    expect($('style')?.textContent).toContain('mark.yd-hl-task{background-color:#ff8080}');
    select(3, 0, 9);
    expect($('.yd-hl-toolbar [data-category="task"]')?.textContent).toBe('重点工作');
  });
});

describe('narrow window', () => {
  it('the 批注 button opens the notes as a drawer, beside the outline drawer', async () => {
    const happy = (
      window as unknown as { happyDOM: { setViewport(v: { width: number; height: number }): void } }
    ).happyDOM;
    happy.setViewport({ width: 600, height: 800 });
    try {
      mount();
      await painted(0);
      const button = $('.yd-notes-button') as HTMLButtonElement;
      expect(button.getAttribute('aria-label')).toBe('显示批注');
      expect($('.yd-notes')).toBeNull();
      expect($('nav')?.hasAttribute('inert')).toBe(true);
      await click(button);
      const drawer = $('.yd-notes') as HTMLElement;
      expect(drawer.classList.contains('is-open')).toBe(true);
      expect(drawer.hasAttribute('inert')).toBe(false);
      expect(button.getAttribute('aria-expanded')).toBe('true');
      expect(drawer.textContent).toContain('学习心得');
      await click($('.yd-notes .yd-outline-close'));
      expect($('.yd-notes')?.classList.contains('is-open')).toBe(false);
      expect(document.activeElement).toBe(button);
    } finally {
      happy.setViewport({ width: 1024, height: 768 });
    }
  });
});

describe('a long speech', () => {
  // 90 paragraphs (about 11,000 characters, composed): the first frame shows only the beginning.
  const LONG = Array.from({ length: 90 }, (_, i) =>
    `第${i}段：各级工会要把困难职工帮扶工作摆在突出位置，`.padEnd(130, '落细落实'),
  );
  const LONG_SPEECH: SpeechWithOutline = { ...SPEECH, paragraphs: LONG, contentHash: 'long', outline: [] };

  it('places a highlight in the part painted after the first frame, once the whole text is in', async () => {
    await seed(
      makeHighlight(
        SPEECH_ID,
        describeRange(LONG, { para: 80, offset: 0 }, { para: 80, offset: 12 }),
        'task',
        [],
        1,
      ),
    );
    mount(LONG_SPEECH);
    expect(container.querySelector('[data-para="80"]')).toBeNull();
    await painted(1);
    const mark = para(80).querySelector('mark.yd-hl');
    expect(mark?.textContent).toBe((LONG[80] as string).slice(0, 12));
  });
});
