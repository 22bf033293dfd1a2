/**
 * Where the reader's JS heap goes (memory.bench.ts gives the figure): the reader opened by the click path on
 * the 30k portal speech with 1,000 highlights, garbage-collected, a V8 heap snapshot taken over the bare
 * DevTools pipe and summarised by node type and constructor (self sizes), largest first.
 *   npx tsx bench/browser/heap-profile.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBundle } from './bundle';
import { longSpeechPath, portalUrl } from './launch';
import { pipeBrowser } from './pipe-browser';
import { makeVariants } from './variants';

// The button's shadow root is closed: a real click at the host's centre lands on the button inside.
const BUTTON = `document.querySelector('yandu-reader-button')`;
const home = await mkdtemp(join(tmpdir(), 'yandu-heap-'));
const pipe = await pipeBrowser((await makeVariants('chromium', home, ['ours'])).ours);
try {
  const { cdp, tab } = pipe;
  const url = portalUrl(longSpeechPath());
  const openReader = async () => {
    await cdp.send('Page.navigate', { url }, tab);
    await cdp.waitFor(
      tab,
      `location.protocol === 'http:' && document.readyState === 'complete' && ${BUTTON}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    await cdp.clickCentre(tab, BUTTON);
    await new Promise((r) => setTimeout(r, 500));
    await cdp.waitFor(tab, `document.documentElement.dataset.yanduSaved === 'true'`, 30_000, 100);
  };
  await openReader();
  await cdp.evaluate(tab, await benchBundle('entry-dexie.ts'));
  await cdp.evaluate(tab, `__benchDexie.seedHighlights(${JSON.stringify(url)}, 1000)`);
  await openReader();
  await cdp.waitFor(
    tab,
    `(() => { let n = 0; for (const [, h] of CSS.highlights) n += h.size; return n > 900; })()`,
    30_000,
    200,
  );
  await new Promise((r) => setTimeout(r, 1_000));
  await cdp.send('HeapProfiler.collectGarbage', {}, tab);
  let json = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (p) => {
    json += p.chunk as string;
  });
  await cdp.send('HeapProfiler.enable', {}, tab);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, tab);
  const snap = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const by = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + T] as number] as string;
    const name = snap.strings[snap.nodes[i + N] as number] as string;
    const size = snap.nodes[i + S] as number;
    total += size;
    const key = type === 'object' || type === 'native' ? `${type}: ${name.slice(0, 60)}` : type;
    const e = by.get(key) ?? { size: 0, count: 0 };
    e.size += size;
    e.count += 1;
    by.set(key, e);
  }
  console.log(`# heap snapshot: ${(total / 2 ** 20).toFixed(2)} MB in self sizes`);
  for (const [key, e] of [...by].sort((a, b) => b[1].size - a[1].size).slice(0, 25)) {
    console.log(`${(e.size / 1024).toFixed(0).padStart(8)} KB  ${String(e.count).padStart(7)}  ${key}`);
  }
} finally {
  await pipe.close();
  await rm(home, { recursive: true, force: true });
}
