/**
 * Click 阅读模式 on the 30,000-character portal speech and time the reader, in Chromium driven over a bare
 * DevTools pipe (cdp-pipe.ts). Every figure is measured from the click on the browser's clock (the portal
 * page's and the reader's performance.timeOrigin are both wall-clock based; the bench's own clock is
 * matched to it for the mouse click):
 * - fcp: the browser's first-contentful-paint of the reader, when the frame with the title, the text's
 *   beginning and the outline was presented: what the user sees, and the figure held to the budget;
 * - painted: yandu:painted, the reader's main thread done with that frame (raster and presentation follow);
 * - complete: yandu:complete, the rest of a long speech in the page and painted too;
 * - phases: navigation and the reader's marks, to see where the time goes.
 */
import { longSpeechPath, portalUrl } from './launch';
import { pipeBrowser } from './pipe-browser';

export interface ClickTimings {
  fcp: number[];
  painted: number[];
  complete: number[];
  phases: Map<string, number[]>;
}

/** How long the mouse button is held: a quick click (Yandu does nothing on the press itself). */
const PRESS_MS = 60;

// The button's shadow root is closed: a real click at the host's centre lands on the button inside.
const BUTTON = `document.querySelector('yandu-reader-button')`;

interface ReaderTimes {
  origin: number;
  ready: string | undefined;
  outline: number;
  fcp: number | null;
  marks: Record<string, number>;
  responseEnd: number;
}

export interface ClickSample {
  fcp: number;
  /** The largest contentful paint so far (buffered entries), when the browser reports one. */
  lcp?: number;
  painted: number;
  complete?: number;
  phases: [string, number][];
}

/** Buffered largest-contentful-paint, read after the fact (null when none within 200 ms). */
export const LCP = `new Promise((resolve) => {
  const done = (v) => { clearTimeout(timer); observer.disconnect(); resolve(v); };
  const observer = new PerformanceObserver((list) => done(list.getEntries().at(-1)?.startTime ?? null));
  const timer = setTimeout(() => done(null), 200);
  try { observer.observe({ type: 'largest-contentful-paint', buffered: true }); } catch { done(null); }
})`;

/** The end of the click path for a baseline page (variants.ts): its first-contentful-paint only. */
const PAGE_DONE = `location.protocol === 'chrome-extension:' &&
  performance.getEntriesByName('first-contentful-paint').length > 0 &&
  (document.getElementById('bench-blank') !== null || document.documentElement.dataset.benchDone !== undefined)`;

/**
 * A Chromium with `extension` (a build folder; the current Chromium build by default) on the sample
 * portal, ready to time clicks. `sample()` is one click from a fresh load of the speech page. `page`:
 * the click ends on a baseline page of variants.ts, not on Yandu's reader (only fcp/lcp are measured).
 */
export async function clickBench(
  extension?: string,
  target: 'yandu' | 'page' = 'yandu',
): Promise<{
  /** One click from a fresh load: with the mouse (press, hold, release), or by script (no press). */
  sample(how?: 'mouse' | 'script'): Promise<ClickSample>;
  close(): Promise<void>;
}> {
  const { cdp: browser, tab, close } = await pipeBrowser(extension);
  try {
    const speech = portalUrl(longSpeechPath());
    /** The browser's wall clock minus ours, from the exchange with the shortest round trip. */
    const clockOffset = async () => {
      let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
      for (let i = 0; i < 5; i++) {
        const before = performance.timeOrigin + performance.now();
        const there = await browser.evaluate<number>(tab, 'performance.timeOrigin + performance.now()');
        const after = performance.timeOrigin + performance.now();
        if (after - before < best.rtt) best = { rtt: after - before, offset: there - (before + after) / 2 };
      }
      return best.offset;
    };
    const sample = async (how: 'mouse' | 'script' = 'mouse'): Promise<ClickSample> => {
      await browser.send('Page.navigate', { url: speech }, tab);
      await browser.waitFor(
        tab,
        `location.protocol === 'http:' && document.readyState === 'complete' && ${BUTTON}`,
        60_000, // a loaded machine (load 20 on 2 cores) took longer than 15 s
      );
      // Let the portal page settle (its load handlers, the content script's message) before the click.
      await new Promise((r) => setTimeout(r, 300));
      let clickedAt: number;
      if (how === 'script') {
        // button.click(): a click with no press before it, as from the keyboard or assistive technology.
        clickedAt = await browser.evaluate<number>(
          tab,
          `(() => { const at = performance.timeOrigin + performance.now(); ${BUTTON}.click(); return at; })()`,
        );
      } else {
        // A mouse click as a person makes it: move, press, hold, release. The click is timed from the
        // moment the release is sent (it reaches the page a little later: the figure errs long).
        const { x, y } = await browser.evaluate<{ x: number; y: number }>(
          tab,
          `(() => { const r = ${BUTTON}.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
        );
        const offset = await clockOffset();
        const mouse = (type: string) =>
          browser.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 }, tab);
        await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, tab);
        await mouse('mousePressed');
        await new Promise((r) => setTimeout(r, PRESS_MS));
        clickedAt = performance.timeOrigin + performance.now() + offset;
        await mouse('mouseReleased');
      }
      // Nothing touches the reader while it starts; then wait for it to have stored the speech, so that
      // work does not run into the next measurement.
      await new Promise((r) => setTimeout(r, 500));
      if (target === 'page') {
        await browser.waitFor(tab, PAGE_DONE, 15_000, 100);
        const p = await browser.evaluate<{ origin: number; fcp: number; done: string | undefined }>(
          tab,
          `({ origin: performance.timeOrigin, done: document.documentElement.dataset.benchDone,
              fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime })`,
        );
        if (p.done !== undefined && p.done !== 'true') throw new Error(`baseline page: ${p.done}`);
        const lcp = await browser.evaluate<number | null>(tab, LCP);
        const at = (t: number) => p.origin + t - clickedAt;
        return { fcp: at(p.fcp), lcp: lcp === null ? undefined : at(lcp), painted: at(p.fcp), phases: [] };
      }
      await browser.waitFor(tab, `document.documentElement.dataset.yanduSaved === 'true'`, 15_000, 100);
      const r = await browser.evaluate<ReaderTimes>(
        tab,
        `({
          origin: performance.timeOrigin,
          ready: document.documentElement.dataset.yanduReady,
          outline: document.querySelectorAll('#yd-outline .yd-ol-link').length,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          marks: Object.fromEntries(performance.getEntriesByType('mark')
            .filter((m) => m.name.startsWith('yandu:')).map((m) => [m.name.slice(6), m.startTime])),
          responseEnd: performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0,
        })`,
      );
      if (r.ready !== 'true')
        throw new Error(`the reader reported ${r.ready} instead of painting the speech`);
      if (r.outline === 0) throw new Error('the reader showed no outline for the 30k speech');
      const m = r.marks;
      if (r.fcp === null || m.painted === undefined) {
        throw new Error(`the reader's paint timings are missing (fcp ${r.fcp}, marks ${Object.keys(m)})`);
      }
      const since = (t: number) => r.origin + t - clickedAt;
      const lcp = await browser.evaluate<number | null>(tab, LCP);
      return {
        fcp: since(r.fcp),
        lcp: lcp === null ? undefined : since(lcp),
        painted: since(m.painted),
        // (Builds before the first frame was split from the rest have no yandu:complete.)
        complete: m.complete === undefined ? undefined : since(m.complete),
        phases: [
          ['click → reader navigation start', since(0)],
          ['navigation → reader HTML received', r.responseEnd],
          ['HTML → reader-boot.js runs (yandu:start)', (m.start ?? 0) - r.responseEnd],
          ['boot → loaded (snapshot read; settings)', (m.loaded ?? 0) - (m.start ?? 0)],
          ['loaded → rendered (Preact, first frame)', (m.rendered ?? 0) - (m.loaded ?? 0)],
          ['rendered → painted (style, layout, paint)', m.painted - (m.rendered ?? 0)],
          ['painted → first-contentful-paint (raster, presentation)', r.fcp - m.painted],
        ],
      };
    };
    return { sample, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `runs` clicks after one warm-up (service worker and reader code cold), gathered per figure. */
export async function clickToReader(runs: number, how: 'mouse' | 'script' = 'mouse'): Promise<ClickTimings> {
  const bench = await clickBench();
  const out: ClickTimings = { fcp: [], painted: [], complete: [], phases: new Map() };
  try {
    await bench.sample(how);
    for (let run = 0; run < runs; run++) {
      const s = await bench.sample(how);
      out.fcp.push(s.fcp);
      out.painted.push(s.painted);
      if (s.complete !== undefined) out.complete.push(s.complete);
      for (const [name, ms] of s.phases) out.phases.set(name, [...(out.phases.get(name) ?? []), ms]);
    }
    return out;
  } finally {
    await bench.close();
  }
}
