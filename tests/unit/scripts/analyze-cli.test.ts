/**
 * The analyze CLI runs the extension's detection/extraction/outline code under Node: one JSON line per file,
 * a clear message and a non-zero exit for an unreadable file, without stopping the other files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(TSX, ['scripts/analyze.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('analyze CLI', () => {
  it('prints one JSON line per page, with detection, speech and outline', () => {
    const result = run('tests/fixtures/pages/ldjh-seed-speech.html', 'tests/fixtures/pages/notice.html');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const [speech, notice] = lines;
    expect(speech.file).toBe('tests/fixtures/pages/ldjh-seed-speech.html');
    // The canonical link gives the URL.
    expect(speech.url).toBe('http://www.ordoszgh.gov.cn/zlzx/ldjh/201903/t20190325_2301456.html');
    expect(speech.detection.isSpeech).toBe(true);
    expect(speech.speech.speaker).toBe('王立新');
    expect(speech.speech.paragraphs[2]).toBe('第一，坚持政治引领，把准工会工作方向。');
    expect(speech.speech.outline.length).toBeGreaterThan(0);
    // The outline opens with the unnumbered opening part (开头), then the first section.
    expect(speech.speech.outline[0]).toMatchObject({ role: 'opening', para: 0 });
    expect(speech.speech.outline[1]).toMatchObject({ para: 2, offset: 0 });
    // No canonical link: portal address + file name.
    expect(notice.url).toBe('http://www.ordoszgh.gov.cn/notice.html');
    expect(notice.detection.isSpeech).toBe(false);
  });

  it('uses --url, outlines JSON paragraph files, and reports unreadable files without stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yandu-analyze-'));
    const json = join(dir, 'speech.json');
    writeFileSync(
      json,
      JSON.stringify({ paragraphs: ['同志们：', '第一，要提高认识。', '第二，要狠抓落实。'] }),
    );
    const missing = join(dir, 'missing.html');
    const url = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202302/t20230215_3300555.html';
    const result = run('--url', url, missing, 'tests/fixtures/pages/multi-page-part1.html', json);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(missing);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].url).toBe(url);
    expect(lines[0].speech.pages).toEqual([
      'http://www.ordoszgh.gov.cn/zlzx/ldjh/202302/t20230215_3300555_1.html',
      'http://www.ordoszgh.gov.cn/zlzx/ldjh/202302/t20230215_3300555_2.html',
    ]);
    expect(lines[1]).toEqual({ file: json, outline: expect.any(Array) });
    const sections = lines[1].outline.filter((n: { role?: string }) => n.role === undefined);
    expect(sections.map((n: { para: number }) => n.para)).toEqual([1, 2]);
  });

  it('exits non-zero with usage when given no file', () => {
    const result = run();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/usage/);
  });
});
