import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { PORTAL_FIXTURES } from './paths.ts';
import { type PortalServer, startPortalServer } from './portal-server.ts';

/** One saved portal page, as described in tests/fixtures/portal/pages.json. */
export interface PortalPage {
  /** URL path on www.ordoszgh.gov.cn, e.g. /zlzx/ldjh/201803/t20180319_2098918.html */
  path: string;
  /** file under tests/fixtures/portal/ */
  file: string;
  /** speech, report, news, notice, list */
  kind: string;
  /** the page's headline, as a reader shows it */
  title: string;
}

export function portalRoot(): string {
  return PORTAL_FIXTURES;
}

export function portalPages(root = portalRoot()): PortalPage[] {
  const index = join(root, 'pages.json');
  if (!existsSync(index)) throw new Error(`No portal fixtures: ${index} is missing`);
  return JSON.parse(readFileSync(index, 'utf8')) as PortalPage[];
}

export function firstPage(kind: string, root = portalRoot()): PortalPage {
  const page = portalPages(root).find((p) => p.kind === kind);
  if (!page) throw new Error(`pages.json lists no page of kind ${kind}`);
  return page;
}

/** Portal path → fixture path, for the server (a page's URL path need not equal its file name). */
export function fixtureRoutes(root = portalRoot()): Record<string, string> {
  return Object.fromEntries(portalPages(root).map((p) => [p.path, `/${p.file}`]));
}

/**
 * Where Firefox enters the extension when no extension page is open (FirefoxSession.extensionPage): a
 * copy of the first speech under another address in the same column, so it is detected like the original
 * but saved under a different id.
 */
export function doorPath(): string {
  return `${posix.dirname(firstPage('speech').path)}/t20000101_1.html`;
}

/** The fixture server posing as the portal, with every pages.json route and the door copy. */
export async function startFixtureServer(): Promise<PortalServer> {
  const routes = fixtureRoutes();
  const speech = firstPage('speech');
  return startPortalServer(portalRoot(), {
    aliases: { ...routes, [doorPath()]: routes[speech.path] ?? speech.path },
  });
}
