import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { readPosition } from '@/utils/reader/positions';
import { meetingHref, readerHref } from '@/utils/routes';
import { type SearchDocKind, type SpeechHits, snippetsOf } from '@/utils/search';
import type { HighlightCategorySettings } from '@/utils/settings';
import type { SpeechSummary } from '@/utils/store/library';
import { CategoryChips } from './LibraryChips';
import './read-progress.css';

/** Rows rendered at first and per 再显示: a long library paints as fast as a short one. */
export const PAGE_SIZE = 40;
/** Search results carry snippets and are built new for each query: fewer a page keep typing quick. */
export const SEARCH_PAGE_SIZE = 20;

const pad = (n: number) => String(n).padStart(2, '0');

/** 今天 14:05 / 昨天 09:30 / 2026-11-02: when a speech was last opened, as a person says it. */
export function formatOpened(ms: number, now: Date = new Date()): string {
  if (!ms) return '—';
  const d = new Date(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const day = (x: Date) => `${x.getFullYear()}-${pad(x.getMonth() + 1)}-${pad(x.getDate())}`;
  if (day(d) === day(now)) return i18n.t('libToday', [time]);
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day(d) === day(yesterday)) return i18n.t('libYesterday', [time]);
  return day(d);
}

function snippetLabel(kind: SearchDocKind): string {
  switch (kind) {
    case 'title':
      return i18n.t('libSnippetTitle');
    case 'studyNote':
      return i18n.t('libSnippetStudyNote');
    case 'note':
      return i18n.t('libSnippetNote');
    case 'highlight':
      return i18n.t('libSnippetHighlight');
    default:
      return i18n.t('libSnippetText');
  }
}

/** Search matches in context, marked with <mark> elements (text nodes only, never markup from the data). */
function Snippets({ hits, url }: { hits: SpeechHits; url: string }) {
  const snippets = useMemo(() => snippetsOf(hits), [hits]);
  return (
    <ul class="yd-snippets">
      {snippets.map((s, i) => (
        <li key={i} class={`yd-snippet yd-snippet-${s.kind}`}>
          <span class="yd-snippet-kind">{snippetLabel(s.kind)}</span>
          <a
            class="yd-snippet-text"
            href={readerHref({ url, highlightId: s.highlightId, passage: s.passage })}
          >
            {s.clippedStart ? '…' : ''}
            {s.parts.map((p, j) => (p.mark ? <mark key={j}>{p.text}</mark> : p.text))}
            {s.clippedEnd ? '…' : ''}
          </a>
        </li>
      ))}
      {hits.more ? <li class="yd-snippet-more">{i18n.t('libMoreHits')}</li> : null}
    </ul>
  );
}

/** 已读 60% and a thin bar: how far the speech was read, where it was left (utils/reader/positions.ts). */
function ReadProgress({ speechId }: { speechId: string }) {
  const progress = readPosition(speechId)?.progress;
  if (progress === undefined) return null;
  return (
    <span class="yd-lib-read">
      <span
        class="yd-lib-read-bar"
        role="progressbar"
        aria-label={i18n.t('libReadProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <span style={{ width: `${progress}%` }} />
      </span>
      {i18n.t('libReadProgress', [String(progress)])}
    </span>
  );
}

export function LibraryRow({
  s,
  hits,
  selected,
  onToggle,
  onDelete,
  categories,
}: {
  s: SpeechSummary;
  categories: HighlightCategorySettings;
  hits: SpeechHits | undefined;
  selected: boolean;
  onToggle: (id: string) => void;
  onDelete: (s: SpeechSummary) => void;
}) {
  const title = s.title || i18n.t('readerUntitled');
  return (
    <li class={`yd-lib-row${selected ? ' is-selected' : ''}`} data-speech-id={s.id}>
      <input
        type="checkbox"
        class="yd-lib-check"
        // Ticked rows are exported together; two of them can be compared (对照).
        data-compare-pick={s.id}
        checked={selected}
        aria-label={i18n.t('libSelect', [title])}
        onChange={() => onToggle(s.id)}
      />
      <div class="yd-lib-main">
        <a class="yd-lib-title" href={readerHref({ url: s.url })}>
          {title}
        </a>
        <p class="yd-lib-meta">
          {s.speaker ? <span class="yd-lib-speaker">{s.speaker}</span> : null}
          {s.date ? <span class="yd-lib-date">{s.date}</span> : null}
          <span class="yd-lib-opened">{i18n.t('libLastOpened', [formatOpened(s.lastOpened)])}</span>
          <ReadProgress speechId={s.id} />
          {s.hasNote ? <span class="yd-lib-hasnote">{i18n.t('libHasNote')}</span> : null}
          <a
            class="yd-lib-meeting"
            href={meetingHref(s.id)}
            target="_blank"
            rel="noopener"
            data-link="meeting"
            aria-label={i18n.t('libMeetingLabel', [title])}
          >
            {i18n.t('libMeeting')}
          </a>
        </p>
        <CategoryChips counts={s.counts} categories={categories} />
        {hits ? <Snippets hits={hits} url={s.url} /> : null}
      </div>
      <button
        type="button"
        class="yd-btn yd-btn-quiet yd-lib-delete"
        aria-label={i18n.t('libDeleteLabel', [title])}
        onClick={() => onDelete(s)}
      >
        {i18n.t('libDelete')}
      </button>
    </li>
  );
}

/** The speeches as a list, a page at a time. */
export function LibraryList({
  rows,
  hits,
  selected,
  onToggle,
  onDelete,
  categories,
}: {
  rows: readonly SpeechSummary[];
  categories: HighlightCategorySettings;
  hits: Map<string, SpeechHits> | null;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onDelete: (s: SpeechSummary) => void;
}) {
  // A new search or filter starts from the first page again (derived during render: no second render).
  const [paging, setPaging] = useState({ rows, pages: 1 });
  const pages = paging.rows === rows ? paging.pages : 1;
  const page = hits ? SEARCH_PAGE_SIZE : PAGE_SIZE;
  const shown = pages * page;
  const rest = rows.length - shown;
  return (
    <>
      <ol class="yd-lib-list" aria-label={i18n.t('libTabSpeeches')}>
        {rows.slice(0, shown).map((s) => (
          <LibraryRow
            key={s.id}
            s={s}
            hits={hits?.get(s.id)}
            selected={selected.has(s.id)}
            onToggle={onToggle}
            onDelete={onDelete}
            categories={categories}
          />
        ))}
      </ol>
      {rest > 0 ? (
        <button
          type="button"
          class="yd-btn yd-lib-more"
          onClick={() => setPaging({ rows, pages: pages + 1 })}
        >
          {i18n.t('libShowMore', [String(Math.min(rest, page))])}
        </button>
      ) : null}
    </>
  );
}
