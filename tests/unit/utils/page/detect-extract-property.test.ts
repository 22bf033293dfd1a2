/**
 * detectSpeech and extractSpeech run on whatever a page contains: random markup, truncated or mutated
 * fixture pages. They must never throw and must always return well-formed results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeech } from '@/utils/page/extract';

const DIR = join(process.cwd(), 'tests/fixtures/pages');
const pages = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function checkWellFormed(html: string, url: string) {
  const detection = detectSpeech(parse(html), url);
  expect(typeof detection.isSpeech).toBe('boolean');
  expect(detection.confidence).toBeGreaterThanOrEqual(0);
  expect(detection.confidence).toBeLessThanOrEqual(1);
  expect(detection.isSpeech).toBe(detection.confidence >= 0.5);
  const speech = extractSpeech(parse(html), url);
  expect(speech.url).toBe(url);
  expect(typeof speech.title).toBe('string');
  expect(Array.isArray(speech.paragraphs)).toBe(true);
  for (const p of speech.paragraphs) {
    expect(typeof p).toBe('string');
    expect(p.trim()).not.toBe('');
  }
  if (speech.date !== null) expect(speech.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  expect(speech.contentHash).toMatch(/^fnv1a-/);
}

// Pieces real pages are made of, so random pages hit the TRS and speech-form code paths.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<div class="TRS_Editor">',
    '<div class=TRS_Editor>',
    '<div id="TRS_AUTOADD_1">',
    '<div class="TRS_PreAppend"><p class="MsoNormal">',
    '<style>.TRS_Editor P{margin:0}</style>',
    '<script>createPageHTML(3, 0, "t20180319_1", "html");</script>',
    '<a class="CurrChnlCls">领导讲话</a>',
    '<meta name="PubDate" content="2018-13-45 99:99">',
    '<title>在会上的讲话_领导讲话_站</title>',
    '<p>同志们：</p>',
    '<p>（二〇一八年十三月四十日）</p>',
    '<p>——在</p>',
    '<br>',
    '</div>',
    '</p>',
    '<p>',
    '&nbsp;',
    '\u3000',
    '<h1>',
    '<a href="t20180319_2_1.html">',
  ),
);
const url = fc.oneof(
  fc.constant('http://www.ordoszgh.gov.cn/zlzx/ldjh/201803/t20180319_2098918.html'),
  fc.webUrl(),
  fc.string(),
);

describe('detect and extract never throw', () => {
  it('on random markup', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), url, (parts, address) => {
        checkWellFormed(parts.join(''), address);
      }),
      { numRuns: 150 },
    );
  });

  it('on fixture pages cut and spliced at random places', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pages),
        fc.nat(),
        fc.nat(),
        fc.string(),
        url,
        (page, a, b, insert, address) => {
          const i = a % (page.length + 1);
          const j = b % (page.length + 1);
          checkWellFormed(page.slice(0, Math.min(i, j)) + insert + page.slice(Math.max(i, j)), address);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('on a document without a body', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.removeChild(doc.body);
    expect(detectSpeech(doc, 'http://x/').isSpeech).toBe(false);
    expect(extractSpeech(doc, 'http://x/').paragraphs).toEqual([]);
  });
});
