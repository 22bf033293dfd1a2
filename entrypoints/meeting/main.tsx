// The page's stylesheet, linked from meeting.html by the build (the classic boot script cannot bring one).
import '@/components/meeting/meeting.css';

/**
 * meeting.html?speech=<id> (utils/routes.ts): the speech's highlights and notes, section by section.
 * meeting-boot.js (entrypoints/meeting-boot.ts, boot.ts) has usually shown it already; this module only
 * takes over when it could not read the database without Dexie, or did not run.
 */
async function main() {
  const shown = await (window.__yanduMeeting ?? Promise.resolve(false)).catch(() => false);
  window.__yanduMeeting = undefined;
  if (shown) return;
  const { showWithDexie } = await import('./dexie');
  await showWithDexie();
}

void main();
