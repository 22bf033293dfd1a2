/**
 * The outline builder's evidence weights and thresholds, as one explicit parameter set. The shipped values are
 * DEFAULT_PARAMS; scripts/eval-outline.ts fits them on the development corpora (plain and leave-one-source-out)
 * so that a change that only helps one source shows up as a gap between the two figures.
 */
export interface OutlineParams {
  /** Paragraphs allowed between two loose inline items (是/要/首先/1.) of one list. */
  maxWeakGap: number;
  /** How many paragraphs after a preview list its sections may start. */
  previewReach: number;
  /** Items whose titles are at most this long, packed into one sentence, are a noun list, not headings. */
  shortTitle: number;
  /**
   * Weight of a part boundary (a salutation such as 同志们！ or a transition such as 我再提几点希望) against
   * an open last item: at 1 or more the boundary ends every list item that started before it and is not
   * continued after it, so a new list after it is top-level; at 0 boundaries are ignored.
   */
  boundaryWeight: number;
  /**
   * Weight of heading shape (every item opens its own paragraph) for a top-level list outside the main one:
   * at 1 or more such a list keeps level 1 (a part of its own); below 1 it moves down a level like an inline
   * list of the opening or closing does.
   */
  headingPartWeight: number;
  /** The closing part (结束语) is at most this many paragraphs long; longer tails belong to the last section. */
  closingMaxParas: number;
}

export const DEFAULT_PARAMS: Readonly<OutlineParams> = Object.freeze({
  maxWeakGap: 4,
  previewReach: 30,
  shortTitle: 8,
  boundaryWeight: 1,
  headingPartWeight: 1,
  closingMaxParas: 4,
});

/** The values tried for each parameter when they are fitted (coordinate search in scripts/eval-outline.ts). */
export const PARAM_GRID: { readonly [K in keyof OutlineParams]: readonly number[] } = {
  maxWeakGap: [2, 4, 6],
  previewReach: [30],
  shortTitle: [6, 8, 10, 12],
  boundaryWeight: [0, 1],
  headingPartWeight: [0, 1],
  closingMaxParas: [4],
};
