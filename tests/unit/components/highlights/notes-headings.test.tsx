import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { NotesPanel } from '@/components/highlights/NotesPanel';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight, type Placement } from '@/utils/anchoring/placement';
import { sectionPathHeading } from '@/utils/outline/sections';
import { DEFAULT_HIGHLIGHT_CATEGORIES } from '@/utils/settings';
import type { OutlineNode } from '@/utils/types';

// Issue #14 item 12: a group under a sub-section names the section above it too. Composed for this test.
const PARAGRAPHS = [
  '一、统一思想',
  '（一）提高认识',
  '思想是行动的先导。',
  '（二）明确任务',
  '全年新建职工书屋50家。',
];
const OUTLINE: OutlineNode[] = [
  { level: 1, marker: '一', title: '统一思想', para: 0, offset: 0 },
  { level: 2, marker: '（一）', title: '提高认识', para: 1, offset: 0 },
  { level: 2, marker: '（二）', title: '明确任务', para: 3, offset: 0 },
];

function placement(para: number, from: number, to: number): Placement {
  const selector = describeRange(PARAGRAPHS, { para, offset: from }, { para, offset: to });
  const highlight = makeHighlight('s', selector, 'thesis', OUTLINE, 1000);
  return { highlight, selector, section: highlight.section };
}

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('notes-panel group headings', () => {
  it('include the parent section: 一、统一思想 › （二）明确任务', () => {
    expect(sectionPathHeading(OUTLINE, 0)).toBe('一、统一思想');
    container = document.createElement('div');
    document.body.append(container);
    act(() => {
      render(
        <NotesPanel
          outline={OUTLINE}
          placements={[placement(4, 0, 8), placement(2, 0, 5)]}
          categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
          drafts={new Set()}
          onSelect={() => {}}
          speech={{
            url: 'http://www.ordoszgh.gov.cn/t1.html',
            title: '',
            speaker: null,
            occasion: null,
            date: null,
          }}
        />,
        container,
      );
    });
    expect([...container.querySelectorAll('.yd-note-section')].map((h) => h.textContent)).toEqual([
      '一、统一思想 › （一）提高认识',
      '一、统一思想 › （二）明确任务',
    ]);
  });
});
