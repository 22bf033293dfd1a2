import { afterEach, describe, expect, it } from 'vitest';
import { createPainter, hasHighlightApi, type PaintItem } from '@/utils/reader/paint';
import type { TextSelector } from '@/utils/types';

// Paragraph elements shaped like the reader's: data-para, text split by emphasis elements.
const PARAGRAPHS = [
  '第一，坚持需求导向。培训内容要贴近岗位实际。',
  '一要摸清底数；二要对接企业。',
  '最后强调一点。',
];

let root: HTMLElement;

function mountParagraphs() {
  root = document.createElement('main');
  const p0 = document.createElement('p');
  p0.dataset.para = '0';
  const lead = document.createElement('strong');
  lead.textContent = '第一，坚持需求导向。';
  p0.append(lead, '培训内容要贴近岗位实际。');
  const p1 = document.createElement('p');
  p1.dataset.para = '1';
  const m1 = document.createElement('em');
  m1.textContent = '一要';
  const m2 = document.createElement('em');
  m2.textContent = '二要';
  p1.append(m1, '摸清底数；', m2, '对接企业。');
  const p2 = document.createElement('h2');
  p2.dataset.para = '2';
  p2.textContent = '最后强调一点。';
  root.append(p0, p1, p2);
  document.body.append(root);
}

function sel(startPara: number, startOffset: number, endPara: number, endOffset: number): TextSelector {
  return { startPara, startOffset, endPara, endOffset, exact: '', prefix: '', suffix: '' };
}

function marks(id?: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('mark[data-yd-hl]')].filter(
    (m) => !id || m.dataset.ydHl === id,
  );
}

const text = (id: string) =>
  marks(id)
    .map((m) => m.textContent)
    .join('');

afterEach(() => root.remove());

describe('painting with <mark> where the Highlight API is missing', () => {
  it('happy-dom has no CSS Custom Highlight API, so the fallback is what runs here', () => {
    expect(hasHighlightApi()).toBe(false);
    mountParagraphs();
    expect(createPainter(root).mode).toBe('marks');
  });

  it('wraps exactly the highlighted characters, across emphasis and paragraphs, keeping every text', () => {
    mountParagraphs();
    const painter = createPainter(root);
    const items: PaintItem[] = [
      { id: 'a', category: 'task', selector: sel(0, 3, 0, 14) },
      { id: 'b', category: 'data', selector: sel(0, 10, 1, 4) },
    ];
    painter.paint(items);
    expect(text('a')).toBe('坚持需求导向。培训内容');
    expect(text('b')).toBe('培训内容要贴近岗位实际。一要摸清');
    expect(marks('a').every((m) => m.classList.contains('yd-hl-task'))).toBe(true);
    // The overlap is nested: 培训内容 is inside both.
    const inner = marks('b').find((m) => m.textContent === '培训内容');
    expect(inner?.parentElement?.closest('[data-yd-hl="a"]')).not.toBeNull();
    const paras = [...root.querySelectorAll('[data-para]')].map((p) => p.textContent);
    expect(paras).toEqual(PARAGRAPHS);
  });

  it('clearing restores the DOM exactly, with the original text nodes', () => {
    mountParagraphs();
    const before = root.innerHTML;
    const firstText = root.querySelector('[data-para="0"]')?.childNodes[1] as Text;
    const painter = createPainter(root);
    painter.paint([
      { id: 'a', category: 'task', selector: sel(0, 12, 1, 8) },
      { id: 'b', category: 'question', selector: sel(0, 14, 0, 16) },
    ]);
    expect(root.innerHTML).not.toBe(before);
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('[data-para="0"]')?.childNodes[1]).toBe(firstText);
    expect(firstText.data).toBe('培训内容要贴近岗位实际。');
  });

  it('paints the same passage again after it was removed (delete, then highlight again)', () => {
    mountParagraphs();
    const painter = createPainter(root);
    const item: PaintItem = { id: 'a', category: 'thesis', selector: sel(1, 2, 1, 6) };
    painter.paint([item]);
    painter.paint([]);
    expect(marks()).toHaveLength(0);
    painter.paint([{ ...item, id: 'again' }]);
    expect(text('again')).toBe('摸清底数');
    expect(root.querySelector('[data-para="1"]')?.textContent).toBe(PARAGRAPHS[1]);
  });

  it('finds the highlights under a clicked element, innermost first, and a range to scroll to', () => {
    mountParagraphs();
    const painter = createPainter(root);
    painter.paint([
      { id: 'outer', category: 'task', selector: sel(0, 0, 0, 20) },
      { id: 'inner', category: 'data', selector: sel(0, 12, 0, 14) },
    ]);
    const target = marks('inner')[0] as HTMLElement;
    expect(painter.hitTest(0, 0, target)).toEqual(['inner', 'outer']);
    expect(painter.hitTest(0, 0, root.querySelector('[data-para="2"]'))).toEqual([]);
    expect(painter.rangeOf('inner')?.toString()).toBe('内容');
    painter.setActive('inner');
    expect(marks('inner').every((m) => m.classList.contains('is-active'))).toBe(true);
    expect(marks('outer').some((m) => m.classList.contains('is-active'))).toBe(false);
  });

  it('leaves out selectors whose paragraphs are not on the page', () => {
    mountParagraphs();
    const painter = createPainter(root);
    painter.paint([{ id: 'gone', category: 'task', selector: sel(7, 0, 7, 3) }]);
    expect(marks()).toHaveLength(0);
    expect(root.textContent).toBe(PARAGRAPHS.join(''));
  });
});

describe('printing where the Highlight API paints', () => {
  // A stand-in for the API: Firefox prints a static copy of the page, which CSS.highlights does not reach.
  class FakeHighlight {
    readonly ranges: Range[];
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
  }
  const w = window as unknown as { Highlight?: unknown };
  const css = Object.getOwnPropertyDescriptor(window, 'CSS');
  let registry: Map<string, FakeHighlight>;

  afterEach(() => {
    delete w.Highlight;
    if (css) Object.defineProperty(window, 'CSS', css);
    else delete (window as unknown as { CSS?: unknown }).CSS;
  });

  it('wraps the highlights in <mark> while printing, and afterwards paints with the API alone again', () => {
    registry = new Map();
    w.Highlight = FakeHighlight;
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    mountParagraphs();
    const painter = createPainter(root);
    expect(painter.mode).toBe('highlight-api');
    painter.paint([{ id: 'a', category: 'task', selector: sel(0, 3, 0, 9) }]);
    expect(marks()).toHaveLength(0);
    expect(registry.get('yandu-task')?.ranges[0]?.toString()).toBe('坚持需求导向');

    window.dispatchEvent(new Event('beforeprint'));
    expect(text('a')).toBe('坚持需求导向');
    window.dispatchEvent(new Event('afterprint'));
    expect(marks()).toHaveLength(0);
    expect(root.querySelector('[data-para="0"]')?.textContent).toBe(PARAGRAPHS[0]);
    expect(registry.get('yandu-task')?.ranges[0]?.toString()).toBe('坚持需求导向');
  });
});
