import { describe, expect, it } from 'vitest';
import { applyOutlineEdits, locatePhrase, nodeRef, withEdit } from '@/utils/outline/corrections';
import type { OutlineEdit, OutlineNode } from '@/utils/types';

const paragraphs = [
  '同志们：今天召开全市工会工作会议，我讲三点意见。',
  '第一，提高政治站位。工会要牢牢把握正确方向。',
  '一是加强理论学习，二是抓好队伍建设。',
  '第二，狠抓工作落实。要把各项任务分解到人。',
  '关于职工服务，要办好暖心驿站，做实困难帮扶。',
  '第三，加强自身建设。',
];
const auto: OutlineNode[] = [
  { level: 1, marker: '第一，', title: '提高政治站位', para: 1, offset: 0 },
  { level: 2, marker: '一是', title: '加强理论学习', para: 2, offset: 0 },
  { level: 2, marker: '二是', title: '抓好队伍建设', para: 2, offset: 9 },
  { level: 1, marker: '第二，', title: '狠抓工作落实', para: 3, offset: 0 },
  { level: 1, marker: '第三，', title: '加强自身建设', para: 5, offset: 0 },
];
const node = (i: number) => auto[i] as OutlineNode;

describe('outline corrections', () => {
  it('demotes, promotes and removes the entries the user picked, leaving the rest as built', () => {
    const edits: OutlineEdit[] = [
      { op: 'level', target: nodeRef(node(1)), level: 3 },
      { op: 'remove', target: nodeRef(node(2)) },
    ];
    const { outline, unapplied } = applyOutlineEdits(auto, paragraphs, edits);
    expect(unapplied).toEqual([]);
    expect(outline.map((n) => `${n.level}${n.title}`)).toEqual([
      '1提高政治站位',
      '3加强理论学习',
      '1狠抓工作落实',
      '1加强自身建设',
    ]);
    expect(auto[1]?.level).toBe(2);
  });

  it('turns a selected phrase into a heading in reading order', () => {
    const add: OutlineEdit = {
      op: 'add',
      at: { para: 4, offset: 0, exact: '关于职工服务', prefix: '' },
      level: 2,
      title: '关于职工服务',
    };
    const { outline } = applyOutlineEdits(auto, paragraphs, [add]);
    expect(outline.map((n) => n.title)).toEqual([
      '提高政治站位',
      '加强理论学习',
      '抓好队伍建设',
      '狠抓工作落实',
      '关于职工服务',
      '加强自身建设',
    ]);
    expect(outline[4]).toMatchObject({ level: 2, marker: '', para: 4, offset: 0, user: true });
  });

  it('keeps working after the page gained a paragraph: edits find their entries by what they say', () => {
    const edits: OutlineEdit[] = [
      { op: 'remove', target: nodeRef(node(4)) },
      {
        op: 'add',
        at: { para: 4, offset: 0, exact: '关于职工服务', prefix: '' },
        level: 2,
        title: '关于职工服务',
      },
    ];
    const changed = ['（2026年3月12日）', ...paragraphs];
    const shifted = auto.map((n) => ({ ...n, para: n.para + 1 }));
    const { outline, unapplied } = applyOutlineEdits(shifted, changed, edits);
    expect(unapplied).toEqual([]);
    expect(outline.map((n) => n.title)).toEqual([
      '提高政治站位',
      '加强理论学习',
      '抓好队伍建设',
      '狠抓工作落实',
      '关于职工服务',
    ]);
    expect(outline[4]?.para).toBe(5);
  });

  it('reports an edit whose entry is gone instead of applying it to another entry', () => {
    const gone: OutlineEdit = {
      op: 'level',
      target: { marker: '第四，', title: '不存在', para: 6, offset: 0 },
      level: 2,
    };
    const { outline, unapplied } = applyOutlineEdits(auto, paragraphs, [gone]);
    expect(unapplied).toEqual([gone]);
    expect(outline).toEqual(auto);
  });

  it('does not place a heading phrase that now occurs twice in other contexts', () => {
    const twice = ['甲要抓落实。', '乙也要抓落实。'];
    expect(locatePhrase(twice, { para: 5, offset: 0, exact: '抓落实', prefix: '再' })).toBeNull();
    expect(locatePhrase(twice, { para: 5, offset: 0, exact: '抓落实', prefix: '也要' })).toEqual({
      para: 1,
      offset: 3,
    });
  });

  it('keeps the edit list short: a second level change replaces the first, removing a made heading drops it', () => {
    let edits = withEdit([], { op: 'level', target: nodeRef(node(1)), level: 3 });
    edits = withEdit(edits, { op: 'level', target: nodeRef(node(1)), level: 1 });
    expect(edits).toEqual([{ op: 'level', target: nodeRef(node(1)), level: 1 }]);
    const add: OutlineEdit = {
      op: 'add',
      at: { para: 4, offset: 0, exact: '关于职工服务', prefix: '' },
      level: 2,
      title: '关于职工服务',
    };
    edits = withEdit(edits, add);
    const made = applyOutlineEdits(auto, paragraphs, edits).outline.find((n) => n.user) as OutlineNode;
    expect(withEdit(edits, { op: 'level', target: nodeRef(made), level: 1 })).toEqual([
      edits[0],
      { ...add, level: 1 },
    ]);
    expect(withEdit(edits, { op: 'remove', target: nodeRef(made) })).toEqual([edits[0]]);
  });
});
