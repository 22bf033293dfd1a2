// Issue #14 item 7, the library's side, in real tabs of Chromium and Firefox: a library tab left open lists a
// speech a reader in another tab saves, and one the reader puts back with 恢复 after the library deleted it,
// and drops a speech deleted in another library tab, all without being reloaded
// (hooks/use-library-load.ts follows the stored speech ids).
// Imitates speeches under http://www.ordoszgh.gov.cn/zlzx/ldjh/… (tests/fixtures/portal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portalPages } from './support/fixtures.ts';
import { forEachBrowser, type TabActions } from './support/harness.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';

const [first, second] = portalPages().filter((p) => p.kind === 'speech');
if (!first || !second) throw new Error('pages.json lists fewer than two speeches');
const idOf = (path: string) => (PORTAL_ORIGIN + path).replace(/^https?:\/\/(www\.)?/, '');
const STEP = { timeout: 120_000 };

/** Click `selector` in a tab once it is there (the element's own click: the tab may be in the background). */
function clickWhenThere(t: TabActions, selector: string, what: string) {
  return t.waitFor(
    (sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      el?.click();
      return !!el;
    },
    selector,
    what,
  );
}

/** Wait until the library in `t` lists (or no longer lists) the speech `id`. */
function listed(t: TabActions, id: string, shown: boolean, what: string) {
  return t.waitFor(
    ({ id, shown }) => !!document.querySelector(`.yd-lib-row[data-speech-id="${id}"]`) === shown,
    { id, shown },
    what,
    15_000,
  );
}

/** Open a portal speech in the tab and let its reader store it. */
async function readAndStore(t: TabActions, path: string) {
  await t.openPortal(path);
  await t.clickReaderButton();
  await t.waitFor(() => document.documentElement.dataset.yanduSaved, undefined, 'the speech to be stored');
  await t.waitFor(
    () => document.documentElement.dataset.yanduStored === 'yes',
    undefined,
    'the reader to follow the stored speech',
  );
}

forEachBrowser('An open library tab follows the database', (b) => {
  test(
    'it lists what a reader saves and puts back, and drops what another library deletes',
    STEP,
    async () => {
      await readAndStore(b, first.path);
      const library = await b.openTab('/library.html');
      await listed(library, idOf(first.path), true, 'the library to list the first speech');
      // Set on this page's window: still there at the end means the library was never reloaded.
      await library.evaluate(() => {
        (window as unknown as { yanduE2eSamePage: boolean }).yanduE2eSamePage = true;
      }, undefined);

      // The reader stores a new speech: the open library lists it.
      await readAndStore(b, second.path);
      await listed(library, idOf(second.path), true, 'the library to list the speech the reader stored');

      // The library deletes it while the reader shows it; the reader puts it back (恢复): listed again.
      await clickWhenThere(
        library,
        `.yd-lib-row[data-speech-id="${idOf(second.path)}"] .yd-lib-delete`,
        'the library’s 删除',
      );
      await clickWhenThere(library, 'dialog .yd-btn-danger', 'the dialog’s 删除');
      await listed(library, idOf(second.path), false, 'the deleted speech to leave the library');
      await b.waitFor(
        () => !!document.querySelector('.yd-deleted-banner'),
        undefined,
        'the reader’s 此讲话已在资料库中删除 banner',
      );
      await clickWhenThere(b, '.yd-deleted-banner .yd-banner-action', 'the reader’s 恢复');
      await listed(library, idOf(second.path), true, 'the library to list the speech put back by 恢复');
      // Its 撤销 offer has nothing left to undo.
      await library.waitFor(() => !document.querySelector('.yd-snackbar'), undefined, 'the 撤销 snack to go');
      await library.screenshot('library-follows-restored');

      // Another library tab (the reader's tab, now on the library) deletes the first speech: it leaves the
      // open library too.
      await b.extensionPage('/library.html');
      await clickWhenThere(
        b,
        `.yd-lib-row[data-speech-id="${idOf(first.path)}"] .yd-lib-delete`,
        'the other library’s 删除',
      );
      await clickWhenThere(b, 'dialog .yd-btn-danger', 'the dialog’s 删除');
      await listed(b, idOf(first.path), false, 'the other library to drop the speech it deleted');
      await listed(library, idOf(first.path), false, 'the speech deleted in the other library to leave');

      const samePage = await library.evaluate(
        () => (window as unknown as { yanduE2eSamePage?: boolean }).yanduE2eSamePage === true,
        undefined,
      );
      assert.ok(samePage, 'the library tab was never reloaded');
      await library.close();
    },
  );
});
