// The approximate matcher underneath anchoring: folding (width, whitespace) with its offset map, the
// edit-distance routines checked against a brute-force reference, and the candidate search itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affixDistance, bestMatchInWindow, editDistance } from '@/utils/anchoring/distance';
import { matchQuote } from '@/utils/anchoring/match-quote';
import { fold, foldedOffset, foldText } from '@/utils/anchoring/normalize';
import { SearchText } from '@/utils/anchoring/search-text';

/** Textbook Levenshtein, the reference for the faster routines. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = Math.min(up + 1, (row[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] as number;
}

const small = fc.string({ unit: fc.constantFrom('工', '会', '职', 'a', '，', ','), maxLength: 40 });

describe('folding', () => {
  it('makes full- and half-width punctuation equal and drops every kind of whitespace', () => {
    expect(fold('第一，坚持（一）：重点；难点！疑问？')).toBe(fold('第一,坚持(一):重点;难点!疑问?'));
    expect(fold('\u3000\u3000同志们 ：\n大家好\u00a0\u200b')).toBe('同志们:大家好');
    expect(fold('“工会”——职工')).toBe(fold('"工会"--职工'));
    expect(fold('ＡＢＣ１２３')).toBe('abc123');
  });

  it('maps every folded character back to its place in the original', () => {
    const raw = '\u3000第一， 坚持\n政治引领';
    const folded = foldText(raw);
    expect(folded.text).toBe('第一,坚持政治引领');
    for (let i = 0; i < folded.text.length; i++) {
      expect(fold(raw[folded.map[i] as number] as string)).toBe(folded.text[i]);
    }
    expect(foldedOffset(folded, raw.indexOf('政'))).toBe(folded.text.indexOf('政'));
    expect(foldedOffset(folded, 0)).toBe(0);
  });
});

describe('edit distances', () => {
  it('editDistance is Levenshtein distance', () => {
    fc.assert(fc.property(small, small, (a, b) => editDistance(a, b) === levenshtein(a, b)));
  });

  it('affixDistance finds the cheapest way to line the context up against the quote', () => {
    fc.assert(
      fc.property(small, small, fc.nat(), (pattern, text, seed) => {
        const at = seed % (text.length + 1);
        const span = pattern.length + Math.ceil(pattern.length / 2) + 2;
        // Suffix context: pattern starts at `at`, its end is free.
        const after = text.slice(at, at + span);
        let best = pattern.length;
        for (let j = 0; j <= after.length; j++)
          best = Math.min(best, levenshtein(pattern, after.slice(0, j)));
        expect(affixDistance(pattern, text, at, 1)).toBe(best);
        // Prefix context: pattern ends at `at`.
        const before = text.slice(Math.max(0, at - span), at);
        best = pattern.length;
        for (let j = 0; j <= before.length; j++) {
          best = Math.min(best, levenshtein(pattern, before.slice(before.length - j)));
        }
        expect(affixDistance(pattern, text, at, -1)).toBe(best);
      }),
    );
  });

  it('bestMatchInWindow returns the substring with the fewest edits, if within the bound', () => {
    fc.assert(
      fc.property(
        small.filter((p) => p.length > 0),
        small.filter((t) => t.length > 0),
        fc.nat(6),
        (p, t, k) => {
          let best = Number.POSITIVE_INFINITY;
          for (let s = 0; s <= t.length; s++) {
            for (let e = s + 1; e <= t.length; e++) best = Math.min(best, levenshtein(p, t.slice(s, e)));
          }
          const m = bestMatchInWindow(t, 0, t.length, p, k);
          if (best > k || best >= p.length) return; // nothing a caller could use (matches need < p.length edits)
          expect(m).not.toBeNull();
          expect(m?.errors).toBe(best);
          expect(levenshtein(p, t.slice(m?.start, m?.end))).toBe(best);
        },
      ),
    );
  });
});

describe('matchQuote', () => {
  const sentences = [
    '各级工会要把学习宣传贯彻党的创新理论作为首要政治任务。',
    '要深化劳动和技能竞赛，今年全市计划举办各类竞赛一百二十场。',
    '要扎实做好困难职工帮扶工作，确保帮扶资金足额发放。',
    '要扎实做好困难职工帮扶工作的台账管理，做到底数清。',
    '让我们团结一心、真抓实干，为全市发展作出新的更大贡献。',
  ];
  const text = sentences.join('');
  const search = new SearchText(text);
  const at = (s: string) => text.indexOf(s);

  it('finds an exact quote and reports it in raw offsets', () => {
    const quote = '今年全市计划举办各类竞赛';
    const r = matchQuote(search, { quote, prefix: '要深化劳动和技能竞赛，', suffix: '一百二十场', hint: 0 });
    expect(r.match && [r.match.start, r.match.end, r.match.errors]).toEqual([
      at(quote),
      at(quote) + quote.length,
      0,
    ]);
  });

  it('finds a quote with a corrected character and counts the edit', () => {
    const r = matchQuote(search, {
      quote: '确保帮扶资金足额法放',
      prefix: '要扎实做好困难职工帮扶工作，',
      suffix: '。让我们团结一心',
      hint: 0,
    });
    expect(r.match?.errors).toBe(1);
    expect(r.match && text.slice(r.match.start, r.match.end)).toBe('确保帮扶资金足额发放');
  });

  it('uses the context to choose between equal quotes', () => {
    const quote = '要扎实做好困难职工帮扶工作';
    const second = matchQuote(search, {
      quote,
      prefix: '确保帮扶资金足额发放。',
      suffix: '的台账管理',
      hint: 0,
    });
    expect(second.match?.start).toBe(text.lastIndexOf(quote));
    const first = matchQuote(search, {
      quote,
      prefix: '一百二十场。',
      suffix: '，确保帮扶',
      hint: text.length,
    });
    expect(first.match?.start).toBe(text.indexOf(quote));
  });

  it('rejects a lookalike in a different context', () => {
    const query = {
      quote: '要扎实做好困难职工帮扶工作，确保',
      prefix: '今年全市计划举办各类竞赛一百二十场。',
      suffix: '帮扶资金足额发放。让我们团结一心',
      hint: 0,
    };
    expect(matchQuote(search, query).match?.start).toBe(at('要扎实做好困难职工帮扶工作，确保'));
    // Without that sentence, "…帮扶工作的台账" is 3 edits away (within the search bound), but its
    // context disagrees: no place rather than the wrong one.
    const gone = new SearchText(text.replace('要扎实做好困难职工帮扶工作，确保帮扶资金足额发放。', ''));
    expect(matchQuote(gone, query)).toEqual({ match: null, reason: 'weak-match' });
  });

  it('says why nothing was placed', () => {
    expect(matchQuote(search, { quote: ' \u3000', prefix: '', suffix: '', hint: 0 })).toEqual({
      match: null,
      reason: 'empty-quote',
    });
    expect(matchQuote(search, { quote: '本次会议议程共三项', prefix: '', suffix: '', hint: 0 })).toEqual({
      match: null,
      reason: 'not-found',
    });
  });
});
