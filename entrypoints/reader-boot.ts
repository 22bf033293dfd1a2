import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { applyCachedTheme, startRequests } from './reader/handoff';

/**
 * reader-boot.js: a classic script at the top of reader.html, so it runs while the page is still being
 * parsed, before the reader's modules have arrived (module scripts wait for the whole page and all their
 * imports). It only starts the reader's two requests and sets the theme; reader/main.tsx takes it over.
 */
export default defineUnlistedScript(() => {
  performance.mark('yandu:start');
  window.__yanduReader = startRequests(location.search);
  applyCachedTheme();
});
