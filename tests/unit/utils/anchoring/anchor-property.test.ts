// Properties of anchoring over random speeches: a highlight on unchanged text always comes back at the
// same offsets, and on randomly edited text anchoring never throws and never places a highlight on text
// that does not closely match its quote.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { anchor, anchorAll, describe } from '@/utils/anchoring/anchor';
import { commonSubsequence } from '@/utils/anchoring/distance';
import { fold } from '@/utils/anchoring/normalize';
import type { TextSelector } from '@/utils/types';

// Few distinct characters, so quotes repeat and random edits produce lookalikes.
const char = fc.constantFrom(...'工会职发展要坚持，。、：；！？,.:;!?（）() \u3000');
const paragraph = fc.string({ unit: char, maxLength: 60 });
const speech = fc.array(paragraph, { minLength: 1, maxLength: 8 });

/** A speech with a random (possibly multi-paragraph, possibly empty) range in it. */
const speechWithRange = speech.chain((paragraphs) => {
  const point = fc
    .nat(paragraphs.length - 1)
    .chain((para) =>
      fc.record({ para: fc.constant(para), offset: fc.nat((paragraphs[para] as string).length) }),
    );
  return fc.tuple(fc.constant(paragraphs), point, point);
});

function slice(paragraphs: string[], s: TextSelector): string {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 1;
  }
  return paragraphs
    .join('\n')
    .slice((starts[s.startPara] ?? 0) + s.startOffset, (starts[s.endPara] ?? 0) + s.endOffset);
}

it('describe → anchor on unchanged text gives back the same offsets, by position', () => {
  fc.assert(
    fc.property(speechWithRange, ([paragraphs, a, b]) => {
      const sel = describe(paragraphs, a, b);
      expect(slice(paragraphs, sel)).toBe(sel.exact);
      const found = anchor(paragraphs, sel);
      if (sel.exact === '') {
        expect(found.placed).toBe(false);
        return;
      }
      expect(found).toEqual({ placed: true, selector: sel, how: 'position' });
    }),
    { numRuns: 300 },
  );
});

/** Random edits: insert, delete or replace a run of characters, split or merge paragraphs. */
const edits = fc.array(
  fc.record({
    kind: fc.constantFrom('insert', 'delete', 'replace', 'split', 'merge'),
    at: fc.nat(),
    length: fc.nat(6),
    text: fc.string({ unit: char, maxLength: 6 }),
  }),
  { maxLength: 6 },
);

function applyEdits(
  paragraphs: string[],
  list: { kind: string; at: number; length: number; text: string }[],
) {
  let joined = paragraphs.join('\n');
  for (const e of list) {
    const at = e.at % (joined.length + 1);
    if (e.kind === 'insert') joined = joined.slice(0, at) + e.text + joined.slice(at);
    else if (e.kind === 'delete') joined = joined.slice(0, at) + joined.slice(at + e.length);
    else if (e.kind === 'replace') joined = joined.slice(0, at) + e.text + joined.slice(at + e.text.length);
    else if (e.kind === 'split') joined = `${joined.slice(0, at)}\n${joined.slice(at)}`;
    else {
      const nl = joined.indexOf('\n', at);
      if (nl >= 0) joined = joined.slice(0, nl) + joined.slice(nl + 1);
    }
  }
  return joined.split('\n');
}

it('never throws on edited text, and whatever it places closely matches the quote', () => {
  fc.assert(
    fc.property(speechWithRange, speechWithRange, edits, ([paragraphs, a, b], [, c, d], list) => {
      const selectors = [describe(paragraphs, a, b)];
      // A second selector taken from the same speech (clamped into it by describe).
      selectors.push(describe(paragraphs, c, d));
      const edited = applyEdits(paragraphs, list);
      const results = anchorAll(edited, selectors);
      results.forEach((found, i) => {
        const sel = selectors[i] as TextSelector;
        if (!found.placed) {
          expect(found.reason).toMatch(/^(empty-quote|not-found|weak-match)$/);
          return;
        }
        // The selector returned describes the edited text.
        expect(slice(edited, found.selector)).toBe(found.selector.exact);
        const quote = fold(sel.exact);
        const placed = fold(found.selector.exact);
        if (found.how === 'position' || found.how === 'quote') expect(placed).toBe(quote);
        // Fuzzy: within a quarter of the quote in edits, or (a sentence added or dropped in the middle of
        // a long passage) still holding at least 65% of the quote's characters in order.
        else expect(commonSubsequence(quote, placed)).toBeGreaterThanOrEqual(0.65 * quote.length);
      });
    }),
    { numRuns: 300 },
  );
});
