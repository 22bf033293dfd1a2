/**
 * Size of what Chromium injects into every portal page: the content scripts of .output/chrome-mv3's manifest,
 * minified and gzipped (level 9, as scripts/check-build.mjs measures). Budget: ≤ 10 KB gzip.
 *   npx tsx bench/browser/content-script.bench.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printMedians, record } from '../lib';
import { settledBuild } from './launch';

const dir = await settledBuild();
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  content_scripts?: { js?: string[] }[];
};
const files = [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.js ?? []))];
if (files.length === 0) throw new Error('the manifest declares no content script');
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
  console.log(`# ${file}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}
record('content script: gzip', [gzip], 'bytes');
record('content script: minified', [raw], 'bytes');
printMedians();
