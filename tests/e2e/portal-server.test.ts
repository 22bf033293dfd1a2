// The fixture server posing as www.ordoszgh.gov.cn, without a browser: it must answer both the way
// Chromium asks (host rule: origin-form request, Host header) and the way Firefox asks (HTTP proxy:
// absolute URI), refuse everything else, and go offline on demand.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { firstPage, startFixtureServer } from './support/fixtures.ts';
import type { PortalServer } from './support/portal-server.ts';

let server: PortalServer;
before(async () => {
  server = await startFixtureServer();
});
after(() => server.close());

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** One raw HTTP request to the server: `target` is the request line's target, as a browser would send it. */
function ask(target: string, host: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method, path: target, headers: { host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // A CONNECT answer arrives as 'connect', whatever its status.
    req.on('connect', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: '' });
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
    req.end();
  });
}

const speech = firstPage('speech');

test('serves a speech page to Chromium (origin-form, Host header), as UTF-8 HTML', async () => {
  const answer = await ask(speech.path, 'www.ordoszgh.gov.cn');
  assert.equal(answer.status, 200);
  assert.match(answer.type, /text\/html; charset=utf-8/);
  assert.ok(answer.body.includes(speech.title));
});

test('serves the same page to Firefox through the proxy (absolute URI), with and without www', async () => {
  for (const host of ['www.ordoszgh.gov.cn', 'ordoszgh.gov.cn']) {
    const answer = await ask(`http://${host}${speech.path}`, host);
    assert.equal(answer.status, 200, host);
    assert.ok(answer.body.includes(speech.title), host);
  }
});

test('refuses other hosts, https tunnels and paths outside the fixtures', async () => {
  assert.equal((await ask('http://example.com/', 'example.com')).status, 502);
  assert.equal((await ask('example.com:443', 'example.com:443', 'CONNECT')).status, 502);
  // Encoded slashes survive URL parsing and would climb out of the fixtures after decoding.
  assert.equal((await ask('/..%2F..%2F..%2Fpackage.json', 'www.ordoszgh.gov.cn')).status, 404);
  assert.equal((await ask('/no/such/page.html', 'www.ordoszgh.gov.cn')).status, 404);
});

test('offline drops every request until it is back online', async () => {
  server.setOffline(true);
  try {
    await assert.rejects(ask(speech.path, 'www.ordoszgh.gov.cn'));
    await assert.rejects(ask(`http://www.ordoszgh.gov.cn${speech.path}`, 'www.ordoszgh.gov.cn'));
  } finally {
    server.setOffline(false);
  }
  assert.equal((await ask(speech.path, 'www.ordoszgh.gov.cn')).status, 200);
});
