// Permissions audit of the two built manifests (.output/chrome-mv3, .output/firefox-mv3). Every capability
// Yandu asks the browser for is listed here EXACTLY, so a new permission, host, match pattern, web-accessible
// file or CSP source can only ship as a deliberate change to this file (and to the README's permission list),
// never as a side effect of a dependency or a WXT default. Runs after `npm run build` (it needs no browser).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type BrowserName, extensionDir } from './support/paths.ts';

/** The portal, both schemes, with and without www: the only site Yandu reads without asking. */
const PORTAL = [
  'http://ordoszgh.gov.cn/*',
  'http://www.ordoszgh.gov.cn/*',
  'https://ordoszgh.gov.cn/*',
  'https://www.ordoszgh.gov.cn/*',
];

const EXPECTED = {
  // storage: settings and the snapshot hand-over; unlimitedStorage: the library; scripting: snapshot a page,
  // register the detector on sites the user enabled; contextMenus: the 阅读模式 menu item.
  permissions: ['contextMenus', 'scripting', 'storage', 'unlimitedStorage'],
  host_permissions: PORTAL,
  // Other sites only when the user grants one from the popup, one origin at a time.
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  // downloads: only when the user turns on 自动备份, asked in that click (never at install).
  optional_permissions: ['downloads'],
  contentScriptMatches: [PORTAL],
};

const DELIBERATE =
  'A change here must be deliberate: if it is, update EXPECTED in tests/e2e/manifest.test.ts together with ' +
  "the reason in wxt.config.ts and the README's permission list; if not, find what added it to the build.";

type Manifest = Record<string, unknown> & {
  content_scripts?: { matches?: string[]; js?: string[]; all_frames?: boolean; world?: string }[];
  content_security_policy?: unknown;
};

function manifest(browser: BrowserName): Manifest {
  return JSON.parse(readFileSync(join(extensionDir(browser), 'manifest.json'), 'utf8')) as Manifest;
}

const sorted = (value: unknown): unknown => (Array.isArray(value) ? [...value].sort() : value);

/** Every directive of a CSP string that names where scripts may come from. */
function scriptSources(csp: string): string[] {
  return csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter(([name]) => name === 'script-src' || name === 'script-src-elem' || name === 'default-src')
    .flatMap(([, ...sources]) => sources);
}

for (const browser of ['chromium', 'firefox'] as const) {
  describe(`built manifest [${browser}]`, () => {
    const m = manifest(browser);
    const where = `.output/${browser === 'chromium' ? 'chrome' : 'firefox'}-mv3/manifest.json`;

    test('is Manifest V3', () => {
      assert.equal(m.manifest_version, 3, `${where}: manifest_version`);
    });

    test('asks for exactly the expected API permissions', () => {
      assert.deepEqual(
        sorted(m.permissions),
        EXPECTED.permissions,
        `${where}: "permissions" changed. ${DELIBERATE}`,
      );
    });

    test('reads only the portal without asking (host_permissions)', () => {
      assert.deepEqual(
        sorted(m.host_permissions),
        EXPECTED.host_permissions,
        `${where}: "host_permissions" changed. ${DELIBERATE}`,
      );
    });

    test('asks for other sites only at run time (optional_host_permissions)', () => {
      assert.deepEqual(
        sorted(m.optional_host_permissions),
        EXPECTED.optional_host_permissions,
        `${where}: "optional_host_permissions" changed. ${DELIBERATE}`,
      );
    });

    test('asks for downloads only at run time, for 自动备份 (optional_permissions)', () => {
      assert.deepEqual(
        sorted(m.optional_permissions),
        EXPECTED.optional_permissions,
        `${where}: "optional_permissions" changed. ${DELIBERATE}`,
      );
      assert.ok(
        !(m.permissions as string[] | undefined)?.includes('downloads'),
        `${where}: downloads must stay optional. ${DELIBERATE}`,
      );
    });

    test('injects its content script on portal pages only, top frame, isolated world', () => {
      const scripts = m.content_scripts ?? [];
      assert.deepEqual(
        scripts.map((s) => sorted(s.matches)),
        EXPECTED.contentScriptMatches,
        `${where}: "content_scripts[].matches" changed. ${DELIBERATE}`,
      );
      for (const s of scripts) {
        assert.notEqual(s.all_frames, true, `${where}: a content script runs in every frame. ${DELIBERATE}`);
        assert.notEqual(
          s.world,
          'MAIN',
          `${where}: a content script runs in the page's world. ${DELIBERATE}`,
        );
      }
    });

    test('no web page can message Yandu (no externally_connectable)', () => {
      assert.equal(
        m.externally_connectable,
        undefined,
        `${where}: "externally_connectable" lets web pages send Yandu messages. ${DELIBERATE}`,
      );
    });

    test('exposes no file to web pages (no web_accessible_resources)', () => {
      assert.equal(
        m.web_accessible_resources,
        undefined,
        `${where}: "web_accessible_resources" lets pages load (and fingerprint) Yandu's files. ${DELIBERATE}`,
      );
    });

    test('keeps the default script policy: no remote script, no eval, no sandbox pages', () => {
      const csp = m.content_security_policy;
      assert.equal(m.sandbox, undefined, `${where}: sandboxed pages may run eval. ${DELIBERATE}`);
      if (csp === undefined) return; // the browser's MV3 default: script-src 'self'
      assert.equal(typeof csp, 'object', `${where}: MV3 content_security_policy must be an object`);
      for (const [key, policy] of Object.entries(csp as Record<string, unknown>)) {
        assert.equal(typeof policy, 'string', `${where}: content_security_policy.${key}`);
        const sources = scriptSources(policy as string);
        for (const source of sources) {
          assert.ok(
            source === "'self'" || source === "'wasm-unsafe-eval'" || source === "'none'",
            `${where}: content_security_policy.${key} allows scripts from ${source}. ${DELIBERATE}`,
          );
        }
        assert.doesNotMatch(
          policy as string,
          /'unsafe-eval'|'unsafe-inline'/,
          `${where}: ${key}. ${DELIBERATE}`,
        );
      }
    });
  });
}
