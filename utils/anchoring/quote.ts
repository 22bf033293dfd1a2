/**
 * What a quote search is asked and answers: shared by match-quote.ts (the search) and ends.ts (placing a
 * long quote by its two ends), so neither imports the other.
 */

export interface QuoteQuery {
  quote: string;
  prefix: string;
  suffix: string;
  /** Expected start, as an offset in the raw text; only breaks near-ties. */
  hint: number;
  /** Raw start offset at which the stored position still shows the exact quote, if it does. */
  position?: number;
}

export interface QuoteMatch {
  /** Offsets in the raw text. */
  start: number;
  end: number;
  /** Edits between the folded quote and the folded match. */
  errors: number;
  /** 1 - errors / quote length. */
  quoteScore: number;
  /** 1 - (context edits) / (context length); 1 when there was no context to compare. */
  contextScore: number;
  score: number;
}

export type QuoteResult = { match: QuoteMatch; reason?: undefined } | { match: null; reason: UnplacedReason };

/** Why a quote could not be placed (stored with nothing; shown as 未能定位 with this as the detail). */
export type UnplacedReason = 'empty-quote' | 'not-found' | 'weak-match';
