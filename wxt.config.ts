import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { firstChunkGroups } from './scripts/first-chunks';
import { PORTAL_MATCHES } from './utils/sites';

export const GECKO_ID = 'yandu@yandu.example';

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // Every module imports what it uses. WXT's auto-imports scan utils/ and once injected an import of an
  // options key (`fallback`) as if it were an export, breaking the build; they would also shadow names such
  // as vitest's `describe` with utils/anchoring/anchor.ts's.
  imports: false,
  // The Firefox store asks for the sources; test screenshots and bench output are not sources.
  zip: { excludeSources: ['tests/artifacts/**', 'bench/out/**', '**/.tmp-*'] },
  // Firefox gets MV3 too: one manifest shape for both browsers, `optional_host_permissions` as Chrome has it,
  // and the CSS Custom Highlight API we paint with exists from Firefox 140 on. See README.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '研读',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: settings and the hand-over of a page to the reader; unlimitedStorage: months of notes and
    // offline copies must not hit the default quota; scripting: take a snapshot of the page (and run the
    // detector on sites the user enabled); contextMenus: the 阅读模式 item on portal pages.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus'],
    host_permissions: PORTAL_MATCHES,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // downloads: only when the user turns on 自动备份 (asked then, on that click): the background writes
    // Yandu/yandu-backup-<date>.json without a page to click in. 立即备份 needs no permission (an <a download>).
    optional_permissions: ['downloads'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-reader': {
        suggested_key: { default: 'Alt+R' },
        description: '__MSG_commandOpenReader__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
          // Firefox's default for MV3 pages adds upgrade-insecure-requests: the reader's look at the live page
          // (the portal is plain http) would go to https and fail, and a moved or deleted speech go unseen.
          // The page is fetched as data and parsed, never run.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
        }
      : {}),
  }),
  hooks: {
    // The extension pages are built together: group the reader's shared first imports into a few chunks
    // (scripts/first-chunks.ts says which and why). Content script, background and the boot scripts are built
    // apart and keep their shape.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.inputPath.endsWith('.html'))) return;
      const pages = entrypoints.map((e) => ({ name: e.name, id: e.inputPath }));
      const output = config.build?.rolldownOptions?.output;
      if (!output || Array.isArray(output)) throw new Error('wxt.config.ts: expected one rolldown output');
      output.codeSplitting = { groups: firstChunkGroups(pages) };
    },
  },
  vite: () => ({
    plugins: [preact()],
    // Rolldown would fold Dexie's String.fromCharCode(65535) into a raw U+FFFF, and Chrome then refuses
    // the whole extension as "not UTF-8". Escape every non-ASCII character instead (TOOLCHAIN.md item 3).
    build: {
      rolldownOptions: { output: { charset: 'ascii' } },
      // <link rel=modulepreload> in the pages' HTML, so their static imports load in parallel; none added
      // from script for dynamic imports (a lazy chunk's CSS still is): inserting those links cost the
      // reader 15 ms of main thread right after its first frame, and an extension's files are local.
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file: string, deps: string[], context: { hostType: string }) =>
          context.hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css')),
      },
    },
  }),
});
