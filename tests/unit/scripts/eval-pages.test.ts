/**
 * Regression guard for page understanding: detection, title, date, speaker and body bounds on the real saved
 * pages in ../shared/realpages-dev, the sample portal and the corpus pages rebuilt by scripts/eval-detect.ts
 * must not fall below the figures recorded in tests/fixtures/pages/eval-floor.json (raise them when a change
 * improves them: `npx tsx scripts/eval-pages.ts --json`). The shared data folder is required: without it
 * this fails, it does not skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAll, FIELDS, type Figures, figures, SHARED, table } from '@/scripts/eval-pages';

const floor = JSON.parse(
  readFileSync(join(process.cwd(), 'tests/fixtures/pages/eval-floor.json'), 'utf8'),
) as Figures;

describe('page understanding on whole pages (regression guard)', () => {
  it('finds the shared real pages', () => {
    expect(
      existsSync(join(SHARED, 'realpages-dev', 'index.json')),
      `${SHARED}/realpages-dev is missing`,
    ).toBe(true);
  });

  it('scores no set and no field below the recorded floor', { timeout: 600_000 }, () => {
    const results = evaluateAll();
    const got = figures(results);
    const report = table(results, true);
    for (const [set, fields] of Object.entries(floor)) {
      for (const field of FIELDS) {
        const want = fields[field];
        if (want === undefined) continue;
        expect(got[set]?.[field] ?? 0, `${set} ${field}\n${report}`).toBeGreaterThanOrEqual(want);
      }
    }
  });
});
