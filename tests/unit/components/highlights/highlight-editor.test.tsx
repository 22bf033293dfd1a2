import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DraftStore, HighlightEditor } from '@/components/highlights/HighlightEditor';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { DEFAULT_HIGHLIGHT_CATEGORIES } from '@/utils/settings';
import type { Highlight } from '@/utils/types';

// Composed for this test.
const PARAGRAPHS = ['全年新建职工书屋50家，培训基层工会干部2000人次。'];

let container: HTMLElement;

function drafts(stored: Record<string, string> = {}, delay = 0): DraftStore {
  return {
    load: (id) => new Promise((r) => setTimeout(() => r(stored[id]), delay)),
    clear: async (id) => {
      delete stored[id];
    },
    saver: (id) => ({
      update: (text) => {
        stored[id] = text;
      },
      flush: async () => {},
      cancel: () => {},
    }),
  };
}

function mount(highlight: Highlight, store: DraftStore, onSaveNote = vi.fn(async () => {})) {
  const el = (h: Highlight) => (
    <HighlightEditor
      highlight={h}
      categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
      drafts={store}
      draftId={`highlight:${h.id}`}
      at={{ x: 0, y: 0 }}
      onCategory={() => {}}
      onSaveNote={onSaveNote}
      onDelete={() => {}}
      onClose={() => {}}
    />
  );
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(el(highlight), container));
  return { rerender: (h: Highlight) => act(() => render(el(h), container)), onSaveNote };
}

const area = () => container.querySelector('textarea') as HTMLTextAreaElement;
async function type(value: string) {
  await act(async () => {
    area().value = value;
    area().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  render(null, container);
  container.remove();
});

const base = makeHighlight(
  's',
  describeRange(PARAGRAPHS, { para: 0, offset: 0 }, { para: 0, offset: 11 }),
  'data',
  [],
  1000,
  '原来的批注',
);

describe('note editor', () => {
  it('keeps what is being typed when the note changes in another tab, and saves it', async () => {
    const { rerender, onSaveNote } = mount(base, drafts());
    expect(area().value).toBe('原来的批注');
    await type('正在写的新批注');
    rerender({ ...base, note: '另一个窗口保存的批注' });
    expect(area().value).toBe('正在写的新批注');
    await act(async () => {
      (container.querySelector('.yd-hl-save') as HTMLButtonElement).click();
    });
    expect(onSaveNote).toHaveBeenCalledWith('正在写的新批注');
  });

  it('follows a note saved in another tab while nothing is typed here', () => {
    const { rerender } = mount(base, drafts());
    rerender({ ...base, note: '另一个窗口保存的批注' });
    expect(area().value).toBe('另一个窗口保存的批注');
  });

  it('a draft that arrives after typing started does not replace the typing', async () => {
    mount(base, drafts({ [`highlight:${base.id}`]: '很久以前的草稿' }, 30));
    await type('刚刚输入的');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 60));
    });
    expect(area().value).toBe('刚刚输入的');
  });
});
