// The library's ways out to the other pages: 对照 for two ticked speeches (compare.html), 学习会 per
// speech (meeting.html) and 专题汇编 (compilation.html); its dialogs on the platform's <dialog>; and the way
// back: the address holds the search, filters and sort, so Back from a result shows the same list.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryApp } from '@/components/library/LibraryApp';
import { comparePageUrl } from '@/utils/compare/rows';
import { type LibraryRoute, libraryHref, parseLibraryRoute } from '@/utils/routes';
import { getDb } from '@/utils/store/db';
import type { SpeechRecord } from '@/utils/types';

// Composed for these tests: last year's report and this year's, and a speech in between.
function speech(n: number, over: Partial<SpeechRecord>): SpeechRecord {
  return {
    id: `example.gov.cn/ldjh/t${n}.html`,
    url: `http://www.example.gov.cn/ldjh/t${n}.html`,
    title: `讲话${n}`,
    speaker: null,
    occasion: null,
    date: null,
    source: null,
    paragraphs: ['同志们：', '今天的会议很重要。'],
    contentHash: `h${n}`,
    outline: [],
    firstOpened: 1000,
    lastOpened: 1000,
    ...over,
  };
}
const OLD = speech(1, { title: '政府工作报告（2025年）', date: '2025-01-10', lastOpened: 2000 });
const NEW = speech(2, { title: '政府工作报告（2026年）', date: '2026-01-12', lastOpened: 3000 });
const OTHER = speech(3, { title: '在全市安全生产工作会议上的讲话', date: '2025-06-01', lastOpened: 1000 });

let container: HTMLElement;

beforeEach(async () => {
  await getDb().speeches.bulkPut([OLD, NEW, OTHER]);
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<LibraryApp db={getDb()} cache={undefined} initialTab="speeches" />, container);
  });
  await vi.waitFor(() => expect(container.querySelectorAll('.yd-lib-row')).toHaveLength(3));
});

afterEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  render(null, container);
  container.remove();
  await getDb().delete();
  await getDb().open();
});

const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = container.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel} in: ${container.textContent}`);
  return el;
};
async function remount(props: { route?: Partial<LibraryRoute>; onRoute?: (r: LibraryRoute) => void }) {
  render(null, container);
  await act(async () => {
    render(<LibraryApp db={getDb()} cache={undefined} initialTab="speeches" {...props} />, container);
  });
}
const pick = (s: SpeechRecord) => act(async () => $(`input[data-compare-pick="${s.id}"]`).click());
const compareButton = () => $<HTMLButtonElement>('button[data-action="compare"]');

describe('对照 from the library', () => {
  it('is offered once speeches are ticked and works for exactly two, the earlier one as the old text', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    expect(container.querySelector('button[data-action="compare"]')).toBeNull();
    // Ticked newest first: the dates, not the order of the ticks, decide which text is the old one.
    await pick(NEW);
    expect(compareButton().textContent).toBe('对照');
    expect(compareButton().disabled).toBe(true);
    await pick(OLD);
    expect(compareButton().disabled).toBe(false);
    await act(async () => compareButton().click());
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith(comparePageUrl(OLD.id, NEW.id), '_blank', 'noopener');

    await pick(OTHER);
    expect(compareButton().disabled).toBe(true);
    await act(async () => compareButton().click());
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('links to the other pages', () => {
  it('each speech opens as a 学习会 in a new tab; the toolbar leads to the 专题汇编', () => {
    const meeting = $<HTMLAnchorElement>(`[data-speech-id="${OLD.id}"] a[data-link="meeting"]`);
    expect(meeting.textContent).toBe('学习会');
    expect(meeting.getAttribute('href')).toBe(`meeting.html?speech=${encodeURIComponent(OLD.id)}`);
    expect(meeting.target).toBe('_blank');
    const compilation = $<HTMLAnchorElement>('a[data-link="compilation"]');
    expect(compilation.textContent).toBe('专题汇编');
    expect(compilation.getAttribute('href')).toBe('compilation.html');
  });
});

describe('the delete dialog', () => {
  it('is a modal <dialog> with the safe answer focused; Escape cancels and focus returns to 删除', async () => {
    const del = $<HTMLButtonElement>(`[data-speech-id="${OLD.id}"] .yd-lib-delete`);
    del.focus();
    await act(async () => del.click());
    const dialog = $<HTMLDialogElement>('dialog[role="alertdialog"]');
    expect(dialog.open).toBe(true);
    expect(document.activeElement?.textContent).toBe('取消');
    // What the browser fires for Escape on a modal dialog.
    await act(async () => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    expect(container.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(del);
    expect(await getDb().speeches.get(OLD.id)).toBeDefined();
  });
});

describe('the way back to the same list', () => {
  it('the address keeps the search, the filters and the sort, and reads them back', () => {
    const route: LibraryRoute = {
      tab: 'speeches',
      query: '政府 工作',
      speaker: '',
      year: '2025',
      category: 'task',
      sort: 'date',
    };
    const href = libraryHref(route, '/library.html');
    expect(href).toBe(
      '/library.html?q=%E6%94%BF%E5%BA%9C+%E5%B7%A5%E4%BD%9C&speaker=&year=2025&category=task&sort=date',
    );
    const url = new URL(href, 'http://x');
    expect(parseLibraryRoute(url.search, url.hash)).toEqual(route);
    expect(
      libraryHref({ tab: 'tasks', query: '', speaker: null, year: null, category: null, sort: null }),
    ).toBe('library.html#tasks');
  });

  it('tells the page what it shows as the user searches and filters', async () => {
    const shown: LibraryRoute[] = [];
    await remount({ onRoute: (r) => shown.push(r) });
    await vi.waitFor(() => expect(container.querySelectorAll('.yd-lib-row')).toHaveLength(3));
    const input = $<HTMLInputElement>('input[type="search"]');
    await act(async () => {
      input.value = '政府工作报告';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(shown.at(-1)).toMatchObject({ tab: 'speeches', query: '政府工作报告', sort: null });
  });

  it('opens with the search and filters of its address', async () => {
    await remount({ route: { query: '政府工作报告', year: '2026', sort: 'title' } });
    expect($<HTMLInputElement>('input[type="search"]').value).toBe('政府工作报告');
    await vi.waitFor(() =>
      expect([...container.querySelectorAll('.yd-lib-title')].map((a) => a.textContent)).toEqual([NEW.title]),
    );
    const year = [...container.querySelectorAll('select')].find((s) => s.value === '2026');
    expect(year).toBeDefined();
  });
});
