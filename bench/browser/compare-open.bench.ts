/**
 * The 年度对照 view opening on two 20,000-character speeches, Chromium: until its first rows are painted
 * (≤ 300 ms after the click, an absolute budget), beside a minimal extension page (variants.ts:
 * bench-blank.html) opened the same way, interleaved.
 * Two composed speeches (compose.ts; the newer one made from the older with known edits by
 * bench/compare-pairs.ts: sentences added, dropped, reworded, figures changed, moved, paragraphs re-laid)
 * and a 重点任务 highlight on each are written to the extension's database with raw IndexedDB; then the view
 * is opened N times.
 * - open: navigation start → the start of the first frame showing comparison rows (`.yd-cmp-row`: the
 *   requestAnimationFrame after a MutationObserver, installed before the page's scripts run, saw them).
 *   TO BE REPLACED once the library's 对照 button lands (input[data-compare-pick="<id>"] on each row,
 *   button[data-action="compare"] opening comparePageUrl(oldId, newId) in a new tab): the figure is then taken
 *   from the click on that button (a real mouse click, CdpPipe.clickCentre) to the rows' first frame in the
 *   new tab, and the baseline from the same click ending on bench-blank.html. Until then both pages are
 *   opened by address (Page.navigate), which leaves out the library's own work between click and tab.
 * Chromium is driven over a bare DevTools pipe (pipe-browser.ts): no driver code runs in the page it times.
 *   npx tsx bench/browser/compare-open.bench.ts        (BENCH_QUICK=1: one round, a smoke run)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitSentences } from '../../utils/compare/sentences';
import { buildOutline } from '../../utils/outline/build';
import { makePair } from '../compare-pairs';
import { budgetUpTo, interleave, printMedians, QUICK, record } from '../lib';
import { composeParagraphs, composeSpeechRecord } from './compose';
import { settledBuild } from './launch';
import { pipeBrowser } from './pipe-browser';
import { makeVariants } from './variants';

const CHARS = 20_000;
const ROUNDS = QUICK ? 1 : 12;
const ROW = '.yd-cmp-row';

if (!existsSync(join(await settledBuild(), 'compare.html'))) {
  console.log('# MISSING compare open: the build has no compare.html (entrypoints/compare/ not built)');
  process.exit(0);
}

// The two speeches: a 20k one, and its next version with known edits (about a dozen content changes).
const older = composeSpeechRecord(1, CHARS);
const foreign = splitSentences(composeParagraphs(5_000, 9)).map((s) => s.text);
const edited = makePair('bench', older.paragraphs, foreign, 4242).new;
const newer = {
  ...composeSpeechRecord(2, CHARS),
  paragraphs: edited,
  outline: buildOutline(edited),
  contentHash: `bench-compare-new-${edited.length}`,
};
older.date = '2024-01-10';
newer.date = '2025-01-12';
const task = (id: string, speechId: string, para: number, exact: string) => ({
  id,
  speechId,
  category: 'task',
  note: '',
  selector: {
    startPara: para,
    startOffset: 0,
    endPara: para,
    endOffset: exact.length,
    exact,
    prefix: '',
    suffix: '',
  },
  section: -1,
  task: { status: 'todo', due: null, progress: '' },
  created: 1,
  updated: 1,
});
const firstLong = (paras: readonly string[]) => paras.findIndex((p) => p.length > 40);
const oldPara = firstLong(older.paragraphs);
const newPara = firstLong(newer.paragraphs);
const highlights = [
  task('bench-cmp-1', older.id, oldPara, (older.paragraphs[oldPara] ?? '').slice(0, 20)),
  task('bench-cmp-2', newer.id, newPara, (newer.paragraphs[newPara] ?? '').slice(0, 20)),
];

// Marks the first frame that shows comparison rows (or the minimal page's line), on every load.
const WATCH_ROWS = `(() => {
  const blank = location.pathname.endsWith('/bench-blank.html');
  if (!blank && !location.pathname.endsWith('/compare.html')) return;
  const seen = () => {
    if (!document.querySelector(blank ? '#bench-blank' : ${JSON.stringify(ROW)})) return false;
    requestAnimationFrame(() => performance.mark('bench:rows-frame'));
    return true;
  };
  const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Raw IndexedDB writes of the records (the page has opened Yandu's database, so its stores exist). */
const seed = (records: unknown[], hls: unknown[]) => `new Promise((resolve, reject) => {
  const open = indexedDB.open('yandu');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('speeches')) { db.close(); resolve(false); return; }
    const tx = db.transaction(['speeches', 'highlights'], 'readwrite');
    for (const r of ${JSON.stringify(records)}) tx.objectStore('speeches').put(r);
    for (const h of ${JSON.stringify(hls)}) tx.objectStore('highlights').put(h);
    tx.oncomplete = () => { db.close(); resolve(true); };
    tx.onerror = () => reject(tx.error);
  };
})`;

const home = await mkdtemp(join(tmpdir(), 'yandu-bench-compare-'));
const pipe = await pipeBrowser((await makeVariants('chromium', home, ['ours'])).ours);
try {
  const { cdp, tab, extensionOrigin } = pipe;
  await cdp.send('Page.enable', {}, tab);
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: WATCH_ROWS }, tab);
  const params = new URLSearchParams({ old: older.id, new: newer.id });
  const compareUrl = `${extensionOrigin}/compare.html?${params}`;
  // The page opens the database (and creates its stores) even when the speeches are not there yet.
  await cdp.send('Page.navigate', { url: compareUrl }, tab);
  await cdp.waitFor(tab, `document.querySelector('.yd-cmp-status, .yd-cmp')`, 30_000, 100);
  const deadline = Date.now() + 30_000;
  while (!(await cdp.evaluate<boolean>(tab, seed([older, newer], highlights)))) {
    if (Date.now() > deadline) throw new Error("Yandu's database has no speeches store");
    await new Promise((r) => setTimeout(r, 200));
  }
  const frameMark = `performance.getEntriesByName('bench:rows-frame')[0]?.startTime`;
  // The page's own marks: where the time before the rows goes.
  const phasesNow = `(() => {
    const get = (name) => performance.getEntriesByName(name)[0]?.startTime ?? -1;
    return { start: get('yandu:compare-start'), ready: get('yandu:compare-ready') };
  })()`;
  const phases = { scripts: [] as number[], compared: [] as number[], painted: [] as number[] };
  const open = (url: string) => async () => {
    await cdp.send('Page.navigate', { url }, tab);
    // Leave the page alone while it opens; then look a few times a second.
    await new Promise((r) => setTimeout(r, 500));
    await cdp.waitFor(tab, `${frameMark} !== undefined`, 30_000, 200);
    const frame = await cdp.evaluate<number>(tab, frameMark);
    const m = await cdp.evaluate<{ start: number; ready: number }>(tab, phasesNow);
    if (m.start >= 0 && m.ready >= 0) {
      phases.scripts.push(m.start);
      phases.compared.push(m.ready - m.start);
      phases.painted.push(frame - m.ready);
    }
    return frame;
  };
  const samples = await interleave(
    { compare: open(compareUrl), blank: open(`${extensionOrigin}/bench-blank.html`) },
    ROUNDS,
  );
  // What the timed page showed: rows, and a summary with changes in it.
  await cdp.send('Page.navigate', { url: compareUrl }, tab);
  await cdp.waitFor(tab, `document.querySelectorAll(${JSON.stringify(ROW)}).length > 0`, 30_000, 200);
  const check = await cdp.evaluate<{ rows: number; summary: string }>(
    tab,
    `({ rows: document.querySelectorAll(${JSON.stringify(ROW)}).length, summary: document.querySelector('.yd-cmp-summary')?.textContent ?? '' })`,
  );
  console.log(`# the view showed ${check.rows} rows; summary: ${check.summary}`);
  if (!/[1-9]/.test(check.summary))
    throw new Error('the comparison found no change: the bench pair is wrong');
  const label = `compare view open → first rows painted, 2 × ${CHARS / 1000}k chars (Chromium, by address)`;
  const ours = record(label, samples.compare);
  const base = record('minimal extension page open (Chromium, compare bench)', samples.blank);
  console.log(`# ratio to the minimal page: ${(ours.median / base.median).toFixed(2)}×`);
  record('compare view: navigation → yandu:compare-start (scripts)', phases.scripts.slice(-ROUNDS));
  record('compare view: start → compared (database reads, comparison)', phases.compared.slice(-ROUNDS));
  record('compare view: compared → first rows frame (render, layout)', phases.painted.slice(-ROUNDS));
  budgetUpTo(
    `compare view painted after opening, 2 × ${CHARS / 1000}k chars (absolute, Chromium)`,
    ours,
    300,
  );
} finally {
  await pipe.close();
  await rm(home, { recursive: true, force: true });
}
printMedians();
