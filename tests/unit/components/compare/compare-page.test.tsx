/**
 * The comparison page (compare.html?old=…&new=…): two stored speeches side by side, the summary on top, the
 * filters, j/k to walk the changes, and the exports (Markdown table and .docx 对照表).
 */
import { strFromU8, unzipSync } from 'fflate';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComparePage } from '@/components/compare/ComparePage';
import { comparePageUrl } from '@/utils/compare/rows';
import { getDb } from '@/utils/store/db';
import type { Highlight, SpeechRecord } from '@/utils/types';
import { NEW, OLD } from '../../../fixtures/compare/compose';
import { downloads } from '../../../support/downloads';

vi.mock('@/utils/export/download', () => import('../../../support/downloads'));

const record = (id: string, date: string, paragraphs: string[]): SpeechRecord => ({
  id,
  url: `http://www.example.gov.cn/${id}`,
  title: '市政府工作报告',
  speaker: null,
  occasion: null,
  date,
  source: null,
  paragraphs,
  contentHash: id,
  outline: [],
  firstOpened: 1,
  lastOpened: 1,
});

let container: HTMLElement;
afterEach(async () => {
  render(null, container);
  container.remove();
  downloads.length = 0;
  await getDb().delete();
  await getDb().open();
});

const highlight = (id: string, speechId: string, paras: string[], para: number, exact: string): Highlight => {
  const start = (paras[para] as string).indexOf(exact);
  return {
    id,
    speechId,
    category: 'task',
    note: '',
    selector: {
      startPara: para,
      startOffset: start,
      endPara: para,
      endOffset: start + exact.length,
      exact,
      prefix: '',
      suffix: '',
    },
    section: -1,
    task: { status: 'todo', due: null, progress: '' },
    created: 1,
    updated: 1,
  };
};

async function open(oldId: string | null = 'r2025', newId: string | null = 'r2026') {
  await getDb().highlights.bulkPut([
    highlight('h1', 'r2025', OLD, 12, '加快建设现代物流园区'),
    highlight('h2', 'r2025', OLD, 11, '稳步推进产业转型升级'),
    highlight('h3', 'r2026', NEW, 12, '大力发展夜间经济'),
  ]);
  // Stored without an outline (as a speech saved before outlines existed): the page builds one.
  await getDb().speeches.bulkPut([record('r2025', '2025-01-10', OLD), record('r2026', '2026-01-12', NEW)]);
  container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<ComparePage db={getDb()} oldId={oldId} newId={newId} />, container);
  });
  await vi.waitFor(() => expect(container.querySelector('.yd-cmp, .yd-cmp-error')).not.toBeNull());
}

const texts = (selector: string) => [...container.querySelectorAll(selector)].map((e) => e.textContent);

describe('compare page', () => {
  it('shows the summary and both texts side by side, the added and the dropped sentence marked', async () => {
    await open();
    expect(container.querySelector('.yd-cmp-summary')?.textContent).toBe(
      '新增 1 句，删去 1 句，修改 3 句，移动 1 句，数字或目标变化 2 处',
    );
    expect(texts('.yd-cmp-added .yd-cmp-new')).toEqual(['大力发展夜间经济，打造三条特色消费街区。']);
    expect(texts('.yd-cmp-dropped .yd-cmp-old')).toEqual(['加快建设现代物流园区。']);
    expect(texts('.yd-cmp-section th')).toContain('三、今年的重点工作');
    const reworded = container.querySelector('.yd-cmp-changed:not(.yd-cmp-numbers)') as HTMLElement;
    expect(reworded.querySelector('.yd-cmp-old del')?.textContent).toBe('稳步');
    expect(reworded.querySelector('.yd-cmp-new ins')?.textContent).toBe('加快');
    expect(texts('.yd-cmp-figure')).toEqual(['120 → 150', '5%左右 → 4.5%—5%']);
  });

  it("shows the reader's highlights on both sides and flags the key task not carried over", async () => {
    await open();
    expect(texts('.yd-cmp-old.yd-cmp-hl-task')).toEqual([
      '（一）稳步推进产业转型升级。',
      '加快建设现代物流园区。',
    ]);
    expect(texts('.yd-cmp-new.yd-cmp-hl-task')).toEqual(['大力发展夜间经济，打造三条特色消费街区。']);
    expect(container.querySelector('.yd-cmp-notcarried h2')?.textContent).toContain('1 项重点任务');
    expect(texts('.yd-cmp-notcarried li')).toEqual(['加快建设现代物流园区']);
  });

  it('filters: only new, only dropped, only figures', async () => {
    await open();
    const click = async (f: string) =>
      act(() => (container.querySelector(`[data-filter="${f}"]`) as HTMLButtonElement).click());
    await click('added');
    expect(texts('.yd-cmp-row')).toHaveLength(1);
    expect(container.querySelector('.yd-cmp-row')?.classList).toContain('yd-cmp-added');
    await click('dropped');
    expect(texts('.yd-cmp-row .yd-cmp-old')).toEqual(['加快建设现代物流园区。']);
    await click('numbers');
    expect(container.querySelectorAll('.yd-cmp-row')).toHaveLength(2);
    await click('all');
    expect(container.querySelectorAll('.yd-cmp-same').length).toBeGreaterThan(10);
  });

  it('walks the changes with j / k (and n / p)', async () => {
    await open();
    const key = async (k: string) =>
      act(() => {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
      });
    expect(container.querySelector('.yd-cmp-position')?.textContent).toBe('共 6 处变化');
    await key('j');
    expect(container.querySelector('.yd-cmp-current')?.textContent).toContain('150');
    expect(container.querySelector('.yd-cmp-position')?.textContent).toBe('第 1 / 6 处');
    await key('n');
    await key('j');
    expect(container.querySelector('.yd-cmp-current .yd-cmp-new ins')?.textContent).toBe('加快');
    await key('p');
    expect(container.querySelector('.yd-cmp-position')?.textContent).toBe('第 2 / 6 处');
  });

  it('exports the changes shown as a Markdown table and as a .docx 对照表', async () => {
    await open();
    await act(() => (container.querySelector('[data-filter="numbers"]') as HTMLButtonElement).click());
    await act(() => (container.querySelector('[data-export="md"]') as HTMLButtonElement).click());
    // The exports are loaded when asked for.
    await vi.waitFor(() => expect(downloads).toHaveLength(1), { timeout: 10_000 });
    const md = await (downloads[0] as { blob: Blob }).blob.text();
    expect(md).toContain('| 原表述 | 新表述 | 变化 |');
    expect(md).toContain(
      '| 主要预期目标是：地区生产总值增长5%左右； | 主要预期目标是：地区生产总值增长4.5%—5%； | 修改；数字：5%左右 → 4.5%—5% |',
    );
    expect(md).not.toContain('夜间经济');
    await act(() => (container.querySelector('[data-export="docx"]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(downloads).toHaveLength(2), { timeout: 10_000 });
    const docx = downloads[1] as { blob: Blob; name: string };
    expect(docx.name).toMatch(/^对照表-.*\.docx$/);
    const xml = strFromU8(
      unzipSync(new Uint8Array(await docx.blob.arrayBuffer()))['word/document.xml'] as Uint8Array,
    );
    expect(xml).toContain('<w:tbl>');
    for (const word of ['原表述', '新表述', '变化', '4.5%—5%', '120 → 150']) expect(xml).toContain(word);
  });

  it('says so when a speech is missing, and builds its own address', async () => {
    await open('r2025', 'gone');
    expect(container.querySelector('.yd-cmp-error')?.textContent).toContain('找不到要对照的两篇讲话');
    expect(comparePageUrl('a/b?c', 'd')).toBe('/compare.html?old=a%2Fb%3Fc&new=d');
  });
  it('shows every row of a long comparison, and k reaches its last change', async () => {
    const paras = Array.from({ length: 60 }, (_, p) =>
      Array.from({ length: 5 }, (_, k) => `第${p * 5 + k + 1}项工作要抓紧落实到位。`).join(''),
    );
    const changed = [...paras.slice(0, -1), `${paras.at(-1)}全年目标任务要如期完成。`];
    await getDb().speeches.bulkPut([record('l1', '2025-01-10', paras), record('l2', '2026-01-12', changed)]);
    container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      render(<ComparePage db={getDb()} oldId="l1" newId="l2" />, container);
    });
    // 301 rows: the first screens come first, the rest right after.
    await vi.waitFor(() => expect(container.querySelectorAll('.yd-cmp-row')).toHaveLength(301));
    await act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k' }));
    });
    expect(container.querySelector('.yd-cmp-current .yd-cmp-new')?.textContent).toBe(
      '全年目标任务要如期完成。',
    );
  });
});
