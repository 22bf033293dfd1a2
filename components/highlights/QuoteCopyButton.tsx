import { useContext } from 'preact/hooks';
import { i18n } from '#i18n';
import type { CitationSource } from '@/utils/export/quote';
import { formatCitation } from '@/utils/export/quote';
import { useCopyQuote } from '../../hooks/use-copy-quote';
import { QuoteSource } from './quote-source';

/** Cited when the reader gave no speech: the formatter then says only 讲话指出. */
const UNKNOWN: CitationSource = { speaker: null, occasion: null, date: null, title: '' };

/** The citation of `passage` from the speech the reader provides (QuoteSource). */
export function useCitation(): (passage: string) => string {
  const source = useContext(QuoteSource) ?? UNKNOWN;
  return (passage) => formatCitation(source, passage);
}

export interface QuoteCopyButtonProps {
  /** The text to copy, made at the click (a category's quotes are formatted only when asked for). */
  quote: () => string;
  /** The button's text; 复制引用 by default. */
  label?: string;
  /** Tooltip saying what is copied, when the label alone does not. */
  title?: string;
  class?: string;
}

/** A 复制引用 button and, beside it, a short 已复制 (or why not) announced as a status. */
export function QuoteCopyButton({ quote, label, title, ...props }: QuoteCopyButtonProps) {
  const { status, copy } = useCopyQuote();
  const message =
    status === 'copied' ? i18n.t('quoteCopied') : status === 'failed' ? i18n.t('quoteCopyFailed') : '';
  return (
    <span class={`yd-quote-copy${props.class ? ` ${props.class}` : ''}`}>
      <button
        type="button"
        class="yd-quote-copy-button"
        // A tooltip only: the accessible name stays the visible label (what a voice-control user says).
        title={title ?? i18n.t('quoteCopyHint')}
        onClick={() => void copy(quote())}
      >
        {label ?? i18n.t('quoteCopy')}
      </button>
      {/* Always in the page, so a screen reader announces the text when it appears. */}
      <span class={`yd-quote-status is-${status}`} role="status">
        {message}
      </span>
    </span>
  );
}

/** A highlight's passage as the popover shows it, with 复制引用 under it. */
export function QuotedPassage({ text }: { text: string }) {
  const cite = useCitation();
  return (
    <>
      <blockquote class="yd-hl-quote">{text}</blockquote>
      <QuoteCopyButton class="yd-hl-quote-copy" quote={() => cite(text)} />
    </>
  );
}
