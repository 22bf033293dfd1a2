import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The portal is served over both schemes and with and without "www".
export const PORTAL_MATCHES = [
  'http://www.ordoszgh.gov.cn/*',
  'https://www.ordoszgh.gov.cn/*',
  'http://ordoszgh.gov.cn/*',
  'https://ordoszgh.gov.cn/*',
];

export const GECKO_ID = 'yandu@yandu.example';

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // Firefox gets MV3 too: one manifest shape, `optional_host_permissions` as Chrome has it, and the
  // CSS Custom Highlight API lands in Firefox 140 anyway. See README "Firefox manifest version".
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '研读',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage'],
    host_permissions: PORTAL_MATCHES,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
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
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    // Rolldown would fold Dexie's String.fromCharCode(65535) into a raw U+FFFF, and Chrome then refuses
    // the whole extension as "not UTF-8". Escape every non-ASCII character instead (TOOLCHAIN.md item 3).
    build: { rolldownOptions: { output: { charset: 'ascii' } } },
  }),
});
