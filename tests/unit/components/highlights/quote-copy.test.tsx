import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftStore } from '@/components/highlights/HighlightEditor';
import { HighlightEditor } from '@/components/highlights/HighlightEditor';
import { HighlightToolbar } from '@/components/highlights/HighlightToolbar';
import { NotesPanel } from '@/components/highlights/NotesPanel';
import { QuoteCopyButton } from '@/components/highlights/QuoteCopyButton';
import { QuoteSource } from '@/components/highlights/quote-source';
import { copyText } from '@/hooks/use-copy-quote';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight, type Placement } from '@/utils/anchoring/placement';
import { DEFAULT_HIGHLIGHT_CATEGORIES } from '@/utils/settings';
import type { HighlightCategory, OutlineNode } from '@/utils/types';

// Speech, names and passages composed for these tests.
const SPEECH = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/t1.html',
  title: '在全市职工服务工作会议上的讲话',
  speaker: '李明华',
  occasion: '全市职工服务工作会议',
  date: '2026-03-12',
};
const PARAGRAPHS = [
  '同志们：今天的会议很重要。',
  '一、统一思想',
  '思想是行动的先导。年底前完成档案更新。',
  '二、狠抓落实',
  '落实是最好的作风。上半年开展一次督查。',
];
const OUTLINE: OutlineNode[] = [
  { level: 1, marker: '一', title: '统一思想', para: 1, offset: 0 },
  { level: 1, marker: '二', title: '狠抓落实', para: 3, offset: 0 },
];
const cite = (passage: string) => `李明华在全市职工服务工作会议上指出：“${passage}”（2026年3月12日）`;

function placement(para: number, from: number, to: number, category: HighlightCategory): Placement {
  const selector = describeRange(PARAGRAPHS, { para, offset: from }, { para, offset: to });
  const highlight = makeHighlight('s', selector, category, OUTLINE, 1000, '');
  return { highlight, selector, section: highlight.section };
}

let container: HTMLElement | undefined;
function mount(node: preact.ComponentChildren) {
  const el = document.createElement('div');
  document.body.append(el);
  container = el;
  act(() => render(node, el));
}
const button = (text: string) =>
  [...(container?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent === text);
const status = () => container?.querySelector('[role="status"]')?.textContent;
async function click(b: HTMLButtonElement | undefined) {
  expect(b, 'the button is shown').toBeTruthy();
  await act(async () => b?.click());
}

beforeEach(async () => {
  await navigator.clipboard.writeText('');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

describe('writing to the clipboard', () => {
  it('writes with the Clipboard API', async () => {
    expect(await copyText('王某某指出：“要抓落实”')).toBe(true);
    expect(await navigator.clipboard.readText()).toBe('王某某指出：“要抓落实”');
  });

  it('falls back to a hidden textarea where the API is refused, and gives the selection back', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('not allowed'));
    const p = document.createElement('p');
    p.textContent = '选中的正文';
    document.body.append(p);
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    let copied: string | null = null;
    const exec = vi.fn((command: string) => {
      const area = document.activeElement as HTMLTextAreaElement;
      copied = command === 'copy' && area.tagName === 'TEXTAREA' ? area.value : null;
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    try {
      expect(await copyText('要抓落实')).toBe(true);
      expect(copied).toBe('要抓落实');
      expect(document.querySelector('textarea')).toBeNull();
      expect(document.getSelection()?.toString()).toBe('选中的正文');
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
      p.remove();
    }
  });

  it('says so when both ways are refused', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('not allowed'));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    try {
      expect(await copyText('要抓落实')).toBe(false);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});

describe('复制引用 button', () => {
  it('copies what it is given and says 已复制 as a status, which then goes quiet', async () => {
    mount(<QuoteCopyButton quote={() => cite('要抓落实')} />);
    expect(status()).toBe('');
    vi.useFakeTimers();
    await click(button('复制引用'));
    expect(await navigator.clipboard.readText()).toBe(cite('要抓落实'));
    expect(status()).toBe('已复制');
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(status()).toBe('');
  });

  it('says why nothing was copied when the browser refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('not allowed'));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    try {
      mount(<QuoteCopyButton quote={() => '要抓落实'} />);
      await click(button('复制引用'));
      expect(status()).toMatch(/^复制失败.*Ctrl\+C/);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});

describe('复制引用 in the reader', () => {
  it('the selection toolbar copies the selected passage with the speech it is from', async () => {
    mount(
      <QuoteSource.Provider value={SPEECH}>
        <HighlightToolbar
          categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
          last="task"
          at={{ x: 100, top: 300, bottom: 320 }}
          selector={{ exact: '年底前完成档案更新' }}
          onHighlight={() => {}}
          onNote={() => {}}
        />
      </QuoteSource.Provider>,
    );
    await click(button('复制引用'));
    expect(await navigator.clipboard.readText()).toBe(cite('年底前完成档案更新'));
  });

  it('the popover of a highlight copies its passage', async () => {
    const h = placement(4, 9, 19, 'task').highlight;
    const drafts: DraftStore = {
      load: async () => undefined,
      save: async () => {},
      clear: async () => {},
    };
    mount(
      <QuoteSource.Provider value={SPEECH}>
        <HighlightEditor
          highlight={h}
          categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
          drafts={drafts}
          draftOwner={`highlight:${h.id}`}
          at={{ x: 0, y: 0 }}
          onCategory={() => {}}
          onSaveNote={async () => ({ kind: 'saved' })}
          onDelete={() => {}}
          onRestore={() => {}}
          onClose={() => {}}
        />
      </QuoteSource.Provider>,
    );
    await click(button('复制引用'));
    expect(await navigator.clipboard.readText()).toBe(cite('上半年开展一次督查。'));
    expect(status()).toBe('已复制');
  });

  it('the notes panel copies every quote of the category shown, in reading order', async () => {
    const late = placement(4, 9, 19, 'task');
    const thesis = placement(4, 0, 9, 'thesis');
    const early = placement(2, 9, 19, 'task');
    mount(
      <NotesPanel
        outline={OUTLINE}
        placements={[late, thesis, early]}
        categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
        drafts={new Set()}
        onSelect={() => {}}
        speech={SPEECH}
      />,
    );
    // All categories shown: nothing to copy as one category.
    expect(button('复制本类引用')).toBeUndefined();
    const filter = [...document.querySelectorAll<HTMLButtonElement>('.yd-note-filter button')].find(
      (b) => b.dataset.category === 'task',
    );
    await click(filter);
    const copy = button('复制本类引用');
    expect(copy?.title).toBe('复制「重点任务」的全部 2 条引用，每条一段，按原文顺序');
    await click(copy);
    expect(await navigator.clipboard.readText()).toBe(
      `${cite('年底前完成档案更新。')}\n\n${cite('上半年开展一次督查。')}`,
    );
  });
});
