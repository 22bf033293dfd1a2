import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight } from '@/utils/anchoring/placement';
import { highlightIdFromHash } from '@/utils/routes';
import { getDb } from '@/utils/store/db';
import { addHighlight } from '@/utils/store/highlights';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { OutlineNode, SpeechWithOutline } from '@/utils/types';
import { mountReader, painted, unmountReader } from '../../../support/reader';

// A short speech composed for these tests (not taken from any real speech).
const PARAGRAPHS = [
  '同志们：',
  '一、做好职工服务工作',
  '各级工会要把职工的急难愁盼放在心上，办好每一件实事。',
  '二、抓好今年各项任务',
  '全年走访慰问困难职工不少于800户，每个旗区建成一个实训基地。',
];
const outline: OutlineNode[] = [
  { level: 1, marker: '一', title: '做好职工服务工作', para: 1, offset: 0 },
  { level: 1, marker: '二', title: '抓好今年各项任务', para: 3, offset: 0 },
];
const SPEECH: SpeechWithOutline = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202603/t20260301_3000009.html',
  title: '在职工服务工作推进会上的讲话',
  speaker: null,
  occasion: null,
  date: '2026-03-01',
  source: null,
  paragraphs: PARAGRAPHS,
  contentHash: 'links-1',
  outline,
};
const SPEECH_ID = speechIdFromUrl(SPEECH.url);

let container: HTMLElement | undefined;
const $ = <T extends Element = HTMLElement>(selector: string) =>
  container?.querySelector<T>(selector) ?? null;

function mount(hash = '') {
  history.replaceState(null, '', `/reader.html?url=${encodeURIComponent(SPEECH.url)}${hash}`);
  container = mountReader(SPEECH, { forceMarks: true });
}

beforeEach(() => {
  container = undefined;
  localStorage.clear();
  delete document.documentElement.dataset.yanduHighlights;
});

afterEach(async () => {
  unmountReader(container);
  await getDb().highlights.clear();
  vi.restoreAllMocks();
});

describe('highlightIdFromHash', () => {
  it('decodes the id of #h=<id> and ignores other fragments', () => {
    expect(highlightIdFromHash(`#h=${encodeURIComponent('a b/甲')}`)).toBe('a b/甲');
    expect(highlightIdFromHash('#h=')).toBeNull();
    expect(highlightIdFromHash('#yd-p-3')).toBeNull();
    expect(highlightIdFromHash('')).toBeNull();
    expect(highlightIdFromHash('#h=%E4')).toBeNull();
  });
});

describe('reader toolbar: library and export', () => {
  it('links 我的资料库 and 导出笔记 (this speech) in new tabs', async () => {
    mount();
    const library = $<HTMLAnchorElement>('a.yd-library-link');
    expect(library?.getAttribute('href')).toBe('library.html');
    expect(library?.target).toBe('_blank');
    expect(library?.getAttribute('aria-label')).toBe('我的资料库');
    await painted(0);
    const exportLink = $<HTMLAnchorElement>('a.yd-export-link');
    expect(exportLink?.getAttribute('aria-label')).toBe('导出笔记');
    expect(exportLink?.target).toBe('_blank');
    const href = exportLink?.getAttribute('href') ?? '';
    expect(new URLSearchParams(href.split('?')[1]).getAll('speech')).toEqual([SPEECH_ID]);
    expect(href.startsWith('export.html?')).toBe(true);
  });
});

describe('reader address #h=<id>', () => {
  it('scrolls to that highlight once it is placed and opens it', async () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    const h = makeHighlight(
      SPEECH_ID,
      describeRange(PARAGRAPHS, { para: 4, offset: 0 }, { para: 4, offset: 12 }),
      'task',
      outline,
      1000,
    );
    await addHighlight(getDb(), h);
    mount(`#h=${encodeURIComponent(h.id)}`);
    await painted(1);
    await vi.waitFor(() => expect($('.yd-hl-editor')?.dataset.highlight).toBe(h.id));
    expect(scroll.mock.contexts).toContain($('[data-para="4"]'));
  });

  it('shows the notes panel, with 未能定位 listing it, when the highlight cannot be placed', async () => {
    const h = makeHighlight(
      SPEECH_ID,
      describeRange(['甲乙丙丁戊己庚辛壬癸子丑寅卯'], { para: 0, offset: 0 }, { para: 0, offset: 12 }),
      'data',
      [],
      1000,
    );
    await addHighlight(getDb(), h);
    mount(`#h=${encodeURIComponent(h.id)}`);
    await painted(0);
    await vi.waitFor(() => expect($('.yd-unplaced')).not.toBeNull());
    expect($('.yd-unplaced')?.textContent).toContain('未能定位');
    expect($('.yd-hl-editor')).toBeNull();
  });

  it('shows the notes panel when no highlight has that id', async () => {
    mount('#h=no-such-highlight');
    await painted(0);
    await vi.waitFor(() => expect($('#yd-notes')).not.toBeNull());
    expect($('nav#yd-outline')).toBeNull();
  });
});
