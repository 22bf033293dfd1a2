import { unzipSync } from 'fflate';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportDialog } from '@/components/export/ExportDialog';
import { localDate } from '@/utils/export/model';
import { getDb } from '@/utils/store/db';
import { LOCAL_KEYS, type LocalStore } from '@/utils/store/local';
import { downloads } from '../../../support/downloads';
import { makeHighlight, makeSpeech } from '../../../support/records';
import { memoryStorage } from '../../../support/storage';

vi.mock('@/utils/export/download', () => import('../../../support/downloads'));

let container: HTMLElement;
afterEach(async () => {
  render(null, container);
  container.remove();
  downloads.length = 0;
  await getDb().delete();
  await getDb().open();
});

async function open(store: LocalStore, openPage = vi.fn()) {
  const speech = makeSpeech(1);
  await getDb().speeches.put(speech);
  await getDb().highlights.put(makeHighlight(speech, 0));
  container = document.createElement('div');
  document.body.append(container);
  await act(() =>
    render(
      <ExportDialog
        db={getDb()}
        speechIds={[speech.id]}
        onClose={() => {}}
        openPage={openPage}
        store={store}
      />,
      container,
    ),
  );
  return { speech, openPage };
}

const radios = (name: string) =>
  [...container.querySelectorAll<HTMLInputElement>(`input[name="yd-export-${name}"]`)].map((i) => i.value);
async function choose(name: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(
    `input[name="yd-export-${name}"][value="${value}"]`,
  );
  if (!input) throw new Error(`no ${name} ${value}`);
  await act(() => input.click());
}
async function type(field: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(
    `input[name="yd-export-${field}"]`,
  ) as HTMLInputElement;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function runExport() {
  const button = container.querySelector<HTMLButtonElement>('.yd-btn-primary') as HTMLButtonElement;
  await act(() => button.click());
}

describe('export dialog', () => {
  it('offers the five templates, each with its own formats, and the Word layout only for Word', async () => {
    await open(memoryStorage());
    expect(radios('template')).toEqual(['notes', 'outline-talk', 'reflection', 'annotated', 'tasks']);
    expect(radios('format')).toEqual(['docx', 'md', 'print', 'clipboard']);
    expect(radios('layout')).toEqual(['gongwen', 'simple']);
    expect(container.querySelector<HTMLInputElement>('input[value="gongwen"]')?.checked).toBe(true);
    await choose('template', 'tasks');
    expect(radios('format')).toEqual(['docx', 'xlsx', 'csv', 'md', 'clipboard']);
    await choose('format', 'xlsx');
    expect(radios('layout')).toEqual([]);
  });

  it('writes the 学习人 and 单位 typed into the Word file and remembers them for the next export', async () => {
    const store = memoryStorage();
    const { speech } = await open(store);
    await type('learner', '张三');
    await type('unit', '示例市总工会办公室');
    await runExport();
    // The docx library is loaded on first use: give it time on a loaded machine.
    await vi.waitFor(() => expect(downloads, container.textContent ?? '').toHaveLength(1), {
      timeout: 15_000,
    });
    expect(downloads[0]?.name).toBe(`学习笔记-${speech.title}-${localDate(new Date())}.docx`);
    const zip = unzipSync(new Uint8Array(await (downloads[0] as { blob: Blob }).blob.arrayBuffer()));
    const xml = new TextDecoder().decode(zip['word/document.xml']);
    expect(xml).toContain('张三');
    expect(xml).toContain('示例市总工会办公室');
    // Closed and opened again (another day, another tab): the fields are filled in.
    render(null, container);
    container.remove();
    await open(store);
    expect(container.querySelector<HTMLInputElement>('input[name="yd-export-learner"]')?.value).toBe('张三');
    expect(store.data.get(LOCAL_KEYS.exportChoices)).toContain('示例市总工会办公室');
  });

  it('remembers the template and format, downloads the 任务分解表 as .xlsx', async () => {
    const store = memoryStorage();
    await open(store);
    await choose('template', 'tasks');
    await choose('format', 'xlsx');
    render(null, container);
    container.remove();
    await open(store);
    expect(container.querySelector<HTMLInputElement>('input[value="tasks"]')?.checked).toBe(true);
    await runExport();
    // exceljs is loaded on first use: give it time on a loaded machine.
    await vi.waitFor(() => expect(downloads, container.textContent ?? '').toHaveLength(1), {
      timeout: 15_000,
    });
    expect(downloads[0]?.name).toMatch(/^任务分解表-.+\.xlsx$/);
  });

  it('opens the 全文带标注 print view for the picked speeches', async () => {
    const { speech, openPage } = await open(memoryStorage());
    await choose('template', 'annotated');
    await choose('format', 'print');
    await runExport();
    expect(openPage).toHaveBeenCalledTimes(1);
    const href = new URL(openPage.mock.calls[0]?.[0] as string, 'chrome-extension://x/');
    expect(href.pathname).toBe('/export.html');
    expect(href.searchParams.getAll('speech')).toEqual([speech.id]);
    expect(href.searchParams.get('template')).toBe('annotated');
    expect(href.searchParams.get('format')).toBe('print');
    expect(downloads).toHaveLength(0);
  });
});
