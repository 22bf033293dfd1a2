/**
 * Chromium with Yandu loaded and the sample portal posing as www.ordoszgh.gov.cn, for the browser benches.
 * Reuses the e2e harness's launcher, fixture server and extension copy (read-only imports), but hands the
 * benches the Playwright page itself (they need waitForURL, marks, timings).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/support/chromium.ts';
import { firstPage, portalPages, startFixtureServer } from '../../tests/e2e/support/fixtures.ts';
import { copyExtension, REPO } from '../../tests/e2e/support/paths.ts';
import { type PortalServer, portalUrl } from '../../tests/e2e/support/portal-server.ts';
import { benchBundle } from './bundle.ts';
import type { BenchApi } from './entry.ts';

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  /** chrome-extension://<id> */
  extensionOrigin: string;
  server: PortalServer;
  /**
   * Evaluate a bench bundle in the current page (portal or extension page); entry.ts sets
   * window.__yanduBench.
   */
  inject(entry?: string): Promise<void>;
  close(): Promise<void>;
}

export type BenchWindow = { __yanduBench: BenchApi };

const BUILD = join(REPO, '.output/chrome-mv3');

function newestChange(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const info = statSync(join(dir, name));
    latest = Math.max(latest, info.isDirectory() ? newestChange(join(dir, name)) : info.mtimeMs);
  }
  return latest;
}

/**
 * The Chromium build once nobody is writing it: other developers rebuild .output/ while benches run, and a
 * build empties the folder first. Waits (up to 3 minutes) for a manifest and 3 quiet seconds.
 */
export async function settledBuild(): Promise<string> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if (existsSync(join(BUILD, 'manifest.json')) && Date.now() - newestChange(BUILD) > 3_000) return BUILD;
    } catch {
      // a file vanished while we looked: a build is running
    }
    if (Date.now() > deadline) throw new Error(`${BUILD} did not settle (missing, or still being written)`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** `entries`: the bundles (files in this folder) the bench will inject; built before the browser starts. */
export async function launchBench(entries: string[] = ['entry.ts']): Promise<BenchBrowser> {
  const bundles = new Map<string, string>();
  for (const entry of entries) bundles.set(entry, await benchBundle(entry));
  const home = await mkdtemp(join(tmpdir(), 'yandu-bench-chromium-'));
  const server = await startFixtureServer();
  try {
    // A private copy: a rebuild by someone else during the run must not change the extension under us.
    await settledBuild();
    const extension = copyExtension('chromium', home);
    const { context, extensionId } = await launchChromium({
      profileDir: join(home, 'profile'),
      port: server.port,
      headless: true,
      extension,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      extensionOrigin: `chrome-extension://${extensionId}`,
      server,
      // page.evaluate with a string runs it as a script through the DevTools protocol, which extension
      // pages' CSP (script-src 'self') does not block, unlike an inline <script> tag.
      inject: async (entry = 'entry.ts') => {
        const bundle = bundles.get(entry);
        if (bundle === undefined) throw new Error(`${entry} was not bundled: pass it to launchBench`);
        await page.evaluate(bundle);
      },
      close: async () => {
        await context.close().catch(() => undefined);
        await server.close();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.close();
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}

/** The sample portal's 30,000-character speech (the longest speech in pages.json). */
export function longSpeechPath(): string {
  const speeches = portalPages().filter((p) => p.kind === 'speech');
  const chars = (p: unknown) => (p as { chars?: number }).chars ?? 0;
  const longest = speeches.sort((a, b) => chars(b) - chars(a))[0];
  if (!longest || chars(longest) < 30_000) throw new Error('pages.json lists no speech of 30,000 characters');
  return longest.path;
}

export function newsPath(): string {
  return firstPage('news').path;
}

export { portalUrl };
