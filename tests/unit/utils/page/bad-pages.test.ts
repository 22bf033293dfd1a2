/**
 * Pathological pages (tests/fixtures/hostile/bad-pages.ts): detection and extraction give a clear answer,
 * never throw, and finish. The time bound is a hang guard only (generous: two shared cores), not a timing
 * test; figures belong in bench/.
 */
import { describe, expect, it } from 'vitest';
import { buildOutline } from '@/utils/outline/build';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeech } from '@/utils/page/extract';
import type { Detection, Speech } from '@/utils/types';
import {
  deepPage,
  emptyTrsPage,
  framesetPage,
  hugeTextPage,
  manyParagraphsPage,
  mislabelledPages,
  paragraph,
  speechPage,
} from '../../../fixtures/hostile/bad-pages';

const URL = 'http://www.ordoszgh.gov.cn/zlzx/ldjh/202602/t20260201_3200001.html';
/** Wall-clock bound per call: far above normal (milliseconds, on two shared, busy cores), far below a hang. */
const HANG_GUARD_MS = 5000;

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function timed<T>(what: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  expect(ms, `${what} took ${Math.round(ms)} ms (hang guard ${HANG_GUARD_MS} ms)`).toBeLessThan(
    HANG_GUARD_MS,
  );
  return result;
}

function detect(html: string): Detection {
  const doc = parse(html);
  return timed('detectSpeech', () => detectSpeech(doc, URL));
}

function extract(html: string): Speech {
  const doc = parse(html);
  const speech = timed('extractSpeech', () => extractSpeech(doc, URL));
  expect(speech.url).toBe(URL);
  for (const p of speech.paragraphs) expect(p.trim()).not.toBe('');
  return speech;
}

describe('bad pages: a clear result, no throw, no hang', () => {
  it('1 MB of text in one paragraph: a speech, all of its text, an outline', () => {
    const html = hugeTextPage();
    expect(detect(html).isSpeech).toBe(true);
    const speech = extract(html);
    expect(speech.via).toBe('trs');
    expect(speech.title).toBe('在全市工会工作会议上的讲话（超长）');
    const chars = speech.paragraphs.reduce((n, p) => n + p.length, 0);
    expect(chars).toBeGreaterThan(1024 * 1024);
    const outline = timed('buildOutline', () => buildOutline(speech.paragraphs));
    expect(Array.isArray(outline)).toBe(true);
  });

  it('5,000 paragraphs: every one kept, in order', () => {
    const html = manyParagraphsPage(5000);
    expect(detect(html).isSpeech).toBe(true);
    const speech = extract(html);
    expect(speech.paragraphs).toHaveLength(5001); // 同志们： + 5,000
    expect(speech.paragraphs[1]).toBe(paragraph(0));
    expect(speech.paragraphs[5000]).toBe(paragraph(4999));
    const outline = timed('buildOutline', () => buildOutline(speech.paragraphs));
    expect(outline.length).toBeGreaterThan(0);
  });

  it('a DOM nested 2,000 deep (page and body text): the text is still found', () => {
    const html = deepPage(2000);
    expect(detect(html).isSpeech).toBe(true);
    const speech = extract(html);
    expect(speech.title).toBe('在全市工会工作会议上的讲话（深层嵌套）');
    expect(speech.paragraphs).toEqual(['同志们：', paragraph(1), paragraph(2), paragraph(3)]);
  });

  it('Chromium’s shape of a page nested deeper than 512: an empty TRS container, its text after it', () => {
    // Chromium's parser stops nesting at depth 512: deeper elements become siblings at that depth, so a
    // container opened deeper is empty and its paragraphs follow it. Built here as Chromium builds it.
    // 300 levels already take seconds in Readability (superlinear in depth); Chromium makes it at 512+.
    const DEPTH = 300;
    const doc = parse(speechPage({ title: '在全市工会工作会议上的讲话（深层嵌套）', body: '' }));
    const trs = doc.querySelector('.TRS_Editor') as Element;
    let parent = trs.parentElement as Element;
    for (let i = 0; i < DEPTH; i++) parent = parent.appendChild(doc.createElement('div'));
    trs.textContent = '';
    parent.append(trs);
    for (const text of ['同志们：', paragraph(1), paragraph(2), paragraph(3)]) {
      const p = doc.createElement('p');
      p.textContent = text;
      parent.append(p);
    }
    const speech = timed('extractSpeech', () => extractSpeech(doc, URL));
    expect(speech.paragraphs).toEqual(expect.arrayContaining([paragraph(1), paragraph(2), paragraph(3)]));
  });

  it('a DOM nested 10,000 deep (no parser cap, as in happy-dom): the text is still found', () => {
    // Browsers' parsers cap nesting, but the walk must not depend on it: a recursive walk overflows the
    // stack here, and extraction then silently returns an empty speech.
    const html = deepPage(10_000);
    expect(detect(html).reasons).not.toContain('error');
    expect(extract(html).paragraphs).toEqual(['同志们：', paragraph(1), paragraph(2), paragraph(3)]);
  });

  it('a document without a body: not a speech, an empty extraction', () => {
    const doc = parse(manyParagraphsPage(3));
    doc.documentElement.removeChild(doc.body);
    expect(timed('detectSpeech', () => detectSpeech(doc, URL))).toEqual({
      isSpeech: false,
      confidence: 0,
      reasons: ['empty'],
    });
    const speech = timed('extractSpeech', () => extractSpeech(doc, URL));
    expect(speech.paragraphs).toEqual([]);
    expect(speech.via).toBe('none');
  });

  it('a frameset page: a well-formed answer and no frame content invented', () => {
    const html = framesetPage();
    const detection = detect(html);
    expect(detection.confidence).toBeGreaterThanOrEqual(0);
    expect(detection.confidence).toBeLessThanOrEqual(1);
    const speech = extract(html);
    expect(speech.title).toBe('在全市工会工作会议上的讲话');
    expect(speech.paragraphs.join('')).not.toMatch(/<frame|TRS_Editor/);
  });

  it('an empty TRS_Editor: not taken as the body; its CSS never becomes text', () => {
    const html = emptyTrsPage();
    expect(detect(html).isSpeech).toBe(true);
    const speech = extract(html);
    expect(speech.via).not.toBe('trs');
    expect(speech.paragraphs.join('\n')).not.toMatch(/margin|\{|\}/);
  });

  it('GBK bytes declared UTF-8, and UTF-8 bytes declared GBK: mojibake, but no throw and no hang', () => {
    const { gbkAsUtf8, utf8AsGbk } = mislabelledPages();
    expect(gbkAsUtf8).toContain('\ufffd'); // the control: it really is mis-decoded
    expect(utf8AsGbk).not.toContain('同志们');
    for (const html of [gbkAsUtf8, utf8AsGbk]) {
      const detection = detect(html);
      expect(typeof detection.isSpeech).toBe('boolean');
      const speech = extract(html);
      timed('buildOutline', () => buildOutline(speech.paragraphs));
    }
  });

  it('a page that rewrites itself after detection: extraction reads the page as it is now', () => {
    const doc = parse(manyParagraphsPage(3));
    expect(detectSpeech(doc, URL).isSpeech).toBe(true);
    const container = doc.querySelector('.TRS_Editor') as Element;
    container.textContent = '';
    for (const text of ['同志们：', '第一，改写后的第一段。', '第二，改写后的第二段。']) {
      const p = doc.createElement('p');
      p.textContent = text;
      container.append(p);
    }
    expect(extractSpeech(doc, URL).paragraphs).toEqual([
      '同志们：',
      '第一，改写后的第一段。',
      '第二，改写后的第二段。',
    ]);
  });
});
