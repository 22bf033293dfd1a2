import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotesPanel, type NotesPanelProps } from '@/components/highlights/NotesPanel';
import { StudyNote } from '@/components/reader/StudyNote';
import { describe as describeRange } from '@/utils/anchoring/anchor';
import { makeHighlight, type Placement } from '@/utils/anchoring/placement';
import { DEFAULT_HIGHLIGHT_CATEGORIES } from '@/utils/settings';
import { getDb } from '@/utils/store/db';
import { clearDraft, saveDraft, tabDraftId, takeDraft } from '@/utils/store/drafts';
import { saveStudyNoteOver } from '@/utils/store/notes';
import type { HighlightCategory, Note, OutlineNode } from '@/utils/types';

// Composed for these tests.
const PARAGRAPHS = [
  '同志们：今天的会议很重要。',
  '一、统一思想',
  '思想是行动的先导。',
  '二、狠抓落实',
  '落实是最好的作风。全年新建职工书屋50家。',
];
const OUTLINE: OutlineNode[] = [
  { level: 1, marker: '一', title: '统一思想', para: 1, offset: 0 },
  { level: 1, marker: '二', title: '狠抓落实', para: 3, offset: 0 },
];

function placement(
  para: number,
  from: number,
  to: number,
  category: HighlightCategory,
  note = '',
): Placement {
  const selector = describeRange(PARAGRAPHS, { para, offset: from }, { para, offset: to });
  const highlight = makeHighlight('s', selector, category, OUTLINE, 1000, note);
  return { highlight, selector, section: highlight.section };
}

const SPEECH = {
  url: 'http://www.ordoszgh.gov.cn/zlzx/ldjh/t1.html',
  title: '在全市职工工作会议上的讲话',
  speaker: '李明华',
  occasion: '全市职工工作会议',
  date: '2026-03-12',
};

let container: HTMLElement;
function mount(props: Partial<NotesPanelProps>) {
  container = document.createElement('div');
  document.body.append(container);
  const onSelect = vi.fn();
  act(() => {
    render(
      <NotesPanel
        outline={OUTLINE}
        placements={[]}
        categories={{ ...DEFAULT_HIGHLIGHT_CATEGORIES }}
        drafts={new Set()}
        onSelect={onSelect}
        speech={SPEECH}
        {...props}
      />,
      container,
    );
  });
  return onSelect;
}

afterEach(async () => {
  render(null, container);
  container.remove();
  await getDb().delete();
  await getDb().open();
});

const groups = () =>
  [...container.querySelectorAll('.yd-note-group')].map((g) => [
    g.querySelector('h3')?.textContent,
    ...[...g.querySelectorAll('.yd-note-quote')].map((q) => q.textContent),
  ]);

describe('notes panel', () => {
  const late = placement(4, 9, 20, 'data', '数字要核实');
  const early = placement(0, 4, 12, 'thesis');
  const middle = placement(2, 0, 9, 'task', '第一条\n第二条');
  const sameSection = placement(4, 0, 9, 'task');

  it('lists highlights in reading order under their outline sections, with notes', () => {
    mount({ placements: [late, middle, early, sameSection] });
    expect(groups()).toEqual([
      ['开头部分', '今天的会议很重要'],
      ['一、统一思想', '思想是行动的先导。'],
      ['二、狠抓落实', '落实是最好的作风。', '全年新建职工书屋50家'],
    ]);
    const note = container.querySelector(`[data-highlight="${middle.highlight.id}"] .yd-note-text`);
    expect(note?.textContent).toBe('第一条\n第二条');
  });

  it('filters by category, with counts, and back to all', () => {
    mount({ placements: [late, middle, early, sameSection] });
    const filter = (text: string) =>
      [...container.querySelectorAll<HTMLButtonElement>('.yd-note-filter button')].find((b) =>
        b.textContent?.startsWith(text),
      ) as HTMLButtonElement;
    expect(filter('重点任务').textContent).toBe('重点任务 2');
    act(() => filter('重点任务').click());
    expect(filter('重点任务').getAttribute('aria-pressed')).toBe('true');
    expect(groups()).toEqual([
      ['一、统一思想', '思想是行动的先导。'],
      ['二、狠抓落实', '落实是最好的作风。'],
    ]);
    act(() => filter('数据').click());
    expect(groups()).toEqual([['二、狠抓落实', '全年新建职工书屋50家']]);
    act(() => filter('全部').click());
    expect(groups()).toHaveLength(3);
  });

  it('a click on an entry asks to go to that highlight', () => {
    const onSelect = mount({ placements: [late, early] });
    act(() =>
      (container.querySelector(`[data-highlight="${late.highlight.id}"] button`) as HTMLElement).click(),
    );
    expect(onSelect).toHaveBeenCalledWith(late.highlight.id);
  });

  it('lists what could not be placed as 未能定位, with quote and note and a link to the old version', () => {
    const lost: Placement = {
      ...placement(2, 0, 9, 'thesis', '原来的体会'),
      selector: null,
      reason: 'not-found',
    };
    mount({ placements: [early, lost], previousHash: 'fnv1a-1234abcd-5' });
    const unplaced = container.querySelector('.yd-unplaced') as HTMLElement;
    expect(unplaced.querySelector('h3')?.textContent).toBe('未能定位 1');
    expect(unplaced.querySelector('.yd-note-quote')?.textContent).toBe('思想是行动的先导。');
    expect(unplaced.querySelector('.yd-note-text')?.textContent).toBe('原来的体会');
    const link = unplaced.querySelector('a')?.getAttribute('href') ?? '';
    const [query, hash] = link.split('#');
    const params = new URLSearchParams(query?.slice(query.indexOf('?')));
    expect(params.get('version')).toBe('fnv1a-1234abcd-5');
    // The old version opens at this highlight's passage.
    expect(hash).toBe(`h=${lost.highlight.id}`);
    expect(params.get('url')).toBe('http://www.ordoszgh.gov.cn/zlzx/ldjh/t1.html');
    // Placed ones are not repeated there.
    expect(groups()[0]).toEqual(['开头部分', '今天的会议很重要']);
  });

  it('marks entries with an unsaved draft', () => {
    mount({ placements: [early, late], drafts: new Set([late.highlight.id]) });
    expect(
      container.querySelector(`[data-highlight="${late.highlight.id}"] .yd-note-draft`)?.textContent,
    ).toBe('有未保存的草稿');
    expect(container.querySelector(`[data-highlight="${early.highlight.id}"] .yd-note-draft`)).toBeNull();
  });
});

describe('学习心得', () => {
  const drafts = {
    load: (owner: string) => takeDraft(getDb(), owner, 'tab1', () => false),
    save: (owner: string, text: string) => saveDraft(getDb(), tabDraftId(owner, 'tab1'), text),
    clear: (owner: string) => clearDraft(getDb(), tabDraftId(owner, 'tab1')),
  };

  function mountNote(note: Note | undefined) {
    container = document.createElement('div');
    document.body.append(container);
    act(() => {
      render(
        <StudyNote
          note={note}
          drafts={drafts}
          draftOwner="studyNote:s"
          onSave={(text, base) => saveStudyNoteOver(getDb(), 's', text, base)}
        />,
        container,
      );
    });
    return container.querySelector('textarea') as HTMLTextAreaElement;
  }

  it('saves the one free note of a speech (id = speech id), keeping line breaks', async () => {
    const area = mountNote(undefined);
    await act(async () => {
      area.value = '一、要学深悟透\n二、要结合实际';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      (container.querySelector('.yd-hl-save') as HTMLButtonElement).click();
    });
    await vi.waitFor(async () =>
      expect((await getDb().notes.get('s'))?.text).toBe('一、要学深悟透\n二、要结合实际'),
    );
    expect((await getDb().notes.get('s'))?.speechId).toBe('s');
    await vi.waitFor(() => expect(container.textContent).toContain('已自动保存'));
    expect(await getDb().drafts.count()).toBe(0);
  });

  it('brings back a draft typed before a reload', async () => {
    await saveDraft(getDb(), 'studyNote:s', '没来得及保存');
    const area = mountNote({ id: 's', speechId: 's', text: '旧的心得', created: 1, updated: 1 });
    await vi.waitFor(() => expect(area.value).toBe('没来得及保存'));
    expect(container.textContent).toContain('已恢复上次未保存的草稿');
  });
});
