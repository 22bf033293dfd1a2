import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { doorPath, firstPage, fixtureRoutes, portalRoot } from './fixtures.ts';
import { PORTAL_ORIGIN, type PortalServer, startPortalServer } from './portal-server.ts';
import type { TabActions } from './session.ts';

/** A speech written for a test, to be served as a page of the portal's 领导讲话 column. */
export interface ComposedSpeech {
  /** URL path, e.g. /zlzx/ldjh/202501/t20250110_1.html */
  path: string;
  title: string;
  /** YYYY-MM-DD, shown on the page's info line */
  date: string;
  paragraphs: readonly string[];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page of a composed speech, in the portal's TRS shape (breadcrumb 领导讲话, title, info line, body). */
export function composedSpeechPage(s: ComposedSpeech): string {
  const title = escapeHtml(s.title);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8" />
<title>${title}_领导讲话_鄂尔多斯工会网</title>
<meta name="ArticleTitle" content="${title}" />
<meta name="PubDate" content="${s.date} 09:00" />
</head><body>
<div class="position">当前位置：<a href="/index.html" class="CurrChnlCls">首页</a> &gt;&gt; <a href="/zlzx/" class="CurrChnlCls">资料中心</a> &gt;&gt; <a href="/zlzx/ldjh/" class="CurrChnlCls">领导讲话</a></div>
<h1>${title}</h1>
<div class="info">来源：市人民政府&nbsp;&nbsp;发布日期：${s.date}</div>
<div class="TRS_Editor">${s.paragraphs.map((p) => `<p>　　${escapeHtml(p)}</p>`).join('\n')}</div>
</body></html>`;
}

/** The database key of a portal page's speech (utils/store/ids.ts: host without www + path). */
export const speechIdOf = (path: string) => `${new URL(PORTAL_ORIGIN).hostname.replace(/^www\./, '')}${path}`;

export interface ComposedServer {
  server: PortalServer;
  /** Stops the server and removes its temporary root. */
  close(): Promise<void>;
}

/**
 * The sample portal (every pages.json route and Firefox's door copy, as startFixtureServer serves them) plus
 * the composed speeches, from a temporary copy of the fixtures: composed pages do not belong in git.
 */
export async function startComposedServer(speeches: readonly ComposedSpeech[]): Promise<ComposedServer> {
  const root = mkdtempSync(join(tmpdir(), 'yandu-e2e-composed-'));
  cpSync(portalRoot(), root, { recursive: true });
  for (const s of speeches) {
    const file = join(root, s.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, composedSpeechPage(s));
  }
  const routes = fixtureRoutes(root);
  const speech = firstPage('speech', root);
  const server = await startPortalServer(root, {
    aliases: { ...routes, [doorPath()]: routes[speech.path] ?? speech.path },
  });
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Load a portal page. From one of Yandu's pages Firefox's BiDi goto never sees the load it started, so there
 * the tab's own script navigates (as FirefoxSession.extensionPage does).
 */
export async function goPortal(b: TabActions, path: string): Promise<void> {
  const target = PORTAL_ORIGIN + path;
  if (b.name !== 'firefox' || !(await b.url()).startsWith(`${b.extensionOrigin}/`)) {
    await b.openPortal(path);
    return;
  }
  void b
    .evaluate((url) => {
      (window as unknown as { yanduE2eLeaving: boolean }).yanduE2eLeaving = true;
      setTimeout(() => location.assign(url), 0);
    }, target)
    .catch(() => undefined);
  await b.waitFor(
    (url) => !('yanduE2eLeaving' in window) && location.href === url && document.readyState === 'complete',
    target,
    `the tab to load ${target}`,
    30_000,
  );
}

/** Open a composed speech on the portal, click 阅读模式 and wait until the reader has stored it. */
export async function saveThroughReader(b: TabActions, s: ComposedSpeech): Promise<void> {
  await goPortal(b, s.path);
  const verdict = await b.waitFor(
    () => document.documentElement.dataset.yanduDetected,
    undefined,
    'the content script to look at the page',
  );
  if (verdict !== 'speech') throw new Error(`${s.path} was detected as ${verdict}, not as a speech`);
  await b.clickReaderButton();
  await b.waitFor(
    () => document.documentElement.dataset.yanduSaved === 'true',
    undefined,
    `the reader to store ${s.title}`,
    30_000,
  );
}
