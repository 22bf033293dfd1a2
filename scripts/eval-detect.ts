/**
 * Detection and metadata accuracy on the shared corpora.
 *
 * The corpus files are JSON (the page's lines sorted into title, chrome_lines, meta_lines, paragraphs), so
 * each one is rebuilt into a plausible page — portal pages in the TRS template, others in a plain article
 * template — and run through detectSpeech + extractSpeech like a real page.
 *
 * Usage: npx tsx scripts/eval-detect.ts [DIR_OR_FILE...] (defaults to /work/shared/corpus and corpus-full)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectSpeech } from '../utils/page/detect';
import { extractSpeech } from '../utils/page/extract';
import { parseHtml } from './analyze';

type CorpusFile = Record<string, unknown>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

/** Chrome that sits below the article on real pages (pager, paywall, "collect this"). */
const TRAILING_CHROME =
  /^(?:上一篇|下一篇|收藏|试读|……|新来的客人|已注册会员|相关报道|\(来源|（来源|（新华社|\(新华社)/;

function urlOf(file: CorpusFile): string {
  const url = str(file.url);
  if (url) return url;
  const source = (file.source ?? {}) as Record<string, unknown>;
  if (str(source.record_url)) return str(source.record_url);
  if (str(source.repo))
    return `https://github.com/${str(source.repo)}/blob/${str(source.commit)}/${str(source.path)}`;
  return `http://example.org/${str(file.id)}.html`;
}

/** Rebuilds a page from a corpus file: chrome above and below, title, meta lines, then paragraphs as <p>. */
export function rebuildPage(file: CorpusFile): { url: string; html: string } {
  const url = urlOf(file);
  const title = str(file.title);
  const source = (file.source ?? {}) as Record<string, unknown>;
  const pageTitle = str(source.page_title) || title;
  const chrome = strings(file.chrome_lines);
  const above = chrome.filter((l) => !TRAILING_CHROME.test(l));
  const below = chrome.filter((l) => TRAILING_CHROME.test(l));
  const meta = strings(file.meta_lines).map((l) => `<p>${esc(l)}</p>`);
  const paras = strings(file.paragraphs).map((l) => `<p>\u3000\u3000${esc(l)}</p>`);
  // A notice is signed at the bottom (issuing body, date); a speech's meta lines sit above its text.
  const notice = str(file.kind) === 'notice';
  const trs = /ordoszgh\.gov\.cn/.test(url);
  const crumbLine = (l: string) => /当前位置|首页\s*>/.test(l);
  const line = (l: string) => {
    if (trs && crumbLine(l)) {
      const parts = l.replace(/^.*?[:：]/, '').split(/\s*>>\s*/);
      const links = parts.map((p, i) => `<a href="../" class="${i ? 'CurrChnlCls' : ''}">${esc(p)}</a>`);
      return `<div class="location">当前位置：${links.join(' &gt;&gt; ')}</div>`;
    }
    return `<div>${esc(l)}</div>`;
  };
  const headerChrome = above.filter((l) => !/来源|发布日期|发布时间|发行时间|时间[:：]/.test(l)).map(line);
  const dateChrome = above.filter((l) => /来源|发布日期|发布时间|发行时间|时间[:：]/.test(l)).map(line);
  const titleTag = trs && pageTitle ? `${pageTitle}_工会要闻_鄂尔多斯工会网` : pageTitle;
  const bodyOpen = trs ? '<div class="TRS_Editor">' : '<div class="article-content">';
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(titleTag)}</title></head><body>
<div class="header">${headerChrome.join('\n')}</div>
<div class="main">${title ? `<h1>${esc(title)}</h1>` : ''}
${dateChrome.join('\n')}
${bodyOpen}
${notice ? '' : meta.join('\n')}
${paras.join('\n')}
${notice ? meta.join('\n') : ''}
</div>
${below.map(line).join('\n')}
</div></body></html>`;
  return { url, html };
}

interface Tally {
  right: number;
  total: number;
  misses: string[];
}
const tally = (): Tally => ({ right: 0, total: 0, misses: [] });

function score(t: Tally, id: string, expected: string | null, got: string | null) {
  t.total++;
  if (expected === got) t.right++;
  else t.misses.push(`${id}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
}

const pct = (t: Tally) => (t.total ? `${((100 * t.right) / t.total).toFixed(0)}%` : 'n/a');

/**
 * Runs detection and extraction on rebuilt pages; returns a printable table. Detection: kind speech/report
 * must give isSpeech, news/notice must not. Metadata is scored where the file states the field: title
 * (when non-empty), speaker (null included: it must not be guessed), date (when it is a full YYYY-MM-DD).
 */
export function evalDetection(files: Array<Record<string, unknown>>): string {
  const detection = tally();
  const title = tally();
  const speaker = tally();
  const date = tally();
  const paragraphs = tally();
  const rows: string[] = [];
  for (const file of files) {
    const id = str(file.id) || '?';
    const kind = str(file.kind);
    const { url, html } = rebuildPage(file);
    const doc = parseHtml(html);
    const d = detectSpeech(doc, url);
    const s = extractSpeech(parseHtml(html), url);
    const expected = kind === 'speech' || kind === 'report';
    if (kind) {
      detection.total++;
      if (d.isSpeech === expected) detection.right++;
      else
        detection.misses.push(
          `${id} (${kind}): isSpeech=${d.isSpeech} ${d.confidence} [${d.reasons.join(' ')}]`,
        );
    }
    if (str(file.title)) score(title, id, str(file.title), s.title);
    if ('speaker' in file && (file.speaker === null || typeof file.speaker === 'string')) {
      score(speaker, id, file.speaker as string | null, s.speaker);
    }
    if (/^\d{4}-\d\d-\d\d$/.test(str(file.date))) score(date, id, str(file.date), s.date);
    const gold = strings(file.paragraphs).map((p) => p.trim());
    paragraphs.total++;
    const diff = gold.findIndex((p, i) => p !== s.paragraphs[i]);
    if (diff < 0 && gold.length === s.paragraphs.length) paragraphs.right++;
    else {
      const at = diff < 0 ? gold.length : diff;
      const got = s.paragraphs[at] ?? '';
      const want = gold[at] ?? '';
      let c = 0;
      while (c < got.length && got[c] === want[c]) c++;
      const around = (t: string) => JSON.stringify(t.slice(Math.max(0, c - 12), c + 24));
      paragraphs.misses.push(
        `${id}: ${s.paragraphs.length}/${gold.length} paras, paragraph ${at} differs at char ${c}: ${around(got)} vs gold ${around(want)}`,
      );
    }
    rows.push(
      `  ${d.isSpeech === expected ? ' ' : '✗'} ${id.padEnd(48)} ${kind.padEnd(7)} ${String(d.confidence).padEnd(5)} ${d.reasons.join(' ')}`,
    );
  }
  const line = (name: string, t: Tally) =>
    `${name.padEnd(10)} ${`${t.right}/${t.total}`.padStart(7)}  ${pct(t).padStart(4)}${t.misses.map((m) => `\n             - ${m}`).join('')}`;
  return [
    `Detection and metadata (${files.length} files, pages rebuilt from JSON)`,
    ...rows,
    line('detection', detection),
    line('title', title),
    line('speaker', speaker),
    line('date', date),
    line('paras=gold', paragraphs),
  ].join('\n');
}

function loadFiles(paths: readonly string[]): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const p of paths) {
    const names = statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((n) => n.endsWith('.json'))
          .sort()
          .map((n) => join(p, n))
      : [p];
    for (const n of names) out.push(JSON.parse(readFileSync(n, 'utf8')) as CorpusFile);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const dirs = args.length ? args : ['/work/shared/corpus', '/work/shared/corpus-full'];
  for (const dir of dirs) console.log(`${dir}\n${evalDetection(loadFiles([dir]))}\n`);
}
