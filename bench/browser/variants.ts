/**
 * Throwaway copies of the built extension for the peer baselines, in a temporary folder; the shipped build
 * is never changed and gets no bench page. Each copy is the build itself with only `reader.html` replaced,
 * so the click on 阅读模式 takes exactly Yandu's path (content script → background → the tab moves to
 * reader.html?snapshot=…) and only the page at its end differs:
 * - ours: the build as it is, plus `bench-blank.html` (for pages opened by address, like the library);
 * - blank: reader.html is a minimal extension page (one line of text): the limit of an extension page;
 * - readability: reader.html asks for the same snapshot, runs Readability.parse and shows the article with
 *   plain reader CSS (entry-readability.ts): what Firefox's Reader View does, in an extension page.
 */
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../tests/e2e/support/paths.ts';
import { benchBundle } from './bundle';
import { settledBuild } from './launch';

export type Variant = 'ours' | 'blank' | 'readability';

const BLANK = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><title>研读</title></head>
<body><p id="bench-blank">研读</p></body></html>
`;

const READABILITY = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>阅读</title><link rel="stylesheet" href="/bench-reader.css" /></head>
<body><main id="bench-article"></main><script src="/bench-readability.js"></script></body></html>
`;

/** Plain reader CSS, like Reader View's: a centred column, a readable size, nothing else. */
const READER_CSS = `body { margin: 0; background: #fff; color: #222; font: 20px/1.6 system-ui, sans-serif; }
#bench-article { max-width: 38em; margin: 0 auto; padding: 2em 1em; }
h1 { font-size: 1.6em; line-height: 1.25; } .byline { color: #666; } img { max-width: 100%; height: auto; }
`;

const BUILDS = { chromium: '.output/chrome-mv3', firefox: '.output/firefox-mv3' } as const;

/** The copies (`which`) under `home`; `out[variant]` is a folder to load unpacked. */
export async function makeVariants(
  browser: keyof typeof BUILDS,
  home: string,
  which: readonly Variant[] = ['ours', 'blank', 'readability'],
): Promise<Record<Variant, string>> {
  const source = browser === 'chromium' ? await settledBuild() : join(REPO, BUILDS[browser]);
  if (!existsSync(join(source, 'manifest.json'))) throw new Error(`${source} is not built`);
  const readabilityJs = which.includes('readability') ? await benchBundle('entry-readability.ts') : '';
  const out = {} as Record<Variant, string>;
  for (const variant of which) {
    const dir = join(home, `extension-${variant}`);
    cpSync(source, dir, { recursive: true });
    writeFileSync(join(dir, 'bench-blank.html'), BLANK);
    if (variant === 'blank') writeFileSync(join(dir, 'reader.html'), BLANK);
    if (variant === 'readability') {
      writeFileSync(join(dir, 'reader.html'), READABILITY);
      writeFileSync(join(dir, 'bench-readability.js'), readabilityJs);
      writeFileSync(join(dir, 'bench-reader.css'), READER_CSS);
    }
    out[variant] = dir;
  }
  return out;
}
