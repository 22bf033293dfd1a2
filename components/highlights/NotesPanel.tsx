import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Placement } from '@/utils/anchoring/placement';
import { formatCitations } from '@/utils/export/quote';
import { compareReadingOrder, sectionPathHeading } from '@/utils/outline/sections';
import type { HighlightCategorySettings } from '@/utils/settings';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory, type OutlineNode, type Speech } from '@/utils/types';
import { versionHref } from '../reader/ChangeBanner';
import { CloseIcon } from '../shared/Icons';
import { QuoteCopyButton } from './QuoteCopyButton';

export interface NotesPanelProps {
  outline: readonly OutlineNode[];
  placements: readonly Placement[];
  categories: HighlightCategorySettings;
  /** Highlight ids with an unsaved note draft. */
  drafts: ReadonlySet<string>;
  onSelect: (id: string) => void;
  /** The 学习心得 editor, placed at the top of the panel. */
  studyNote?: ComponentChildren;
  /** Tabs shown in the head (提纲 / 批注). */
  tabs?: ComponentChildren;
  /**
   * The speech: its address for 在旧版本中查看 next to highlights that could not be placed, the rest for
   * 复制本类引用 (speaker, occasion, date).
   */
  speech: Pick<Speech, 'url' | 'title' | 'speaker' | 'occasion' | 'date'>;
  previousHash?: string;
  onClose?: () => void;
  id?: string;
  class?: string;
  inert?: boolean;
}

interface Group {
  section: number;
  items: Placement[];
}

/** Placed highlights in reading order, grouped under the section they fall in (-1: before the first). */
export function groupBySection(placements: readonly Placement[]): Group[] {
  const placed = placements.filter((p) => p.selector !== null);
  placed.sort((a, b) =>
    compareReadingOrder(
      { selector: a.selector ?? a.highlight.selector },
      { selector: b.selector ?? b.highlight.selector },
    ),
  );
  const groups: Group[] = [];
  for (const p of placed) {
    const last = groups[groups.length - 1];
    if (last && last.section === p.section) last.items.push(p);
    else groups.push({ section: p.section, items: [p] });
  }
  return groups;
}

function sectionTitle(outline: readonly OutlineNode[], section: number): string {
  if (!outline[section]) return i18n.t('notesBeforeFirstSection');
  return sectionPathHeading(outline, section);
}

/** The speech's highlights and notes beside the text, filterable by category; a click goes to the passage. */
export function NotesPanel(props: NotesPanelProps) {
  const { outline, placements, categories, drafts } = props;
  const [filter, setFilter] = useState<HighlightCategory | null>(null);
  const shown = useMemo(
    () => (filter ? placements.filter((p) => p.highlight.category === filter) : placements),
    [placements, filter],
  );
  const groups = useMemo(() => groupBySection(shown), [shown]);
  const unplaced = shown.filter((p) => p.selector === null);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const p of placements) c[p.highlight.category] = (c[p.highlight.category] ?? 0) + 1;
    return c;
  }, [placements]);

  const item = (p: Placement, placed: boolean) => {
    const h = p.highlight;
    const quote = (
      <>
        <span class="yd-note-quote">{h.selector.exact}</span>
        {h.note ? <span class="yd-note-text">{h.note}</span> : null}
        {drafts.has(h.id) ? <span class="yd-note-draft">{i18n.t('notesDraft')}</span> : null}
      </>
    );
    return (
      <li
        key={h.id}
        class={`yd-note-item yd-cat-${h.category}`}
        data-highlight={h.id}
        style={{ '--yd-cat': categories[h.category].color }}
      >
        {placed ? (
          <button
            type="button"
            class="yd-note-link"
            title={categories[h.category].name}
            onClick={() => props.onSelect(h.id)}
          >
            {quote}
          </button>
        ) : (
          <div class="yd-note-link is-unplaced">
            {quote}
            {props.previousHash ? (
              <a
                href={versionHref(props.speech.url, props.previousHash, h.id)}
                target="_blank"
                rel="noreferrer"
              >
                {i18n.t('notesOpenVersion')}
              </a>
            ) : null}
          </div>
        )}
      </li>
    );
  };

  return (
    <section
      id={props.id}
      class={`yd-side yd-notes${props.class ? ` ${props.class}` : ''}`}
      aria-label={i18n.t('sideTabNotes')}
      inert={props.inert}
    >
      <div class="yd-outline-head">
        {props.tabs ?? <h2 class="yd-outline-heading">{i18n.t('sideTabNotes')}</h2>}
        {props.onClose ? (
          <button
            type="button"
            class="yd-icon-button yd-outline-close"
            aria-label={i18n.t('notesClose')}
            title={i18n.t('notesClose')}
            onClick={props.onClose}
          >
            <CloseIcon />
          </button>
        ) : null}
      </div>
      <div class="yd-outline-scroll yd-notes-scroll">
        {props.studyNote}
        <fieldset class="yd-note-filter">
          <legend class="yd-visually-hidden">{i18n.t('notesFilter')}</legend>
          <button type="button" aria-pressed={filter === null} onClick={() => setFilter(null)}>
            {i18n.t('notesFilterAll')} {placements.length}
          </button>
          {HIGHLIGHT_CATEGORIES.map((id) => (
            <button
              key={id}
              type="button"
              data-category={id}
              aria-pressed={filter === id}
              onClick={() => setFilter(filter === id ? null : id)}
            >
              <span class="yd-hl-swatch" style={{ background: categories[id].color }} aria-hidden="true" />
              {categories[id].name} {counts[id] ?? 0}
            </button>
          ))}
        </fieldset>
        {filter && shown.length > 0 ? (
          <QuoteCopyButton
            class="yd-note-copy"
            label={i18n.t('quoteCopyCategory')}
            title={i18n.t('quoteCopyCategoryHint', [categories[filter].name, String(shown.length)])}
            // What the list shows, in its order: placed passages in reading order, then the unplaced ones.
            quote={() =>
              formatCitations(
                props.speech,
                [...groups.flatMap((g) => g.items), ...unplaced].map((p) => p.highlight.selector.exact),
              )
            }
          />
        ) : null}
        {placements.length === 0 ? <p class="yd-notes-empty">{i18n.t('notesEmpty')}</p> : null}
        {groups.map((group) => (
          <section key={`${group.section}-${group.items[0]?.highlight.id}`} class="yd-note-group">
            <h3 class="yd-note-section">{sectionTitle(outline, group.section)}</h3>
            <ul class="yd-note-list">{group.items.map((p) => item(p, true))}</ul>
          </section>
        ))}
        {unplaced.length > 0 ? (
          <section class="yd-note-group yd-unplaced">
            <h3 class="yd-note-section">
              {i18n.t('notesUnplaced')} {unplaced.length}
            </h3>
            <p class="yd-hl-hint">{i18n.t('notesUnplacedHint')}</p>
            <ul class="yd-note-list">{unplaced.map((p) => item(p, false))}</ul>
          </section>
        ) : null}
      </div>
    </section>
  );
}
