import { describe, expect, it } from 'vitest';
import {
  comparePair,
  initialLibraryState,
  type LibraryState,
  libraryReducer,
} from '@/components/library/library-state';
import { SearchIndex } from '@/utils/search';
import { emptyCounts, type SpeechSummary } from '@/utils/store/library';
import type { SpeechRecord } from '@/utils/types';

// Composed for these tests.
function summary(id: string, over: Partial<SpeechSummary> = {}): SpeechSummary {
  return {
    id,
    url: `http://www.example.gov.cn/${id}`,
    title: `讲话${id}`,
    speaker: null,
    date: null,
    firstOpened: 1,
    lastOpened: 1,
    counts: emptyCounts(),
    highlights: 0,
    hasNote: false,
    ...over,
  };
}
const REPORT_2025 = summary('r2025', { date: '2025-01-10', firstOpened: 50 });
const REPORT_2026 = summary('r2026', { date: '2026-01-12', firstOpened: 10 });
const UNDATED = summary('undated', { firstOpened: 99 });
const ALL = [REPORT_2026, UNDATED, REPORT_2025];

const run = (state: LibraryState, ...actions: Parameters<typeof libraryReducer>[1][]) =>
  actions.reduce(libraryReducer, state);

describe('library state', () => {
  it('ticks and unticks rows; select all and none', () => {
    const s = run(
      initialLibraryState(ALL),
      { type: 'toggle', id: 'r2025' },
      { type: 'toggle', id: 'r2026' },
      { type: 'toggle', id: 'r2025' },
    );
    expect([...s.selected]).toEqual(['r2026']);
    expect([...run(s, { type: 'select', ids: ['a', 'b'] }).selected]).toEqual(['a', 'b']);
    expect(run(s, { type: 'select', ids: [] }).selected.size).toBe(0);
  });

  it('a deleted speech leaves the list, the selection and the loaded data, and the snack offers undo', () => {
    const speech = { id: 'r2025' } as SpeechRecord;
    const loaded = run(initialLibraryState(ALL), {
      type: 'loaded',
      data: { speeches: [speech, { id: 'r2026' } as SpeechRecord], highlights: [], notes: [] },
      summaries: ALL,
      index: new SearchIndex(),
    });
    const s = run(
      loaded,
      { type: 'select', ids: ['r2025', 'r2026'] },
      { type: 'removed', id: 'r2025', snack: { message: '已删除' } },
    );
    expect(s.summaries?.map((x) => x.id)).toEqual(['r2026', 'undated']);
    expect([...s.selected]).toEqual(['r2026']);
    expect(s.data?.speeches.map((x) => x.id)).toEqual(['r2026']);
    expect(s.snack?.message).toBe('已删除');
  });

  it('speeches deleted in another tab leave the list and the selection, and this page’s snack stays', () => {
    const s = run(
      initialLibraryState(ALL),
      { type: 'select', ids: ['r2025', 'r2026'] },
      { type: 'snack', snack: { message: '已恢复' } },
      { type: 'gone', ids: ['r2025', 'undated'] },
    );
    expect(s.summaries?.map((x) => x.id)).toEqual(['r2026']);
    expect([...s.selected]).toEqual(['r2026']);
    expect(s.snack?.message).toBe('已恢复');
  });

  it('the newest page stands in only until a list is known, and the full read replaces it', () => {
    const first = run(initialLibraryState(null), { type: 'recent', summaries: [REPORT_2026] });
    expect(first.partial).toBe(true);
    const cached = run(initialLibraryState(ALL), { type: 'recent', summaries: [REPORT_2026] });
    expect(cached.summaries).toBe(ALL);
    expect(cached.partial).toBe(false);
    const full = run(first, {
      type: 'loaded',
      data: { speeches: [], highlights: [], notes: [] },
      summaries: ALL,
      index: new SearchIndex(),
    });
    expect(full.partial).toBe(false);
    expect(full.summaries).toBe(ALL);
    expect(full.indexed.complete).toBe(true);
  });
});

describe('the two speeches for 对照', () => {
  it('the earlier speech by date is the old text, whatever order they were ticked in', () => {
    expect(comparePair(new Set(['r2026', 'r2025']), ALL)).toEqual({ oldId: 'r2025', newId: 'r2026' });
    expect(comparePair(new Set(['r2025', 'r2026']), ALL)).toEqual({ oldId: 'r2025', newId: 'r2026' });
  });

  it('needs exactly two known speeches', () => {
    expect(comparePair(new Set(['r2025']), ALL)).toBeNull();
    expect(comparePair(new Set(['r2025', 'r2026', 'undated']), ALL)).toBeNull();
    expect(comparePair(new Set(['r2025', 'gone']), ALL)).toBeNull();
  });

  it('an undated speech counts as the older; equal dates go by which was opened first', () => {
    expect(comparePair(new Set(['r2025', 'undated']), ALL)).toEqual({ oldId: 'undated', newId: 'r2025' });
    const sameDay = [
      summary('b', { date: '2025-01-10', firstOpened: 5 }),
      summary('a', { date: '2025-01-10', firstOpened: 9 }),
    ];
    expect(comparePair(new Set(['a', 'b']), sameDay)).toEqual({ oldId: 'b', newId: 'a' });
  });
});
