/**
 * The compare CLI (`npm run --silent compare -- OLD.json NEW.json`): one JSON object with the changes (whole
 * sentences, paragraph indexes, section, changed figures) and a summary; a clear message and exit code 2 for
 * a file it cannot read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEW, OLD } from '../../fixtures/compare/compose';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(TSX, ['scripts/compare.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

function write(name: string, data: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'yandu-compare-'));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

describe('compare CLI', () => {
  it('prints one JSON object with each change as whole sentences and a summary', () => {
    const result = run(
      '--',
      write('old.json', { title: '去年的报告', paragraphs: OLD }),
      write('new.json', { title: '今年的报告', paragraphs: NEW }),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(result.stdout);
    expect(out.summary).toMatchObject({ added: 1, dropped: 1, changed: 3, moved: 1, figures: 2 });
    const target = out.changes.find((c: { numbers?: unknown[] }) =>
      JSON.stringify(c.numbers ?? []).includes('5%左右'),
    );
    // The one changed sentence of a three-item paragraph, not the paragraph.
    expect(target).toMatchObject({
      kind: 'changed',
      oldText: '主要预期目标是：地区生产总值增长5%左右；',
      newText: '主要预期目标是：地区生产总值增长4.5%—5%；',
      oldPara: 9,
      newPara: 8,
      section: '二、今年的总体要求和主要目标',
      numbers: [{ old: '5%左右', new: '4.5%—5%' }],
    });
    const added = out.changes.find((c: { kind: string }) => c.kind === 'added');
    expect(added).toMatchObject({
      oldText: null,
      newText: '大力发展夜间经济，打造三条特色消费街区。',
      oldPara: null,
      newPara: 12,
    });
    for (const c of out.changes) expect(Object.keys(c)).not.toContain('oldIdx');
  });

  it('uses an outline given in the file', () => {
    // No sections at all: the sentence that changed section is no longer "moved".
    const result = run(
      write('old.json', { paragraphs: OLD, outline: [] }),
      write('new.json', { paragraphs: NEW, outline: [] }),
    );
    const out = JSON.parse(result.stdout);
    expect(out.summary.moved).toBe(0);
    expect(out.changes.every((c: { section: string }) => c.section === '开头')).toBe(true);
  });

  it('exits 2 with a message for a missing or malformed file', () => {
    const good = write('ok.json', { paragraphs: OLD });
    const bad = write('bad.json', { paragraphs: '不是数组' });
    const malformed = run(good, bad);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('"paragraphs" must be an array of strings');
    expect(malformed.stdout).toBe('');
    const missing = run(good, join(tmpdir(), 'no-such-file.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-file.json');
    expect(run(good).status).toBe(2);
  });
});
