// Issue #14 item 12, in real Chromium and Firefox: a highlight inside another and a highlight with a note are
// painted with their own mark (CSS.highlights `yandu-nested` / `yandu-noted`, styled in
// components/highlights/highlights.css), so neither looks like a plain highlight. The speech is seeded
// (support/seed.ts) under an address shaped like http://www.ordoszgh.gov.cn/zlzx/ldjh/….
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readerHref } from '../../utils/routes.ts';
import { forEachBrowser } from './support/harness.ts';
import { type SeedHighlight, seedSpeech } from './support/seed.ts';

const STEP = { timeout: 90_000 };
const ID = 'ordoszgh.gov.cn/zlzx/ldjh/202612/t20261203_marks.html';
const PARAGRAPHS = [
  '同志们：今天召开全市工会重点工作部署会。',
  '一、把职工服务做实',
  '年底前建成职工驿站五十个，做到事事有回音、件件有着落。',
];
const HIGHLIGHTS: SeedHighlight[] = [
  {
    id: 'outer',
    para: 2,
    exact: '年底前建成职工驿站五十个，做到事事有回音',
    category: 'thesis',
    section: 0,
    note: '',
  },
  { id: 'inner', para: 2, exact: '职工驿站五十个', category: 'thesis', section: 0, note: '要落到旗区' },
];

forEachBrowser('highlight marks', (b) => {
  test('a highlight inside another and one with a note carry their own mark', STEP, async () => {
    await b.extensionPage('/library.html');
    await b.waitFor(() => document.getElementById('app')?.textContent, null, 'the library', 30_000);
    const seeded = await seedSpeech(b, {
      id: ID,
      title: '在全市工会重点工作部署会上的讲话',
      speaker: '李某某',
      occasion: '全市工会重点工作部署会',
      date: '2026-12-03',
      paragraphs: PARAGRAPHS,
      outline: [{ level: 1, marker: '一、', title: '把职工服务做实', para: 1, offset: 0 }],
      highlights: HIGHLIGHTS,
    });
    assert.equal(seeded, true);
    await b.extensionPage(`/${readerHref({ url: `http://www.${ID}` })}`);
    await b.waitFor(
      () => document.documentElement.dataset.yanduHighlights === '2',
      undefined,
      'the reader to paint both highlights',
      30_000,
    );
    // No named functions inside: the page gets the function's source, without tsx's name helper.
    const marks = await b.evaluate(
      (names) =>
        names.map((name) => {
          const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS
            .highlights;
          return [...(registry.get(name) ?? [])].map((r) => r.toString());
        }),
      ['yandu-nested', 'yandu-noted', 'yandu-thesis'],
    );
    const [nested, noted, thesis] = marks;
    assert.deepEqual(
      { nested, noted, thesis: thesis?.length },
      {
        nested: ['职工驿站五十个'],
        noted: ['职工驿站五十个'],
        thesis: 2,
      },
    );
  });
});
