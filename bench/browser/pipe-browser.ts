/**
 * Chromium with Yandu over a bare DevTools pipe (cdp-pipe.ts), the sample portal posing as
 * www.ordoszgh.gov.cn, attached to its tab: for the figures where Playwright's own work in the page would
 * be measured too (the reader's start-up, the highlights' first restore).
 */
import { cpSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../../tests/e2e/support/fixtures.ts';
import { copyExtension } from '../../tests/e2e/support/paths.ts';
import { CdpPipe } from './cdp-pipe';
import { settledBuild } from './launch';

export interface PipeBrowser {
  cdp: CdpPipe;
  /** The tab's session id, for cdp.send / evaluate / waitFor. */
  tab: string;
  /** chrome-extension://<id> */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** `extension`: a build folder (copied); the current Chromium build by default. */
export async function pipeBrowser(extension?: string): Promise<PipeBrowser> {
  const home = await mkdtemp(join(tmpdir(), 'yandu-bench-pipe-'));
  const server = await startFixtureServer();
  let cdp: CdpPipe | undefined;
  const close = async () => {
    await cdp?.close();
    await server.close();
    // Chromium's helpers may still be writing the profile for a moment after the browser exits.
    await rm(home, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    const copy = join(home, 'extension');
    if (extension) cpSync(extension, copy, { recursive: true });
    else {
      await settledBuild();
      copyExtension('chromium', home);
    }
    cdp = CdpPipe.launch({ profileDir: join(home, 'profile'), extension: copy, port: server.port });
    const tab = await cdp.attachToTab();
    return { cdp, tab, extensionOrigin: await cdp.extensionOrigin(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
