import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportPage } from '@/components/export/ExportPage';
import { exportFileName } from '@/utils/export/filename';
import { getDb } from '@/utils/store/db';
import type { Highlight, SpeechRecord } from '@/utils/types';
import { downloads } from '../../../support/downloads';

vi.mock('@/utils/export/download', () => import('../../../support/downloads'));

// Composed for the test; the title and note carry markup that must stay text.
const SPEECH: SpeechRecord = {
  id: 'example.gov.cn/ldjh/t9.html',
  url: 'http://www.example.gov.cn/ldjh/t9.html',
  title: '在<b>全市</b>工会工作会议上的讲话',
  speaker: '赵某',
  occasion: null,
  date: '2026-01-05',
  source: null,
  paragraphs: ['同志们：', '第一，抓好职工书屋建设，年底前全部建成。'],
  contentHash: 'h9',
  outline: [{ level: 1, marker: '第一', title: '抓好职工书屋建设', para: 1, offset: 0 }],
  firstOpened: 1,
  lastOpened: 1,
};
const TASK: Highlight = {
  id: 't9-1',
  speechId: SPEECH.id,
  category: 'task',
  note: '<img src=x onerror=alert(1)>分三批推进',
  selector: {
    startPara: 1,
    startOffset: 3,
    endPara: 1,
    endOffset: 11,
    exact: '抓好职工书屋建设',
    prefix: '',
    suffix: '',
  },
  section: 0,
  task: { status: 'doing', due: '2026-12-31', progress: '已建成两批' },
  created: 1,
  updated: 1,
};

let container: HTMLElement;
afterEach(async () => {
  render(null, container);
  container.remove();
  downloads.length = 0;
  delete document.documentElement.dataset.yanduExportReady;
  await getDb().delete();
  await getDb().open();
});

async function open(props: { autoPrint: boolean; includeTasks: boolean; print?: () => void }) {
  await getDb().speeches.put(SPEECH);
  await getDb().highlights.put(TASK);
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(
      <ExportPage db={getDb()} speechIds={[SPEECH.id, 'missing/id']} print={vi.fn()} {...props} />,
      container,
    );
  });
  await vi.waitFor(() => expect(container.querySelector('.yd-doc')).not.toBeNull());
}

describe('export page (export.html)', () => {
  it('lays the study notes out with elements: headings, quotes, notes and the task table, markup kept as text', async () => {
    await open({ autoPrint: false, includeTasks: true });
    const doc = container.querySelector('.yd-doc') as HTMLElement;
    expect(doc.querySelector('h2')?.textContent).toBe('在<b>全市</b>工会工作会议上的讲话');
    expect(doc.querySelector('b, img')).toBeNull();
    expect(doc.querySelector('.yd-doc-heading')?.textContent).toBe('第一，抓好职工书屋建设');
    expect(doc.querySelector('.yd-doc-quote')?.textContent).toContain('【重点任务】抓好职工书屋建设');
    expect(doc.querySelector('.yd-doc-note')?.textContent).toBe(
      '批注：<img src=x onerror=alert(1)>分三批推进',
    );
    const cells = [...doc.querySelectorAll('.yd-doc-tasks tbody td')].map((td) => td.textContent);
    expect(cells).toEqual([
      '抓好职工书屋建设',
      '《在<b>全市</b>工会工作会议上的讲话》第一，抓好职工书屋建设',
      '推进中',
      '2026-12-31',
      '已建成两批',
    ]);
    // The print dialog names the PDF after the page: the same name as a .docx of this export.
    expect(document.title).toBe(exportFileName([SPEECH.title], new Date(), 'docx').replace(/\.docx$/, ''));
    expect(document.title).not.toMatch(/[<>/]/);
  });

  it('format=print opens the print dialog once, after the document is laid out', async () => {
    const print = vi.fn();
    await open({ autoPrint: true, includeTasks: false, print });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(container.querySelector('.yd-doc-tasks')).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('offers the other formats from the same page', async () => {
    await open({ autoPrint: false, includeTasks: false });
    const md = [...container.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Markdown'));
    await act(async () => {
      md?.click();
    });
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toMatch(/^学习笔记-.+-\d{4}-\d{2}-\d{2}\.md$/);
    expect(await downloads[0]?.blob.text()).toContain('分三批推进');
  });

  it('opens the meeting templates from the same page: 任务分解表 as Word, the task in its table', async () => {
    await open({ autoPrint: false, includeTasks: false });
    const button = container.querySelector<HTMLButtonElement>('[data-action="meeting-templates"]');
    expect(button?.textContent).toContain('会议材料');
    await act(async () => {
      button?.click();
    });
    const pick = (text: string) =>
      [...container.querySelectorAll('label')]
        .find((l) => l.textContent?.startsWith(text))
        ?.querySelector('input') as HTMLInputElement;
    await act(async () => {
      pick('任务分解表').click();
    });
    await act(async () => {
      pick('Word').click();
    });
    const run = [...container.querySelectorAll<HTMLButtonElement>('dialog button')].find(
      (b) => b.textContent === '导出',
    );
    await act(async () => {
      run?.click();
    });
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 15_000 });
    expect(downloads[0]?.name).toMatch(/^重点任务分解表-.+\.docx$/);
  });
});
