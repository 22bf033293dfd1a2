/**
 * Highlights are stored as selectors over the speech text (paragraph offsets + exact quote + 32 characters
 * of context, like Hypothesis's TextPosition/TextQuote selectors) and found again when the speech is
 * opened, possibly after the portal edited it. Order of trust: the stored position if it still shows the
 * exact quote; else the quote with its context; else an approximate quote under a strict threshold
 * (utils/anchoring/match-quote.ts). A highlight that cannot be placed is reported with a reason, never dropped: the UI keeps
 * it under 未能定位; its reason is an UnplacedReason (utils/anchoring/match-quote.ts).
 */

import type { Anchoring, TextSelector } from '../types';
import { matchQuote } from './match-quote';
import { SearchText } from './search-text';
import { SpeechText, type TextPoint } from './speech-text';

/** Below this share of agreeing context a place found away from the stored one is shown but not stored. */
const WRITE_BACK_CONTEXT = 0.5;

/** The selector for the text between two points of a speech (points are clamped and ordered). */
export function describe(paragraphs: readonly string[], start: TextPoint, end: TextPoint): TextSelector {
  return new SpeechText(paragraphs).describe(start, end);
}

/** Where one stored selector is found in the speech's current paragraphs. */
export function anchor(paragraphs: readonly string[], selector: TextSelector): Anchoring {
  return createAnchorer(paragraphs)(selector);
}

/** anchor() for many highlights of one speech, sharing the joined text, offset table and folded copy. */
export function anchorAll(paragraphs: readonly string[], selectors: readonly TextSelector[]): Anchoring[] {
  return selectors.map(createAnchorer(paragraphs));
}

/**
 * A function that anchors selectors on one text. The folded copy and its index are only built when some
 * selector's position no longer holds, so restoring highlights on an unchanged speech stays a string compare
 * per highlight.
 */
export function createAnchorer(paragraphs: readonly string[]): (selector: TextSelector) => Anchoring {
  const text = new SpeechText(paragraphs);
  let search: SearchText | null = null;
  return (selector) => {
    const exact = stringField(selector?.exact);
    const prefix = stringField(selector?.prefix);
    const suffix = stringField(selector?.suffix);
    if (exact.length === 0) return { placed: false, reason: 'empty-quote' };

    const joined = text.joined;
    const start = text.offsetOf({ para: selector.startPara, offset: selector.startOffset });
    const end = text.offsetOf({ para: selector.endPara, offset: selector.endOffset });
    const positionHolds = start >= 0 && end - start === exact.length && joined.startsWith(exact, start);
    if (positionHolds && joined.endsWith(prefix, start) && joined.startsWith(suffix, end)) {
      return { placed: true, selector: text.describeOffsets(start, end), how: 'position' };
    }

    search ??= new SearchText(joined);
    const hint = start >= 0 ? start : guessOffset(text, selector);
    const result = matchQuote(search, {
      quote: exact,
      prefix,
      suffix,
      hint,
      position: positionHolds ? start : undefined,
    });
    if (!result.match) return { placed: false, reason: result.reason };
    const { match } = result;
    const how =
      positionHolds && match.start === start && match.end === end
        ? 'position'
        : match.errors === 0
          ? 'quote'
          : 'fuzzy';
    const placedAt = text.describeOffsets(match.start, match.end);
    return how !== 'position' && match.contextScore < WRITE_BACK_CONTEXT
      ? { placed: true, selector: placedAt, how, weakContext: true }
      : { placed: true, selector: placedAt, how };
  };
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Expected offset when the stored point no longer exists (paragraphs removed): clamp it into the text. */
function guessOffset(text: SpeechText, selector: TextSelector): number {
  const point = text.clamp({ para: selector?.startPara, offset: selector?.startOffset });
  return (text.starts[point.para] ?? 0) + point.offset;
}
