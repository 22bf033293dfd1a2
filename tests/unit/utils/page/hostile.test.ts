// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Hostile page content (tests/fixtures/hostile/site/…) through the whole pipeline in happy-dom: detection,
 * extraction, the reader's components, the exports (Markdown, text, Word) and the backup. Page strings must
 * arrive as inert text: no element, attribute or link of the page's making, no script text, no non-web
 * address anywhere Yandu might later follow or refuse it. The same pages run in real browsers in
 * tests/e2e/hostile.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { toDocxBytes } from '@/utils/export/docx';
import { exportFileName } from '@/utils/export/filename';
import { toMarkdown } from '@/utils/export/markdown';
import { buildStudyExport, type StudyExportInput } from '@/utils/export/model';
import { toPlainText } from '@/utils/export/text';
import { buildOutline } from '@/utils/outline/build';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeech } from '@/utils/page/extract';
import { exportBackup, parseBackup, restoreFromText, serializeBackup } from '@/utils/store/backup';
import { YanduDB } from '@/utils/store/db';
import { speechIdFromUrl } from '@/utils/store/ids';
import type { Highlight, Note, SpeechRecord, SpeechWithOutline } from '@/utils/types';
import { mountReader, unmountReader } from '../../../support/reader';
import { CATEGORY_NAMES } from '../../../support/records';

const SITE = join(process.cwd(), 'tests/fixtures/hostile/site');
const ORIGIN = 'http://www.ordoszgh.gov.cn';
const TRS_PAGE = '/zlzx/ldjh/202601/t20260115_3100001.html';
const READABILITY_PAGE = '/zlzx/ldjh/202601/t20260116_3100002.html';

/**
 * happy-dom's parser loses everything after a <script> inside <svg>, and logs an error for every <iframe> it
 * will not load (real browsers do neither; the e2e test loads the pages unchanged), so the unit tests drop
 * those elements. Extraction skips both anyway.
 */
function pageHtml(path: string): string {
  return readFileSync(join(SITE, path), 'utf8')
    .replace("<script>window.__pwned='svg-script'</script>", '')
    .replace(/<iframe[^>]*><\/iframe>/g, '');
}

function extracted(path: string): SpeechWithOutline {
  const doc = new DOMParser().parseFromString(pageHtml(path), 'text/html');
  const speech = extractSpeech(doc, ORIGIN + path);
  return { ...speech, outline: buildOutline(speech.paragraphs) };
}

/** Explicit bidi embeddings, overrides and isolates: they re-order the text around them on screen. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** Every string a page controls in a speech. */
const pageStrings = (s: SpeechWithOutline) =>
  [s.title, s.speaker, s.occasion, s.source, ...s.paragraphs, ...s.outline.map((n) => n.title)].filter(
    (x): x is string => typeof x === 'string',
  );

describe('hostile pages: detection and extraction', () => {
  for (const path of [TRS_PAGE, READABILITY_PAGE]) {
    it(`${path}: a speech whose text holds no live markup, script text or non-web address`, () => {
      const doc = new DOMParser().parseFromString(pageHtml(path), 'text/html');
      expect(detectSpeech(doc, ORIGIN + path).isSpeech).toBe(true);
      const speech = extracted(path);
      expect(speech.paragraphs.length).toBeGreaterThanOrEqual(5);
      const body = speech.paragraphs.join('\n');
      // Script, style, template, textarea and hidden content never becomes text (each payload names itself).
      expect(body).not.toMatch(/\/pwned\/|body-script|svg-script|hidden-script|template|textarea|@import/);
      // Further pages of the article are only ever web addresses of the same kind.
      for (const page of speech.pages ?? []) expect(new URL(page).protocol).toMatch(/^https?:$/);
    });
  }

  it('keeps markup written as text in the page as the same text (the reader shows it literally)', () => {
    const speech = extracted(TRS_PAGE);
    expect(speech.title).toContain('<img src=x onerror="window.__pwned=');
    expect(speech.title).toContain('在全市职工书屋建设推进会上的讲话');
    expect(speech.source).toContain('<a href="javascript:');
    expect(speech.paragraphs.join('\n')).toContain("<script>window.__pwned='entity-script'</script>");
    expect(speech.paragraphs.join('\n')).toContain('&lt;b&gt;双重转义&lt;/b&gt;');
    expect(extracted(READABILITY_PAGE).paragraphs.join('\n')).toContain('<iframe src=javascript:alert(1)>');
  });

  it('drops zero-width characters and bidi overrides that would re-order Yandu’s own text', () => {
    const speech = extracted(TRS_PAGE);
    for (const text of pageStrings(speech)) {
      expect(text).not.toMatch(/[\u200b-\u200d\ufeff]/);
      expect(text, JSON.stringify(text)).not.toMatch(BIDI_CONTROLS);
    }
  });
});

describe('hostile pages: the reader', () => {
  let container: HTMLElement | undefined;
  afterEach(() => unmountReader(container));

  it('renders page strings as text only: no page element, no handler attribute, only web links', () => {
    for (const path of [TRS_PAGE, READABILITY_PAGE]) {
      const speech = extracted(path);
      const box = mountReader(speech);
      container = box;
      const article = box.querySelector('article') as HTMLElement;
      expect(article.querySelector('h1')?.textContent).toBe(speech.title);
      for (const el of box.querySelectorAll('*')) {
        const tag = el.tagName.toUpperCase();
        // Yandu's own icons are its only <svg>; nothing that loads or runs comes from the page.
        const LOADS_OR_RUNS = [
          'SCRIPT',
          'IMG',
          'IFRAME',
          'OBJECT',
          'EMBED',
          'MATH',
          'BASE',
          'FORM',
          'VIDEO',
          'AUDIO',
        ];
        expect(LOADS_OR_RUNS).not.toContain(tag);
        // The reader's own category colours are its one <style>; nothing of the page's gets in there.
        if (tag === 'STYLE') expect(el.textContent).not.toMatch(/url\(|@import|pwned/i);
        for (const name of el.getAttributeNames()) {
          expect(name).not.toMatch(/^on/i);
          const value = el.getAttribute(name) ?? '';
          if (/^(?:src|srcset|srcdoc|data|action|formaction|poster|background|xlink:href)$/i.test(name)) {
            expect(value).not.toMatch(/pwned/);
          }
          if (name === 'style') expect(value).not.toMatch(/url\(/i);
        }
      }
      for (const a of box.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href') ?? '';
        // In-page anchors, the reader's own addresses (?url=…) and its sibling pages (library.html,
        // export.html?…) are Yandu's; anything else must be the web.
        if (/^[#?]/.test(href) || /^(?:library|export)\.html(?:[?#]|$)/.test(href)) continue;
        expect(new URL(href).protocol, href).toMatch(/^https?:$/);
      }
      unmountReader(box);
      container = undefined;
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Exports and backup of a hostile speech with hostile highlights and notes.

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">链接</a>',
  '[点我](javascript:alert(1))',
  '![图](http://evil.example/x.png)',
  '<svg onload=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<style>@import url(http://evil.example/x.css)</style>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '&lt;script&gt;',
  '<!-- 注释 -->',
  '<?xml version="1.0"?>',
  ']]><w:r><w:t>注入</w:t></w:r>',
  '\u202e反转\u202c',
  '\u0000\u0008\u000b\ufffe',
];

function hostileRecord(): SpeechRecord {
  const speech = extracted(TRS_PAGE);
  return {
    ...speech,
    id: speechIdFromUrl(speech.url),
    firstOpened: 1_767_000_000_000,
    lastOpened: 1_767_000_000_000,
  };
}

function hostileInput(speech: SpeechRecord, noteText: string, quote: string): StudyExportInput {
  const highlights: Highlight[] = ['task', 'thesis', 'question'].map((category, i) => ({
    id: `${speech.id}#h${i}`,
    speechId: speech.id,
    category: category as Highlight['category'],
    note: `${noteText}（${i}）`,
    selector: {
      startPara: 1,
      startOffset: 0,
      endPara: 1,
      endOffset: quote.length,
      exact: quote,
      prefix: '',
      suffix: '',
    },
    section: -1,
    ...(category === 'task' ? { task: { status: 'todo' as const, due: null, progress: noteText } } : {}),
    created: 1_767_000_000_100 + i,
    updated: 1_767_000_000_200 + i,
  }));
  const note: Note = { id: speech.id, speechId: speech.id, text: noteText, created: 1, updated: 2 };
  return {
    speeches: [speech],
    highlights,
    notes: [note],
    categoryNames: CATEGORY_NAMES,
    includeTasks: true,
    exportedAt: new Date(2026, 0, 20, 9, 0),
  };
}

/** Markdown carries no HTML and no link of the page's or the user's making. */
function expectInertMarkdown(md: string) {
  // The only angle bracket that opens something is our own autolink to an http(s) source.
  expect(md).not.toMatch(/<(?!https?:\/\/[^\s<>]*>)/);
  expect(md).not.toMatch(/<script/i);
  // A Markdown link or image needs an unescaped "](": every one in page text is escaped.
  expect(md).not.toMatch(/(^|[^\\])\]\(/m);
  expect(md).not.toMatch(/<javascript:|<data:/i);
}

function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** A .docx with text only: no scripts, no embedded HTML/OLE/ActiveX parts, external links only to the web. */
function expectInertDocx(parts: Record<string, string>) {
  for (const name of Object.keys(parts)) {
    expect(name).not.toMatch(/\.(html?|mht|bin|js|vbs)$|activeX|embeddings|vbaProject|altChunk/i);
  }
  for (const [name, xml] of Object.entries(parts)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    expect(xml, name).not.toMatch(/<script|<w:altChunk|<o:OLEObject|<w:object|HYPERLINK\s+"?javascript/i);
    for (const m of xml.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)) {
      expect(m[1], `${name}: external target`).toMatch(/^https?:\/\//);
    }
  }
  const document = parts['word/document.xml'] ?? '';
  // Each <w:t> holds only escaped text: a page's "<" never opens an element there.
  for (const m of document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) expect(m[1]).not.toMatch(/[<>]/);
}

describe('hostile strings in exports', () => {
  it('Markdown, text and Word of the hostile page with hostile notes carry no active content', async () => {
    const speech = hostileRecord();
    const input = hostileInput(speech, PAYLOADS.join(' '), speech.paragraphs[1]?.slice(0, 10) ?? '');
    const model = buildStudyExport(input);
    const md = toMarkdown(model);
    expectInertMarkdown(md);
    // The strings are still there for the reader, as text.
    expect(md).toContain('&lt;img src=x onerror=');
    const text = toPlainText(model);
    expect(text).toContain('<img src=x onerror=');
    expectInertDocx(docxParts(await toDocxBytes(model)));
  });

  it('stays inert for random mixes of payloads, markdown syntax and text in every field', async () => {
    const piece = fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('\n', '# ', '> ', '1. ', '|', '`'),
    );
    const field = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(''));
    const base = hostileRecord();
    await fc.assert(
      fc.asyncProperty(field, field, field, field, async (title, paragraph, note, url) => {
        const speech: SpeechRecord = {
          ...base,
          title,
          speaker: title || null,
          source: paragraph || null,
          url: `${url}${base.url}`,
          paragraphs: [paragraph || '空', ...base.paragraphs],
          outline: [{ level: 1, marker: '第一', title: note, para: 0, offset: 0 }],
        };
        const model = buildStudyExport(hostileInput(speech, note, paragraph.slice(0, 5)));
        expectInertMarkdown(toMarkdown(model));
        expectInertDocx(docxParts(await toDocxBytes(model)));
      }),
      { numRuns: 25 },
    );
  });

  it('never lets a page title re-order the export file name (bidi overrides are dropped)', () => {
    const name = exportFileName(['在会上的讲话\u202excod.exe'], new Date(2026, 0, 20), 'docx');
    expect(name).not.toMatch(BIDI_CONTROLS);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('hostile strings in the backup', () => {
  const dbs: YanduDB[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await db.delete();
    }
  });

  it('a library holding the hostile speech backs up and restores unchanged (the page cannot poison the backup)', async () => {
    const source = new YanduDB('hostile-backup-source');
    const target = new YanduDB('hostile-backup-target');
    dbs.push(source, target);
    const speech = hostileRecord();
    const input = hostileInput(
      speech,
      '心得：<img src=x onerror=alert(1)> 与 [链接](javascript:alert(1))',
      '今天',
    );
    await source.speeches.put({ ...speech, outline: buildOutline(speech.paragraphs) });
    await source.highlights.bulkPut(input.highlights);
    await source.notes.bulkPut(input.notes);
    const file = serializeBackup(await exportBackup(source));
    const parsed = parseBackup(file);
    expect(parsed.ok ? 'ok' : `${parsed.code}: ${parsed.reason}`).toBe('ok');
    const restored = await restoreFromText(target, file);
    expect(restored.ok).toBe(true);
    expect(await target.speeches.toArray()).toEqual(await source.speeches.toArray());
    expect(await target.notes.toArray()).toEqual(await source.notes.toArray());
  });
});
