/**
 * The Word and Excel files as a user opens them: rendered by LibreOffice (headless) to PDF and read back with
 * poppler (pdfinfo, pdftotext -bbox-layout). Checks the 公文 page set-up on paper (A4, 22 lines on a full page,
 * margins 37/35/28/26 mm within 1 mm, page numbers odd right / even left), that every template of a three-speech
 * library carries all outline entries, highlights and notes, and that the 任务分解表 .xlsx opens in Calc with its
 * columns. Page images go to tests/artifacts/. LibreOffice comes from scripts/install-browsers.sh.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksToDocxBytes } from '@/utils/export/docx-blocks';
import { EXPORT_CATEGORY_NAMES } from '@/utils/export/run';
import { renderTemplate, TEMPLATE_NAMES, type TemplateName } from '@/utils/export/templates';
import type { TemplateInput } from '@/utils/export/templates/common';
import { parseBackup } from '@/utils/store/backup';

const ARTIFACTS = join(process.cwd(), 'tests/artifacts');
const MM = 72 / 25.4;

function library(): TemplateInput {
  const parsed = parseBackup(readFileSync('tests/fixtures/export/library-backup.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return {
    ...parsed.backup,
    categoryNames: EXPORT_CATEGORY_NAMES,
    settings: { learner: '张三', unit: '示例市总工会办公室' },
    exportedAt: new Date('2026-12-02T12:00:00'),
  };
}

/** A long composed speech with no highlights: its middle pages are full pages of body text. */
function longSpeechDocx(): Promise<Uint8Array> {
  const sentence = '各级工会组织要主动作为，切实维护职工合法权益，把职工群众满意不满意作为检验工作的标准。';
  const blocks = Array.from({ length: 40 }, (_, i) => ({
    kind: 'para' as const,
    runs: [{ text: `${sentence.repeat(3)}（第${i + 1}段）` }],
  }));
  return blocksToDocxBytes({
    title: '满页测试',
    orientation: 'portrait',
    blocks: [{ kind: 'title', text: '关于做好职工服务工作的讲话' }, ...blocks],
  });
}

interface Line {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Text lines of one PDF page with their boxes in points. */
function pageLines(pdf: string, page: number): Line[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
    encoding: 'utf8',
  });
  const lines: Line[] = [];
  for (const m of html.matchAll(
    /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
  )) {
    const text = [...(m[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
    lines.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text });
  }
  return lines.sort((a, b) => a.yMin - b.yMin);
}

function pdfInfo(pdf: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
  };
}

/** Records of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}

const isPageNumber = (l: Line) => /^—\s*\d+\s*—$/.test(l.text);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

describe('exports rendered by LibreOffice', () => {
  let dir = '';
  const files: Record<string, string> = {};

  beforeAll(async () => {
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    if (soffice.status !== 0) {
      throw new Error(
        'LibreOffice is missing: run scripts/install-browsers.sh (it installs libreoffice-writer/calc)',
      );
    }
    dir = mkdtempSync(join(tmpdir(), 'yandu-lo-'));
    const input = library();
    for (const name of TEMPLATE_NAMES) {
      const file = await renderTemplate(name, 'docx', input);
      files[name] = join(dir, `${name}.docx`);
      writeFileSync(files[name], file.bytes);
    }
    writeFileSync(join(dir, 'full-page.docx'), await longSpeechDocx());
    writeFileSync(join(dir, 'tasks.xlsx'), (await renderTemplate('tasks', 'xlsx', input)).bytes);
    // One LibreOffice start for all documents: each start costs seconds.
    const docs = [...TEMPLATE_NAMES.map((n) => `${n}.docx`), 'full-page.docx'];
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs], {
      cwd: dir,
      stdio: 'ignore',
      timeout: 240_000,
    });
    execFileSync(
      'soffice',
      [
        profile,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76',
        '--outdir',
        dir,
        'tasks.xlsx',
      ],
      {
        cwd: dir,
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
    execFileSync(
      'soffice',
      [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'calc'), 'tasks.xlsx'],
      { cwd: dir, stdio: 'ignore', timeout: 120_000 },
    );
    // The first page of every output as a user first sees it (tests/artifacts/ is not committed).
    mkdirSync(ARTIFACTS, { recursive: true });
    const shots: [string, string][] = [
      ...[...TEMPLATE_NAMES, 'full-page'].map((name): [string, string] => [
        join(dir, `${name}.pdf`),
        `export-${name}`,
      ]),
      [join(dir, 'calc', 'tasks.pdf'), 'export-tasks-xlsx'],
    ];
    for (const [pdf, name] of shots) {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '50',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        join(ARTIFACTS, name),
      ]);
    }
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sets a full 公文 page at 22 lines, on A4 with margins 37/35/28/26 mm within 1 mm', () => {
    const pdf = join(dir, 'full-page.pdf');
    const info = pdfInfo(pdf);
    expect(info.width / MM).toBeCloseTo(210, 0);
    expect(info.height / MM).toBeCloseTo(297, 0);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    const body = pageLines(pdf, 2).filter((l) => !isPageNumber(l));
    expect(body).toHaveLength(22);
    const first = body[0] as Line;
    const last = body[body.length - 1] as Line;
    // A line box is one grid pitch high with the glyphs centred in it: the box's top and bottom edges are the
    // text block's.
    const pitch = (last.yMin - first.yMin) / 21;
    expect(pitch).toBeCloseTo(28.95, 0);
    const topEdge = first.yMin - (pitch - (first.yMax - first.yMin)) / 2;
    const bottomEdge = last.yMax + (pitch - (last.yMax - last.yMin)) / 2;
    expect(Math.abs(topEdge / MM - 37)).toBeLessThanOrEqual(1);
    expect(Math.abs((info.height - bottomEdge) / MM - 35)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.min(...body.map((l) => l.xMin)) / MM - 28)).toBeLessThanOrEqual(1);
    // Justified full lines end at the right margin (a line ending in hanging punctuation may stick out).
    expect(Math.abs((info.width - median(body.map((l) => l.xMax))) / MM - 26)).toBeLessThanOrEqual(1);
  });

  it('numbers pages "— n —", odd pages on the right and even pages on the left', () => {
    const pdf = join(dir, 'full-page.pdf');
    const info = pdfInfo(pdf);
    const number = (page: number) => pageLines(pdf, page).find(isPageNumber) as Line;
    expect(number(2).text).toMatch(/^—\s*2\s*—$/);
    expect(number(2).xMax).toBeLessThan(info.width / 2);
    expect(number(3).text).toMatch(/^—\s*3\s*—$/);
    expect(number(3).xMin).toBeGreaterThan(info.width / 2);
    // Below the text block, about 7 mm under it.
    expect(number(3).yMin / MM).toBeGreaterThan(297 - 35);
  });

  it('gives every template of a three-speech library all outline entries, highlights and notes', () => {
    const input = library();
    const text = (name: TemplateName) =>
      execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const notes = text('notes');
    for (const s of input.speeches) {
      for (const node of s.outline) expect(notes).toContain(squeeze(node.title));
    }
    for (const h of input.highlights) {
      expect(notes).toContain(squeeze(h.selector.exact));
      if (h.note) expect(notes).toContain(squeeze(h.note));
    }
    for (const n of input.notes)
      for (const line of n.text.split('\n')) expect(notes).toContain(squeeze(line));
    // Footnote numbers sit inside the annotated text: compare it without digits.
    const noDigits = (t: string) => t.replace(/\d/g, '');
    const annotated = noDigits(text('annotated'));
    for (const s of input.speeches)
      for (const p of s.paragraphs) expect(annotated).toContain(noDigits(squeeze(p)));
    for (const h of input.highlights) if (h.note) expect(annotated).toContain(noDigits(squeeze(h.note)));
    const talk = text('outline-talk');
    for (const s of input.speeches) for (const node of s.outline) expect(talk).toContain(squeeze(node.title));
    for (const h of input.highlights) if (h.note) expect(talk).toContain(squeeze(h.note));
    const compilation = text('compilation');
    for (const h of input.highlights) expect(compilation).toContain(squeeze(h.selector.exact));
    const reflection = text('reflection');
    for (const n of input.notes)
      for (const line of n.text.split('\n')) expect(reflection).toContain(squeeze(line));
    expect(reflection).toContain('张三');
  });

  it('lays every portrait template on A4 portrait and the 任务分解表 on A4 landscape', () => {
    for (const name of TEMPLATE_NAMES) {
      const info = pdfInfo(join(dir, `${name}.pdf`));
      const [w, h] = name === 'tasks' ? [297, 210] : [210, 297];
      expect([Math.round(info.width / MM), Math.round(info.height / MM)], name).toEqual([w, h]);
    }
    const tasks = execFileSync('pdftotext', ['-layout', join(dir, 'tasks.pdf'), '-'], { encoding: 'utf8' });
    for (const column of ['序号', '牵头单位', '配合单位', '完成时限', '进展情况', '状态'])
      expect(tasks).toContain(column);
    const raw = execFileSync('pdftotext', [join(dir, 'tasks.pdf'), '-'], { encoding: 'utf8' });
    expect(raw.replace(/\s+/g, '')).toContain('未开始（已逾期）');
  });

  it('leaves a first-page picture of every output in tests/artifacts, the 任务分解表 ones landscape', () => {
    const size = (name: string) => {
      const png = readFileSync(join(ARTIFACTS, `${name}.png`));
      return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    };
    for (const name of TEMPLATE_NAMES) {
      const { width, height } = size(`export-${name}`);
      // 50 dpi A4: 413 × 585 pixels, turned for the landscape table.
      expect(name === 'tasks' ? width > height : height > width, name).toBe(true);
      expect(Math.max(width, height)).toBeGreaterThan(550);
    }
    const sheet = size('export-tasks-xlsx');
    expect(sheet.width).toBeGreaterThan(sheet.height);
    const calc = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'calc', 'tasks.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');
    for (const column of ['序号', '重点任务（原文）', '牵头单位', '配合单位', '完成时限', '状态'])
      expect(calc).toContain(column);
  });

  it('opens the 任务分解表 .xlsx in LibreOffice Calc with its eight columns and one row per task', () => {
    const csv = csvRecords(readFileSync(join(dir, 'tasks.csv'), 'utf8'));
    expect(csv[0]).toEqual([
      '序号',
      '重点任务（原文）',
      '出处（讲话·章节）',
      '牵头单位',
      '配合单位',
      '完成时限',
      '进展情况',
      '状态',
    ]);
    const tasks = library().highlights.filter((h) => h.category === 'task');
    expect(csv).toHaveLength(tasks.length + 1);
    expect(csv[1]?.[3]).toBe('市总工会帮扶中心\n责任人：赵刚');
    expect(csv[1]?.[4]).toBe('各区县工会');
    expect(csv.find((r) => r[1] === '建成市级技能实训基地')?.[4]).toBe('市人社局、市财政局');
  });
});
