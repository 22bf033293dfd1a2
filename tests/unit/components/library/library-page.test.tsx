import { unzipSync } from 'fflate';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LibraryApp } from '@/components/library/LibraryApp';
import { saveCategoryStyle } from '@/utils/settings';
import { getDb } from '@/utils/store/db';
import { readSummaryCache } from '@/utils/store/library';
import type { Highlight, Note, SpeechRecord } from '@/utils/types';
import { downloads } from '../../../support/downloads';
import { memoryStorage } from '../../../support/storage';

// Downloads are caught here (a test cannot look into the browser's download folder).
vi.mock('@/utils/export/download', () => import('../../../support/downloads'));

// All texts composed for these tests.
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
    outline: [{ level: 1, marker: '第一', title: '抓好落实', para: 1, offset: 0 }],
    firstOpened: 1000,
    lastOpened: 1000,
    ...over,
  };
}

const A = speech(1, {
  title: '在全市安全生产工作会议上的讲话',
  speaker: '王建国',
  date: '2025-03-10',
  lastOpened: 3000,
  paragraphs: [
    '同志们：',
    '第一，压实安全生产责任。各单位要开展隐患排查整治，确保不留死角。',
    '第二，做好应急准备。',
  ],
});
const B = speech(2, {
  title: '在职工代表大会上的讲话',
  speaker: '李红梅',
  date: '2024-12-20',
  lastOpened: 5000,
  paragraphs: ['各位代表：', '去年全市新建职工之家一百二十个。'],
});
const C = speech(3, { title: '在工会干部培训班上的讲话', speaker: '王建国', lastOpened: 1000 });

function hl(
  id: string,
  s: SpeechRecord,
  category: Highlight['category'],
  exact: string,
  extra: Partial<Highlight> = {},
): Highlight {
  return {
    id,
    speechId: s.id,
    category,
    note: '',
    selector: {
      startPara: 1,
      startOffset: 0,
      endPara: 1,
      endOffset: exact.length,
      exact,
      prefix: '',
      suffix: '',
    },
    section: 0,
    created: 1,
    updated: 1,
    ...(category === 'task' ? { task: { status: 'todo', due: null, progress: '' } } : {}),
    ...extra,
  };
}

const HIGHLIGHTS: Highlight[] = [
  hl('a-task', A, 'task', '开展隐患排查整治', {
    note: '要把隐患排查落到每个班组',
    task: { status: 'todo', due: '2020-01-31', progress: '' },
  }),
  hl('a-thesis', A, 'thesis', '压实安全生产责任'),
  hl('b-data1', B, 'data', '新建职工之家一百二十个'),
  hl('b-data2', B, 'data', '一百二十个'),
  hl('b-task', B, 'task', '做好职工之家建设', { task: { status: 'doing', due: null, progress: '已选址' } }),
];
const NOTES: Note[] = [{ id: C.id, speechId: C.id, text: '培训要联系实际。', created: 1, updated: 1 }];

let container: HTMLElement;

beforeEach(async () => {
  downloads.length = 0;
  const db = getDb();
  await db.speeches.bulkPut([A, B, C]);
  await db.highlights.bulkPut(HIGHLIGHTS);
  await db.notes.bulkPut(NOTES);
});

afterEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  render(null, container);
  container.remove();
  await getDb().delete();
  await getDb().open();
});

async function mount(tab: 'speeches' | 'tasks' = 'speeches', cache = memoryStorage()) {
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<LibraryApp db={getDb()} cache={cache} initialTab={tab} />, container);
  });
  if (tab === 'speeches') await vi.waitFor(() => expect(titles().length).toBeGreaterThan(0));
  else await vi.waitFor(() => expect(container.querySelector('.yd-task')).not.toBeNull());
  return container;
}

const titles = () => [...container.querySelectorAll('.yd-lib-title')].map((a) => a.textContent);
const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = container.querySelector<T>(sel) ?? document.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel} in: ${container.textContent}`);
  return el;
};
function button(label: string, root: ParentNode = document): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
}
function field(label: string): HTMLSelectElement {
  const l = [...container.querySelectorAll('label.yd-field')].find(
    (x) => x.querySelector('span')?.textContent === label,
  );
  const s = l?.querySelector('select');
  if (!s) throw new Error(`no select ${label}`);
  return s;
}
async function choose(select: HTMLSelectElement, optionText: string) {
  const opt = [...select.options].find((o) => o.textContent?.startsWith(optionText));
  if (!opt) throw new Error(`no option ${optionText}`);
  await act(async () => {
    select.value = opt.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
  });
}

describe('library list', () => {
  it('lists every stored speech, last opened first, with speaker, date, chips per category and a reader link', async () => {
    await mount();
    expect(titles()).toEqual([B.title, A.title, C.title]);
    const rowA = $(`[data-speech-id="${A.id}"]`);
    expect(rowA.querySelector('.yd-lib-speaker')?.textContent).toBe('王建国');
    expect(rowA.querySelector('.yd-lib-date')?.textContent).toBe('2025-03-10');
    const chips = [...rowA.querySelectorAll('.yd-chip')].map((c) => [
      c.getAttribute('data-category'),
      c.textContent,
    ]);
    expect(chips).toEqual([
      ['task', '重点任务1'],
      ['thesis', '重要论述1'],
    ]);
    expect(rowA.querySelector('a')?.getAttribute('href')).toBe(
      `reader.html?url=${encodeURIComponent(A.url)}`,
    );
    expect($(`[data-speech-id="${C.id}"]`).textContent).toContain('有学习心得');
  });

  it('names and colours the chips as the categories are set in the reader', async () => {
    await saveCategoryStyle('data', { name: '统计数字', color: '#336699' });
    await mount();
    await vi.waitFor(() =>
      expect($(`[data-speech-id="${B.id}"] .yd-chip[data-category="data"]`).textContent).toBe('统计数字2'),
    );
    expect($(`[data-speech-id="${B.id}"] .yd-chip[data-category="data"]`).style.getPropertyValue('--c')).toBe(
      '#336699',
    );
    expect([...field('划线类别').options].map((o) => o.textContent)).toContain('统计数字');
  });

  it('sorts by speech date (undated last) and by title', async () => {
    await mount();
    await choose(field('排序'), '讲话日期');
    expect(titles()).toEqual([A.title, B.title, C.title]);
    await choose(field('排序'), '标题');
    expect(titles()).toEqual([C.title, A.title, B.title]); // 拼音: gong, quan, zhi
  });

  it('filters by speaker, year and category, and says when nothing matches', async () => {
    await mount();
    await choose(field('讲话人'), '王建国');
    expect(titles()).toEqual([A.title, C.title]);
    await choose(field('年份'), '2025');
    expect(titles()).toEqual([A.title]);
    await choose(field('划线类别'), '数据');
    expect(titles()).toEqual([]);
    expect(container.textContent).toContain('没有符合条件的讲话');
    await choose(field('讲话人'), '全部');
    await choose(field('年份'), '全部');
    expect(titles()).toEqual([B.title]);
  });

  it('shows a long list a page at a time (search results in shorter pages)', async () => {
    await getDb().speeches.bulkPut(
      Array.from({ length: 45 }, (_, i) =>
        speech(100 + i, { title: `第${i + 1}篇测试讲话`, lastOpened: 10 + i }),
      ),
    );
    await mount();
    await vi.waitFor(() => expect(titles()).toHaveLength(40));
    // The first paint shows the newest page only; 再显示 comes once the whole library is read.
    await click(await vi.waitFor(() => button('再显示 8 篇', container)));
    expect(titles()).toHaveLength(48);
    await type($('input[type="search"]'), '测试讲话');
    await vi.waitFor(() => expect(container.querySelector('.yd-lib-indexing')).toBeNull());
    await vi.waitFor(() => expect(titles()).toHaveLength(20));
    expect(container.textContent).toContain('找到 45 篇讲话');
    await click(button('再显示 20 篇', container));
    expect(titles()).toHaveLength(40);
  });

  it('shows the cached list before the database is read', async () => {
    const cache = memoryStorage();
    await mount('speeches', cache);
    await vi.waitFor(() => expect(readSummaryCache(cache)).toHaveLength(3));
    render(null, container);
    await getDb().speeches.delete(B.id); // the cache is stale now
    render(<LibraryApp db={getDb()} cache={cache} initialTab="speeches" />, container);
    expect(titles()).toEqual([B.title, A.title, C.title]); // first paint, from the cache
    await vi.waitFor(() => expect(titles()).toEqual([A.title, C.title])); // then the truth
  });
});

describe('storage that may be evicted', () => {
  function storage(persist: boolean) {
    Object.defineProperty(navigator, 'storage', {
      value: { persisted: async () => false, persist: async () => persist },
      configurable: true,
    });
  }

  it('asks the browser to keep the data; when it refuses, says so until the note is read', async () => {
    storage(false);
    const cache = memoryStorage();
    await mount('speeches', cache);
    await vi.waitFor(() =>
      expect(container.textContent).toContain('浏览器可能在存储空间紧张时清除研读的资料'),
    );
    await click(button('知道了', container));
    expect(container.textContent).not.toContain('浏览器可能在存储空间紧张时清除');
    render(null, container);
    render(<LibraryApp db={getDb()} cache={cache} initialTab="speeches" />, container);
    await vi.waitFor(() => expect(titles()).toHaveLength(3));
    expect(container.textContent).not.toContain('浏览器可能在存储空间紧张时清除');
  });

  it('says nothing when the browser keeps the data', async () => {
    storage(true);
    await mount();
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).not.toContain('浏览器可能在存储空间紧张时清除');
  });
});

describe('library search', () => {
  it('finds a note, a highlight and speech text by a Chinese word, with the match marked in context', async () => {
    await mount();
    await type($('input[type="search"]'), '隐患排查');
    // Results can grow while the index is still being built (texts first, highlights after): wait for the end.
    await vi.waitFor(() => expect(container.querySelector('.yd-lib-indexing')).toBeNull());
    await vi.waitFor(() => expect(titles()).toEqual([A.title]));
    const snippets = [...container.querySelectorAll('.yd-snippet')];
    expect(snippets.map((s) => s.querySelector('.yd-snippet-kind')?.textContent)).toEqual([
      '批注',
      '划线',
      '原文',
    ]);
    expect(snippets[0]?.querySelector('mark')?.textContent).toBe('隐患排查');
    expect(snippets[0]?.querySelector('a')?.getAttribute('href')).toBe(
      `reader.html?url=${encodeURIComponent(A.url)}#h=a-task`,
    );
    expect(snippets[2]?.textContent).toContain('各单位要开展隐患排查整治，确保不留死角。');
    expect(container.textContent).toContain('找到 1 篇讲话');
  });

  it('matches full-width input against half-width text and searches within the filters', async () => {
    await mount();
    await type($('input[type="search"]'), '讲话');
    await vi.waitFor(() => expect(titles()).toHaveLength(3));
    await choose(field('讲话人'), '李红梅');
    expect(titles()).toEqual([B.title]);
    await type($('input[type="search"]'), '一百二十个　职工之家');
    await vi.waitFor(() => expect(titles()).toEqual([B.title]));
    await type($('input[type="search"]'), '不存在的词');
    await vi.waitFor(() => expect(container.textContent).toContain('没有符合条件的讲话'));
  });
});

describe('deleting a speech', () => {
  it('asks in the page first; 取消 keeps it', async () => {
    await mount();
    await click(button('删除', $(`[data-speech-id="${A.id}"]`)));
    const dialog = $('[role="alertdialog"]');
    expect(dialog.textContent).toContain('在全市安全生产工作会议上的讲话');
    // A has no 学习心得: the question does not promise one.
    expect(dialog.textContent).toContain('的保存副本和 2 条标注将一并删除');
    expect(dialog.textContent).not.toContain('学习心得');
    await click(button('取消', dialog));
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(await getDb().speeches.get(A.id)).toBeDefined();
  });

  it('deletes the speech with its highlights and note, and 撤销 puts everything back', async () => {
    await mount();
    await click(button('删除', $(`[data-speech-id="${C.id}"]`)));
    await click(button('删除', $('[role="alertdialog"]')));
    await vi.waitFor(() => expect(titles()).toEqual([B.title, A.title]));
    const db = getDb();
    expect(await db.speeches.get(C.id)).toBeUndefined();
    expect(await db.notes.get(C.id)).toBeUndefined();

    await click(button('删除', $(`[data-speech-id="${A.id}"]`)));
    await click(button('删除', $('[role="alertdialog"]')));
    await vi.waitFor(() => expect(titles()).toEqual([B.title]));
    expect(await db.highlights.where('speechId').equals(A.id).count()).toBe(0);
    expect($('.yd-snackbar').textContent).toContain('已删除《在全市安全生产工作会议上的讲话》');

    await click(button('撤销', $('.yd-snackbar')));
    await vi.waitFor(() => expect(titles()).toEqual([B.title, A.title]));
    expect(await db.speeches.get(A.id)).toEqual(A);
    expect((await db.highlights.where('speechId').equals(A.id).toArray()).map((h) => h.id).sort()).toEqual([
      'a-task',
      'a-thesis',
    ]);
  });
});

describe('key-task list', () => {
  const item = (id: string) => $(`[data-highlight-id="${id}"]`);
  const counts = () =>
    [...container.querySelectorAll('.yd-count')].map((b) => b.textContent?.replace(/\s+/g, '')).join(' ');

  it('lists every task with its speech, counts per status, flags the overdue one and links to the passage', async () => {
    await mount('tasks');
    expect(container.querySelectorAll('.yd-task')).toHaveLength(2);
    // Grouped by speech, the most recently opened first.
    expect([...container.querySelectorAll('.yd-task-group')].map((g) => g.textContent)).toEqual([
      `《${B.title}》1`,
      `《${A.title}》1`,
    ]);
    expect(counts()).toBe('全部2 未开始1 推进中1 已完成0 已逾期1');
    expect(item('a-task').classList.contains('is-overdue')).toBe(true);
    expect(item('a-task').textContent).toContain('逾期');
    expect(item('a-task').textContent).toContain('批注：要把隐患排查落到每个班组');
    expect(item('b-task').classList.contains('is-overdue')).toBe(false);
    expect(item('a-task').querySelector('.yd-task-open')?.getAttribute('href')).toBe(
      `reader.html?url=${encodeURIComponent(A.url)}#h=a-task`,
    );
  });

  it('marks a task done, sets a due date and writes 落实情况, each as its own field', async () => {
    await mount('tasks');
    const db = getDb();
    await click(item('a-task').querySelector<HTMLInputElement>('input[value="done"]') as HTMLInputElement);
    await vi.waitFor(async () => expect((await db.highlights.get('a-task'))?.task?.status).toBe('done'));
    await vi.waitFor(() => expect(counts()).toBe('全部2 未开始0 推进中1 已完成1 已逾期0'));
    expect(item('a-task').classList.contains('is-overdue')).toBe(false);

    const due = item('b-task').querySelector('input[type="date"]') as HTMLInputElement;
    await act(async () => {
      due.value = '2030-06-30';
      due.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await db.highlights.get('b-task'))?.task?.due).toBe('2030-06-30'));

    const progress = item('b-task').querySelector('textarea') as HTMLTextAreaElement;
    await type(progress, '已选址，正在施工');
    await act(async () => {
      progress.dispatchEvent(new Event('blur'));
    });
    await vi.waitFor(async () =>
      expect((await db.highlights.get('b-task'))?.task).toEqual({
        status: 'doing',
        due: '2030-06-30',
        progress: '已选址，正在施工',
      }),
    );
  });

  it('a 落实情况 that cannot be saved (full disk): the row says so and the text stays in the box', async () => {
    await mount('tasks');
    const before = (await getDb().highlights.get('b-task'))?.task?.progress;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        if (this.name === 'highlights')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      });
    }
    const progress = item('b-task').querySelector('textarea') as HTMLTextAreaElement;
    await type(progress, '已完成招标');
    await act(async () => {
      progress.dispatchEvent(new Event('blur'));
    });
    await vi.waitFor(() =>
      expect(item('b-task').querySelector('[role="alert"]')?.textContent).toContain('存储空间已满'),
    );
    expect(progress.value).toBe('已完成招标');
    expect(item('b-task').querySelector('.yd-task-saved')?.textContent).toBe('');
    // A status that cannot be saved either (the same message again): the stored status shows again.
    const done = item('b-task').querySelector<HTMLInputElement>('input[value="done"]') as HTMLInputElement;
    await click(done);
    await vi.waitFor(() =>
      expect(item('b-task').querySelector<HTMLInputElement>('input[value="doing"]')?.checked).toBe(true),
    );
    expect(done.checked).toBe(false);
    vi.restoreAllMocks();
    expect((await getDb().highlights.get('b-task'))?.task?.progress).toBe(before);
    // The next save that works clears the message.
    await act(async () => {
      progress.dispatchEvent(new Event('blur'));
    });
    await vi.waitFor(() => expect(item('b-task').querySelector('[role="alert"]')).toBeNull());
    await vi.waitFor(async () =>
      expect((await getDb().highlights.get('b-task'))?.task?.progress).toBe('已完成招标'),
    );
  });

  it('shows a change made in another tab, and filters by status and speech', async () => {
    await mount('tasks');
    await getDb().highlights.update('b-task', { 'task.status': 'done' });
    await vi.waitFor(() => expect(counts()).toBe('全部2 未开始1 推进中0 已完成1 已逾期1'));
    const countButton = (label: string) =>
      [...container.querySelectorAll<HTMLButtonElement>('.yd-count')].find((b) =>
        b.textContent?.startsWith(label),
      ) as HTMLButtonElement;
    const listed = () =>
      [...container.querySelectorAll('.yd-task')].map((t) => t.getAttribute('data-highlight-id'));
    await click(countButton('已完成'));
    expect(listed()).toEqual(['b-task']);
    await click(countButton('已逾期'));
    expect(listed()).toEqual(['a-task']);
    await click(countButton('全部'));
    await choose(field('讲话'), B.title);
    expect(listed()).toEqual(['b-task']);
    expect(counts()).toBe('全部1 未开始0 推进中0 已完成1 已逾期0');
  });

  it('keeps the status filter and order when the user comes Back from a passage', async () => {
    await mount('tasks');
    const countButton = (label: string) =>
      [...container.querySelectorAll<HTMLButtonElement>('.yd-count')].find((b) =>
        b.textContent?.startsWith(label),
      ) as HTMLButtonElement;
    await click(countButton('已逾期'));
    const listed = () =>
      [...container.querySelectorAll('.yd-task')].map((t) => t.getAttribute('data-highlight-id'));
    expect(listed()).toEqual(['a-task']);
    // Back loads the page again in the same tab.
    render(null, container);
    container.remove();
    await mount('tasks');
    expect(listed()).toEqual(['a-task']);
    expect(countButton('已逾期').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('export from the library', () => {
  async function openExport(ids: string[]) {
    await mount();
    for (const id of ids) {
      await click($(`[data-speech-id="${id}"] input[type="checkbox"]`));
    }
    expect(container.textContent).toContain(`已选 ${ids.length} 篇`);
    await click(button('导出', container));
    // The dialog's code loads on the first 导出 (components/shared/later.tsx).
    return await vi.waitFor(() => $('[role="dialog"]'));
  }
  /** Picks the template or format whose label starts with `label`; a format also runs the export. */
  async function exportAs(dialog: HTMLElement, label: string) {
    const option = [...dialog.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label));
    const radio = option?.querySelector('input');
    if (!radio) throw new Error(`no option ${label}`);
    await click(radio);
    if (radio.name === 'yd-export-format') await click(button('导出', dialog));
  }

  it('Word 学习笔记: downloads a .docx named from the selection, holding titles, quotes and notes', async () => {
    const dialog = await openExport([A.id, B.id]);
    await exportAs(dialog, '学习笔记');
    await exportAs(dialog, 'Word');
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    const { blob, name } = downloads[0] as { blob: Blob; name: string };
    expect(name).toMatch(/^学习笔记-2篇讲话-\d{4}-\d{2}-\d{2}\.docx$/);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    // The library lists B first (opened last), and the document follows the list.
    expect(xml.indexOf(B.title)).toBeGreaterThan(-1);
    expect(xml.indexOf(B.title)).toBeLessThan(xml.indexOf(A.title));
    expect(xml).toContain('要把隐患排查落到每个班组');
    expect(xml).toContain('【重点任务】');
    await vi.waitFor(() => expect(dialog.textContent).toContain(`已下载：${name}`));
  });

  it('任务分解表 as Markdown: a .md table of the key tasks of one speech', async () => {
    const dialog = await openExport([A.id]);
    await exportAs(dialog, '任务分解表');
    await exportAs(dialog, 'Markdown');
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const { blob, name } = downloads[0] as { blob: Blob; name: string };
    expect(name).toMatch(/^重点任务分解表-在全市安全生产工作会议上的讲话-\d{4}-\d{2}-\d{2}\.md$/);
    const md = await blob.text();
    expect(md).toContain('| 序号 |');
    expect(md).toContain('开展隐患排查整治');
  });

  it('Clipboard: writes the template as plain text; a refusal is shown, not thrown', async () => {
    const writeText = vi.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const dialog = await openExport([B.id]);
    await exportAs(dialog, '学习笔记');
    await exportAs(dialog, '复制');
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const text = writeText.mock.calls[0]?.[0] ?? '';
    expect(text).toContain('在职工代表大会上的讲话');
    expect(text).not.toMatch(/^#|\*\*/m);
    await vi.waitFor(() => expect(dialog.textContent).toContain('已复制到剪贴板'));
    expect(downloads).toHaveLength(0);

    writeText.mockRejectedValueOnce(new Error('Document is not focused'));
    await click(button('导出', dialog));
    await vi.waitFor(() => expect(dialog.textContent).toContain('导出失败'));
  });

  it('Print/PDF: opens the paged print view of the chosen template for the selection', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const dialog = await openExport([A.id]);
    await exportAs(dialog, '全文带标注');
    await exportAs(dialog, '打印');
    expect(open).toHaveBeenCalledWith(
      `export.html?speech=${encodeURIComponent(A.id)}&template=annotated&format=print`,
      '_blank',
      'noopener',
    );
    open.mockRestore();
  });
});

describe('backup', () => {
  async function restoreFile(text: string) {
    const input = $<HTMLInputElement>('.yd-backup input[type="file"]');
    const file = new File([text], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  it('备份 downloads everything as 研读备份-<date>.json', async () => {
    await mount();
    await click(button('备份', container));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const { blob, name } = downloads[0] as { blob: Blob; name: string };
    expect(name).toMatch(/^研读备份-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await blob.text());
    expect(data.speeches).toHaveLength(3);
    expect(data.highlights).toHaveLength(5);
  });

  it('a refused file shows the reason and changes nothing', async () => {
    await mount();
    await restoreFile('{"format":"something-else"}');
    await vi.waitFor(() =>
      expect($('.yd-backup [role="alert"]').textContent).toContain('这不是研读的备份文件'),
    );
    expect($('.yd-backup [role="alert"]').textContent).toContain('资料库没有任何改动');
    expect(await getDb().speeches.count()).toBe(3);
  });

  it('a good file is merged and the merge is reported, the list updated', async () => {
    await mount();
    const D = speech(4, { title: '在劳模座谈会上的讲话', lastOpened: 9000 });
    const backup = {
      format: 'yandu-backup',
      version: 1,
      exportedAt: new Date(0).toISOString(),
      speeches: [D, { ...A, lastOpened: 1 }],
      highlights: [],
      notes: [],
    };
    await restoreFile(JSON.stringify(backup));
    await vi.waitFor(() =>
      expect($('.yd-backup [role="status"]').textContent).toContain('讲话新增 1 篇、更新 0 篇'),
    );
    await vi.waitFor(() => expect(titles()[0]).toBe(D.title));
  });
});
