import { Component, type ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { webHref } from '@/utils/links';
import { type Block, countCharacters, formatDate, type Run, readingMinutes } from '@/utils/reader/model';
import type { Speech } from '@/utils/types';
import { paragraphAnchor } from './OutlinePanel';

export interface SpeechArticleProps {
  speech: Speech;
  blocks: readonly Block[];
  /** How many of the blocks to show (the first frame of a long speech shows its beginning); all by default. */
  shown?: number;
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** speaker · occasion · date · source; what the page does not say is left out, never shown as "null". */
function MetaLine({ speech }: { speech: Speech }) {
  const parts: ComponentChildren[] = [];
  if (speech.speaker) parts.push(<span class="yd-meta-speaker">{speech.speaker}</span>);
  if (speech.occasion) parts.push(<span class="yd-meta-occasion">{speech.occasion}</span>);
  if (speech.date) {
    parts.push(
      <time class="yd-meta-date" dateTime={speech.date}>
        {formatDate(speech.date, uiLanguage())}
      </time>,
    );
  }
  const href = webHref(speech.url);
  if (href) {
    parts.push(
      <a class="yd-meta-source" href={href} rel="noreferrer" title={i18n.t('readerOriginalTitle')}>
        {speech.source || i18n.t('readerOriginal')}
      </a>,
    );
  } else if (speech.source) {
    parts.push(<span class="yd-meta-source">{speech.source}</span>);
  }
  if (parts.length === 0) return null;
  return (
    <p class="yd-meta">
      {parts.map((part, i) => (
        <span key={i} class="yd-meta-part">
          {i > 0 ? (
            <span class="yd-meta-sep" aria-hidden="true">
              ·
            </span>
          ) : null}
          {part}
        </span>
      ))}
    </p>
  );
}

function RunView({ run }: { run: Run }) {
  if (run.kind === 'lead') return <strong class={`yd-lead yd-lead-${run.level ?? 1}`}>{run.text}</strong>;
  if (run.kind === 'marker') return <em class="yd-marker">{run.text}</em>;
  return <>{run.text}</>;
}

/** Lines a paragraph takes at the usual measure, for the placeholder height of unpainted paragraphs. */
function estimatedLines(block: Block): number {
  let length = 0;
  for (const run of block.runs) length += run.text.length;
  return Math.max(1, Math.ceil((length + 2) / 36));
}

function BlockView({ block }: { block: Block }) {
  const Tag = block.kind;
  return (
    <Tag
      id={paragraphAnchor(block.para)}
      class={`yd-block yd-${block.kind}`}
      data-para={block.para}
      style={{ '--yd-lines': estimatedLines(block) }}
    >
      {block.runs.map((run) => (
        <RunView key={run.start} run={run} />
      ))}
    </Tag>
  );
}

/**
 * Title block and body. Text only: every string from the page becomes a text node, and the only
 * elements are the ones written here. Re-rendered only for a new speech or blocks: scrolling updates the
 * panel, never the text. (A class rather than preact/compat's memo: compat's global vnode hook would
 * rewrite the props of every element of the reader.)
 */
export class SpeechArticle extends Component<SpeechArticleProps> {
  override shouldComponentUpdate(next: SpeechArticleProps): boolean {
    return (
      next.speech !== this.props.speech ||
      next.blocks !== this.props.blocks ||
      next.shown !== this.props.shown
    );
  }

  override render({ speech, blocks, shown }: SpeechArticleProps) {
    const characters = countCharacters(speech.paragraphs);
    return (
      <article class="yd-article" lang="zh-CN">
        <header class="yd-title-block">
          <h1 class="yd-title">{speech.title || i18n.t('readerUntitled')}</h1>
          <MetaLine speech={speech} />
          {characters > 0 ? (
            <p class="yd-length">
              {i18n.t('readerLength', [
                characters.toLocaleString('zh-CN'),
                String(readingMinutes(characters)),
              ])}
            </p>
          ) : null}
        </header>
        <div class="yd-body">
          {(shown === undefined || shown >= blocks.length ? blocks : blocks.slice(0, shown)).map((block) => (
            <BlockView key={block.para} block={block} />
          ))}
        </div>
      </article>
    );
  }
}
