import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_HIGHLIGHT_CATEGORIES,
  loadCategorySettings,
  normalizeCategorySettings,
  saveCategoryStyle,
} from '@/utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('highlight category settings', () => {
  it('defaults to 重点任务 (red-ish) first, then 重要论述, 数据, 疑问', () => {
    const names = Object.entries(normalizeCategorySettings(undefined)).map(([id, c]) => [id, c.name]);
    expect(names).toEqual([
      ['task', '重点任务'],
      ['thesis', '重要论述'],
      ['data', '数据'],
      ['question', '疑问'],
    ]);
    const task = DEFAULT_HIGHLIGHT_CATEGORIES.task.color;
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(task.slice(i, i + 2), 16)) as [
      number,
      number,
      number,
    ];
    expect(r).toBeGreaterThan(g + 40);
    expect(r).toBeGreaterThan(b + 40);
  });

  it('falls back field by field on bad stored values (no markup can reach the style sheet)', () => {
    const v = normalizeCategorySettings({
      task: { name: '  ', color: 'red;}body{display:none' },
      data: { name: '统计数字', color: '#ABCDEF' },
      question: 'oops',
      extra: { name: 'x', color: '#000000' },
    });
    expect(v.task).toEqual(DEFAULT_HIGHLIGHT_CATEGORIES.task);
    expect(v.data).toEqual({ name: '统计数字', color: '#abcdef' });
    expect(v.question).toEqual(DEFAULT_HIGHLIGHT_CATEGORIES.question);
    expect(Object.keys(v)).toEqual(['task', 'thesis', 'data', 'question']);
  });

  it('renames and recolours one category, keeping the others', async () => {
    await saveCategoryStyle('task', { name: '重点工作' });
    await saveCategoryStyle('task', { color: '#ff8080' });
    await saveCategoryStyle('thesis', { color: '#ffee99' });
    const stored = await loadCategorySettings();
    expect(stored.task).toEqual({ name: '重点工作', color: '#ff8080' });
    expect(stored.thesis).toEqual({ name: '重要论述', color: '#ffee99' });
    expect(stored.data).toEqual(DEFAULT_HIGHLIGHT_CATEGORIES.data);
  });
});
