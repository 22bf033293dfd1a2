/**
 * Golden pages (Hypothesis html-baselines style): every tests/fixtures/pages/<name>.html has a hand-checked
 * <name>.expected.json with the detection verdict and the Speech fields a reader would see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSpeech } from '@/utils/page/detect';
import { extractSpeech } from '@/utils/page/extract';

const DIR = join(process.cwd(), 'tests/fixtures/pages');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

interface Expected {
  url: string;
  detection: { isSpeech: boolean };
  title: string;
  speaker: string | null;
  occasion: string | null;
  date: string | null;
  source: string | null;
  paragraphs: string[];
  via?: string;
  pages?: string[];
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('golden pages', () => {
  it('has a fixture for every case the reader must handle', () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
  });

  for (const name of names) {
    it(name, () => {
      const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
      const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
      const detection = detectSpeech(parse(html), expected.url);
      const speech = extractSpeech(parse(html), expected.url);
      expect(detection.isSpeech, detection.reasons.join(' ')).toBe(expected.detection.isSpeech);
      expect({
        title: speech.title,
        speaker: speech.speaker,
        occasion: speech.occasion,
        date: speech.date,
        source: speech.source,
        paragraphs: speech.paragraphs,
      }).toEqual({
        title: expected.title,
        speaker: expected.speaker,
        occasion: expected.occasion,
        date: expected.date,
        source: expected.source,
        paragraphs: expected.paragraphs,
      });
      if (expected.via) expect(speech.via).toBe(expected.via);
      expect(speech.pages).toEqual(expected.pages);
    });
  }
});
