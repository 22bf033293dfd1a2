/**
 * Reader memory, Chromium: the JS heap of the reader showing the 30,000-character portal speech with 1,000
 * highlights, against the portal page's own heap for the same speech (budget ≤ 2.0×). Both in the same
 * browser, alternating run by run: the portal page loaded fresh; the reader opened from it by the click
 * path (the button's click()), its highlights restored. After a settle time each is garbage-collected
 * (HeapProfiler.collectGarbage) and its renderer's V8 heap read (Runtime.getHeapUsage: the whole isolate;
 * the portal page's includes Yandu's content script, a few KB). Over the bare DevTools pipe (pipe-browser.ts).
 *   npx tsx bench/browser/memory.bench.ts        (BENCH_QUICK=1 for a smoke run)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, printMedians, QUICK, record } from '../lib';
import { benchBundle } from './bundle';
import { longSpeechPath, portalUrl } from './launch';
import { pipeBrowser } from './pipe-browser';
import { makeVariants } from './variants';

const RUNS = QUICK ? 1 : 10;
const HIGHLIGHTS = 1_000;
// The button's shadow root is closed: a real click at the host's centre lands on the button inside.
const BUTTON = `document.querySelector('yandu-reader-button')`;
const MB = 2 ** 20;

const home = await mkdtemp(join(tmpdir(), 'yandu-bench-memory-'));
const pipe = await pipeBrowser((await makeVariants('chromium', home, ['ours'])).ours);
try {
  const { cdp, tab } = pipe;
  const url = portalUrl(longSpeechPath());
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const openPortal = async () => {
    await cdp.send('Page.navigate', { url }, tab);
    await cdp.waitFor(
      tab,
      `location.protocol === 'http:' && document.readyState === 'complete' && ${BUTTON}`,
    );
  };
  // A click that lands before the button listens is lost under load (seen once in CI: a 30 s wait for a reader
  // that never opened), so a reader that has not stored the speech within 15 s gets the portal and the click again.
  const openReader = async () => {
    for (let attempt = 1; ; attempt++) {
      await openPortal();
      await sleep(300);
      await cdp.clickCentre(tab, BUTTON);
      await sleep(500);
      try {
        await cdp.waitFor(
          tab,
          `location.protocol === 'chrome-extension:' && document.documentElement.dataset.yanduSaved === 'true'`,
          15_000,
          100,
        );
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        console.log(`# memory bench: the reader did not open after click ${attempt}; clicking again`);
      }
    }
  };
  const heap = async () => {
    await sleep(1_000);
    await cdp.send('HeapProfiler.collectGarbage', {}, tab);
    const { usedSize } = await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage', {}, tab);
    return usedSize / MB;
  };

  // Store the speech by opening it once, then add 1,000 highlights to it.
  await openReader();
  await cdp.evaluate(tab, await benchBundle('entry-dexie.ts'));
  const seeded = await cdp.evaluate<{ id: string; highlights: number }>(
    tab,
    `__benchDexie.seedHighlights(${JSON.stringify(url)}, ${HIGHLIGHTS})`,
  );
  console.log(`# seeded ${seeded.highlights} highlights on ${seeded.id}`);
  const painted = `(() => { let n = 0; const r = CSS.highlights; if (r) for (const [, h] of r) n += h.size; return n; })()`;
  const runs = await interleave(
    {
      reader: async () => {
        await openReader();
        // The highlights restored and painted (the reader's own measure, components/highlights/).
        await cdp.waitFor(tab, `${painted} > ${HIGHLIGHTS * 0.9}`, 30_000, 200);
        return heap();
      },
      portal: async () => {
        await openPortal();
        return heap();
      },
      // The floor of any extension page (variants.ts: one line of text), for reading the figures.
      blank: async () => {
        await cdp.send('Page.navigate', { url: `${pipe.extensionOrigin}/bench-blank.html` }, tab);
        await cdp.waitFor(tab, `document.getElementById('bench-blank') !== null`);
        return heap();
      },
    },
    RUNS,
  );
  record('JS heap: reader, 30k speech + 1000 highlights', runs.reader, 'MB');
  record('JS heap: portal page, same speech', runs.portal, 'MB');
  record('JS heap: minimal extension page', runs.blank, 'MB');
} finally {
  await pipe.close();
  await rm(home, { recursive: true, force: true });
}
printMedians();
