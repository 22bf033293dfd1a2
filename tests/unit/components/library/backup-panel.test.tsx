/**
 * The backup panel: a restore that would change the library shows a per-speech preview first and writes
 * nothing until 确认恢复; skipped records are listed in words; settings travel with the file.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupPanel } from '@/components/library/BackupPanel';
import { loadCategorySettings, saveCategoryStyle } from '@/utils/settings';
import { YanduDB } from '@/utils/store/db';
import { backupFileText, makeHighlight, makeNote, makeSpeech } from '../../../support/records';

let db: YanduDB;
let container: HTMLElement;
let counter = 0;
const onRestored = vi.fn();

beforeEach(async () => {
  fakeBrowser.reset();
  counter += 1;
  db = new YanduDB(`backup-panel-${counter}`);
  await db.open();
  container = document.createElement('div');
  document.body.append(container);
  onRestored.mockReset();
  await act(async () => {
    render(<BackupPanel db={db} onRestored={onRestored} />, container);
  });
});

afterEach(async () => {
  render(null, container);
  container.remove();
  db.close();
  await db.delete();
});

async function restoreFile(text: string) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'b.json')], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(label: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  await act(async () => {
    button.click();
  });
}

const S1 = makeSpeech(1);
const file = (rows: Record<string, unknown>) => backupFileText(rows, 3, new Date().toISOString());

describe('restore with a preview', () => {
  it('shows what changes per speech and writes nothing until confirmed', async () => {
    await db.speeches.add(S1);
    await db.notes.add(makeNote(S1, '本机写的心得。'));
    const S2 = makeSpeech(2);
    await restoreFile(
      file({
        speeches: [
          { ...S1, paragraphs: ['改版后的正文。'], contentHash: 'new', lastOpened: S1.lastOpened + 1 },
          S2,
        ],
        notes: [{ ...makeNote(S1, '备份里的心得。'), updated: Date.now() - 1000 }],
      }),
    );
    const preview = await vi.waitFor(() => {
      const p = container.querySelector('[role="dialog"]');
      if (!p) throw new Error('no preview');
      return p;
    });
    expect(preview.textContent).toContain('新增 1 篇、更新 0 篇、有不同版本 1 篇');
    expect(preview.textContent).toContain(S1.title);
    expect(preview.textContent).toContain('被替换的正文保存为历史版本');
    expect(preview.textContent).toContain('1 份笔记不同：两份都保留');
    expect(await db.speechVersions.count()).toBe(0);
    expect(await db.speeches.count()).toBe(1);

    await click('确认恢复');
    await vi.waitFor(() => expect(onRestored).toHaveBeenCalled());
    expect(await db.speeches.count()).toBe(2);
    expect(await db.speechVersions.count()).toBe(1);
    expect((await db.notes.get(S1.id))?.text).toContain('本机写的心得。');
    expect(container.querySelector('[role="dialog"]')).toBeNull();
  });

  it('取消 leaves the library as it was', async () => {
    await db.speeches.add(S1);
    await restoreFile(file({ speeches: [{ ...S1, title: '较新的标题', lastOpened: S1.lastOpened + 1 }] }));
    await vi.waitFor(() => expect(container.querySelector('[role="dialog"]')).not.toBeNull());
    await click('取消');
    expect(container.textContent).toContain('已取消');
    expect((await db.speeches.get(S1.id))?.title).toBe(S1.title);
    expect(onRestored).not.toHaveBeenCalled();
  });

  it('lists skipped records with reasons in words and restores the rest', async () => {
    const ghost = makeSpeech(9);
    await restoreFile(file({ speeches: [S1], highlights: [makeHighlight(ghost, 0), makeHighlight(S1, 1)] }));
    await vi.waitFor(() => expect(onRestored).toHaveBeenCalled());
    expect(container.textContent).toContain('以下 1 条记录未导入');
    expect(container.textContent).toContain('划线第 1 条：所属讲话既不在文件中，也不在资料库中');
    expect(await db.highlights.count()).toBe(1);
  });

  it('a damaged file is refused and nothing changes', async () => {
    await db.speeches.add(S1);
    await restoreFile(file({ speeches: [S1] }).slice(0, 200));
    await vi.waitFor(() =>
      expect(container.querySelector('[role="alert"]')?.textContent).toContain('资料库没有任何改动'),
    );
    expect(await db.speeches.count()).toBe(1);
  });
});

describe('settings in the backup', () => {
  it('category names travel in the file and come back, after confirmation', async () => {
    await db.speeches.add(S1);
    await saveCategoryStyle('task', { name: '落实事项' });
    const downloads: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      downloads.push(b as Blob);
      return 'blob:x';
    });
    await click('备份');
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    create.mockRestore();
    const text = await (downloads[0] as Blob).text();
    expect(JSON.parse(text).settings.categories.task.name).toBe('落实事项');

    await saveCategoryStyle('task', { name: '重点任务' });
    await restoreFile(text);
    await vi.waitFor(() => expect(container.textContent).toContain('同时恢复类别名称、颜色和阅读设置'));
    await click('确认恢复');
    await vi.waitFor(async () => expect((await loadCategorySettings()).task.name).toBe('落实事项'));
  });
});

describe('reading positions and the 专题汇编 in the backup', () => {
  afterEach(() => localStorage.clear());

  it('replacing a 专题汇编 is previewed and written only on 确认恢复; positions come back with it', async () => {
    await db.speeches.add(S1);
    const mine = {
      topic: '本机的专题',
      categories: [],
      keyword: '',
      speaker: '',
      from: '',
      to: '',
      order: [],
    };
    localStorage.setItem('yandu:compilation', JSON.stringify({ ...mine, savedAt: 1 }));
    const theirs = { ...mine, topic: '备份里较新的专题', order: ['h2', 'h1'], savedAt: Date.now() - 1000 };
    const position = { speechId: S1.id, para: 3, top: 0, progress: 30, at: Date.now() - 1000 };
    await restoreFile(
      backupFileText({ compilation: theirs, readingPositions: [position] }, 4, new Date().toISOString()),
    );
    const preview = await vi.waitFor(() => {
      const p = container.querySelector('[role="dialog"]');
      if (!p) throw new Error('no preview');
      return p;
    });
    expect(preview.textContent).toContain('恢复 1 篇讲话的阅读位置');
    expect(preview.textContent).toContain('专题汇编换成备份中较新的一份');
    expect(JSON.parse(localStorage.getItem('yandu:compilation') ?? '{}').topic).toBe('本机的专题');
    expect(localStorage.getItem('yandu:reading-positions')).toBeNull();

    await click('确认恢复');
    await vi.waitFor(() => expect(container.textContent).toContain('阅读位置恢复 1 篇。专题汇编已恢复。'));
    expect(JSON.parse(localStorage.getItem('yandu:compilation') ?? '{}')).toEqual(theirs);
    expect(JSON.parse(localStorage.getItem('yandu:reading-positions') ?? '{}')[S1.id].para).toBe(3);
  });
});
