import { after, before, describe } from 'node:test';
import { ChromiumSession } from './chromium.ts';
import { FirefoxSession } from './firefox.ts';
import { doorPath, startFixtureServer } from './fixtures.ts';
import type { BrowserName } from './paths.ts';
import type { PortalServer } from './portal-server.ts';
import type { YanduBrowser } from './session.ts';

export type { TabActions, YanduBrowser, YanduTab } from './session.ts';

/** Both, unless narrowed for a quicker local run: YANDU_BROWSERS=firefox npm run test:e2e */
export const BROWSERS: BrowserName[] = (process.env.YANDU_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

/** Launch generously: two cores shared with other developers. */
const LAUNCH_TIMEOUT = 90_000;

export async function launchBrowser(name: BrowserName, server: PortalServer): Promise<YanduBrowser> {
  return name === 'chromium' ? ChromiumSession.launch(server) : FirefoxSession.launch(server, doorPath());
}

/**
 * Declares the same tests once per browser, each group with one browser launched before its first test
 * (tests in a group share it, in order, like one user's session) and closed after the last. `b` is usable
 * inside tests and hooks only. Launching is the slow part: add tests to an existing group where they fit.
 *
 *   forEachBrowser('Library', (b) => {
 *     test('lists an opened speech', async () => {
 *       await b.openPortal(firstPage('speech').path);
 *       await b.clickReaderButton();
 *       await b.extensionPage('/library.html');
 *       assert.ok(await b.waitFor(() => document.querySelector('li')?.textContent, undefined, 'an entry'));
 *     });
 *   });
 */
export function forEachBrowser(title: string, body: (b: YanduBrowser) => void): void {
  for (const name of BROWSERS) {
    describe(`${title} [${name}]`, () => {
      let server: PortalServer | undefined;
      let session: YanduBrowser | undefined;
      before(
        async () => {
          server = await startFixtureServer();
          session = await launchBrowser(name, server);
        },
        { timeout: LAUNCH_TIMEOUT },
      );
      after(async () => {
        await session?.close();
        await server?.close();
      });
      body(
        new Proxy({} as YanduBrowser, {
          get(_, property) {
            if (property === 'name') return name;
            if (!session) throw new Error(`${name} is not running (did its launch fail?)`);
            const value = Reflect.get(session, property, session);
            return typeof value === 'function' ? value.bind(session) : value;
          },
        }),
      );
    });
  }
}
