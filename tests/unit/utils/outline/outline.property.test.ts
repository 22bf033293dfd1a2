import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '@/utils/outline/build';
import type { OutlineNode } from '@/utils/types';

// Pieces that look like the real thing: markers, look-alikes, punctuation, filler words.
const TOKENS = [
  '第一',
  '第二',
  '第三',
  '第十一',
  '第一部分',
  '第二个方面',
  '第四點',
  '一、',
  '二、',
  '十、',
  '（一）',
  '(二)',
  '（三',
  '1.',
  '2、',
  '3．',
  '（1）',
  '(2)',
  '①',
  '②',
  '一是',
  '二是',
  '一是要',
  '二要',
  '三要',
  '一抓',
  '首先',
  '其次',
  '最后',
  '统一',
  '唯一',
  '第一次',
  '议程',
  '他强调',
  '我讲三点意见',
  '，',
  ',',
  '。',
  '；',
  '：',
  ':',
  '！',
  '？',
  '“',
  '”',
  '《',
  '》',
  ' ',
  '\u3000',
  '加强',
  '工作',
  '要',
  '是',
  '十',
  '一',
  '二',
  '5.6%',
  '2026年',
  '\n',
];

const speechText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));

/** What must hold for any input: valid levels, markers where they say they are, document order. */
function checkShape(paragraphs: string[], out: OutlineNode[]): void {
  let prev = -1;
  for (const n of out) {
    expect([1, 2, 3]).toContain(n.level);
    const p = paragraphs[n.para];
    expect(typeof p).toBe('string');
    expect((p as string).startsWith(n.marker, n.offset)).toBe(true);
    // Only the opening and closing parts (开头 / 结束语) have no marker: level 1, at a paragraph start.
    if (n.role === undefined) expect(n.marker.length).toBeGreaterThan(0);
    else expect([n.level, n.marker, n.offset]).toEqual([1, '', 0]);
    const pos = n.para * 1e6 + n.offset;
    expect(pos).toBeGreaterThan(prev);
    prev = pos;
  }
}

const FIXTURES = join(process.cwd(), 'tests/fixtures/outline');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map(
    (f) =>
      JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { paragraphs: string[]; outline: OutlineNode[] },
  );
const fixtureTexts: string[][] = fixtures.map((f) => f.paragraphs);

describe('buildOutline properties', () => {
  it('never throws and returns well-formed nodes for random marker soup', () => {
    fc.assert(
      fc.property(fc.array(speechText, { maxLength: 12 }), (paras) => {
        checkShape(paras, buildOutline(paras));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 8 }), (paras) => {
        checkShape(paras, buildOutline(paras));
      }),
      { numRuns: 150 },
    );
  });

  it('stays well-formed when composed speeches are mutated (cut, spliced, paragraphs dropped)', () => {
    const mutation = fc.record({
      doc: fc.integer({ min: 0, max: fixtureTexts.length - 1 }),
      para: fc.nat(),
      at: fc.nat(),
      len: fc.nat({ max: 20 }),
      insert: speechText,
      drop: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
        let paras = [...(fixtureTexts[muts[0]?.doc ?? 0] ?? [])];
        for (const m of muts) {
          if (paras.length === 0) break;
          const i = m.para % paras.length;
          const p = paras[i] as string;
          const at = m.at % (p.length + 1);
          if (m.drop) paras = paras.filter((_, k) => k !== i);
          else paras[i] = p.slice(0, at) + m.insert + p.slice(at + m.len);
        }
        checkShape(paras, buildOutline(paras));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same outline for the same text (no hidden state between calls)', () => {
    fc.assert(
      fc.property(fc.array(speechText, { maxLength: 8 }), (paras) => {
        expect(buildOutline(paras)).toEqual(buildOutline([...paras]));
      }),
      { numRuns: 100 },
    );
  });

  it('finds the same outline when a page flattens all paragraphs into one line (breaks become spaces)', () => {
    for (const fx of fixtures) {
      const starts: number[] = [];
      let pos = 0;
      for (const p of fx.paragraphs) {
        starts.push(pos);
        pos += p.length + 1;
      }
      const flat = buildOutline([fx.paragraphs.join(' ')]);
      // One line has no paragraphs to name as the opening or the closing: those parts are not found.
      const expected = fx.outline
        .filter((n) => n.role === undefined)
        .map((n) => ({
          ...n,
          para: 0,
          offset: (starts[n.para] as number) + n.offset,
        }));
      expect(flat).toEqual(expected);
    }
  });

  it('handles one huge paragraph of repeated markers (no pathological backtracking)', () => {
    const huge = '一是加强，二是改进，'.repeat(3000) + '（一）'.repeat(2000) + '第一，'.repeat(2000);
    const out = buildOutline([huge, huge]);
    checkShape([huge, huge], out);
  });
});
