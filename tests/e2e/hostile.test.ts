// Hostile and pathological portal pages in real Chromium and Firefox. The pages live in
// tests/fixtures/hostile/site (URL paths under http://www.ordoszgh.gov.cn/zlzx/ldjh/202601/…) plus generated
// bad pages (tests/fixtures/hostile/bad-pages.ts), served from a temporary copy by the harness' portal server.
// Every payload, if it ran or loaded, requests http://www.ordoszgh.gov.cn/pwned/<id>/<protocol> and sets
// window.__pwned: the server's request log is the check that works across contexts. The payloads do run on
// the portal page itself (the control); nothing may run or load once Yandu has the page.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deepPage, framesetPage, hugeTextPage, manyParagraphsPage } from '../fixtures/hostile/bad-pages.ts';
import { BROWSERS, launchBrowser, type YanduBrowser } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { extensionDir, REPO } from './support/paths.ts';
import { PORTAL_ORIGIN, type PortalServer, startPortalServer } from './support/portal-server.ts';
import { READER_BUTTON, withTimeout } from './support/session.ts';

const SITE = join(REPO, 'tests/fixtures/hostile/site');
const TRS = '/zlzx/ldjh/202601/t20260115_3100001.html';
const READABILITY = '/zlzx/ldjh/202601/t20260116_3100002.html';
const SNOOPER = '/zlzx/ldjh/202601/t20260117_3100003.html';
const REWRITES = '/zlzx/ldjh/202601/t20260118_3100004.html';
const GENERATED: Record<string, () => string> = {
  '/zlzx/ldjh/202602/t20260201_3200001.html': () => hugeTextPage(),
  '/zlzx/ldjh/202602/t20260202_3200002.html': () => manyParagraphsPage(5000),
  '/zlzx/ldjh/202602/t20260203_3200003.html': () => deepPage(2000),
  '/zlzx/ldjh/202602/t20260204_3200004.html': () => framesetPage(),
};
const [HUGE, MANY, DEEP, FRAMESET] = Object.keys(GENERATED) as [string, string, string, string];
const STEP = { timeout: 90_000 };
const idOf = (path: string) => `ordoszgh.gov.cn${path}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A temporary server root: the hostile site plus the generated pages (a 1 MB page does not belong in git). */
function serverRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'yandu-e2e-hostile-'));
  cpSync(SITE, root, { recursive: true });
  for (const [path, make] of Object.entries(GENERATED)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, make());
  }
  return root;
}

/** Requests a payload made (`/pwned/…`), from `start` in the server log on. */
function pwnedSince(server: PortalServer, start: number): string[] {
  return server.requests.slice(start).filter((p) => p.startsWith('/pwned/'));
}

/** Let the page's own payloads fire (the control) and the log settle; returns the log position. */
async function settle(server: PortalServer): Promise<number> {
  let length = -1;
  for (let i = 0; i < 20 && length !== server.requests.length; i++) {
    length = server.requests.length;
    await sleep(300);
  }
  return server.requests.length;
}

/**
 * Load a portal page. From one of Yandu's pages Firefox's BiDi goto never sees the load it started (the page
 * loads, the call times out), so there the tab's own script navigates, as FirefoxSession.extensionPage does.
 */
async function goPortal(b: YanduBrowser, path: string): Promise<void> {
  const target = PORTAL_ORIGIN + path;
  const here = await b.url();
  if (b.name !== 'firefox' || here === 'about:blank') {
    await b.openPortal(path);
    return;
  }
  // Mark the document being left, so the wait cannot mistake it for the new one (same address: a reload).
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

async function openInReader(b: YanduBrowser, path: string, title: string): Promise<void> {
  await goPortal(b, path);
  assert.equal(await detected(b), 'speech', `${path} is not detected as a speech`);
  await b.clickReaderButton();
  await b.waitFor(
    (t) =>
      document.documentElement.dataset.yanduReady && document.querySelector('h1')?.textContent?.includes(t),
    title,
    `the reader to show ${title}`,
    30_000,
  );
  // Callers seed highlights and notes next: the speech must be stored first, or the reader's own save
  // (after its first paint) can land after the seeding (seen in Firefox).
  await b.waitFor(
    () => document.documentElement.dataset.yanduSaved === 'true',
    undefined,
    'the reader to store the speech',
    30_000,
  );
}

interface Inertness {
  pwned: unknown;
  title: string;
  /** elements that load or run things, inside what the extension page renders */
  active: string[];
  handlers: string[];
  /** links whose resolved address is neither the web nor Yandu's own page */
  badLinks: string[];
  text: string;
}

/** What a page of the extension shows and holds (runs in the tab; no closures). */
function inertness(b: YanduBrowser): Promise<Inertness> {
  return b.evaluate(() => {
    const root = document.getElementById('app') ?? document.body;
    const active = [
      ...root.querySelectorAll('script, img, iframe, object, embed, math, base, form, video, audio, frame'),
    ].map((el) => el.outerHTML.slice(0, 120));
    const handlers: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) {
        if (/^on/i.test(name)) handlers.push(`${el.localName}@${name}`);
        const value = el.getAttribute(name) ?? '';
        if (/^(?:src|srcdoc|data|action|formaction|poster|xlink:href)$/i.test(name) && /pwned/.test(value)) {
          handlers.push(`${el.localName}@${name}=${value.slice(0, 60)}`);
        }
      }
    }
    const badLinks = [...document.querySelectorAll('a[href]')]
      .map((a) => (a as HTMLAnchorElement).href)
      .filter((href) => {
        const u = new URL(href);
        return !(u.protocol === 'http:' || u.protocol === 'https:' || u.origin === location.origin);
      });
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      title: document.title,
      active,
      handlers,
      badLinks,
      text: root.textContent ?? '',
    };
  }, undefined);
}

function assertInert(where: string, seen: Inertness, pwned: string[]): void {
  assert.deepEqual(pwned, [], `${where}: payloads fired after Yandu took the page`);
  assert.equal(seen.pwned, null, `${where}: window.__pwned was set`);
  assert.notEqual(seen.title, 'PWNED', where);
  assert.deepEqual(seen.active, [], `${where}: elements that load or run`);
  assert.deepEqual(seen.handlers, [], `${where}: handler or loading attributes`);
  assert.deepEqual(seen.badLinks, [], `${where}: links that are not http(s)`);
}

/** Add a highlight (key task, with a note) and a 学习心得 to a stored speech, with raw IndexedDB (from an extension page). */
function addHostileNotes(b: YanduBrowser, speechId: string, text: string): Promise<boolean> {
  return b.evaluate(
    ({ speechId, text }) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('yandu');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['speeches', 'highlights', 'notes'], 'readwrite');
          const get = tx.objectStore('speeches').get(speechId);
          get.onsuccess = () => {
            const speech = get.result as { paragraphs: string[] } | undefined;
            if (!speech) {
              resolve(false);
              return;
            }
            const exact = (speech.paragraphs[1] ?? '').slice(0, 8);
            const now = Date.now();
            tx.objectStore('highlights').put({
              id: `${speechId}#hostile`,
              speechId,
              category: 'task',
              note: text,
              selector: {
                startPara: 1,
                startOffset: 0,
                endPara: 1,
                endOffset: exact.length,
                exact,
                prefix: '',
                suffix: '',
              },
              section: -1,
              task: { status: 'doing', due: null, progress: text },
              created: now,
              updated: now,
            });
            tx.objectStore('notes').put({ id: speechId, speechId, text, created: now, updated: now });
          };
          tx.oncomplete = () => {
            db.close();
            resolve(true);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { speechId, text },
  );
}

const NOTE_PAYLOAD =
  '<img src="http://www.ordoszgh.gov.cn/pwned/note-img" onerror="window.__pwned=\'note\'">' +
  '<script>window.__pwned="note-script"</script>[链接](javascript:window.__pwned=1) \u202e注释';

for (const name of BROWSERS) {
  describe(`Hostile pages [${name}]`, () => {
    let root = '';
    let server: PortalServer | undefined;
    let session: YanduBrowser | undefined;
    const b = () => {
      if (!session) throw new Error(`${name} is not running`);
      return session;
    };
    const srv = () => server as PortalServer;

    before(
      async () => {
        root = serverRoot();
        server = await startPortalServer(root);
        session = await launchBrowser(name, server);
      },
      { timeout: 90_000 },
    );
    after(async () => {
      await session?.close();
      await server?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    test('TRS page full of payloads: they run on the portal page, never in the reader', STEP, async () => {
      await goPortal(b(), TRS);
      assert.equal(await detected(b()), 'speech');
      // The control: the page's own payloads are live, so the check below can fail.
      await b().waitFor(
        () => (window as unknown as { __pwned?: string }).__pwned,
        undefined,
        'the page to run its own payloads',
      );
      const mark = await settle(srv());
      assert.ok(
        srv().requests.some((p) => p.startsWith('/pwned/body-script/http')),
        `the page's inline script did not run: ${srv()
          .requests.filter((p) => p.startsWith('/pwned/'))
          .join(' ')}`,
      );

      await b().clickReaderButton();
      await b().waitFor(
        () => document.documentElement.dataset.yanduReady && document.documentElement.dataset.yanduSaved,
        undefined,
        'the reader to show and store the page',
        30_000,
      );
      await sleep(1500);
      const seen = await inertness(b());
      assertInert('reader', seen, pwnedSince(srv(), mark));
      assert.ok(
        srv().requests.every((p) => !/extension:/.test(p)),
        'a payload ran in an extension page',
      );
      // The hostile strings are shown, as text.
      const heading = await b().evaluate(() => document.querySelector('h1')?.textContent ?? '', undefined);
      assert.ok(heading.includes('<img src=x onerror='), heading);
      assert.ok(heading.includes('在全市职工书屋建设推进会上的讲话'), heading);
      assert.ok(
        seen.text.includes("<script>window.__pwned='entity-script'</script>"),
        'entity-escaped markup shown as text',
      );
      assert.ok(seen.text.includes('谢谢大家'), 'the text after the <svg>/<math> tricks is all there');
      assert.ok(!seen.text.includes("window.__pwned='body-script'"), 'script source shown as text');
      const source = await b().evaluate(
        () => document.querySelector('a.yd-meta-source')?.textContent ?? '',
        undefined,
      );
      assert.ok(source.includes('<a href="javascript:'), `source shown as text: ${source}`);
      const saved = (await readRecord(b(), 'speeches', idOf(TRS))) as { pages?: string[] } | undefined;
      assert.ok(saved, 'the speech was not stored');
      for (const page of saved.pages ?? []) assert.match(page, /^https?:/, `stored further page ${page}`);
      await b().screenshot('hostile-reader');
    });

    test('Readability page full of payloads: nothing runs in the reader', STEP, async () => {
      await goPortal(b(), READABILITY);
      const mark = await settle(srv());
      await b().clickReaderButton();
      await b().waitFor(
        () => document.documentElement.dataset.yanduReady && document.documentElement.dataset.yanduSaved,
        undefined,
        'the reader to show and store the page',
        30_000,
      );
      await sleep(1500);
      const seen = await inertness(b());
      assertInert('reader (Readability)', seen, pwnedSince(srv(), mark));
      assert.ok(
        seen.text.includes('<iframe src=javascript:alert(1)>'),
        'markup written as text is shown as text',
      );
      assert.ok(seen.text.includes('切实履行监督职责'), 'the text of a javascript: link is kept as text');
    });

    test(
      'hostile notes and highlights stay inert in the reader, the library and the export page',
      STEP,
      async () => {
        // The reader is on the Readability page (previous test); add notes to the TRS page's stored speech.
        await b().extensionPage(`/reader.html?url=${encodeURIComponent(PORTAL_ORIGIN + TRS)}`);
        assert.equal(
          await addHostileNotes(b(), idOf(TRS), NOTE_PAYLOAD),
          true,
          'the hostile speech is not stored',
        );
        const mark = srv().requests.length;
        const pages = [
          { path: `/reader.html?url=${encodeURIComponent(PORTAL_ORIGIN + TRS)}`, ready: 'yanduReady' },
          // #tasks before the export page: a hash change alone would not load a new document.
          { path: '/library.html#tasks', ready: 'yanduReady' },
          { path: `/export.html?speech=${encodeURIComponent(idOf(TRS))}&tasks=1`, ready: 'yanduExportReady' },
          { path: '/library.html', ready: 'yanduReady' },
        ].filter((p) => existsSync(join(extensionDir(name), p.path.replace(/[?#].*$/, '').slice(1))));
        assert.ok(pages.length >= 2, 'no library or export page in the build');
        for (const page of pages) {
          await b().extensionPage(page.path);
          await b().waitFor(
            (key) => document.documentElement.dataset[key],
            page.ready,
            `${page.path} to be ready`,
            30_000,
          );
          await sleep(1000);
          const seen = await inertness(b());
          assertInert(page.path, seen, pwnedSince(srv(), mark));
          assert.ok(
            seen.text.includes('在全市职工书屋建设推进会上的讲话'),
            `${page.path} lists the hostile speech`,
          );
          if (page.path.startsWith('/export.html')) {
            assert.ok(
              seen.text.includes('<img src="http://www.ordoszgh.gov.cn/pwned/note-img"'),
              'the export page shows the hostile note as text',
            );
          }
        }
      },
    );

    test(
      'a portal script hunting for highlights and notes finds nothing, and cannot message Yandu',
      STEP,
      async () => {
        await openInReader(b(), SNOOPER, '在全市工会财务工作会议上的讲话');
        const secret = `研读秘密${Date.now()}`;
        assert.equal(await addHostileNotes(b(), idOf(SNOOPER), `批注${secret}`), true);
        // The same secret in the reader's own Web Storage (extension origin): the page must not see it either.
        await b().evaluate((s) => localStorage.setItem('yandu:e2e-secret', s), secret);

        await goPortal(b(), SNOOPER);
        assert.equal(await detected(b()), 'speech');
        const extensionId = new URL(b().extensionOrigin).host;
        const report = await withTimeout(
          b().evaluate(
            (options) =>
              (
                window as unknown as {
                  yanduHunt: (o: unknown) => Promise<{
                    found: string[];
                    databases: string[];
                    runtime: string[];
                    replies: string[];
                    shadowRoots: number;
                  }>;
                }
              ).yanduHunt(options),
            { secrets: [secret, '管好用好每一分钱'], extensionId, snapshotKey: '1-1' },
          ),
          30_000,
          'the hunt',
        );
        // The control: the hunter does find what is on the page (its own text); Yandu's shadow root is closed.
        assert.ok(
          report.found.some((f) => f.startsWith('dom') && f.endsWith('管好用好每一分钱')),
          JSON.stringify(report),
        );
        assert.equal(report.shadowRoots, 0, 'the hunter reached into the 阅读模式 button');
        assert.deepEqual(
          report.found.filter((f) => f.includes(secret)),
          [],
          `the page found the user's notes: ${report.found.join('; ')}`,
        );
        assert.ok(!report.databases.includes('yandu'), `page sees databases ${report.databases.join(', ')}`);
        for (const line of report.runtime) assert.doesNotMatch(line, /answered/, line);
        assert.ok(
          report.runtime.some((l) => /^chrome\.runtime\.sendMessage: absent$/.test(l)) || name === 'firefox',
          report.runtime.join('; '),
        );
        assert.ok(report.runtime.includes('browser.runtime.sendMessage: absent'), report.runtime.join('; '));
        assert.deepEqual(report.replies, [], 'something answered the posted envelopes');
      },
    );

    test(
      'a page that rewrites itself after load: the reader gets the page as it is when asked',
      STEP,
      async () => {
        await goPortal(b(), REWRITES);
        assert.equal(await detected(b()), 'speech');
        await b().waitFor(
          () => document.documentElement.dataset.rewritten,
          undefined,
          'the page to rewrite itself',
        );
        assert.equal(
          await withTimeout(
            b().evaluate(() => 1, undefined),
            2000,
            'the page to answer',
          ),
          1,
        );
        await b().clickReaderButton();
        await b().waitFor(
          () =>
            document.documentElement.dataset.yanduReady &&
            document.body.textContent?.includes('扩大竞赛覆盖面'),
          undefined,
          'the reader to show the rewritten text',
          30_000,
        );
      },
    );

    for (const [path, what, title, paragraphs] of [
      // Two paragraphs of 500,000 characters: extraction splits them at sentence ends (≤ 3,000 each).
      [HUGE, '1 MB of text', '在全市工会工作会议上的讲话（超长）', 'split'],
      [MANY, '5,000 paragraphs', '在全市工会工作会议上的讲话（五千段）', 5001],
      [DEEP, 'a DOM 2,000 deep', '在全市工会工作会议上的讲话（深层嵌套）', 4],
    ] as const) {
      test(`${what}: the tab stays responsive, the content script runs, the reader opens`, STEP, async () => {
        await goPortal(b(), path);
        assert.equal(await detected(b()), 'speech');
        assert.equal(
          await withTimeout(
            b().evaluate(() => 1, undefined),
            2000,
            'the page to answer',
          ),
          1,
        );
        // Clicked by hand: clickReaderButton's 10 s poll would fail on a busy reader with a misleading message.
        const start = Date.now();
        await b().click(READER_BUTTON);
        await b().waitFor(
          (t) =>
            document.documentElement.dataset.yanduReady &&
            document.querySelector('h1')?.textContent?.includes(t),
          title,
          `the reader to show ${title} (hang guard 30 s)`,
          30_000,
        );
        console.log(`# ${name} ${what}: click to painted reader ${Date.now() - start} ms`);
        assert.equal(
          await withTimeout(
            b().evaluate(() => 1, undefined),
            5000,
            'the reader to answer',
          ),
          1,
        );
        const shown = await b().evaluate(
          () => [...document.querySelectorAll('[data-para]')].map((p) => p.textContent?.length ?? 0),
          undefined,
        );
        if (paragraphs === 'split') {
          assert.ok(shown.length > 300, `${what}: ${shown.length} paragraphs in the reader`);
          assert.ok(Math.max(...shown) <= 3000, `${what}: a paragraph of ${Math.max(...shown)} characters`);
          assert.ok(shown.reduce((a, n) => a + n, 0) > 900_000, `${what}: the whole text in the reader`);
        } else {
          assert.equal(shown.length, paragraphs, `${what}: paragraphs in the reader`);
        }
      });
    }

    test(
      'a frameset page: the content script gives a verdict and the tab stays responsive',
      STEP,
      async () => {
        await goPortal(b(), FRAMESET);
        assert.match(await detected(b()), /^(speech|other)$/);
        assert.equal(
          await withTimeout(
            b().evaluate(() => 1, undefined),
            2000,
            'the page to answer',
          ),
          1,
        );
      },
    );
  });
}
