// 专题汇编's pure logic (utils/compilation/): moving an excerpt, merging a move among the shown excerpts into
// the whole order, where a drop lands, and the remembered title/filter/order read back defensively.
import { describe, expect, it } from 'vitest';
import { dropIndex, mergeOrder, moveItem } from '@/utils/compilation/order';
import {
  compilationFilter,
  EMPTY_COMPILATION,
  parseCompilationState,
  serializeCompilationState,
  speakersOf,
} from '@/utils/compilation/state';
import { compilationEntries } from '@/utils/export/templates/compilation';
import { makeLibrary } from '../../../support/records';

describe('moving excerpts', () => {
  it('moves one item up, down, to either end, and ignores a move from nowhere', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(moveItem(ids, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(ids, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(ids, 3, -5)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(ids, 9, 0)).toEqual(ids);
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('rearranges only the shown excerpts: hidden ones keep their places', () => {
    // b and d are shown (a filter hides a, c, e); the user puts d before b.
    expect(mergeOrder(['a', 'b', 'c', 'd', 'e'], ['d', 'b'])).toEqual(['a', 'd', 'c', 'b', 'e']);
    expect(mergeOrder(['a', 'b'], [])).toEqual(['a', 'b']);
  });

  it('drops above or below the row under the pointer, counting the dragged row out', () => {
    // Four rows; the first dragged onto the lower half of the third lands third… after the third row.
    expect(moveItem(['a', 'b', 'c', 'd'], 0, dropIndex(0, 2, true))).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, dropIndex(0, 2, false))).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, dropIndex(3, 0, false))).toEqual(['d', 'a', 'b', 'c']);
    expect(dropIndex(1, 1, false)).toBe(1);
    expect(dropIndex(1, 0, true)).toBe(1);
  });
});

describe('the remembered compilation', () => {
  it('reads back what it wrote', () => {
    const s = {
      ...EMPTY_COMPILATION,
      topic: '关于职工服务的论述',
      categories: ['thesis' as const],
      keyword: '职工',
      speaker: '王建国',
      from: '2026-01-01',
      to: '2026-12-31',
      order: ['h2', 'h1'],
    };
    expect(parseCompilationState(serializeCompilationState(s))).toEqual(s);
  });

  it('repairs a damaged value field by field, never throws', () => {
    expect(parseCompilationState('{not json')).toEqual(EMPTY_COMPILATION);
    expect(parseCompilationState(null)).toEqual(EMPTY_COMPILATION);
    expect(
      parseCompilationState(
        JSON.stringify({
          topic: 3,
          categories: ['thesis', 'bogus', 'thesis'],
          from: '明年',
          order: ['a', 1, 'a'],
        }),
      ),
    ).toEqual({ ...EMPTY_COMPILATION, categories: ['thesis'], order: ['a'] });
  });

  it('becomes the template filter: empty fields left out, order kept', () => {
    expect(compilationFilter({ ...EMPTY_COMPILATION, order: ['x'] })).toEqual({ order: ['x'] });
    expect(
      compilationFilter({
        ...EMPTY_COMPILATION,
        topic: ' 汇编 ',
        keyword: ' 督查 ',
        speaker: '王',
        to: '2026-06-30',
      }),
    ).toEqual({ order: [], topic: '汇编', keyword: '督查', speaker: '王', to: '2026-06-30' });
  });

  it('lists each speaker of a speech with highlights once', () => {
    const speeches = [
      { id: 'a', speaker: '王建国' },
      { id: 'b', speaker: ' 王建国 ' },
      { id: 'c', speaker: '李红梅' },
      { id: 'd', speaker: null },
      { id: 'e', speaker: '没有标注的人' },
    ];
    expect(speakersOf(speeches, new Set(['a', 'b', 'c', 'd']))).toEqual(['李红梅', '王建国']);
  });

  it('a move among the filtered excerpts gives the template the order the user sees', () => {
    const lib = makeLibrary(3, 4);
    const input = {
      ...lib,
      categoryNames: { task: '重点任务', thesis: '重要论述', data: '数据', question: '疑问' },
      exportedAt: new Date(0),
    };
    const all = compilationEntries(input, {}).map((e) => e.highlightId);
    const filter = compilationFilter({ ...EMPTY_COMPILATION, categories: ['thesis'] });
    const shown = compilationEntries(input, filter).map((e) => e.highlightId);
    expect(shown.length).toBeGreaterThan(1);
    const order = mergeOrder(all, moveItem(shown, shown.length - 1, 0));
    const after = compilationEntries(input, { ...filter, order }).map((e) => e.highlightId);
    expect(after).toEqual([shown.at(-1), ...shown.slice(0, -1)]);
    // The whole library's order moved only the shown ones.
    const hidden = (ids: string[]) => ids.filter((id) => !shown.includes(id));
    expect(hidden(compilationEntries(input, { order }).map((e) => e.highlightId))).toEqual(hidden(all));
  });
});
