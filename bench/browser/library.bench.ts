/**
 * The library page at 2,000 speeches / 100,000 highlights, Chromium; every open beside a minimal extension
 * page opened the same way (variants.ts: bench-blank.html in the bench's copy; budgets ≤ 2.0× first visit,
 * ≤ 1.5× repeat).
 * Composed speeches (about 8,000 characters each), 50 highlights and one study note each are written to the
 * extension's database from an extension page; then library.html is opened N times.
 * - open: navigation start → the start of the first frame showing speech rows (`.yd-lib-row`: the
 *   requestAnimationFrame after a MutationObserver, installed before the page's scripts run, saw them; a
 *   task queued from there can wait behind the page's database reads, which is printed apart); once with the page's summary cache emptied (rows from
 *   IndexedDB: the budget figure) and once as the page leaves its cache (a repeat visit).
 * - search: typing a term (one input event) → the frame showing the filtered list, once the search index is
 *   built; six topic phrases, each in a twentieth of the speeches, and apart a term found in every speech.
 * Chromium is driven over a bare DevTools pipe (pipe-browser.ts), so no driver code runs in the page while
 * it opens; the row watcher is added with Page.addScriptToEvaluateOnNewDocument (which needs Page.enable).
 *   npx tsx bench/browser/library.bench.ts        (BENCH_QUICK=1: 200 speeches, a smoke run)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printMedians, QUICK, record } from '../lib';
import { benchBundle } from './bundle';
import { TOPICS } from './compose';
import { settledBuild } from './launch';
import { pipeBrowser } from './pipe-browser';
import { makeVariants } from './variants';

const SPEECHES = QUICK ? 200 : 2_000;
const PER_SPEECH = 50;
const CHARS = 8_000;
const RUNS = QUICK ? 1 : 10;
const ROW = '.yd-lib-row';
/** Topic phrases each in a twentieth of the speeches (compose.ts); a term found in every speech apart. */
const QUERIES = TOPICS.slice(0, 6);
const EVERYWHERE = '职工书屋';

if (!existsSync(join(await settledBuild(), 'library.html'))) {
  console.log(
    '# MISSING library open/search: the build has no library.html (entrypoints/library/ not built yet)',
  );
  process.exit(0);
}

// Marks the first frame that shows a library row, on every library page load (runs before its scripts).
// On the minimal page (variants.ts: bench-blank.html) the same marks follow its one line of text.
const WATCH_ROWS = `(() => {
  const blank = location.pathname.endsWith('/bench-blank.html');
  if (!blank && !location.pathname.endsWith('/library.html')) return;
  const seen = () => {
    if (!document.querySelector(blank ? '#bench-blank' : ${JSON.stringify(ROW)})) return false;
    requestAnimationFrame(() => {
      performance.mark('bench:rows-frame');
      setTimeout(() => performance.mark('bench:rows-painted'), 0);
    });
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const home = await mkdtemp(join(tmpdir(), 'yandu-bench-library-'));
const pipe = await pipeBrowser((await makeVariants('chromium', home, ['ours'])).ours);
try {
  const { cdp, tab, extensionOrigin } = pipe;
  // Over the bare DevTools pipe (pipe-browser.ts): no driver code runs in the library while it opens. The
  // Page domain is enabled only because scripts added for new documents need it (its events are ignored).
  await cdp.send('Page.enable', {}, tab);
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: WATCH_ROWS }, tab);
  await cdp.send('Page.navigate', { url: `${extensionOrigin}/reader.html` }, tab);
  await cdp.waitFor(tab, `location.protocol === 'chrome-extension:' && document.readyState === 'complete'`);
  await cdp.evaluate(tab, await benchBundle('entry.ts'));
  const t0 = performance.now();
  const seeded = await cdp.evaluate<{ speeches: number; highlights: number }>(
    tab,
    `__yanduBench.seedLibrary(${SPEECHES}, ${PER_SPEECH}, ${CHARS})`,
  );
  console.log(
    `# seeded ${seeded.speeches} speeches, ${seeded.highlights} highlights in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const size = `${SPEECHES / 1000}k speeches, ${(SPEECHES * PER_SPEECH) / 1000}k highlights`;
  const libraryUrl = `${extensionOrigin}/library.html`;
  const marks = `(() => {
    const get = (name) => performance.getEntriesByName(name)[0]?.startTime;
    const frame = get('bench:rows-frame');
    const after = get('bench:rows-painted');
    return frame === undefined || after === undefined
      ? null
      : { frame, after, start: get('yandu:library-start') ?? -1, painted: get('yandu:library-painted') ?? -1,
          db: get('yandu:library-db') ?? -1, open: get('yandu:library-open') ?? -1,
          recent: get('yandu:library-recent') ?? -1 };
  })()`;

  /** The baseline beside every library open: a minimal extension page, opened by address the same way. */
  const blankOpens: number[] = [];
  const openBlank = async () => {
    await cdp.send('Page.navigate', { url: `${extensionOrigin}/bench-blank.html` }, tab);
    await new Promise((r) => setTimeout(r, 300));
    await cdp.waitFor(tab, marks, 30_000, 100);
    blankOpens.push((await cdp.evaluate<{ frame: number }>(tab, marks)).frame);
  };
  const openOnce = async (emptyCache: boolean): Promise<number> => {
    if (emptyCache) await cdp.evaluate(tab, 'localStorage.clear()').catch(() => undefined);
    await cdp.send('Page.navigate', { url: libraryUrl }, tab);
    // Leave the page alone while it opens; then look a few times a second.
    await new Promise((r) => setTimeout(r, 700));
    await cdp.waitFor(tab, marks, 30_000, 200);
    const m = await cdp.evaluate<{
      frame: number;
      after: number;
      start: number;
      painted: number;
      db: number;
      open: number;
      recent: number;
    }>(tab, marks);
    phase(emptyCache, 'rows frame → next task (main thread busy)', m.after - m.frame);
    // The page's own marks: where the time before the rows goes.
    if (m.start >= 0) phase(emptyCache, 'navigation → yandu:library-start (scripts)', m.start);
    if (m.start >= 0 && m.painted >= 0) {
      phase(emptyCache, 'yandu:library-start → yandu:library-painted', m.painted - m.start);
    }
    // Without the cache the rows wait for the database code, then for the read of the newest page.
    if (emptyCache && m.start >= 0 && m.db >= 0) {
      phase(emptyCache, 'yandu:library-start → database code loaded (yandu:library-db)', m.db - m.start);
    }
    if (emptyCache && m.db >= 0 && m.open >= 0 && m.recent >= 0) {
      phase(emptyCache, 'yandu:library-db → database open (yandu:library-open)', m.open - m.db);
      phase(emptyCache, 'yandu:library-open → newest page read (yandu:library-recent)', m.recent - m.open);
      phase(emptyCache, 'yandu:library-recent → rows frame', m.frame - m.recent);
    }
    return m.frame;
  };
  const phases = new Map<string, number[]>();
  const phase = (cold: boolean, name: string, ms: number) => {
    const key = `library open${cold ? ', no cache' : ''}: ${name}`;
    phases.set(key, [...(phases.get(key) ?? []), ms]);
  };
  const cold: number[] = [];
  const warm: number[] = [];
  await openOnce(true); // warm-up
  await openBlank();
  blankOpens.length = 0;
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first, so neither always follows the other.
    if (run % 2) await openBlank();
    cold.push(await openOnce(true));
    if (!(run % 2)) await openBlank();
  }
  // The summary cache is written once the whole library has been read, long after the first rows: wait
  // for it once, then every open finds it.
  // The loop may end on the blank page (in --quick, after one cold open): open the library once more so it
  // can write the cache, unmeasured.
  await openOnce(false);
  await cdp.waitFor(tab, 'localStorage.length > 0', 120_000, 250);
  for (let run = 0; run < RUNS; run++) {
    if (run % 2) await openBlank();
    warm.push(await openOnce(false));
    if (!(run % 2)) await openBlank();
  }
  record(`library open: ${size}, no summary cache (Chromium)`, cold);
  record('minimal extension page open (Chromium)', blankOpens);
  record(`library open, repeat visit (summary cache): ${size}`, warm);
  for (const [name, samples] of phases) record(name, samples.slice(-RUNS));

  // Search, once the index is built (while it is being built a search shows no rows). The loop above may
  // end on the blank page: open the library again, unmeasured.
  await openOnce(false);
  const setQuery = `(async (q) => {
    const input = document.querySelector('input[type=search]');
    if (!input) return { ms: -1, rows: 0 };
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { ms: performance.now() - start, rows: document.querySelectorAll(${JSON.stringify(ROW)}).length };
  })`;
  const searchOnce = (term: string) =>
    cdp.evaluate<{ ms: number; rows: number }>(tab, `${setQuery}(${JSON.stringify(term)})`);
  const indexReady = Date.now() + 120_000;
  while ((await searchOnce(EVERYWHERE)).rows === 0) {
    if (Date.now() > indexReady)
      throw new Error('the library never showed search results (index not built?)');
    await new Promise((r) => setTimeout(r, 500));
  }
  const searches: number[] = [];
  const everywhere: number[] = [];
  const shown: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const term of QUERIES) {
      const r = await searchOnce(term);
      searches.push(r.ms);
      shown.push(r.rows);
    }
    everywhere.push((await searchOnce(EVERYWHERE)).ms);
  }
  console.log(`# rows shown per topic search: ${Math.min(...shown)}–${Math.max(...shown)}`);
  if (Math.min(...shown) === 0) throw new Error('a topic search showed no rows: the search did not run');
  record(`library search: ${size} (Chromium)`, searches);
  record('library search, term in every speech (first 100 rows shown)', everywhere);
} finally {
  await pipe.close();
  await rm(home, { recursive: true, force: true });
}
printMedians();
