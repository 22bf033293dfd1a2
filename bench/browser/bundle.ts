/**
 * Bundles entry.ts (Yandu's detection, extraction and outline, Readability, the timing loops and the
 * database seeding) into one classic script for the benches to evaluate in a page. Built with vite (rolldown),
 * the bundler the extension itself is built with, minified as in the extension build.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
const OUT_DIR = join(REPO, 'bench/out');

/** Build the bundle of `entry` (a file in this folder) and return its source text. */
export async function benchBundle(entry = 'entry.ts'): Promise<string> {
  const file = `yandu-bench-${entry.replace(/\.ts$/, '')}.js`;
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    root: REPO,
    resolve: { alias: [{ find: /^@\//, replacement: `${REPO}/` }] },
    define: { 'import.meta.env.MODE': JSON.stringify('production') },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false,
      minify: true,
      reportCompressedSize: false,
      lib: {
        entry: join(HERE, entry),
        formats: ['iife'],
        name: `YanduBench_${entry.replace(/\W/g, '_')}`,
        fileName: () => file,
      },
    },
  });
  return readFile(join(OUT_DIR, file), 'utf8');
}
