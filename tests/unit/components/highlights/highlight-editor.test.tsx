import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DraftStore, HighlightEditor } from '@/components/highlights/HighlightEditor';
import type { NoteWriter } from '@/hooks/use-note-draft';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { DEFAULT_HIGHLIGHT_CATEGORIES } from '@/utils/settings';
import type { NoteSave } from '@/utils/store/notes';
import type { Highlight } from '@/utils/types';

// Composed for this test.
const PARAGRAPHS = ['全年新建职工书屋50家，培训基层工会干部2000人次。'];

let container: HTMLElement;

function drafts(stored: Record<string, string> = {}, delay = 0): DraftStore {
  return {
    load: (id) => new Promise((r) => setTimeout(() => r(stored[id]), delay)),
    save: async (id, text) => {
      stored[id] = text;
    },
    clear: async (id) => {
      delete stored[id];
    },
  };
}

/** A stored note in memory, with setNoteOver's rule: refused when it is no longer what the editor read. */
function noteStore(initial: string) {
  const box = { note: initial, gone: false };
  const write = vi.fn<NoteWriter>(async (text, base): Promise<NoteSave> => {
    if (box.gone) return { kind: 'gone' };
    if (box.note !== base && box.note !== text) return { kind: 'conflict', theirs: box.note };
    box.note = text;
    return { kind: 'saved' };
  });
  return { box, write };
}

interface Mounted {
  rerender: (h: Highlight, gone?: boolean) => void;
  onClose: ReturnType<typeof vi.fn>;
  onRestore: ReturnType<typeof vi.fn>;
}

function mount(highlight: Highlight, store: DraftStore, write: NoteWriter, readOnly = false): Mounted {
  const onClose = vi.fn();
  const onRestore = vi.fn();
  const el = (h: Highlight, gone = false) => (
    <HighlightEditor
      highlight={h}
      categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
      drafts={store}
      draftOwner={`highlight:${h.id}`}
      gone={gone}
      readOnly={readOnly}
      at={{ x: 0, y: 0 }}
      onCategory={() => {}}
      onSaveNote={write}
      onDelete={() => {}}
      onRestore={onRestore}
      onClose={onClose}
    />
  );
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(el(highlight), container));
  return { rerender: (h, gone) => act(() => render(el(h, gone), container)), onClose, onRestore };
}

const area = () => container.querySelector('textarea') as HTMLTextAreaElement;
const button = (selector: string) => container.querySelector(selector) as HTMLButtonElement;
async function type(value: string) {
  await act(async () => {
    area().value = value;
    area().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(selector: string) {
  await vi.waitFor(() => expect(button(selector)).not.toBeNull());
  await act(async () => {
    button(selector).click();
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
  it('saves as the user types, without 保存, and says so', async () => {
    const { box, write } = noteStore('原来的批注');
    const kept: Record<string, string> = {};
    mount(base, drafts(kept), write);
    await type('边读边写的批注');
    expect(container.textContent).toContain('保存中');
    await vi.waitFor(() => expect(box.note).toBe('边读边写的批注'));
    await vi.waitFor(() => expect(container.textContent).toContain('已自动保存'));
    // Once written, no draft is left behind.
    expect(kept).toEqual({});
  });

  it('saves at once when the box loses focus', async () => {
    const { box, write } = noteStore('原来的批注');
    mount(base, drafts(), write);
    await type('失去焦点就保存');
    await act(async () => {
      area().dispatchEvent(new FocusEvent('blur'));
    });
    await vi.waitFor(() => expect(box.note).toBe('失去焦点就保存'));
  });

  it('keeps what is being typed when the note changes in another tab, and then asks which to keep', async () => {
    const { box, write } = noteStore('原来的批注');
    const { rerender } = mount(base, drafts(), write);
    await type('正在写的新批注');
    box.note = '另一个窗口保存的批注';
    rerender({ ...base, note: box.note });
    expect(area().value).toBe('正在写的新批注');
    await click('.yd-hl-save');
    // Not written over the other tab's text: asked in the editor instead.
    await vi.waitFor(() =>
      expect(container.querySelector('.yd-note-conflict')?.textContent).toContain('另一个窗口保存的批注'),
    );
    expect(box.note).toBe('另一个窗口保存的批注');
    expect(area().value).toBe('正在写的新批注');
  });

  it('两者都保留 stores both texts, one after the other', async () => {
    const { box, write } = noteStore('原来的批注');
    const { rerender } = mount(base, drafts(), write);
    await type('我的想法');
    box.note = '对方的想法';
    rerender({ ...base, note: box.note });
    await click('.yd-hl-save');
    await click('.yd-note-conflict [data-choice="both"]');
    await vi.waitFor(() => expect(box.note).toBe('对方的想法\n\n——————\n\n我的想法'));
    expect(area().value).toBe(box.note);
    expect(container.querySelector('.yd-note-conflict')).toBeNull();
  });

  it('保留我的 writes this tab’s text; 保留对方的 shows the other one and writes nothing', async () => {
    const mine = noteStore('原来的批注');
    const a = mount(base, drafts(), mine.write);
    await type('我的');
    mine.box.note = '对方的';
    a.rerender({ ...base, note: '对方的' });
    await click('.yd-hl-save');
    await click('.yd-note-conflict [data-choice="mine"]');
    await vi.waitFor(() => expect(mine.box.note).toBe('我的'));
    render(null, container);
    container.remove();

    const theirs = noteStore('原来的批注');
    const b = mount(base, drafts(), theirs.write);
    await type('我的');
    theirs.box.note = '对方的';
    b.rerender({ ...base, note: '对方的' });
    await click('.yd-hl-save');
    const writes = theirs.write.mock.calls.length;
    await click('.yd-note-conflict [data-choice="theirs"]');
    await vi.waitFor(() => expect(area().value).toBe('对方的'));
    expect(theirs.box.note).toBe('对方的');
    expect(theirs.write.mock.calls.length).toBe(writes);
  });

  it('follows a note saved in another tab while nothing is typed here', () => {
    const { write } = noteStore('原来的批注');
    const { rerender } = mount(base, drafts(), write);
    rerender({ ...base, note: '另一个窗口保存的批注' });
    expect(area().value).toBe('另一个窗口保存的批注');
  });

  it('a draft that arrives after typing started does not replace the typing', async () => {
    const { write } = noteStore('原来的批注');
    mount(base, drafts({ [`highlight:${base.id}`]: '很久以前的草稿' }, 30), write);
    await type('刚刚输入的');
    await act(async () => {
      await new Promise((r) => setTimeout(r, 60));
    });
    expect(area().value).toBe('刚刚输入的');
  });

  it('a highlight deleted in another tab keeps the typed note, with copy and restore', async () => {
    const { box, write } = noteStore('原来的批注');
    const { rerender, onRestore, onClose } = mount(base, drafts(), write);
    await type('还没写完的批注');
    box.gone = true;
    rerender(base, true);
    expect(area().value).toBe('还没写完的批注');
    expect(container.querySelector('.yd-hl-gone')?.textContent).toContain('已在另一个窗口中删除');
    expect(onClose).not.toHaveBeenCalled();
    await click('.yd-hl-gone-copy');
    expect(await navigator.clipboard.readText()).toBe('还没写完的批注');
    await click('.yd-hl-gone-restore');
    expect(onRestore).toHaveBeenCalledWith('还没写完的批注');
  });

  it('an archived version neither takes the draft nor writes when closed', async () => {
    const { box, write } = noteStore('原来的批注');
    const kept = { [`highlight:${base.id}`]: '别的窗口的草稿' };
    mount(base, drafts(kept), write, true);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(area().value).toBe('原来的批注');
    render(null, container);
    await act(async () => {});
    expect(write).not.toHaveBeenCalled();
    expect(box.note).toBe('原来的批注');
    expect(kept).toEqual({ [`highlight:${base.id}`]: '别的窗口的草稿' });
  });

  it('a highlight deleted in another tab with nothing typed here just closes', () => {
    const { write } = noteStore('原来的批注');
    const { rerender, onClose } = mount(base, drafts(), write);
    rerender(base, true);
    expect(onClose).toHaveBeenCalled();
  });
});
