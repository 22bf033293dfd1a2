// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Fuzzing with MUTATED real inputs (tests/fixtures/hostile/mutate.ts): the sample portal's pages and the
 * golden page fixtures with tags deleted, duplicated and swapped, truncated, markers and punctuation injected,
 * full/half width flipped; the golden outline fixtures and the portal speeches' paragraphs mutated the same
 * way. Detection, extraction, the outline and anchoring must never throw, must return well-formed results and
 * must finish: every case runs under a hang guard (generous wall-clock bound: two shared, often busy cores).
 * Complements detect-extract-property (random markup, cut-and-splice), outline.property (marker soup) and
 * anchor-property (small random texts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, describe as group, it } from 'vitest';
import { anchorAll, describe } from '@/utils/anchoring/anchor';
import { buildOutline } from '@/utils/outline/build';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeech } from '@/utils/page/extract';
import type { OutlineNode, TextSelector } from '@/utils/types';
import { mutateHtml, mutateParagraphs, mutation, paragraphMutation } from '../../../fixtures/hostile/mutate';

const FIXTURES = join(process.cwd(), 'tests/fixtures');
const HANG_GUARD_MS = 5000;

interface PortalEntry {
  path: string;
  file: string;
}
const portal = (JSON.parse(readFileSync(join(FIXTURES, 'portal/pages.json'), 'utf8')) as PortalEntry[]).map(
  (p) => ({
    url: `http://www.ordoszgh.gov.cn${p.path}`,
    html: readFileSync(join(FIXTURES, 'portal', p.file), 'utf8'),
  }),
);
const golden = readdirSync(join(FIXTURES, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({
    url: `http://www.example.gov.cn/ldjh/${f}`,
    html: readFileSync(join(FIXTURES, 'pages', f), 'utf8'),
  }));
const outlineFixtures = readdirSync(join(FIXTURES, 'outline'))
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      (JSON.parse(readFileSync(join(FIXTURES, 'outline', f), 'utf8')) as { paragraphs: string[] }).paragraphs,
  );

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * happy-dom's own parser can throw on badly broken markup (e.g. an <html> tag swapped into a table), which a
 * browser's parser never does: such a case says nothing about Yandu and is discarded.
 */
function parsesInHappyDom(html: string): boolean {
  try {
    parse(html);
    return true;
  } catch {
    return false;
  }
}

function guarded<T>(what: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  expect(ms, `${what}: ${Math.round(ms)} ms (hang guard ${HANG_GUARD_MS} ms)`).toBeLessThan(HANG_GUARD_MS);
  return result;
}

function checkOutline(paragraphs: readonly string[], outline: OutlineNode[]) {
  let previous = -1;
  for (const n of outline) {
    expect([1, 2, 3]).toContain(n.level);
    expect(Number.isInteger(n.para) && n.para >= 0 && n.para < paragraphs.length).toBe(true);
    expect((paragraphs[n.para] as string).startsWith(n.marker, n.offset)).toBe(true);
    expect(typeof n.title).toBe('string');
    const position = n.para * 1e7 + n.offset;
    expect(position).toBeGreaterThan(previous);
    previous = position;
  }
}

/** Detection, extraction and the outline on one page: well-formed, within the guard. */
function checkPage(html: string, url: string) {
  fc.pre(parsesInHappyDom(html));
  const detection = guarded('detectSpeech', () => detectSpeech(parse(html), url));
  expect(detection.confidence).toBeGreaterThanOrEqual(0);
  expect(detection.confidence).toBeLessThanOrEqual(1);
  expect(detection.isSpeech).toBe(detection.confidence >= 0.5);
  expect(detection.reasons.every((r) => typeof r === 'string')).toBe(true);
  const speech = guarded('extractSpeech', () => extractSpeech(parse(html), url));
  expect(speech.url).toBe(url);
  expect(typeof speech.title).toBe('string');
  for (const p of speech.paragraphs) expect(p.trim()).not.toBe('');
  if (speech.date !== null) expect(speech.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  for (const page of speech.pages ?? []) expect(new URL(page).protocol).toMatch(/^https?:$/);
  const outline = guarded('buildOutline', () => buildOutline(speech.paragraphs));
  checkOutline(speech.paragraphs, outline);
}

group('fuzz: mutated pages through detection, extraction and the outline', () => {
  it('has pages to mutate', () => {
    expect(portal.length).toBeGreaterThanOrEqual(5);
    expect(golden.length).toBeGreaterThanOrEqual(5);
  });

  it('sample portal pages with tags deleted/duplicated/swapped, truncated, injected, width-flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...portal),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (page, ms) => {
          checkPage(
            ms.reduce((html, m) => mutateHtml(html, m), page.html),
            page.url,
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('golden page fixtures, mutated the same way', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...golden),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (page, ms) => {
          checkPage(
            ms.reduce((html, m) => mutateHtml(html, m), page.html),
            page.url,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

group('fuzz: the outline on mutated golden paragraphs', () => {
  it('golden outline fixtures with paragraphs deleted, duplicated, swapped, merged, split, injected, flipped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...outlineFixtures),
        fc.array(paragraphMutation, { minLength: 1, maxLength: 8 }),
        (paragraphs, ms) => {
          const mutated = ms.reduce(mutateParagraphs, paragraphs);
          checkOutline(
            mutated,
            guarded('buildOutline', () => buildOutline(mutated)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

group('fuzz: anchoring on mutated portal speeches', () => {
  const speeches = portal
    .map((p) => extractSpeech(parse(p.html), p.url).paragraphs)
    .filter((paragraphs) => paragraphs.length >= 5);

  const point = (paragraphs: string[]) =>
    fc
      .nat(paragraphs.length - 1)
      .chain((para) =>
        fc.record({ para: fc.constant(para), offset: fc.nat((paragraphs[para] as string).length) }),
      );
  const case_ = fc
    .constantFrom(...speeches)
    .chain((paragraphs) =>
      fc.tuple(
        fc.constant(paragraphs),
        fc.array(fc.tuple(point(paragraphs), point(paragraphs)), { minLength: 1, maxLength: 4 }),
        fc.array(paragraphMutation, { minLength: 1, maxLength: 6 }),
      ),
    );

  it('highlights taken on the original are placed on exact text of the edited speech, or reported unplaced', () => {
    expect(speeches.length).toBeGreaterThanOrEqual(3);
    fc.assert(
      fc.property(case_, ([paragraphs, ranges, ms]) => {
        const selectors = ranges.map(([a, b]) => describe(paragraphs, a, b));
        const edited = ms.reduce(mutateParagraphs, paragraphs);
        const results = guarded('anchorAll', () => anchorAll(edited, selectors));
        expect(results).toHaveLength(selectors.length);
        for (const found of results) {
          if (!found.placed) {
            expect(typeof found.reason).toBe('string');
            continue;
          }
          const s = found.selector;
          expect(s.startPara).toBeLessThanOrEqual(s.endPara);
          const text =
            s.startPara === s.endPara
              ? (edited[s.startPara] ?? '').slice(s.startOffset, s.endOffset)
              : [
                  (edited[s.startPara] ?? '').slice(s.startOffset),
                  ...edited.slice(s.startPara + 1, s.endPara),
                  (edited[s.endPara] ?? '').slice(0, s.endOffset),
                ].join('\n');
          expect(text).toBe(s.exact);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('stored selectors damaged in any field never throw (a bad backup or an old version wrote them)', () => {
    const paragraphs = speeches[0] as string[];
    const anyValue = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 2 ** 53, null, undefined, '3', [], {}),
      fc.string({ maxLength: 40 }),
    );
    const damaged = fc.record({
      startPara: anyValue,
      startOffset: anyValue,
      endPara: anyValue,
      endOffset: anyValue,
      exact: fc.oneof(anyValue, fc.constantFrom(...paragraphs.map((p) => p.slice(3, 30)))),
      prefix: anyValue,
      suffix: anyValue,
    });
    fc.assert(
      fc.property(fc.array(damaged, { minLength: 1, maxLength: 5 }), (selectors) => {
        const results = guarded('anchorAll', () =>
          anchorAll(paragraphs, selectors as unknown as TextSelector[]),
        );
        for (const found of results) if (found.placed) expect(found.selector.exact.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
