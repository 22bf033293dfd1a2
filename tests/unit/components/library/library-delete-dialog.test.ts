import { describe, expect, it } from 'vitest';
import { deleteBody } from '@/components/library/LibraryOverlays';

// Issue #14 item 12: the delete question promised a 学习心得 that did not exist.
describe('the delete question says what will be deleted', () => {
  const title = '在全市职工服务工作会议上的讲话';
  it('names the 学习心得 only when there is one, and the highlights only when there are some', () => {
    expect(deleteBody({ title, highlights: 3, hasNote: true })).toBe(
      `《${title}》的保存副本、3 条标注和学习心得将一并删除。`,
    );
    expect(deleteBody({ title, highlights: 3, hasNote: false })).toBe(
      `《${title}》的保存副本和 3 条标注将一并删除。`,
    );
    expect(deleteBody({ title, highlights: 0, hasNote: true })).toBe(
      `《${title}》的保存副本和学习心得将一并删除。`,
    );
    expect(deleteBody({ title, highlights: 0, hasNote: false })).not.toContain('学习心得');
  });
});
