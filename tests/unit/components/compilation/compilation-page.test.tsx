// The 专题汇编 page (compilation.html): highlights of every speech, filtered by category, keyword, speaker and
// dates, rearranged with ↑↓ or by dragging (the order remembered across visits), exported to Word and shown as
// printed sheets in the chosen order with each excerpt's 出处. Speeches and highlights composed for the test.
import { unzipSync } from 'fflate';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CompilationPage } from '@/components/compilation/CompilationPage';
import { CATEGORY_NAMES } from '@/utils/categories';
import { getDb } from '@/utils/store/db';
import type { Highlight, HighlightCategory, SpeechRecord } from '@/utils/types';

const downloads = vi.hoisted(() => [] as { blob: Blob; name: string }[]);
vi.mock('@/utils/export/download', () => ({
  downloadBlob: (blob: Blob, name: string) => downloads.push({ blob, name }),
}));

function speech(
  n: number,
  speaker: string,
  occasion: string,
  date: string,
  paragraphs: string[],
): SpeechRecord {
  return {
    id: `example.gov.cn/ldjh/c${n}.html`,
    url: `http://www.example.gov.cn/ldjh/c${n}.html`,
    title: `在${occasion}上的讲话`,
    speaker,
    occasion,
    date,
    source: null,
    paragraphs,
    contentHash: `c${n}`,
    outline: [{ level: 1, marker: '一、', title: '抓好职工服务', para: 1, offset: 0 }],
    firstOpened: 1,
    lastOpened: 1,
  };
}
const S1 = speech(1, '王建国', '全市工会工作会议', '2026-03-12', [
  '同志们：',
  '一、抓好职工服务',
  '服务职工是工会的基本职责。要把困难职工帮扶做实做细。',
]);
const S2 = speech(2, '李红梅', '职工代表大会', '2026-06-20', [
  '各位代表：',
  '一、抓好职工服务',
  '职工之家建设要提速。全年新建职工驿站三十个。',
]);

function hl(id: string, s: SpeechRecord, category: HighlightCategory, exact: string, note = ''): Highlight {
  const text = s.paragraphs[2] as string;
  const start = text.indexOf(exact);
  return {
    id,
    speechId: s.id,
    category,
    note,
    selector: {
      startPara: 2,
      startOffset: start,
      endPara: 2,
      endOffset: start + exact.length,
      exact,
      prefix: '',
      suffix: '',
    },
    section: 0,
    created: 1,
    updated: 1,
  };
}
/** In the default order: by speech date, then reading order. */
const H = [
  hl('h1', S1, 'thesis', '服务职工是工会的基本职责', '写进开篇'),
  hl('h2', S1, 'task', '要把困难职工帮扶做实做细'),
  hl('h3', S2, 'thesis', '职工之家建设要提速'),
  hl('h4', S2, 'data', '全年新建职工驿站三十个'),
];

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

let container: HTMLElement;
let store: Storage;
const print = vi.fn();

beforeEach(async () => {
  store = memoryStorage();
  await getDb().speeches.bulkPut([S1, S2]);
  await getDb().highlights.bulkPut(H);
});
afterEach(async () => {
  render(null, container);
  container.remove();
  downloads.length = 0;
  print.mockReset();
  await getDb().delete();
  await getDb().open();
});

async function mount() {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(
      <CompilationPage db={getDb()} categoryNames={{ ...CATEGORY_NAMES }} store={store} print={print} />,
      container,
    );
  });
  await vi.waitFor(() => expect(container.querySelector('.yd-cpl-entry')).not.toBeNull());
}
async function unmount() {
  await act(() => render(null, container));
}

const shown = () =>
  [...container.querySelectorAll<HTMLElement>('.yd-cpl-entry')].map((e) => e.dataset.highlightId);
const row = (id: string) => container.querySelector(`[data-highlight-id="${id}"]`) as HTMLElement;
const count = () => container.querySelector('.yd-cpl-count')?.textContent;
async function setValue(selector: string, value: string, event: 'input' | 'change') {
  const el = container.querySelector(selector) as HTMLInputElement;
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });
}
async function click(el: Element | null) {
  await act(() => (el as HTMLElement).click());
}

describe('专题汇编 page', () => {
  it('follows a change made in another tab (a backup restored in the library), then builds on it', async () => {
    await mount();
    const restored = { topic: '备份里的专题', categories: [], keyword: '', speaker: '', from: '', to: '' };
    await act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: 'yandu:compilation',
          newValue: JSON.stringify({ ...restored, order: ['h4', 'h3', 'h2', 'h1'], savedAt: 5 }),
        }),
      );
    });
    expect(shown()).toEqual(['h4', 'h3', 'h2', 'h1']);
    await click(row('h1').querySelector('.yd-cpl-up'));
    expect(shown()).toEqual(['h4', 'h3', 'h1', 'h2']);
    expect(JSON.parse(store.getItem('yandu:compilation') ?? '{}').topic).toBe('备份里的专题');
  });

  it('lists every excerpt with its 出处 and narrows by category, keyword, speaker and dates', async () => {
    await mount();
    expect(shown()).toEqual(['h1', 'h2', 'h3', 'h4']);
    expect(count()).toBe('共 4 条');
    expect(row('h1').querySelector('.yd-cpl-source')?.textContent).toContain(
      '出处：王建国在全市工会工作会议上的讲话（2026年3月12日）·一、抓好职工服务',
    );
    expect(row('h1').textContent).toContain('批注：写进开篇');

    await click(container.querySelector('input[name="category"][value="thesis"]'));
    expect(shown()).toEqual(['h1', 'h3']);
    await setValue('input[name="keyword"]', '之家', 'input');
    expect(shown()).toEqual(['h3']);
    await setValue('input[name="keyword"]', '', 'input');
    await setValue('select[name="speaker"]', '王建国', 'change');
    expect(shown()).toEqual(['h1']);
    await setValue('select[name="speaker"]', '', 'change');
    await setValue('input[name="from"]', '2026-04-01', 'change');
    expect(shown()).toEqual(['h3']);
    await setValue('input[name="to"]', '2026-05-01', 'change');
    expect(shown()).toEqual([]);
    expect(container.textContent).toContain('没有符合条件的摘录。');
    expect((container.querySelector('.yd-cpl-word') as HTMLButtonElement).disabled).toBe(true);
  });

  it('moves an excerpt with ↑↓ (focus stays with it) and remembers the order and filter on the next visit', async () => {
    await mount();
    await click(row('h3').querySelector('.yd-cpl-up'));
    expect(shown()).toEqual(['h1', 'h3', 'h2', 'h4']);
    expect(document.activeElement).toBe(row('h3').querySelector('.yd-cpl-up'));
    expect(container.textContent).toContain('已移到第 2 条');
    // Alt+↓ on the focused button moves it back down.
    await act(() => {
      row('h3')
        .querySelector('.yd-cpl-up')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    });
    expect(shown()).toEqual(['h1', 'h2', 'h3', 'h4']);
    await click(row('h1').querySelector('.yd-cpl-down'));
    expect(shown()).toEqual(['h2', 'h1', 'h3', 'h4']);
    // The first row cannot go up.
    expect((row('h2').querySelector('.yd-cpl-up') as HTMLButtonElement).disabled).toBe(true);

    // With only 重要论述 shown, moving h3 first keeps the hidden h2 where it was.
    await click(container.querySelector('input[name="category"][value="thesis"]'));
    await click(row('h3').querySelector('.yd-cpl-up'));
    expect(shown()).toEqual(['h3', 'h1']);

    await unmount();
    await mount();
    expect(shown()).toEqual(['h3', 'h1']);
    await click(container.querySelector('input[name="category"][value="thesis"]'));
    expect(shown()).toEqual(['h2', 'h3', 'h1', 'h4']);
    await click(container.querySelector('.yd-cpl-reset'));
    expect(shown()).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('moves an excerpt by dragging it onto another row', async () => {
    await mount();
    const fire = (el: HTMLElement, type: string, clientY = 0) =>
      act(() => {
        el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientY }));
      });
    // h4 dragged onto the upper half of h2's row lands above it.
    await fire(row('h4'), 'dragstart');
    await fire(row('h2'), 'dragover', -10);
    expect(row('h2').classList.contains('is-drop-above')).toBe(true);
    await fire(row('h2'), 'drop', -10);
    await fire(row('h4'), 'dragend');
    expect(shown()).toEqual(['h1', 'h4', 'h2', 'h3']);
    expect(container.querySelector('.is-drop-above, .is-drop-below, .is-dragging')).toBeNull();
  });

  it('exports one Word file with the shown excerpts in the chosen order, each with its 出处', async () => {
    await mount();
    await setValue('input[name="topic"]', '关于职工服务的重要论述', 'input');
    await click(container.querySelector('input[name="category"][value="thesis"]'));
    await click(row('h3').querySelector('.yd-cpl-up'));
    await click(container.querySelector('.yd-cpl-word'));
    // The first export loads the Word writer: generous room on a busy machine.
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 15_000 });
    const { blob, name } = downloads[0] as { blob: Blob; name: string };
    expect(name).toMatch(/^关于职工服务的重要论述-2篇讲话-\d{4}-\d{2}-\d{2}\.docx$/);
    const xml = new TextDecoder().decode(
      unzipSync(new Uint8Array(await blob.arrayBuffer()))['word/document.xml'],
    );
    expect(xml).toContain('关于职工服务的重要论述');
    expect(xml.indexOf('职工之家建设要提速')).toBeGreaterThan(-1);
    expect(xml.indexOf('职工之家建设要提速')).toBeLessThan(xml.indexOf('服务职工是工会的基本职责'));
    expect(xml).toContain('李红梅在职工代表大会上的讲话（2026年6月20日）');
    expect(xml).not.toContain('全年新建职工驿站三十个');
    await vi.waitFor(() => expect(container.textContent).toContain(`已下载：${name}`));
  });

  it('shows a long collection 200 excerpts at a time', async () => {
    const many = Array.from({ length: 203 }, (_, i) => ({
      ...hl(`m${String(i).padStart(3, '0')}`, S2, 'data', '全年新建职工驿站三十个'),
      created: 10 + i,
    }));
    await getDb().highlights.bulkPut(many);
    await mount();
    expect(count()).toBe('共 207 条');
    expect(shown()).toHaveLength(200);
    const more = container.querySelector('.yd-lib-more') as HTMLButtonElement;
    expect(more.textContent).toBe('再显示 7 条');
    await click(more);
    expect(shown()).toHaveLength(207);
    expect(container.querySelector('.yd-lib-more')).toBeNull();
  });

  it('shows the print view in the chosen order with each 出处, prints it, and goes back', async () => {
    await mount();
    await click(row('h4').querySelector('.yd-cpl-up'));
    await click(container.querySelector('.yd-cpl-print'));
    await vi.waitFor(() => expect(container.querySelector('.yd-print-sheet')).not.toBeNull());
    const quotes = [...container.querySelectorAll('.yd-print-sheet .yd-print-quote')].map(
      (q) => q.textContent,
    );
    expect(quotes).toHaveLength(4);
    expect(quotes[2]).toContain('【数据】全年新建职工驿站三十个');
    expect(quotes[2]).toContain('出处：李红梅在职工代表大会上的讲话（2026年6月20日）·一、抓好职工服务');
    expect(quotes[3]).toContain('职工之家建设要提速');
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === '打印') ?? null);
    expect(print).toHaveBeenCalledTimes(1);
    await click(container.querySelector('.yd-cpl-back'));
    expect(shown()).toEqual(['h1', 'h2', 'h4', 'h3']);
  });
});
