/**
 * Firefox ESR: click 阅读模式 → Yandu's reader on screen (first-contentful-paint), 30k speech, against
 * - Firefox's own Reader View opening the same page, to its first-contentful-paint (the toggle the Reader
 *   View button sends, called from the browser chrome over Marionette: marionette.ts says why);
 * - the same click path ending on a Readability reader page (variants.ts).
 * Two Firefox instances (Yandu's build, in which Reader View is toggled too, and the Readability copy), one
 * sample each per round, the order rotating (lib.ts interleave). Each sample starts from a fresh load of
 * the portal page. Times are on the browser's clock: the bench's clock is matched to the page's
 * performance.timeOrigin + now() over the round trip, like click-to-reader.ts; Reader View's start is read
 * in the chrome context at the moment the toggle is sent.
 *   npx tsx bench/browser/firefox.bench.ts        (BENCH_QUICK=1 for a smoke run)
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../../tests/e2e/support/fixtures.ts';
import { interleave, printMedians, QUICK, record } from '../lib';
import { LCP } from './click-to-reader';
import { longSpeechPath, portalUrl } from './launch';
import { Marionette } from './marionette';
import { makeVariants } from './variants';

const RUNS = QUICK ? 1 : 12;
/** browser_specific_settings.gecko.id in wxt.config.ts */
const GECKO_ID = 'yandu@yandu.example';
// The button's shadow root is closed: a real click at the host's centre lands on the button inside.
const BUTTON = `document.querySelector('yandu-reader-button')`;
const PRESS_MS = 60;

interface Sample {
  fcp: number;
  lcp?: number;
}

const server = await startFixtureServer();
const home = await mkdtemp(join(tmpdir(), 'yandu-bench-firefox-'));
const browsers: Marionette[] = [];

async function launch(extension: string, name: string): Promise<Marionette> {
  const profile = join(home, `profile-${name}`);
  mkdirSync(profile);
  const m = await Marionette.launch(profile, {
    // The fixture server doubles as an HTTP proxy posing as the portal (tests/e2e/support/firefox.ts).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': server.port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: randomUUID() }),
    // Full-precision clocks, so the click and the paint entries line up to the tenth of a millisecond.
    'privacy.reduceTimerPrecision': false,
    'intl.locale.requested': 'zh-CN',
    'intl.accept_languages': 'zh-CN, zh',
  });
  browsers.push(m);
  await m.send('WebDriver:NewSession', { capabilities: { pageLoadStrategy: 'normal' } });
  await m.send('Addon:Install', { path: extension, temporary: true });
  return m;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh load of the speech page, settled, with Yandu's button (when the browser has Yandu). */
async function openSpeech(m: Marionette): Promise<void> {
  await m.send('WebDriver:Navigate', { url: portalUrl(longSpeechPath()) });
  await m.waitFor(`location.protocol === 'http:' && document.readyState === 'complete' && ${BUTTON}`, 60_000);
  await sleep(300);
}

/** The page's clock (performance.timeOrigin + now()) minus ours, from the shortest round trip. */
async function clockOffset(m: Marionette): Promise<number> {
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 5; i++) {
    const before = performance.timeOrigin + performance.now();
    const there = await m.script<number>('return performance.timeOrigin + performance.now();');
    const after = performance.timeOrigin + performance.now();
    if (after - before < best.rtt) best = { rtt: after - before, offset: there - (before + after) / 2 };
  }
  return best.offset;
}

/** The paint entries of the page now in the tab, relative to `since` (browser clock). */
async function paints(m: Marionette, since: number): Promise<Sample> {
  const p = await m.script<{ origin: number; fcp: number }>(
    `return { origin: performance.timeOrigin,
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime };`,
  );
  const lcp = await m.asyncScript<number | null>(`${LCP}.then(arguments[arguments.length - 1]);`);
  return { fcp: p.origin + p.fcp - since, lcp: lcp === null ? undefined : p.origin + lcp - since };
}

/** Click 阅读模式 as a person does (move, press, hold, release); returns when the release was sent. */
async function clickButton(m: Marionette): Promise<number> {
  const { x, y } = await m.script<{ x: number; y: number }>(
    `const r = ${BUTTON}.getBoundingClientRect(); return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };`,
  );
  const offset = await clockOffset(m);
  const pointer = (actions: unknown[]) =>
    m.send('WebDriver:PerformActions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  await pointer([
    { type: 'pointerMove', x, y, origin: 'viewport' },
    { type: 'pointerDown', button: 0 },
  ]);
  await sleep(PRESS_MS);
  const at = performance.timeOrigin + performance.now() + offset;
  await pointer([{ type: 'pointerUp', button: 0 }]);
  return at;
}

/** One click from a fresh load, ending on Yandu's reader (`yandu`) or on a baseline page (variants.ts). */
async function clickSample(m: Marionette, target: 'yandu' | 'page'): Promise<Sample> {
  await openSpeech(m);
  const clickedAt = await clickButton(m);
  await sleep(500);
  const done =
    target === 'yandu'
      ? `document.documentElement.dataset.yanduSaved === 'true'`
      : `document.getElementById('bench-blank') !== null || document.documentElement.dataset.benchDone !== undefined`;
  await m.waitFor(
    `location.protocol === 'moz-extension:' && performance.getEntriesByName('first-contentful-paint').length > 0 && (${done})`,
    20_000,
    100,
  );
  if (target === 'yandu') {
    const outline = await m.script<number>(
      `return document.querySelectorAll('#yd-outline .yd-ol-link').length;`,
    );
    if (outline === 0) throw new Error('the reader showed no outline for the 30k speech');
  } else {
    const state = await m.script<string | undefined>('return document.documentElement.dataset.benchDone;');
    if (state !== undefined && state !== 'true') throw new Error(`baseline page: ${state}`);
  }
  return paints(m, clickedAt);
}

/** Firefox's Reader View on the same page, toggled from the browser chrome as its address-bar button does. */
async function readerViewSample(m: Marionette): Promise<Sample> {
  await openSpeech(m);
  await m.context('chrome');
  let startedAt: number;
  try {
    const deadline = Date.now() + 10_000;
    // Reader View is offered once Firefox has judged the page readerable (after load).
    while (!(await m.script<boolean>('return gBrowser.selectedBrowser.isArticle === true;'))) {
      if (Date.now() > deadline) throw new Error('Firefox never offered Reader View for the speech page');
      await sleep(100);
    }
    startedAt = await m.script<number>(`
      const at = performance.timeOrigin + performance.now();
      gBrowser.selectedBrowser.browsingContext.currentWindowGlobal
        .getActor('AboutReader').sendAsyncMessage('Reader:ToggleReaderMode', {});
      return at;`);
  } finally {
    await m.context('content');
  }
  await sleep(500);
  await m.waitFor(
    `location.href.startsWith('about:reader') && performance.getEntriesByName('first-contentful-paint').length > 0 &&
      (document.querySelector('.moz-reader-content')?.textContent.length ?? 0) > 1000`,
    20_000,
    100,
  );
  return paints(m, startedAt);
}

try {
  const dirs = await makeVariants('firefox', home);
  const ours = await launch(dirs.ours, 'ours');
  const readability = await launch(dirs.readability, 'readability');
  const runs = await interleave(
    {
      ours: () => clickSample(ours, 'yandu'),
      readerView: () => readerViewSample(ours),
      readability: () => clickSample(readability, 'page'),
    },
    RUNS,
  );
  record(
    'firefox: click → reader on screen (FCP): 30k speech',
    runs.ours.map((s) => s.fcp),
  );
  record(
    'firefox: Reader View (FCP): 30k speech',
    runs.readerView.map((s) => s.fcp),
  );
  record(
    'firefox: click → Readability reader page (FCP): 30k speech',
    runs.readability.map((s) => s.fcp),
  );
  for (const [k, name] of [
    ['ours', 'Yandu'],
    ['readerView', 'Reader View'],
    ['readability', 'Readability page'],
  ] as const) {
    const lcp = runs[k].flatMap((s) => (s.lcp === undefined ? [] : [s.lcp]));
    if (lcp.length) record(`firefox: largest contentful paint: ${name}`, lcp);
  }
} finally {
  for (const m of browsers) await m.close();
  await server.close();
  await rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
printMedians();
