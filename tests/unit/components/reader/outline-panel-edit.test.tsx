import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutlinePanel } from '@/components/reader/OutlinePanel';
import { useOutlineEdits } from '@/hooks/use-outline-edits';
import type { OutlineEdit, OutlineNode, TextSelector } from '@/utils/types';

// Composed for this test: a speech whose engine missed one heading and over-nested another.
const PARAGRAPHS = [
  '第一，要坚持学习。',
  '一是读原文，二是悟原理。',
  '关于工作落实，要建立台账，按月通报。',
  '第二，要狠抓落实。',
];
const AUTO: OutlineNode[] = [
  { level: 1, marker: '第一，', title: '要坚持学习', para: 0, offset: 0 },
  { level: 2, marker: '一是', title: '读原文', para: 1, offset: 0 },
  { level: 2, marker: '二是', title: '悟原理', para: 1, offset: 6 },
  { level: 2, marker: '第二，', title: '要狠抓落实', para: 3, offset: 0 },
];
const selectPhrase: TextSelector = {
  startPara: 2,
  startOffset: 0,
  endPara: 2,
  endOffset: 6,
  exact: '关于工作落实',
  prefix: '原理。',
  suffix: '，要建立台账',
};

let container: HTMLElement;
let saved: OutlineEdit[][] = [];

function Harness({ selection }: { selection: () => TextSelector | null }) {
  const edit = useOutlineEdits(AUTO, PARAGRAPHS, undefined, (edits) => saved.push(edits));
  return (
    <OutlinePanel
      outline={edit.outline}
      current={-1}
      progress={0}
      onSelect={vi.fn()}
      edit={edit}
      selection={selection}
    />
  );
}

function mount(selection: () => TextSelector | null = () => null) {
  saved = [];
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(<Harness selection={selection} />, container));
}
const click = (el: Element | null | undefined) => act(() => (el as HTMLElement).click());
const button = (text: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === text);
const labelled = (label: string) => container.querySelector(`button[aria-label="${label}"]`);
const rows = () =>
  [...container.querySelectorAll('.yd-ol-item')].map(
    (li) => `${li.className.match(/yd-ol-l(\d)/)?.[1]}${li.querySelector('.yd-ol-title')?.textContent}`,
  );

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('editing the outline in the reader', () => {
  it('promotes an over-nested entry and removes a wrong one, saving each step', () => {
    mount();
    expect(labelled('升一级：要狠抓落实')).toBeNull();
    click(button('编辑提纲'));
    click(labelled('升一级：要狠抓落实'));
    expect(rows()).toEqual(['1要坚持学习', '2读原文', '2悟原理', '1要狠抓落实']);
    click(labelled('从提纲中删除：悟原理'));
    expect(rows()).toEqual(['1要坚持学习', '2读原文', '1要狠抓落实']);
    expect(saved).toHaveLength(2);
    expect(saved[1]?.map((e) => e.op)).toEqual(['level', 'remove']);
  });

  it('turns the selected phrase into a heading, and undo and 恢复自动提纲 take edits back', () => {
    mount(() => selectPhrase);
    click(button('编辑提纲'));
    click(button('选中文字设为二级标题'));
    expect(rows()).toEqual(['1要坚持学习', '2读原文', '2悟原理', '2关于工作落实', '2要狠抓落实']);
    click(button('撤销'));
    expect(rows()).toEqual(['1要坚持学习', '2读原文', '2悟原理', '2要狠抓落实']);
    click(button('选中文字设为一级标题'));
    click(button('恢复自动提纲'));
    expect(rows()).toEqual(['1要坚持学习', '2读原文', '2悟原理', '2要狠抓落实']);
    expect(saved[saved.length - 1]).toEqual([]);
  });

  it('says what to do when nothing suitable is selected, changing nothing', () => {
    mount(() => null);
    click(button('编辑提纲'));
    click(button('选中文字设为一级标题'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('请先在正文中选中');
    expect(saved).toEqual([]);
  });
});
