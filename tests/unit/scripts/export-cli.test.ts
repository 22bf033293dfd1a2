/**
 * `npm run export` under Node on backup files: the current format and the first one Yandu wrote (no outline
 * roles, no 牵头单位 fields, '<' unescaped), every template in each format it offers, and the refusals.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CURRENT = 'tests/fixtures/export/library-backup.json';
const FIRST = 'tests/fixtures/export/library-backup-v1-first.json';
const dir = mkdtempSync(join(tmpdir(), 'yandu-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(TSX, ['scripts/export.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

const docText = (file: string) =>
  strFromU8(unzipSync(readFileSync(file))['word/document.xml'] ?? new Uint8Array())
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '');

describe('npm run export', () => {
  it.each([CURRENT, FIRST])(
    'writes 学习笔记 (Word), 任务分解表 (CSV, Excel) and 全文带标注 (Markdown) from %s',
    (backup) => {
      const out = (name: string) => join(dir, `${backup.includes('first') ? 'first' : 'cur'}-${name}`);
      const args = ['--date', '2026-12-02', '--learner', '张三', '--unit', '示例市总工会办公室'];
      // Each run starts Node and tsx (seconds on a busy machine): the other templates are rendered through the
      // same renderTemplate in export-libreoffice.test.ts.
      const r = run('--template', 'notes', '--format', 'docx', '--out', out('notes.docx'), ...args, backup);
      expect(r.stderr).toContain('wrote');
      expect(r.status).toBe(0);
      const notes = docText(out('notes.docx'));
      expect(notes).toContain('学习人·单位：张三·示例市总工会办公室');
      expect(notes).toContain('完成困难职工档案动态更新');
      expect(notes).toContain('待讨论问题');
      expect(
        run('--template', 'tasks', '--format', 'csv', '--out', out('tasks.csv'), ...args, backup).status,
      ).toBe(0);
      const csv = readFileSync(out('tasks.csv'), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(
        '\uFEFF序号,重点任务（原文）,出处（讲话·章节）,牵头单位,配合单位,完成时限,进展情况,状态',
      );
      expect(csv).toContain('完成新就业形态劳动者入会集中行动');
      expect(
        run('--template', 'tasks', '--format', 'xlsx', '--out', out('tasks.xlsx'), ...args, backup).status,
      ).toBe(0);
      const sheet = strFromU8(
        unzipSync(readFileSync(out('tasks.xlsx')))['xl/sharedStrings.xml'] ?? new Uint8Array(),
      );
      expect(sheet).toContain('牵头单位');
      expect(
        run('--template', 'annotated', '--format', 'md', '--out', out('a.md'), ...args, backup).status,
      ).toBe(0);
      expect(readFileSync(out('a.md'), 'utf8')).toContain('【重点任务：完成困难职工档案动态更新】');
    },
    120_000,
  );

  it('filters a 专题汇编 from the command line', () => {
    const file = join(dir, 'topic.md');
    const r = run(
      '--template',
      'compilation',
      '--format',
      'md',
      '--category',
      'question',
      '--topic',
      '待研究的问题',
      '--out',
      file,
      CURRENT,
    );
    expect(r.status).toBe(0);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('# 待研究的问题');
    expect(md).toContain('技能人才待遇怎样与企业效益挂钩');
    expect(md).not.toContain('完成困难职工档案动态更新');
  }, 60_000);

  it('reads a version-4 file and keeps the 专题汇编 order the user dragged', () => {
    const data = JSON.parse(readFileSync(CURRENT, 'utf8'));
    const v4 = join(dir, 'v4.json');
    writeFileSync(
      v4,
      JSON.stringify({
        ...data,
        version: 4,
        speechVersions: [],
        drafts: [],
        readingPositions: [{ speechId: data.speeches[0].id, para: 3, top: 0, progress: 20, at: 1 }],
        compilation: {
          topic: '',
          categories: [],
          keyword: '',
          speaker: '',
          from: '',
          to: '',
          order: ['h10', 'h5'],
        },
      }),
    );
    const file = join(dir, 'v4.md');
    const r = run('--template', 'compilation', '--format', 'md', '--category', 'question', '--out', file, v4);
    expect(r.stderr).toContain('wrote');
    const md = readFileSync(file, 'utf8');
    expect(md.indexOf('技能人才待遇怎样与企业效益挂钩')).toBeGreaterThan(-1);
    expect(md.indexOf('技能人才待遇怎样与企业效益挂钩')).toBeLessThan(md.indexOf('上半年开展一次专项督查'));
  }, 60_000);

  it('refuses a file that is not a Yandu backup, saying why, and a wrong option', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'yandu-backup', version: 9 }));
    const refused = run('--template', 'notes', '--format', 'docx', '--out', join(dir, 'x.docx'), bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('备份文件版本为 9');
    const wrong = run('--template', 'notes', '--format', 'xlsx', '--out', join(dir, 'x.xlsx'), CURRENT);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('--format must be one of docx, md');
  }, 60_000);
});
