// DOM <-> text positions for highlights, in happy-dom: the article renders each paragraph as
// <p data-para=i> (or <h2>) whose text is exactly the paragraph, with emphasis and <mark> painting as
// wrapper elements that split text nodes.
import { beforeEach, describe, expect, it } from 'vitest';
import { anchor } from '@/utils/anchoring/anchor';
import { rangeFromSelector, selectorFromRange } from '@/utils/anchoring/text-range';
import { sectionOf } from '@/utils/outline/sections';
import type { OutlineNode, TextSelector } from '@/utils/types';

const paragraphs = [
  '关于做好今年工会工作的几点意见',
  '第一，坚持政治引领。各级工会要把学习宣传贯彻党的创新理论作为首要政治任务。',
  '第二，聚焦中心大局。要深化劳动和技能竞赛，今年计划举办各类竞赛一百二十场。',
  '第三，办好职工身边事。要扎实做好困难职工帮扶工作，确保帮扶资金及时到位。',
];

let root: HTMLElement;

/** The reader's markup: a heading, emphasis inside paragraphs, a non-paragraph element between them. */
function render(): void {
  document.body.innerHTML = '';
  root = document.createElement('article');
  const h = document.createElement('h2');
  h.dataset.para = '0';
  h.textContent = paragraphs[0] as string;
  root.append(h);
  const note = document.createElement('aside');
  note.textContent = '阅读提示';
  root.append(note);
  for (let i = 1; i < paragraphs.length; i++) {
    const p = document.createElement('p');
    p.dataset.para = String(i);
    const text = paragraphs[i] as string;
    // Emphasis on the enumerator: <strong>第一，</strong>rest
    const strong = document.createElement('strong');
    strong.textContent = text.slice(0, 3);
    p.append(strong, document.createTextNode(text.slice(3)));
    root.append(p);
  }
  document.body.append(root);
}

function para(i: number): HTMLElement {
  return root.querySelector(`[data-para="${i}"]`) as HTMLElement;
}

/** Wraps paragraph i's characters [from, to) in a <mark>, as highlight painting does (single text node). */
function paint(i: number, from: number, to: number): void {
  const p = para(i);
  const textNode = p.lastChild as Text; // the text after <strong>
  const offset = 3;
  const middle = textNode.splitText(from - offset);
  middle.splitText(to - from);
  const mark = document.createElement('mark');
  middle.replaceWith(mark);
  mark.append(middle);
}

function rangeOver(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = document.createRange();
  r.setStart(startNode, startOffset);
  r.setEnd(endNode, endOffset);
  return r;
}

beforeEach(render);

describe('selectorFromRange', () => {
  it('turns a selection inside one paragraph into offsets, quote and context', () => {
    const text = para(2).lastChild as Text; // "聚焦中心大局。要深化…"
    const sel = selectorFromRange(rangeOver(text, 8, text, 17), root, paragraphs) as TextSelector;
    expect(sel.startPara).toBe(2);
    expect(sel.startOffset).toBe(11);
    expect(sel.endOffset).toBe(20);
    expect(sel.exact).toBe('深化劳动和技能竞赛');
    expect(sel.prefix.endsWith('第二，聚焦中心大局。要')).toBe(true);
    expect(sel.suffix.startsWith('，今年计划')).toBe(true);
  });

  it('counts characters inside the <strong> enumerator and across the wrapper boundary', () => {
    const strongText = para(1).firstChild?.firstChild as Text; // "第一，"
    const rest = para(1).lastChild as Text;
    const sel = selectorFromRange(rangeOver(strongText, 0, rest, 4), root, paragraphs) as TextSelector;
    expect(sel.startOffset).toBe(0);
    expect(sel.exact).toBe('第一，坚持政治');
  });

  it('gives the same offsets when the text is split by <mark> painting', () => {
    paint(3, 9, 20);
    const mark = para(3).querySelector('mark') as HTMLElement;
    // Select from inside the painted part to after it.
    const inside = mark.firstChild as Text;
    const after = mark.nextSibling as Text;
    const sel = selectorFromRange(rangeOver(inside, 2, after, 3), root, paragraphs) as TextSelector;
    expect(sel.startPara).toBe(3);
    expect(sel.startOffset).toBe(11);
    expect(sel.endOffset).toBe(23);
    expect(sel.exact).toBe((paragraphs[3] as string).slice(11, 23));
  });

  it('understands element boundary points (selection set on the paragraph element itself)', () => {
    const p = para(2);
    const sel = selectorFromRange(rangeOver(p, 1, p, 2), root, paragraphs) as TextSelector;
    expect(sel.startOffset).toBe(3);
    expect(sel.endOffset).toBe((paragraphs[2] as string).length);
  });

  it('spans paragraphs, joining the pieces with a line break', () => {
    const from = para(1).lastChild as Text;
    const to = para(2).lastChild as Text;
    const sel = selectorFromRange(rangeOver(from, 30, to, 4), root, paragraphs) as TextSelector;
    expect(sel.startPara).toBe(1);
    expect(sel.endPara).toBe(2);
    expect(sel.exact).toBe(`${(paragraphs[1] as string).slice(33)}\n第二，聚焦中心`);
  });

  it('clamps ends outside paragraphs to the nearest paragraph boundary inside the selection', () => {
    const noteText = root.querySelector('aside')?.firstChild as Text;
    const to = para(1).lastChild as Text;
    // From the middle of the non-paragraph <aside> to inside paragraph 1.
    const sel = selectorFromRange(rangeOver(noteText, 2, to, 2), root, paragraphs) as TextSelector;
    expect(sel.startPara).toBe(1);
    expect(sel.startOffset).toBe(0);
    expect(sel.exact).toBe('第一，坚持');

    // From inside paragraph 3 to past the end of the article.
    const from = para(3).lastChild as Text;
    const sel2 = selectorFromRange(rangeOver(from, 30, document.body, 1), root, paragraphs) as TextSelector;
    expect(sel2.endPara).toBe(3);
    expect(sel2.endOffset).toBe((paragraphs[3] as string).length);
  });

  it('moves a triple-click selection (ending at the next paragraph start) back to the paragraph end', () => {
    const p2 = para(2);
    const p3 = para(3);
    const sel = selectorFromRange(rangeOver(p2, 0, p3, 0), root, paragraphs) as TextSelector;
    expect(sel.startPara).toBe(2);
    expect(sel.endPara).toBe(2);
    expect(sel.exact).toBe(paragraphs[2]);
  });

  it('returns null for a collapsed range, a range outside the paragraphs and whitespace only', () => {
    const text = para(1).lastChild as Text;
    expect(selectorFromRange(rangeOver(text, 4, text, 4), root, paragraphs)).toBeNull();
    const noteText = root.querySelector('aside')?.firstChild as Text;
    expect(selectorFromRange(rangeOver(noteText, 0, noteText, 2), root, paragraphs)).toBeNull();

    const spaced = ['第一段。', '\u3000\u3000 ', '第三段。'];
    document.body.innerHTML = '';
    const article = document.createElement('article');
    spaced.forEach((t, i) => {
      const p = document.createElement('p');
      p.dataset.para = String(i);
      p.textContent = t;
      article.append(p);
    });
    document.body.append(article);
    const blank = article.children[1]?.firstChild as Text;
    expect(selectorFromRange(rangeOver(blank, 0, blank, 3), article, spaced)).toBeNull();
    // Leading and trailing whitespace is trimmed off a real selection.
    const last = article.children[2]?.firstChild as Text;
    const sel = selectorFromRange(rangeOver(blank, 0, last, 2), article, spaced) as TextSelector;
    expect(sel.startPara).toBe(2);
    expect(sel.exact).toBe('第三');
  });
});

describe('rangeFromSelector', () => {
  it('round-trips with selectorFromRange, inside wrappers and across paragraphs', () => {
    const from = para(1).firstChild?.firstChild as Text;
    const to = para(3).lastChild as Text;
    const sel = selectorFromRange(rangeOver(from, 1, to, 5), root, paragraphs) as TextSelector;
    const range = rangeFromSelector(root, sel) as Range;
    expect(range.toString().replace(/\s+/g, '')).toBe(sel.exact.replace(/\n/g, ''));
    expect(selectorFromRange(range, root, paragraphs)).toEqual(sel);
  });

  it('finds the text again after <mark> painting split the text nodes', () => {
    const sel: TextSelector = {
      startPara: 2,
      startOffset: 11,
      endPara: 2,
      endOffset: 20,
      exact: '深化劳动和技能竞赛',
      prefix: '',
      suffix: '',
    };
    paint(2, 13, 16); // paint a part of it (劳动和)
    const range = rangeFromSelector(root, sel) as Range;
    expect(range.toString()).toBe('深化劳动和技能竞赛');
    // A range starting exactly where a <mark> starts begins inside the mark, not at the end of the text
    // before it; a range ending where the mark ends stays inside it.
    const marked = rangeFromSelector(root, { ...sel, startOffset: 13, endOffset: 16 }) as Range;
    expect(marked.toString()).toBe('劳动和');
    expect(marked.startContainer.parentElement?.tagName).toBe('MARK');
    expect(marked.endContainer.parentElement?.tagName).toBe('MARK');
  });

  it('paints what anchoring found after the text changed', () => {
    const sel = selectorFromRange(
      rangeOver(para(3).lastChild as Text, 3, para(3).lastChild as Text, 16),
      root,
      paragraphs,
    ) as TextSelector;
    // The page gained a paragraph at the top; re-render and re-anchor.
    paragraphs.unshift('（根据录音整理）');
    try {
      render();
      const found = anchor(paragraphs, sel);
      expect(found.placed).toBe(true);
      if (!found.placed) return;
      const range = rangeFromSelector(root, found.selector) as Range;
      expect(range.toString()).toBe(sel.exact);
      expect(
        (range.startContainer.parentElement as HTMLElement).closest('[data-para]')?.getAttribute('data-para'),
      ).toBe('4');
    } finally {
      paragraphs.shift();
    }
  });

  it('returns null when the paragraph is not rendered, and clamps offsets past the end', () => {
    const sel: TextSelector = {
      startPara: 9,
      startOffset: 0,
      endPara: 9,
      endOffset: 2,
      exact: '第一',
      prefix: '',
      suffix: '',
    };
    expect(rangeFromSelector(root, sel)).toBeNull();
    const long = rangeFromSelector(root, {
      ...sel,
      startPara: 1,
      endPara: 1,
      startOffset: 30,
      endOffset: 999,
    });
    expect(long?.toString()).toBe((paragraphs[1] as string).slice(30));
  });
});

describe('sectionOf', () => {
  const outline: OutlineNode[] = [
    { level: 1, marker: '第一', title: '坚持政治引领', para: 1, offset: 0 },
    { level: 1, marker: '第二', title: '聚焦中心大局', para: 2, offset: 0 },
    { level: 2, marker: '一是', title: '深化竞赛', para: 2, offset: 10 },
    { level: 1, marker: '第三', title: '办好职工身边事', para: 3, offset: 0 },
  ];
  const at = (startPara: number, startOffset: number): TextSelector => ({
    startPara,
    startOffset,
    endPara: startPara,
    endOffset: startOffset + 1,
    exact: 'x',
    prefix: '',
    suffix: '',
  });

  it('is the last outline node at or before the highlight start', () => {
    expect(sectionOf(at(0, 3), outline)).toBe(-1);
    expect(sectionOf(at(1, 0), outline)).toBe(0);
    expect(sectionOf(at(2, 9), outline)).toBe(1);
    expect(sectionOf(at(2, 10), outline)).toBe(2);
    expect(sectionOf(at(3, 5), outline)).toBe(3);
    expect(sectionOf(at(3, 5), [])).toBe(-1);
  });
});
