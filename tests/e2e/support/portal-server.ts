import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** The hosts the local server poses as; the content script's match patterns name exactly these. */
export const PORTAL_HOSTS = ['www.ordoszgh.gov.cn', 'ordoszgh.gov.cn'] as const;
export const PORTAL_ORIGIN = 'http://www.ordoszgh.gov.cn';

/** `/path` → the portal address; a full address is kept (only the portal's hosts are served anyway). */
export function portalUrl(pathOrUrl: string): string {
  return pathOrUrl.startsWith('/') ? PORTAL_ORIGIN + pathOrUrl : pathOrUrl;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** A test's answer for one address: a file under the root, a redirect, or a status with a file's body. */
export type Route = { file: string; status?: number } | { redirect: string };

export interface PortalServer {
  port: number;
  /**
   * Answers set by a test, looked up by path + query first, then by path: the page at an address can change
   * (moved, deleted) while the browser runs.
   */
  routes: Map<string, Route>;
  /** Offline: every new request's connection is dropped without an answer, as if the portal were down. */
  setOffline(offline: boolean): void;
  /** Paths requested so far (host-less), to check what a browser actually fetched. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A static server for the saved portal pages under `root`, posing as www.ordoszgh.gov.cn so the
 * extension's real match patterns fire. It answers two kinds of clients on one 127.0.0.1 port:
 * - Chromium, whose --host-resolver-rules send www.ordoszgh.gov.cn here: origin-form requests (`GET /path`)
 *   with `Host: www.ordoszgh.gov.cn`;
 * - Firefox, which has no host-mapping switch and uses this server as its HTTP proxy: absolute-form
 *   requests (`GET http://www.ordoszgh.gov.cn/path`). Any other host gets 502, and CONNECT (https) is
 *   refused, so nothing leaves the machine.
 * URL paths map to files under `root` (`/zlzx/ldjh/a.html` → `root/zlzx/ldjh/a.html`); a directory path
 * serves its index.html. `aliases` serve one path's file under another path too (`{'/copy.html': '/a.html'}`).
 */
export async function startPortalServer(
  root: string,
  options: { aliases?: Record<string, string> } = {},
): Promise<PortalServer> {
  const aliases = options.aliases ?? {};
  let offline = false;
  const requests: string[] = [];
  const routes = new Map<string, Route>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    void answer(root, aliases, req, res, requests, routes).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  // https through the proxy would need a tunnel to the real internet: refuse it.
  server.on('connect', (_req, socket: Socket) => {
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    routes,
    setOffline(value) {
      offline = value;
      // Kept-alive connections would otherwise still carry requests after going offline.
      if (value) for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  root: string,
  aliases: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
  log: string[],
  routes: Map<string, Route> = new Map(),
): Promise<void> {
  const raw = req.url ?? '/';
  // Absolute-form (proxy) requests carry the host in the URL; origin-form ones in the Host header.
  const url = new URL(raw, `http://${req.headers.host ?? 'unknown.invalid'}`);
  if (!(PORTAL_HOSTS as readonly string[]).includes(url.hostname)) {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`Yandu test server only serves ${PORTAL_HOSTS.join(', ')}`);
    return;
  }
  log.push(url.pathname);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const pathname = decodeURIComponent(url.pathname);
  const route = routes.get(pathname + url.search) ?? routes.get(pathname);
  if (route && 'redirect' in route) {
    res.writeHead(302, {
      location: new URL(route.redirect, url).href,
      'content-length': 0,
      'cache-control': 'no-store',
    });
    res.end();
    return;
  }
  const file = await resolveFile(root, route?.file ?? aliases[pathname] ?? pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>404</title><p>Not found</p>');
    return;
  }
  const body = await readFile(file);
  res.writeHead(route?.status ?? 200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const base = normalize(root);
  const candidate = normalize(join(base, pathname));
  if (candidate !== base && !candidate.startsWith(base + sep)) return undefined; // ../ escape
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}
