// A whole study session as a user walks it, in Chromium and Firefox, asserting at each step what the user
// sees: on the sample portal a long speech is opened with 阅读模式; two passages are highlighted in two
// categories (one near the end) and one gets a note; the 学习心得 is typed in another reader tab, which is
// closed in the same moment as the last keystroke; reopened from the library, the note, every character of the
// 学习心得, the highlights and the reading position are there; a library search hit deep in the text, the notes
// panel and the task list's 查看原文 each put their passage on screen; the 学习笔记 exports (.docx, Markdown)
// hold it all; the backup file restores it into a fresh profile, and into a profile holding another speech and
// this speech with another 学习心得, where the preview lists what is new and what differs, and both 学习心得 are
// kept. The speeches are pages of the portal's 领导讲话 column (http://www.ordoszgh.gov.cn/zlzx/ldjh/…,
// tests/fixtures/portal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { compilationHref } from '../../utils/routes.ts';
import { speechIdOf } from './support/composed-portal.ts';
import { portalPages } from './support/fixtures.ts';
import { forEachBrowser, launchBrowser, type YanduBrowser } from './support/harness.ts';
import { detected } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';
import {
  captureDownloads,
  clickText,
  selectText,
  storedHighlights,
  takeDownload,
  typeInto,
} from './support/reader-steps.ts';
import {
  firstParaOnScreen,
  openSecondTab,
  paraOf,
  passageBox,
  pickBackupFile,
  positionStored,
  typeAndCloseSecondTab,
  waitInSecondTab,
  waitOnScreen,
} from './support/study-steps.ts';

const STEP = { timeout: 120_000 };
const page = (path: string) => {
  const found = portalPages().find((p) => p.path === path);
  if (!found) throw new Error(`pages.json has no ${path}`);
  return found;
};
/** The speech studied: 30,840 characters in 200-odd paragraphs. */
const STUDIED = page('/zlzx/ldjh/202103/t20210308_2861452.html');
/** Another speech read in the same session. */
const OTHER = page('/zlzx/ldjh/201803/t20180319_2098918.html');
/** A speech only the second profile holds. */
const THEIRS = page('/zlzx/ldjh/201912/t20191224_2551337.html');
const STUDIED_ID = speechIdOf(STUDIED.path);
const READER = `/reader.html?url=${encodeURIComponent(PORTAL_ORIGIN + STUDIED.path)}`;

/** Highlighted as 提法 (thesis), near the top. */
const NEAR = '工会是党领导的职工自愿结合的工人阶级群众组织';
/** Highlighted as 重点任务 (task), near the end, with a note. */
const FAR = '市总工会将建立重点工作台账，实行月调度、季通报、年考核';
/** Searched for in the library: in neither highlight, far from where the reading stops. */
const DEEP = '智慧工会建设是一项系统工程';
const NOTE = '会后建立本单位台账，按月对照更新';
const STUDY = '学习心得：抓落实要建台账、定时限，逐月对照检查。ABC';
const THEIR_STUDY = '另一台电脑上写的学习心得：先学原文';

/** Open the library afresh (it reads the database once: another page first, so it really loads again). */
async function openLibrary(b: YanduBrowser, hash = ''): Promise<void> {
  await b.extensionPage(`/${compilationHref()}`);
  await b.extensionPage(`/library.html${hash}`);
}

/** Click a speech's title in the library and wait for its reader to paint `count` highlights. */
async function openFromLibrary(b: YanduBrowser, speechId: string, count: number): Promise<void> {
  const title = `[data-speech-id="${speechId}"] .yd-lib-title`;
  await b.waitFor((s) => !!document.querySelector(s), title, 'the speech in the library', 30_000);
  await b.click(title);
  await paintedCount(b, count);
}

function paintedCount(b: YanduBrowser, count: number): Promise<true> {
  return b.waitFor(
    (n) => document.documentElement.dataset.yanduHighlights === String(n),
    count,
    `the reader to paint ${count} highlight(s)`,
    30_000,
  );
}

/** Open a portal page and 阅读模式; resolves once the reader has stored the speech. */
async function readOnPortal(b: YanduBrowser, path: string): Promise<void> {
  await b.openPortal(path);
  assert.equal(await detected(b), 'speech', `${path} is offered the reader`);
  await b.clickReaderButton();
  await b.waitFor(() => document.documentElement.dataset.yanduSaved, undefined, 'the speech stored', 30_000);
}

/** What the reader shows of the study: the 学习心得 box and each note in the notes panel (批注 tab). */
async function shownStudy(b: YanduBrowser, wantStudy: (s: string) => boolean, what: string) {
  await b.click('.yd-side-tab-notes');
  return b
    .waitFor(
      (want) => {
        const study = document.querySelector<HTMLTextAreaElement>('.yd-study-note-text')?.value ?? '';
        const items = [...document.querySelectorAll<HTMLElement>('.yd-note-item[data-highlight]')];
        if (items.length !== 2 || !study.includes(want)) return null;
        return {
          study,
          notes: items.map((i) => i.querySelector('.yd-note-text')?.textContent ?? ''),
          quotes: items.map((i) => i.textContent ?? ''),
        };
      },
      // The text every check needs in the box: the rest is checked by `wantStudy` below.
      STUDY.slice(0, 6),
      what,
      30_000,
    )
    .catch(async (error: Error) => {
      // Say what was shown instead: a bare time-out cannot tell a lost text from a slow panel.
      const seen = await b.evaluate(
        () => ({
          study: document.querySelector<HTMLTextAreaElement>('.yd-study-note-text')?.value ?? null,
          items: document.querySelectorAll('.yd-note-item[data-highlight]').length,
          status: document.querySelector('.yd-study-note')?.textContent?.slice(0, 200) ?? null,
        }),
        undefined,
      );
      throw new Error(`${error.message}; shown: ${JSON.stringify(seen)}`);
    })
    .then((shown) => {
      assert.ok(wantStudy(shown.study), `${what}: the 学习心得 shown is ${JSON.stringify(shown.study)}`);
      assert.ok(
        shown.quotes.some((q) => q.includes(NEAR)) && shown.quotes.some((q) => q.includes(FAR)),
        'both highlights are in the notes panel',
      );
      assert.ok(shown.notes.includes(NOTE), `the note is in the notes panel: ${JSON.stringify(shown.notes)}`);
      return shown;
    });
}

forEachBrowser('A whole study session', (b) => {
  let farId = '';
  let leftAt = -1;
  let backup = { name: '', text: '' };
  /** The paragraph the backup says the studied speech was left at. */
  let leftInBackup = -1;

  test('open with 阅读模式, highlight two passages in two categories, write a note', STEP, async () => {
    await readOnPortal(b, OTHER.path);
    await readOnPortal(b, STUDIED.path);
    await paintedCount(b, 0);

    assert.ok(await selectText(b, await paraOf(b, NEAR), NEAR), 'the first passage is selected');
    await b.click('.yd-hl-toolbar [data-category="thesis"]');
    await paintedCount(b, 1);
    const farPara = await paraOf(b, FAR);
    const paragraphs = await b.evaluate(() => document.querySelectorAll('.yd-body [data-para]').length, 0);
    assert.ok(farPara > paragraphs * 0.9, `the second passage is near the end (${farPara}/${paragraphs})`);
    assert.ok(await selectText(b, farPara, FAR), 'the second passage is selected');
    await b.click('.yd-hl-toolbar [data-category="task"]');
    await paintedCount(b, 2);

    assert.ok(await clickText(b, FAR), 'the far highlight is on the page');
    farId = await b.waitFor(
      () => document.querySelector<HTMLElement>('.yd-hl-editor')?.dataset.highlight,
      undefined,
      'the note popover',
    );
    await typeInto(b, '.yd-hl-editor textarea', NOTE);
    await b.click('.yd-hl-editor .yd-hl-save');
    await b.waitFor(() => !document.querySelector('.yd-hl-editor'), undefined, 'the popover to close');
    const stored = await b.waitFor(
      async (id) => {
        const open = indexedDB.open('yandu');
        const db = await new Promise<IDBDatabase>((r) => {
          open.onsuccess = () => r(open.result);
        });
        const all = await new Promise<{ id: string; note: string }[]>((r) => {
          const get = db.transaction('highlights').objectStore('highlights').getAll();
          get.onsuccess = () => r(get.result);
        });
        db.close();
        return all.find((h) => h.id === id)?.note ? all : null;
      },
      farId,
      'the note to be stored',
    );
    assert.equal(stored.length, 2);
    const mine = await storedHighlights(b, STUDIED_ID);
    assert.deepEqual(mine.map((h) => [h.category, (h.selector as { exact: string }).exact, h.note]).sort(), [
      ['task', FAR, NOTE],
      ['thesis', NEAR, ''],
    ]);

    // Where the reading stops: the far passage, kept once scrolling pauses.
    leftAt = await firstParaOnScreen(b);
    assert.ok(leftAt > paragraphs * 0.8, `the reader is near the end (paragraph ${leftAt})`);
    await positionStored(b, STUDIED_ID, leftAt);
  });

  test(
    'the 学习心得 typed in a tab closed with the last keystroke: reopened from the library, nothing is missing',
    STEP,
    async () => {
      assert.ok(farId, 'the first step made the highlights');
      await openLibrary(b);
      const tab = await openSecondTab(b, `${READER}&tab=2`);
      await waitInSecondTab(b, 'tab=2', '.yd-study-note-text', '.yd-side-tab-notes', 'the other reader tab');
      await typeAndCloseSecondTab(b, tab, 'tab=2', '.yd-study-note-text', STUDY);

      await openLibrary(b);
      await openFromLibrary(b, STUDIED_ID, 2);
      // Back where the reading stopped…
      await b.waitFor(
        (p) => {
          for (const el of document.querySelectorAll<HTMLElement>('.yd-body [data-para]'))
            if (el.getBoundingClientRect().bottom > 0) return Number(el.dataset.para) === p;
          return false;
        },
        leftAt,
        `paragraph ${leftAt} on screen again`,
      );
      // …with the note and every character of the 学习心得.
      await shownStudy(b, (s) => s === STUDY, 'the reopened reader');
      await b.screenshot('study-session-reopened');
    },
  );

  test('a library search hit deep in the text opens with the phrase on screen', STEP, async () => {
    await openLibrary(b);
    const href = await b.waitFor(
      (word) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]');
        if (!input) return null;
        if (input.value !== word) {
          input.value = word;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }
        return document.querySelector('a.yd-snippet-text')?.getAttribute('href');
      },
      DEEP,
      'the search hit',
      30_000,
    );
    assert.match(href, /#p=\d+:\d+:\d+$/);
    await b.click('a.yd-snippet-text');
    const box = await waitOnScreen(b, DEEP, 'the phrase on screen and flashed');
    assert.ok(box.top >= 0 && box.bottom <= box.height, JSON.stringify(box));
    // Not where the reading had stopped: the hit was gone to.
    assert.ok((await paraOf(b, DEEP)) < leftAt - 20);
  });

  test('a click in the notes panel puts the far highlight on screen', STEP, async () => {
    await b.evaluate(() => window.scrollTo(0, 0), undefined);
    await b.waitFor(() => window.scrollY === 0, undefined, 'the top of the speech');
    const before = await passageBox(b, FAR);
    assert.ok(before && before.top > before.height, 'the far highlight starts off screen');
    await b.click('.yd-side-tab-notes');
    await b.click(`.yd-note-item[data-highlight="${farId}"] .yd-note-link`);
    await waitOnScreen(b, FAR, 'the highlight on screen after the notes-panel click');
  });

  test('查看原文 in the task list puts the far highlight on screen', STEP, async () => {
    // Left at the top, so the task list's jump cannot be the remembered position.
    await b.evaluate(() => window.scrollTo(0, 0), undefined);
    await positionStored(b, STUDIED_ID, 0);
    await openLibrary(b, '#tasks');
    const open = `[data-highlight-id="${farId}"] .yd-task-open`;
    await b.waitFor((s) => !!document.querySelector(s), open, 'the task in the task list', 30_000);
    await b.click(open);
    await waitOnScreen(b, FAR, 'the highlight on screen after 查看原文');
  });

  test(
    'the 学习笔记 export (.docx and Markdown) holds the highlights, the note and the 学习心得',
    STEP,
    async () => {
      await openLibrary(b);
      await captureDownloads(b);
      await b.click(`[data-speech-id="${STUDIED_ID}"] .yd-lib-check`);
      await b.click('.yd-lib-selection .yd-btn-primary');
      await b.waitFor(() => !!document.querySelector('[role="dialog"]'), undefined, 'the export dialog');
      await b.click('[role="dialog"] .yd-btn-primary');
      const docx = await takeDownload(b, 0);
      assert.match(docx.name, /^学习笔记-.+\.docx$/);
      const xml = new TextDecoder().decode(unzipSync(docx.bytes)['word/document.xml']);
      for (const text of [STUDIED.title, NEAR, FAR, NOTE, STUDY])
        assert.ok(xml.includes(text), `the .docx holds ${text}`);

      await b.click('input[name="yd-export-format"][value="md"]');
      await b.click('[role="dialog"] .yd-btn-primary');
      const md = await takeDownload(b, 1);
      assert.match(md.name, /\.md$/);
      const markdown = new TextDecoder().decode(md.bytes);
      for (const text of [STUDIED.title, NEAR, FAR, NOTE, STUDY])
        assert.ok(markdown.includes(text), `the Markdown holds ${text}`);
    },
  );

  test('the backup file holds the whole session', STEP, async () => {
    await openLibrary(b);
    await captureDownloads(b);
    await b.click('.yd-backup > button');
    const file = await takeDownload(b, 0);
    assert.match(file.name, /\.json$/);
    backup = { name: file.name, text: new TextDecoder().decode(file.bytes) };
    const data = JSON.parse(backup.text) as {
      speeches: { id: string }[];
      highlights: { speechId: string; note: string }[];
      readingPositions?: { speechId: string; para: number }[];
    };
    assert.deepEqual(data.speeches.map((s) => s.id).sort(), [speechIdOf(OTHER.path), STUDIED_ID].sort());
    // Where the speech was left (localStorage) is in the file too: whatever Yandu stores, its backup restores.
    const left = data.readingPositions?.find((p) => p.speechId === STUDIED_ID);
    assert.ok(left && left.para >= 0, `the reading position is in the backup: ${JSON.stringify(left)}`);
    leftInBackup = left.para;
    assert.equal(data.highlights.filter((h) => h.speechId === STUDIED_ID).length, 2);
    for (const text of [NOTE, STUDY]) assert.ok(backup.text.includes(text), `the backup holds ${text}`);
  });

  test('restored into a fresh profile: everything is there', STEP, async () => {
    assert.ok(backup.text, 'the backup was made');
    const fresh = await launchBrowser(b.name, b.server);
    try {
      await openLibrary(fresh);
      await fresh.waitFor(
        () => !!document.querySelector('.yd-backup'),
        undefined,
        'the backup panel',
        30_000,
      );
      await pickBackupFile(fresh, backup.name, backup.text);
      // Only additions: nothing to confirm, merged at once.
      const message = await fresh.waitFor(
        () => document.querySelector('.yd-backup-message')?.textContent,
        undefined,
        'the restore message',
        30_000,
      );
      assert.match(message, /讲话新增 2 篇/);
      await positionStored(fresh, STUDIED_ID, leftInBackup);
      await openLibrary(fresh);
      await openFromLibrary(fresh, STUDIED_ID, 2);
      await shownStudy(fresh, (s) => s === STUDY, 'the fresh profile');
      await openLibrary(fresh);
      await fresh.waitFor(
        (id) => !!document.querySelector(`[data-speech-id="${id}"]`),
        speechIdOf(OTHER.path),
        'the other speech in the fresh library',
      );
    } finally {
      await fresh.close();
    }
  });

  test(
    'restored into a profile holding another speech and another 学习心得: previewed, and nothing lost',
    STEP,
    async () => {
      assert.ok(backup.text, 'the backup was made');
      const other = await launchBrowser(b.name, b.server);
      try {
        await readOnPortal(other, THEIRS.path);
        await readOnPortal(other, STUDIED.path);
        await other.click('.yd-side-tab-notes');
        await other.waitFor(
          () => !!document.querySelector('.yd-study-note-text'),
          undefined,
          'the 学习心得 box',
        );
        await typeInto(other, '.yd-study-note-text', THEIR_STUDY);
        await other.click('.yd-study-note .yd-hl-save');
        await other.waitFor(
          (want) =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('yandu');
              open.onsuccess = () => {
                const all = open.result.transaction('notes').objectStore('notes').getAll();
                all.onsuccess = () => {
                  open.result.close();
                  resolve(all.result.some((n: { text: string }) => n.text === want));
                };
              };
            }),
          THEIR_STUDY,
          'their 学习心得 to be stored',
        );

        await openLibrary(other);
        await pickBackupFile(other, backup.name, backup.text);
        const preview = await other.waitFor(
          () => {
            const section = document.querySelector('.yd-backup-preview');
            if (!section) return null;
            return {
              counts: section.querySelector('p')?.textContent ?? '',
              rows: [...section.querySelectorAll<HTMLElement>('li[data-change]')].map((li) => ({
                change: li.dataset.change ?? '',
                text: li.textContent ?? '',
              })),
            };
          },
          undefined,
          'the restore preview',
          30_000,
        );
        assert.equal(preview.counts, '新增 1 篇、更新 0 篇、有不同版本 1 篇');
        const byChange = Object.fromEntries(preview.rows.map((r) => [r.change, r.text]));
        assert.deepEqual(Object.keys(byChange).sort(), ['conflicting', 'new']);
        assert.ok(byChange.new?.includes(OTHER.title), byChange.new);
        assert.ok(byChange.conflicting?.includes(STUDIED.title), byChange.conflicting);
        assert.ok(byChange.conflicting?.includes('两份都保留'), byChange.conflicting);
        // Nothing is written before 确认恢复.
        assert.equal(
          await other.evaluate(() => document.querySelectorAll('.yd-lib-row').length, undefined),
          2,
        );
        await other.click('.yd-backup-preview .yd-btn-primary');
        await other.waitFor(
          () => document.querySelector('.yd-backup-message')?.textContent?.includes('已合并备份'),
          undefined,
          'the restore to finish',
          30_000,
        );

        await openLibrary(other);
        const ids = await other.waitFor(
          () => {
            const rows = [...document.querySelectorAll<HTMLElement>('[data-speech-id]')];
            return rows.length === 3 ? rows.map((r) => r.dataset.speechId ?? '').sort() : null;
          },
          undefined,
          'three speeches in the library',
          30_000,
        );
        assert.deepEqual(ids, [STUDIED_ID, speechIdOf(OTHER.path), speechIdOf(THEIRS.path)].sort());
        await openFromLibrary(other, STUDIED_ID, 2);
        await shownStudy(
          other,
          (s) => s.includes(STUDY) && s.includes(THEIR_STUDY),
          'the 学习心得 of both profiles',
        );
        await other.screenshot('study-session-merged');
      } finally {
        await other.close();
      }
    },
  );
});
