import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { OutlineEditing } from '@/hooks/use-outline-edits';
import { ancestorsOf, headingParts, nestOutline, type OutlineItem } from '@/utils/outline/sections';
import { keepInView } from '@/utils/reader/jump';
import type { OutlineNode, TextSelector } from '@/utils/types';
import { ChevronIcon, CloseIcon } from '../shared/Icons';
import { OutlineEditBar } from './OutlineEditBar';

export interface OutlinePanelProps {
  outline: readonly OutlineNode[];
  /** Index of the section being read, -1 before the first. */
  current: number;
  /** 0–100 */
  progress: number;
  onSelect: (index: number) => void;
  /** Drawer mode (narrow windows): the panel shows a close button. */
  onClose?: () => void;
  id?: string;
  class?: string;
  /** Drawer closed in a narrow window: keep it out of the tab order and the accessibility tree. */
  inert?: boolean;
  /** Tabs shown in place of the heading when the side column also holds the notes (提纲 / 批注). */
  tabs?: ComponentChildren;
  /** Editing the outline (升一级 / 降一级 / 删除 / 设为标题 / 撤销 / 恢复自动提纲); absent: read only. */
  edit?: OutlineEditing;
  /** The reader's text selection, for 设为标题. */
  selection?: () => TextSelector | null;
}

/** An entry's 升一级 / 降一级 / 删除 buttons, shown while the outline is being edited. */
function EntryActions({ edit, index, node }: { edit: OutlineEditing; index: number; node: OutlineNode }) {
  const name = node.title || node.marker;
  return (
    <span class="yd-ol-actions">
      <button
        type="button"
        disabled={node.level === 1}
        aria-label={i18n.t('outlinePromote', [name])}
        title={i18n.t('outlinePromote', [name])}
        onClick={() => edit.promote(index)}
      >
        ←
      </button>
      <button
        type="button"
        disabled={node.level === 3}
        aria-label={i18n.t('outlineDemote', [name])}
        title={i18n.t('outlineDemote', [name])}
        onClick={() => edit.demote(index)}
      >
        →
      </button>
      <button
        type="button"
        aria-label={i18n.t('outlineRemove', [name])}
        title={i18n.t('outlineRemove', [name])}
        onClick={() => edit.remove(index)}
      >
        ×
      </button>
    </span>
  );
}

/** Href of a paragraph's anchor, so an outline entry is a real link (copyable, middle-clickable). */
export function paragraphAnchor(para: number): string {
  return `yd-p-${para}`;
}

/** The outline as a collapsible tree beside the text, with the reading progress on top. */
export function OutlinePanel(props: OutlinePanelProps) {
  const { outline, current, progress, onSelect } = props;
  // The latest handler without re-rendering the list for it: the reader passes a new one every render.
  const select = useRef(onSelect);
  select.current = onSelect;
  const tree = useMemo(() => nestOutline(outline), [outline]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const listRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState(false);
  const edit = props.edit;

  // Sections folded away that contain the current one are marked instead, so the place is never lost.
  const currentPath = useMemo(() => new Set(ancestorsOf(outline, current)), [outline, current]);

  // Keep the current entry visible as the reader reads on (the list scrolls, not the page). Measured with
  // viewport boxes: offsetTop counts from whichever ancestor is positioned, which the layout may change.
  useEffect(() => {
    const list = listRef.current;
    const entry = list?.querySelector<HTMLElement>('[aria-current="location"], .has-current > div a');
    if (!list || !entry) return;
    const delta = keepInView(entry.getBoundingClientRect(), list.getBoundingClientRect());
    if (delta) list.scrollTop = Math.max(0, list.scrollTop + delta);
  }, [current]);

  const toggle = (index: number) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const renderItem = (item: OutlineItem) => {
    const { index, node, children } = item;
    const isCollapsed = collapsed.has(index);
    const isCurrent = index === current;
    const hidesCurrent = isCollapsed && currentPath.has(index);
    const heading = headingParts(node);
    const title = heading.title || heading.marker;
    return (
      <li
        key={index}
        class={`yd-ol-item yd-ol-l${node.level}${hidesCurrent ? ' has-current' : ''}`}
        data-outline={index}
      >
        <div class="yd-ol-row">
          {children.length > 0 ? (
            <button
              type="button"
              class="yd-ol-toggle"
              aria-expanded={!isCollapsed}
              aria-label={i18n.t(isCollapsed ? 'readerExpand' : 'readerCollapse', [title])}
              onClick={() => toggle(index)}
            >
              <ChevronIcon />
            </button>
          ) : (
            <span class="yd-ol-spacer" />
          )}
          <a
            href={`#${paragraphAnchor(node.para)}`}
            class={`yd-ol-link${isCurrent ? ' is-current' : ''}`}
            aria-current={isCurrent ? 'location' : undefined}
            onClick={(event) => {
              event.preventDefault();
              select.current(index);
            }}
          >
            {heading.marker ? <span class="yd-ol-marker">{heading.marker}</span> : null}
            <span class="yd-ol-title">{heading.title}</span>
          </a>
          {editing && edit ? <EntryActions edit={edit} index={index} node={node} /> : null}
        </div>
        {children.length > 0 && !isCollapsed ? <ul class="yd-ol-list">{children.map(renderItem)}</ul> : null}
      </li>
    );
  };

  // The entries change only with the outline, folding and the current section; not with the progress
  // figure or the reader's other state. A long work report has hundreds of entries: re-rendering them on
  // every scroll step (progress) or every highlight update would cost frames.
  // biome-ignore lint/correctness/useExhaustiveDependencies: renderItem reads exactly these
  const list = useMemo(
    () => <ul class="yd-ol-list yd-ol-root">{tree.map(renderItem)}</ul>,
    [tree, collapsed, current, currentPath, editing, edit],
  );
  if (outline.length === 0 && !edit) return null;

  return (
    <nav
      id={props.id}
      class={`yd-outline yd-side${props.class ? ` ${props.class}` : ''}`}
      aria-label={i18n.t('readerOutline')}
      inert={props.inert}
    >
      <div class="yd-outline-head">
        {props.tabs ?? <h2 class="yd-outline-heading">{i18n.t('readerOutline')}</h2>}
        <span class="yd-outline-progress">{i18n.t('readerProgress', [String(progress)])}</span>
        {edit ? (
          <button
            type="button"
            class="yd-outline-edit-toggle"
            aria-pressed={editing}
            onClick={() => setEditing(!editing)}
          >
            {i18n.t(editing ? 'outlineEditDone' : 'outlineEdit')}
          </button>
        ) : null}
        {props.onClose ? (
          <button
            type="button"
            class="yd-icon-button yd-outline-close"
            aria-label={i18n.t('readerOutlineClose')}
            title={i18n.t('readerOutlineClose')}
            onClick={props.onClose}
          >
            <CloseIcon />
          </button>
        ) : null}
      </div>
      <div class="yd-outline-bar" aria-hidden="true">
        <span style={{ width: `${progress}%` }} />
      </div>
      {editing && edit ? <OutlineEditBar edit={edit} selection={props.selection ?? (() => null)} /> : null}
      {edit?.edited && !editing ? <p class="yd-outline-edited">{i18n.t('outlineEdited')}</p> : null}
      <div class="yd-outline-scroll" ref={listRef}>
        {list}
      </div>
    </nav>
  );
}
