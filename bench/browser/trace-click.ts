/**
 * Where the click → first-contentful-paint time goes on the page's main thread: a Chromium trace of the
 * click on 阅读模式 (the same click path as click-to-reader.ts), summarised as self time per trace event
 * (script compile and run, style, layout, paint, HTML parse) and the idle time between them, from the
 * page's navigation start to its first-contentful-paint. Not a bench (prints no figures): a tool to compare
 * the reader with the Readability reader page (variants.ts) when a ratio is over.
 *   npx tsx bench/browser/trace-click.ts [ours|readability] [clicks=5] [build folder]
 *   npx tsx bench/browser/trace-click.ts highlights [runs=5]   the reader on a stored 100k speech with
 *     1,000 highlights (as highlights.bench.ts), from its ask for the highlights (yandu:highlights-ask) to
 *     their paint (yandu:highlights-painted)
 * TRACE_TIMELINE=1 also prints each run's tasks over 1 ms in order with the page's marks; TRACE_TREE=1 (or
 * =after) the tree of the longest task before (after) the page's first script; TRACE_CALLS=1 the script
 * calls, frames and layouts over 2 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../lib';
import { longSpeechPath, portalUrl } from './launch';
import { pipeBrowser } from './pipe-browser';
import { makeVariants, type Variant } from './variants';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const variant = (process.argv[2] ?? 'ours') as Variant;
const clicks = Number(process.argv[3] ?? 5);
const home = await mkdtemp(join(tmpdir(), 'yandu-trace-'));
const dirs = process.argv[4]
  ? { [variant]: process.argv[4] }
  : variant === ('highlights' as Variant)
    ? ({} as Record<Variant, string>)
    : await makeVariants('chromium', home, [variant]);
const { cdp, tab, close } = await pipeBrowser(dirs[variant] as string | undefined);
const BUTTON = `document.querySelector('yandu-reader-button')`;
const DONE = `location.protocol === 'chrome-extension:' && performance.getEntriesByName('first-contentful-paint').length > 0 && (document.documentElement.dataset.yanduSaved === 'true' || document.documentElement.dataset.benchDone !== undefined)`;

async function click(trace: boolean): Promise<TraceEvent[]> {
  await cdp.send('Page.navigate', { url: portalUrl(longSpeechPath()) }, tab);
  await cdp.waitFor(
    tab,
    `location.protocol === 'http:' && document.readyState === 'complete' && ${BUTTON}`,
    60_000,
  );
  await new Promise((r) => setTimeout(r, 300));
  const events: TraceEvent[] = [];
  let complete: Promise<void> = Promise.resolve();
  if (trace) {
    complete = new Promise<void>((resolve) => {
      cdp.on('Tracing.dataCollected', (p) => events.push(...(p.value as TraceEvent[])));
      cdp.on('Tracing.tracingComplete', () => resolve());
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'v8',
          'blink.user_timing',
          'loading',
          'toplevel',
        ],
      },
    });
  }
  await cdp.clickCentre(tab, BUTTON);
  await new Promise((r) => setTimeout(r, 500));
  await cdp.waitFor(tab, DONE, 15_000, 100);
  if (trace) {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}

function summarise(
  events: TraceEvent[],
  endName = 'firstContentfulPaint',
  startName = 'navigationStart',
): Map<string, number> {
  const fcp = events.filter((e) => e.name === endName).at(-1);
  if (!fcp) throw new Error(`no ${endName} in the trace`);
  const nav = events.filter((e) => e.pid === fcp.pid && e.name === startName && e.ts <= fcp.ts).at(-1);
  const from = nav?.ts ?? 0;
  const main = events.filter(
    (e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && e.ts >= from && e.ts < fcp.ts,
  );
  main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  let busy = 0;
  const pop = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const top = stack.pop() as { e: TraceEvent; end: number; child: number };
      const d = (top.e.dur ?? 0) - top.child;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + d / 1000);
      if (stack.length) (stack.at(-1) as { child: number }).child += top.e.dur ?? 0;
      else busy += (top.e.dur ?? 0) / 1000;
    }
  };
  for (const e of main) {
    pop(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  pop(Number.POSITIVE_INFINITY);
  if (process.env.TRACE_TIMELINE) {
    // Top-level tasks over 1 ms in order, each with its three largest children, and the page's marks.
    const marks = events.filter(
      (e) => e.pid === fcp.pid && e.cat.includes('user_timing') && e.ts >= from && e.ts <= fcp.ts,
    );
    const top: TraceEvent[] = [];
    let end = 0;
    for (const e of main)
      if (e.ts >= end) {
        top.push(e);
        end = e.ts + (e.dur ?? 0);
      }
    const lines = [
      ...top
        .filter((e) => (e.dur ?? 0) > 1000)
        .map((e) => {
          const kids = main
            .filter(
              (k) =>
                k !== e && k.ts >= e.ts && k.ts + (k.dur ?? 0) <= e.ts + (e.dur ?? 0) && (k.dur ?? 0) > 500,
            )
            .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
            .slice(0, 4)
            .map(
              (k) =>
                `${k.name}${
                  k.args?.data && (k.args.data as { url?: string }).url
                    ? `(${String((k.args.data as { url: string }).url)
                        .split('/')
                        .pop()})`
                    : ''
                } ${((k.dur ?? 0) / 1000).toFixed(1)}`,
            );
          return [
            e.ts,
            `${((e.ts - from) / 1000).toFixed(1).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${e.name}: ${kids.join(', ')}`,
          ] as const;
        }),
      ...marks.map(
        (m) => [m.ts, `${((m.ts - from) / 1000).toFixed(1).padStart(7)}   mark ${m.name}`] as const,
      ),
    ].sort((a, b) => a[0] - b[0]);
    for (const [, l] of lines) console.log(l);
    if (process.env.TRACE_CALLS) {
      // Every script call over 2 ms in the window, with its function and place.
      for (const e of main) {
        const d = e.args?.data as
          | { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number; type?: string }
          | undefined;
        if (
          (e.dur ?? 0) < 2000 ||
          ![
            'FunctionCall',
            'v8.callFunction',
            'EventDispatch',
            'TimerFire',
            'FireAnimationFrame',
            'RunMicrotasks',
            'UpdateLayoutTree',
            'Layout',
            'computeIntersections',
            'IntersectionObserverController::computeIntersections',
            'PrePaint',
            'Paint',
          ].includes(e.name)
        )
          continue;
        console.log(
          `   @${((e.ts - from) / 1000).toFixed(1)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ${
            d
              ? `${d.functionName ?? d.type ?? ''} ${String(d.url ?? '')
                  .split('/')
                  .pop()}:${d.lineNumber ?? ''}:${d.columnNumber ?? ''}`
              : ''
          }`,
        );
      }
    }
    if (process.env.TRACE_TREE) {
      // The tree of the longest task before the page's first script ran.
      const first = marks.find((m) => m.name === 'yandu:start' || m.name === 'bench:start');
      const big = top
        .filter((e) =>
          process.env.TRACE_TREE === 'after' ? !first || e.ts > first.ts : !first || e.ts < first.ts,
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
      const inside = big
        ? main.filter(
            (k) => k.ts >= big.ts && k.ts + (k.dur ?? 0) <= big.ts + (big.dur ?? 0) && (k.dur ?? 0) > 300,
          )
        : [];
      const open: TraceEvent[] = [];
      for (const k of inside) {
        while (open.length && (open.at(-1) as TraceEvent).ts + ((open.at(-1) as TraceEvent).dur ?? 0) <= k.ts)
          open.pop();
        if (open.length < 9)
          console.log(
            `   ${'  '.repeat(open.length)}${k.name} ${((k.dur ?? 0) / 1000).toFixed(1)}${k.args?.data ? ` ${JSON.stringify(k.args.data).slice(0, 120)}` : ''}`,
          );
        open.push(k);
      }
    }
    console.log(`${((fcp.ts - from) / 1000).toFixed(1).padStart(7)}   FCP`);
  }
  const wall = (fcp.ts - from) / 1000;
  self.set('(wall: navigation start → FCP)', wall);
  self.set('(main thread busy)', busy);
  return self;
}

try {
  if (variant === ('highlights' as Variant)) {
    const { benchBundle } = await import('./bundle');
    const origin = await cdp.extensionOrigin();
    await cdp.send('Page.navigate', { url: `${origin}/reader.html` }, tab);
    await cdp.waitFor(tab, `location.protocol === 'chrome-extension:' && document.readyState === 'complete'`);
    await cdp.evaluate(tab, await benchBundle('entry.ts'));
    const seeded = await cdp.evaluate<{ url: string }>(tab, '__yanduBench.seedSpeech(100000, 1000)');
    const url = `${origin}/reader.html?url=${encodeURIComponent(seeded.url)}`;
    const runs: Map<string, number>[] = [];
    for (let i = 0; i < clicks + 1; i++) {
      const events: TraceEvent[] = [];
      const complete = new Promise<void>((resolve) => {
        cdp.on('Tracing.dataCollected', (p) => events.push(...(p.value as TraceEvent[])));
        cdp.on('Tracing.tracingComplete', () => resolve());
      });
      if (i > 0)
        await cdp.send('Tracing.start', {
          transferMode: 'ReportEvents',
          traceConfig: {
            includedCategories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'v8.execute',
              'v8',
              'blink.user_timing',
              'loading',
              'toplevel',
            ],
          },
        });
      await cdp.send('Page.navigate', { url }, tab);
      await new Promise((r) => setTimeout(r, 800));
      await cdp.waitFor(
        tab,
        `performance.getEntriesByName('yandu:highlights-restore').length > 0`,
        20_000,
        200,
      );
      if (i === 0) continue;
      await cdp.send('Tracing.end');
      await complete;
      const restore = events.find((e) => e.name === 'yandu:highlights-restore');
      console.log(`# restore ${restore ? JSON.stringify(restore.args) : '?'}`);
      runs.push(summarise(events, 'yandu:highlights-painted', 'yandu:highlights-ask'));
    }
    const names = new Set(runs.flatMap((r) => [...r.keys()]));
    const rows = [...names].map((n) => [n, median(runs.map((r) => r.get(n) ?? 0))] as const);
    rows.sort((a, b) => b[1] - a[1]);
    for (const [n, ms] of rows.slice(0, 28)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${n}`);
    process.exit(0);
  }
  await click(false);
  await click(false);
  const runs: Map<string, number>[] = [];
  for (let i = 0; i < clicks; i++) runs.push(summarise(await click(true)));
  const names = new Set(runs.flatMap((r) => [...r.keys()]));
  const rows = [...names].map((n) => [n, median(runs.map((r) => r.get(n) ?? 0))] as const);
  rows.sort((a, b) => b[1] - a[1]);
  console.log(
    `# ${variant}: self time on the page's main thread, navigation start → FCP (median of ${clicks})`,
  );
  for (const [n, ms] of rows.slice(0, 28)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${n}`);
} finally {
  await close();
  await rm(home, { recursive: true, force: true });
}
