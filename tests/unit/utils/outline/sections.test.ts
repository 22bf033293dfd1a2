import { describe, expect, it } from 'vitest';
import {
  compareReadingOrder,
  headingParts,
  nestOutline,
  sectionAtPoint,
  sectionHeading,
} from '@/utils/outline/sections';
import type { OutlineNode, TextSelector } from '@/utils/types';

const node = (marker: string, title: string, extra: Partial<OutlineNode> = {}): OutlineNode => ({
  level: 1,
  marker,
  title,
  para: 0,
  offset: 0,
  ...extra,
});

describe('section headings (one format for outline, notes, tasks and exports)', () => {
  it('puts back the delimiter a marker is written with', () => {
    expect(sectionHeading(node('一', '统一思想'))).toBe('一、统一思想');
    expect(sectionHeading(node('2', '总体要求'))).toBe('2. 总体要求');
    expect(sectionHeading(node('第一', '抓好帮扶'))).toBe('第一，抓好帮扶');
    expect(sectionHeading(node('（一）', '加强学习'))).toBe('（一）加强学习');
    expect(sectionHeading(node('一要', '狠抓落实'))).toBe('一要狠抓落实');
    expect(sectionHeading(node('三', ''))).toBe('三');
  });

  it('names the opening and closing parts by their title only', () => {
    expect(sectionHeading(node('', '开头', { role: 'opening' }))).toBe('开头');
    expect(sectionHeading(node('', '结束语', { role: 'closing' }))).toBe('结束语');
    expect(headingParts(node('', '结束语', { role: 'closing' }))).toEqual({
      marker: '',
      delimiter: '',
      title: '结束语',
    });
  });
});

describe('which section', () => {
  const outline = [
    node('', '开头', { role: 'opening', para: 0 }),
    node('一', '统一思想', { para: 1 }),
    node('（一）', '加强学习', { level: 2, para: 2, offset: 4 }),
    node('', '结束语', { role: 'closing', para: 5 }),
  ];
  it('is the last node at or before the point', () => {
    expect(sectionAtPoint(outline, { para: 2, offset: 3 })).toBe(1);
    expect(sectionAtPoint(outline, { para: 2, offset: 4 })).toBe(2);
    expect(sectionAtPoint(outline, { para: 6, offset: 0 })).toBe(3);
    expect(sectionAtPoint(outline.slice(1), { para: 0, offset: 9 })).toBe(-1);
  });
  it('nests the closing part at the top level, after the sections', () => {
    expect(nestOutline(outline).map((i) => i.index)).toEqual([0, 1, 3]);
  });
});

describe('reading order', () => {
  const at = (startPara: number, startOffset: number, endPara: number, endOffset: number): TextSelector => ({
    startPara,
    startOffset,
    endPara,
    endOffset,
    exact: '',
    prefix: '',
    suffix: '',
  });
  it('goes by start, the outer of two that start together first, then by creation', () => {
    const items = [
      { id: 'c', created: 1, selector: at(1, 0, 1, 4) },
      { id: 'b', created: 2, selector: at(1, 0, 2, 0) },
      { id: 'a', created: 3, selector: at(0, 5, 0, 6) },
      { id: 'd', created: 0, selector: at(1, 0, 1, 4) },
    ];
    expect([...items].sort(compareReadingOrder).map((i) => i.id)).toEqual(['a', 'b', 'd', 'c']);
  });
});
