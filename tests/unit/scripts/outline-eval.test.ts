// @vitest-environment node
/**
 * The outline evaluation (scripts/eval-outline.ts) and the regression guard: the development corpora in
 * ../shared are scored as `npm run eval:outline` scores them, and the figures may not fall below the ones
 * recorded in tests/fixtures/outline/scores/dev-scores.json (`npm run eval:outline -- --write-scores` records new
 * ones after an improvement). Without ../shared the guard fails: it never passes by skipping.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CorpusFile,
  defaultSharedDir,
  evaluateAll,
  figures,
  formatTable,
  type GoldNode,
  matchNodes,
  readShared,
  SCORES_FILE,
} from '@/scripts/eval-outline';
import type { OutlineNode } from '@/utils/types';

const node = (level: 1 | 2 | 3, para: number, offset: number): OutlineNode => ({
  level,
  marker: '一',
  title: '',
  para,
  offset,
});

describe('outline evaluation', () => {
  it('matches on level, paragraph and offset within two characters, ignoring the marker text', () => {
    const gold = [{ ...node(1, 2, 0), marker: '第一，' }, node(2, 3, 10), node(2, 4, 5)];
    const pred = [node(1, 2, 0), node(2, 3, 12), node(3, 4, 5), node(1, 9, 0)];
    const { missed, extra } = matchNodes(gold, pred);
    expect(missed).toEqual([node(2, 4, 5)]);
    expect(extra).toEqual([node(3, 4, 5), node(1, 9, 0)]);
  });

  it('leaves the opening and closing parts (开头 / 结束语) out of the scoring', () => {
    const opening: OutlineNode = { ...node(1, 0, 0), marker: '', title: '开头', role: 'opening' };
    const { missed, extra } = matchNodes([node(1, 2, 0)], [opening, node(1, 2, 0)]);
    expect(missed).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('scores composed texts per level, counts wholly correct texts and holds each source out once', () => {
    const right: CorpusFile = {
      id: 'right',
      corpus: 'c',
      source: 'a',
      paragraphs: ['一、学习', '要认真学习。', '二、落实', '要抓好落实。'],
      outline: [
        { level: 1, marker: '一、', title: '学习', para: 0, offset: 0 },
        { level: 1, marker: '二、', title: '落实', para: 2, offset: 0 },
      ],
    };
    // Gold says level 2 where the engine says level 1: one miss and one false alarm at different levels.
    const wrong: CorpusFile = {
      ...right,
      id: 'wrong',
      source: 'b',
      outline: [right.outline[0] as GoldNode, { ...(right.outline[1] as GoldNode), level: 2 }],
    };
    const e = evaluateAll([right, wrong], false);
    expect(e.plain.texts).toBe(2);
    expect(e.plain.whollyCorrect).toBe(1);
    expect(e.plain.levels['1']).toEqual({ tp: 3, fp: 1, fn: 0 });
    expect(e.plain.levels['2']).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(e.loso.texts).toBe(2);
    const table = formatTable([['plain', e.plain]]);
    expect(table).toMatch(/^1\s+3\s+0\.750\s+1\.000\s+0\.857$/m);
    expect(table).toMatch(/^3\s+0\s+n\/a/m);
    expect(table).toContain('wholly correct texts: plain 1/2');
  });
});

describe('outline regression guard (development corpora in ../shared)', () => {
  it('scores at least the recorded figures, plain and leave-one-source-out', () => {
    const shared = defaultSharedDir();
    // Throws (the test fails) when the corpora are missing: a guard that skips guards nothing.
    const files = readShared(shared);
    expect(files.length, `texts in ${shared}`).toBeGreaterThanOrEqual(50);
    const recorded = JSON.parse(readFileSync(SCORES_FILE, 'utf8')) as Record<string, number>;
    const now = figures(evaluateAll(files));
    const fallen = Object.entries(recorded)
      .filter(([k, v]) => k !== 'texts' && (now[k] ?? 0) < v - 1e-9)
      .map(([k, v]) => `${k}: ${now[k]} < recorded ${v}`);
    expect(fallen, `run npm run eval:outline -- --verbose (${join('tests', 'fixtures', 'outline')})`).toEqual(
      [],
    );
  }, 120_000);
});
