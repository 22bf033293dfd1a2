/**
 * Page understanding on whole pages: is it a speech, and are its title, date, speaker and body bounds right?
 *
 * Three sets, each scored the same way:
 * - real: saved pages of other sites with gold labels (an index.json beside them: kind, title/title_alt,
 *   date/date_alt, speaker, body_first/body_last and their *_alt);
 * - portal: the sample portal in tests/fixtures/portal (pages.json: kind, title, date, speaker, bodyFirst and
 *   bodyLast);
 * - generated: corpus files rebuilt into pages by scripts/eval-detect.ts (portal or plain article template).
 *
 * Usage: npx tsx scripts/eval-pages.ts [--json] [--misses] (reads /work/shared at run time)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectSpeech } from '../utils/page/detect';
import { extractSpeech } from '../utils/page/extract';
import { findDate, foldForCompare } from '../utils/text/clean';
import type { Detection, Speech } from '../utils/types';
import { parseHtml } from './analyze';
import { rebuildPage } from './eval-detect';

export const SHARED = resolve(import.meta.dirname ?? __dirname, '../../shared');
const PORTAL_DIR = resolve(import.meta.dirname ?? __dirname, '../tests/fixtures/portal');

/** What a page should give; null fields are not scored (speaker null is scored as "no speaker"). */
export interface Gold {
  id: string;
  url: string;
  html: string;
  kind: string;
  titles: string[];
  dates: string[];
  /** undefined: not scored; null: the page names no speaker. */
  speaker?: string | null;
  firsts: string[];
  lasts: string[];
}

export type Field = 'detection' | 'title' | 'date' | 'speaker' | 'bodyStart' | 'bodyEnd';
export const FIELDS: Field[] = ['detection', 'title', 'date', 'speaker', 'bodyStart', 'bodyEnd'];

export interface SetResult {
  name: string;
  pages: number;
  right: Record<Field, number>;
  total: Record<Field, number>;
  misses: string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
const isSpeechKind = (kind: string) => kind === 'speech' || kind === 'report';
/** Compared without spaces and punctuation width; quotes and dashes folded. */
const fold = (s: string) => foldForCompare(s).replace(/[“”‘’"'「」『』]/g, '');

function scorePage(g: Gold, d: Detection, s: Speech, r: SetResult): void {
  const miss = (field: Field, detail: string) => r.misses.push(`${g.id} ${field}: ${detail}`);
  const check = (field: Field, ok: boolean, detail: () => string) => {
    r.total[field]++;
    if (ok) r.right[field]++;
    else miss(field, detail());
  };
  check('detection', d.isSpeech === isSpeechKind(g.kind), () => `${g.kind} → ${d.confidence} [${d.reasons}]`);
  if (g.kind === 'list') return;
  if (g.titles.length) {
    const got = fold(s.title);
    check(
      'title',
      g.titles.some((t) => fold(t) === got),
      () => `${JSON.stringify(s.title)} ≠ ${JSON.stringify(g.titles[0])}`,
    );
  }
  if (g.dates.length) check('date', g.dates.includes(s.date ?? ''), () => `${s.date} ≠ ${g.dates[0]}`);
  if (g.speaker !== undefined) {
    check(
      'speaker',
      s.speaker === g.speaker,
      () => `${JSON.stringify(s.speaker)} ≠ ${JSON.stringify(g.speaker)}`,
    );
  }
  const text = fold(s.paragraphs.join(''));
  if (g.firsts.length) {
    check(
      'bodyStart',
      g.firsts.some((f) => text.startsWith(fold(f))),
      () => `${JSON.stringify(s.paragraphs[0]?.slice(0, 30) ?? null)} ≠ ${JSON.stringify(g.firsts[0])}`,
    );
  }
  if (g.lasts.length) {
    check(
      'bodyEnd',
      g.lasts.some((l) => text.endsWith(fold(l))),
      () => `${JSON.stringify(s.paragraphs.at(-1)?.slice(-30) ?? null)} ≠ ${JSON.stringify(g.lasts[0])}`,
    );
  }
}

export function evaluateSet(name: string, golds: readonly Gold[]): SetResult {
  const zero = () => Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const r: SetResult = { name, pages: golds.length, right: zero(), total: zero(), misses: [] };
  for (const g of golds) {
    const d = detectSpeech(parseHtml(g.html), g.url);
    const s = extractSpeech(parseHtml(g.html), g.url);
    scorePage(g, d, s, r);
  }
  return r;
}

/** The real saved pages: `dir` holds the HTML files and index.json. */
export function realGolds(dir = join(SHARED, 'realpages-dev')): Gold[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Record<string, unknown>[];
  return index.map((r) => ({
    id: String(r.id),
    url: String(r.url),
    html: readFileSync(join(dir, String(r.file)), 'utf8'),
    kind: String(r.kind),
    titles: [...strs(r.title), ...strs(r.title_alt)],
    dates: [...strs(r.date), ...strs(r.date_alt)],
    speaker: r.speaker === null || typeof r.speaker === 'string' ? r.speaker : undefined,
    firsts: [...strs(r.body_first), ...strs(r.body_first_alt)],
    lasts: [...strs(r.body_last), ...strs(r.body_last_alt)],
  }));
}

/** The sample portal: kind, title, date, speaker and body bounds (bodyFirst/bodyLast) from pages.json. */
export function portalGolds(dir = PORTAL_DIR): Gold[] {
  const pages = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) as Record<string, unknown>[];
  return pages.map((p) => ({
    id: String(p.path),
    url: `http://www.ordoszgh.gov.cn${String(p.path)}`,
    html: readFileSync(join(dir, String(p.file)), 'utf8'),
    kind: String(p.kind),
    titles: strs(p.title),
    dates: strs(p.date),
    speaker: p.kind === 'list' ? undefined : (p.speaker as string | null),
    firsts: strs(p.bodyFirst),
    lasts: strs(p.bodyLast),
  }));
}

/** Corpus files rebuilt into pages; the body bounds are the first and last gold paragraphs. */
export function generatedGolds(dirs = ['corpus', 'corpus-full'].map((d) => join(SHARED, d))): Gold[] {
  const out: Gold[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
      const { url, html } = rebuildPage(file);
      const paras = strs(file.paragraphs).map((p) => p.trim());
      // Scored only where the page shows it: a corpus file may name a speaker or date from elsewhere.
      const shown = [
        ...strs(file.title),
        ...strs(file.meta_lines),
        // Chrome lines that are prose (an editor's note) mention people; they do not show a byline.
        ...strs(file.chrome_lines).filter((l) => !/[。，]/.test(l)),
        ...paras.slice(0, 2),
        ...paras.slice(-2),
        html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '',
      ];
      const gDate = typeof file.date === 'string' && /^\d{4}-\d\d-\d\d$/.test(file.date) ? file.date : '';
      const date =
        gDate && shown.some((l) => l.split(/[—－]/).some((x) => findDate(x) === gDate)) ? [gDate] : [];
      const named = (n: string) => shown.some((l) => l.replace(/\s/g, '').includes(n));
      const speaker =
        file.speaker === null || (typeof file.speaker === 'string' && file.speaker.split('、').every(named))
          ? (file.speaker as string | null)
          : undefined;
      // A leading date or title fused to the first paragraph is metadata, not body.
      const first = (paras[0] ?? '').replace(/^[（(][^）)]{6,20}[）)]\s*/, '');
      const title = str(file.title);
      const firsts = paras.length
        ? [paras[0] as string, first, title && first.startsWith(title) ? first.slice(title.length) : first]
        : [];
      out.push({
        id: String(file.id),
        url,
        html,
        kind: String(file.kind),
        titles: strs(file.title).filter(Boolean),
        dates: date,
        speaker,
        firsts: firsts.map((f) => f.trim().slice(0, 20)).filter(Boolean),
        lasts: paras.length ? [(paras.at(-1) as string).slice(-20)] : [],
      });
    }
  }
  return out;
}

export type Figures = Record<string, Record<Field, number>>;

/** Share right per field and set (n/a fields are left out). */
export function figures(results: readonly SetResult[]): Figures {
  const out: Figures = {};
  for (const r of results) {
    const f = {} as Record<Field, number>;
    for (const k of FIELDS) if (r.total[k]) f[k] = Math.round((1000 * r.right[k]) / r.total[k]) / 1000;
    out[r.name] = f;
  }
  return out;
}

export function table(results: readonly SetResult[], misses = false): string {
  const head = `${'set'.padEnd(10)}${FIELDS.map((f) => f.padStart(12)).join('')}`;
  const rows = results.map(
    (r) =>
      `${`${r.name} (${r.pages})`.padEnd(10)}${FIELDS.map((f) =>
        (r.total[f]
          ? `${r.right[f]}/${r.total[f]} ${Math.round((100 * r.right[f]) / r.total[f])}%`
          : 'n/a'
        ).padStart(12),
      ).join('')}`,
  );
  const detail = misses ? results.flatMap((r) => r.misses.map((m) => `  ${r.name}: ${m}`)) : [];
  return [head, ...rows, ...detail].join('\n');
}

export function evaluateAll(): SetResult[] {
  if (!existsSync(join(SHARED, 'realpages-dev', 'index.json'))) {
    throw new Error(`eval-pages: ${SHARED}/realpages-dev is missing (the shared data folder)`);
  }
  return [
    evaluateSet('real', realGolds()),
    evaluateSet('portal', portalGolds()),
    evaluateSet('generated', generatedGolds()),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const results = evaluateAll();
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures(results), null, 2));
  else console.log(table(results, process.argv.includes('--misses')));
  process.exit(0);
}
