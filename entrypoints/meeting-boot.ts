import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bootMeeting } from './meeting/boot';

/**
 * meeting-boot.js: a classic script in meeting.html, right after #app, so it runs while the page is parsed
 * and is one file (module scripts wait for the whole page and every import, a request each). It shows the
 * 学习会 page when it can read the database raw; meeting/main.tsx takes over when it cannot.
 */
export default defineUnlistedScript(() => {
  window.__yanduMeeting = bootMeeting();
});
