import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const PORTAL_FIXTURES = join(REPO, 'tests/fixtures/portal');
export const ARTIFACTS = join(REPO, 'tests/artifacts');

export type BrowserName = 'chromium' | 'firefox';

const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: join(REPO, '.output/chrome-mv3'),
  firefox: join(REPO, '.output/firefox-mv3'),
};

/** The built, unpacked extension for `browser`; throws a clear message when the build is missing. */
export function extensionDir(browser: BrowserName): string {
  const dir = BUILD_DIRS[browser];
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`Yandu is not built: ${dir}/manifest.json is missing. Run npm run build first.`);
  }
  return dir;
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/**
 * A private copy of the build for one browser session: browsers read extension files lazily, so a
 * rebuild while tests run (another terminal, `wxt` watching) would otherwise change the extension under
 * them. The copy's path stays fixed for the session, so Chromium's path-derived extension id survives a
 * restart.
 */
export function copyExtension(browser: BrowserName, into: string): string {
  const source = extensionDir(browser);
  const target = join(into, 'extension');
  cpSync(source, target, { recursive: true });
  return target;
}
