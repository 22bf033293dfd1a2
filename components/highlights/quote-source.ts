import { createContext } from 'preact';
import type { CitationSource } from '@/utils/export/quote';

/**
 * The speech a quote is cited from (speaker, occasion, date, title). The reader provides it around the
 * selection toolbar and the highlight popover, which know the passage but not the speech. A module of its
 * own: the reader's first chunk takes this and not the formatting (QuoteCopyButton comes with highlight-ui).
 */
export const QuoteSource = createContext<CitationSource | null>(null);
