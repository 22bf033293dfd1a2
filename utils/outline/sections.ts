import type { OutlineNode, TextSelector } from '../types';

/**
 * Which section of a speech a place belongs to, how a section is titled, how the flat outline nests, and
 * reading order: the one module the reader's outline and notes, the highlight records, the key-task list and
 * the exports all ask. A section is the stretch from an outline node's marker to the next node's.
 */

/** A place in the text: paragraph index and offset in it. */
export interface TextPoint {
  para: number;
  offset: number;
}

/** Whether outline node `node` starts at or before the point. */
function startsBy(node: Pick<OutlineNode, 'para' | 'offset'>, at: TextPoint): boolean {
  return node.para < at.para || (node.para === at.para && node.offset <= at.offset);
}

/** The last index whose item passes `reached`, -1 when none does (items are in text order). */
function lastReached<T>(items: readonly T[], reached: (item: T) => boolean): number {
  let found = -1;
  items.forEach((item, i) => {
    if (reached(item)) found = i;
  });
  return found;
}

/** Index of the section a point falls in: the last node whose marker is at or before it; -1 before the first. */
export function sectionAtPoint(outline: readonly OutlineNode[], at: TextPoint): number {
  return lastReached(outline, (node) => startsBy(node, at));
}

/** The section a highlight falls in: where it starts. */
export function sectionOf(selector: TextSelector, outline: readonly OutlineNode[]): number {
  return sectionAtPoint(outline, { para: selector.startPara, offset: selector.startOffset });
}

/**
 * The section being read: the last one whose top is at or above the reading line, -1 before the first.
 * `tops` are in outline order, in viewport coordinates.
 */
export function sectionAt(tops: readonly number[], line: number): number {
  return lastReached(tops, (top) => top <= line);
}

/**
 * The section being read, as sectionAt, except once the page is scrolled to its end: then the last section
 * whose start is on screen is current, even one too short ever to reach the reading line (before
 * this the last section never became current).
 */
export function currentSection(
  tops: readonly number[],
  line: number,
  atEnd: boolean,
  viewportHeight: number,
): number {
  const reached = sectionAt(tops, line);
  return atEnd
    ? Math.max(
        reached,
        lastReached(tops, (top) => top < viewportHeight),
      )
    : reached;
}

/** The outline node of a stored section index, or undefined (-1, out of range, damaged). */
export function sectionNode(
  outline: readonly OutlineNode[] | undefined,
  section: unknown,
): OutlineNode | undefined {
  return Number.isInteger(section) && (section as number) >= 0 ? outline?.[section as number] : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Titles

const oneLine = (text: unknown) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const BARE_NUMERAL = /^[一二三四五六七八九十]+$/;
const COMMA_MARKER = /^(第|首先|其次|再次|最后|最後)/;

/**
 * The delimiter a marker is written with. Markers are stored without their own punctuation ("一", "1",
 * "第一"), so it is put back: 一、 1. 第一，; 一要/（一）/① need none.
 */
function delimiter(marker: string): string {
  if (/^\d+$/.test(marker)) return '. ';
  if (BARE_NUMERAL.test(marker)) return '、';
  if (COMMA_MARKER.test(marker)) return '，';
  return '';
}

/**
 * Marker, the delimiter that follows it in running text, and title of a section, apart (the outline panel
 * sets the marker in its own column). The opening (开头) and closing (结束语) parts have no marker: they
 * are named by their title only.
 */
export function headingParts(node: Pick<OutlineNode, 'marker' | 'title' | 'role'>): {
  marker: string;
  delimiter: string;
  title: string;
} {
  const marker = oneLine(node.marker);
  const title = oneLine(node.title);
  if (node.role || !marker) return { marker: '', delimiter: '', title: title || marker };
  return { marker, delimiter: title ? delimiter(marker) : '', title };
}

/** The heading of a section as the speech writes it: 一、统一思想 · 1. 总体要求 · 第一，… · 开头. */
export function sectionHeading(node: Pick<OutlineNode, 'marker' | 'title' | 'role'>): string {
  const { marker, delimiter, title } = headingParts(node);
  return `${marker}${delimiter}${title}`;
}

// ---------------------------------------------------------------------------------------------------------
// The outline as a tree

export interface OutlineItem {
  /** Index of the node in the flat outline (what the reader's callbacks speak in). */
  index: number;
  node: OutlineNode;
  children: OutlineItem[];
}

/** A level the tree can use: a damaged record counts as a top-level node. */
const levelOf = (node: OutlineNode) => (node.level === 2 || node.level === 3 ? node.level : 1);

/** Nest the flat outline by level. A level may be skipped (1 then 3): the deeper node still nests. */
export function nestOutline(outline: readonly OutlineNode[]): OutlineItem[] {
  const roots: OutlineItem[] = [];
  const stack: OutlineItem[] = [];
  outline.forEach((node, index) => {
    const item: OutlineItem = { index, node, children: [] };
    while (stack.length > 0 && levelOf((stack[stack.length - 1] as OutlineItem).node) >= levelOf(node)) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(item);
    else roots.push(item);
    stack.push(item);
  });
  return roots;
}

/** Indices of the items above `index` in the tree, outermost first (so the panel can open them). */
export function ancestorsOf(outline: readonly OutlineNode[], index: number): number[] {
  const path: number[] = [];
  let level = outline[index]?.level;
  if (level === undefined) return path;
  for (let i = index - 1; i >= 0 && level > 1; i--) {
    const node = outline[i] as OutlineNode;
    if (node.level < level) {
      path.unshift(i);
      level = node.level;
    }
  }
  return path;
}

/**
 * A section's heading with the sections above it, outermost first: 一、… › （二）… (the notes panel's group
 * headings; a sub-section's own heading alone does not say where it is).
 */
export function sectionPathHeading(outline: readonly OutlineNode[], index: number): string {
  const node = outline[index];
  if (!node) return '';
  return [...ancestorsOf(outline, index), index]
    .map((i) => sectionHeading(outline[i] as OutlineNode))
    .join(' › ');
}

// ---------------------------------------------------------------------------------------------------------
// Reading order

/** A number to sort by; a damaged record sorts last instead of breaking the sort with NaN. */
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.MAX_SAFE_INTEGER);

/**
 * Reading order of highlights: by start position, longer first when two start together (the outer one),
 * then by creation time and id so equal positions keep a stable order.
 */
export function compareReadingOrder(
  a: { selector: TextSelector; created?: number; id?: string },
  b: { selector: TextSelector; created?: number; id?: string },
): number {
  const x = a.selector;
  const y = b.selector;
  return (
    num(x?.startPara) - num(y?.startPara) ||
    num(x?.startOffset) - num(y?.startOffset) ||
    num(y?.endPara) - num(x?.endPara) ||
    num(y?.endOffset) - num(x?.endOffset) ||
    num(a.created) - num(b.created) ||
    ((a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0)
  );
}
