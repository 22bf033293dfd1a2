import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutlinePanel, type OutlinePanelProps } from '@/components/reader/OutlinePanel';
import type { OutlineNode } from '@/utils/types';

// Composed for this test: a work-report style outline with three levels.
const OUTLINE: OutlineNode[] = [
  { level: 1, marker: '一', title: '过去一年工作回顾', para: 2, offset: 0 },
  { level: 2, marker: '（一）', title: '职工队伍建设稳步推进', para: 3, offset: 0 },
  { level: 3, marker: '一是', title: '技能培训覆盖面扩大', para: 4, offset: 10 },
  { level: 3, marker: '二是', title: '劳动竞赛持续开展', para: 4, offset: 40 },
  { level: 2, marker: '（二）', title: '维权服务更加精准', para: 6, offset: 0 },
  { level: 1, marker: '二', title: '今年重点任务', para: 8, offset: 0 },
];

let container: HTMLElement;

function mount(props: Partial<OutlinePanelProps> = {}) {
  container = document.createElement('div');
  document.body.append(container);
  const onSelect = vi.fn();
  act(() => {
    render(
      <OutlinePanel outline={OUTLINE} current={-1} progress={0} onSelect={onSelect} {...props} />,
      container,
    );
  });
  return {
    onSelect,
    rerender: (next: Partial<OutlinePanelProps>) => mountAgain({ onSelect, ...props, ...next }),
  };
}

function mountAgain(props: Partial<OutlinePanelProps> & { onSelect: OutlinePanelProps['onSelect'] }) {
  act(() => {
    render(<OutlinePanel outline={OUTLINE} current={-1} progress={0} {...props} />, container);
  });
}

const entries = () => [...container.querySelectorAll<HTMLAnchorElement>('.yd-ol-link')];
const entry = (title: string) => entries().find((a) => a.textContent?.includes(title)) as HTMLAnchorElement;

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('OutlinePanel', () => {
  it('renders the outline as a nested tree inside a labelled nav', () => {
    mount();
    const nav = container.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('提纲');
    const roots = container.querySelectorAll('.yd-ol-root > li');
    expect([...roots].map((li) => li.querySelector('.yd-ol-link')?.textContent)).toEqual([
      '一过去一年工作回顾',
      '二今年重点任务',
    ]);
    const firstChildren = roots[0]?.querySelectorAll(':scope > ul > li') ?? [];
    expect([...firstChildren].map((li) => li.querySelector('.yd-ol-title')?.textContent)).toEqual([
      '职工队伍建设稳步推进',
      '维权服务更加精准',
    ]);
    expect(
      entry('劳动竞赛持续开展').closest('ul')?.closest('li')?.querySelector('.yd-ol-title')?.textContent,
    ).toBe('职工队伍建设稳步推进');
  });

  it('links every entry to its paragraph and reports clicks by outline index', () => {
    const { onSelect } = mount();
    const link = entry('劳动竞赛持续开展');
    expect(link.getAttribute('href')).toBe('#yd-p-4');
    act(() => link.click());
    expect(onSelect).toHaveBeenCalledWith(3);
  });

  it('folds and unfolds a level', () => {
    mount();
    const toggle = entry('过去一年工作回顾').parentElement?.querySelector('button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('收起：过去一年工作回顾');
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(entries().map((a) => a.textContent)).toEqual(['一过去一年工作回顾', '二今年重点任务']);
    act(() => toggle.click());
    expect(entries()).toHaveLength(6);
  });

  it('gives no fold button to entries without children', () => {
    mount();
    expect(entry('今年重点任务').parentElement?.querySelector('button')).toBeNull();
  });

  it('marks the section being read, and its folded parent when it is hidden', () => {
    const { rerender } = mount({ current: 3 });
    expect(entry('劳动竞赛持续开展').getAttribute('aria-current')).toBe('location');
    expect(container.querySelectorAll('[aria-current]')).toHaveLength(1);

    const toggle = entry('过去一年工作回顾').parentElement?.querySelector('button') as HTMLButtonElement;
    act(() => toggle.click());
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(entry('过去一年工作回顾').closest('li')?.classList.contains('has-current')).toBe(true);

    rerender({ current: 5 });
    expect(entry('今年重点任务').getAttribute('aria-current')).toBe('location');
    expect(entry('过去一年工作回顾').closest('li')?.classList.contains('has-current')).toBe(false);
  });

  it('shows the reading progress', () => {
    mount({ progress: 42 });
    expect(container.querySelector('.yd-outline-progress')?.textContent).toBe('已读 42%');
  });

  it('renders nothing when the speech has no outline', () => {
    mount({ outline: [] });
    expect(container.innerHTML).toBe('');
  });

  it('offers a close button only as a drawer', () => {
    mount();
    expect(container.querySelector('.yd-outline-close')).toBeNull();
    const onClose = vi.fn();
    render(null, container);
    mount({ onClose });
    const close = container.querySelector<HTMLButtonElement>('.yd-outline-close');
    expect(close?.getAttribute('aria-label')).toBe('关闭提纲');
    act(() => close?.click());
    expect(onClose).toHaveBeenCalled();
  });
});
