// The user's outline corrections in real Chromium and Firefox: on the sample portal's first speech
// (tests/fixtures/portal, served as http://www.ordoszgh.gov.cn/zlzx/ldjh/…) the reader's 编辑提纲 demotes an
// entry, removes one and makes a selected phrase a heading; a 重点任务 with a note is made under that heading.
// After a browser restart with the same profile the outline panel, the notes panel, the library's task list
// and the exported .docx all follow the corrected outline, and 恢复自动提纲 brings the automatic one back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unzipSync } from 'fflate';
import { firstPage, portalPages } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { detected, readRecord } from './support/in-page.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';
import {
  captureDownloads,
  clickText,
  selectText,
  shownNoteGroups,
  shownOutline,
  storedHighlights,
  takeDownload,
  typeInto,
} from './support/reader-steps.ts';

const speech = firstPage('speech');
const speechUrl = PORTAL_ORIGIN + speech.path;
const speechId = new URL(speechUrl).hostname.replace(/^www\./, '') + speech.path;
const readerPath = `/reader.html?url=${encodeURIComponent(speechUrl)}`;
const STEP = { timeout: 120_000 };

/** The automatic outline the fixture's pages.json records (what the engine builds for this page). */
const automatic = (
  portalPages().find((p) => p.path === speech.path) as unknown as {
    outline: { level: number; marker: string; title: string; role?: string }[];
  }
).outline;

// The corrections, on entries of that outline (the fixture's own text, nothing composed here).
/** The review of the past year (paragraph 2) sits inside 开头: the user makes it a section of its own. */
const HEADING = '过去的一年，是全市工会工作在困难中奋进、在创新中提升的一年';
const HEADING_PARA = 2;
/** Demoted under 二是要: */
const DEMOTED = '提升服务质量';
const DEMOTED_PARENT = '做实精准帮扶';
/** Removed, so its text falls under the entry before it: */
const REMOVED = '夯实基层工会组织基础';
const REMOVED_INTO = '扎实推进工会改革';

/** The passages highlighted after the corrections: in the new section, the removed one's, the demoted one's. */
const TASK = { para: 3, exact: '有的基层工会工作方式方法比较陈旧' };
const IN_REMOVED = { para: 9, exact: '继续推进非公企业和社会组织建会入会工作' };
const IN_DEMOTED = { para: 8, exact: '要畅通12351职工服务热线' };
/** Composed for this test. */
const NOTE = '对照差距逐项整改，年底前报市总工会';

function hasAutomaticShape(): void {
  const titles = automatic.map((n) => n.title);
  for (const t of [DEMOTED, DEMOTED_PARENT, REMOVED, REMOVED_INTO, '开头']) {
    assert.ok(titles.includes(t), `the fixture's automatic outline has ${t}`);
  }
  assert.ok(!titles.includes(HEADING));
}

/** Scroll the outline list to an entry's button as a user would, then click it with the mouse. */
async function clickInOutline(b: YanduBrowser, selector: string): Promise<void> {
  const found = await b.evaluate((s) => {
    const button = document.querySelector(s);
    button?.scrollIntoView({ block: 'center' });
    return !!button;
  }, selector);
  assert.ok(found, `${selector} is in the outline panel`);
  await b.click(selector);
}

function waitForSaved(b: YanduBrowser) {
  return b.waitFor(() => document.documentElement.dataset.yanduSaved, undefined, 'the speech to be stored');
}

/** Open the outline panel (提纲 tab) in 编辑提纲 mode; the toggle appears once the database is loaded. */
async function startEditing(b: YanduBrowser): Promise<void> {
  await b.click('.yd-side-tab-outline');
  await b.waitFor(
    () => !!document.querySelector('.yd-outline-edit-toggle'),
    undefined,
    'the 编辑提纲 button (the reader has loaded its store)',
    30_000,
  );
  await b.click('.yd-outline-edit-toggle');
  await b.waitFor(() => !!document.querySelector('.yd-outline-edit-actions'), undefined, 'the editing bar');
}

/** The stored speech's outline edits once there are `count` of them (undefined: none stored). */
async function storedEdits(b: YanduBrowser, count: number): Promise<unknown[] | undefined> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const record = (await readRecord(b, 'speeches', speechId)) as { outlineEdits?: unknown[] } | undefined;
    const edits = record?.outlineEdits;
    if ((edits?.length ?? 0) === count || Date.now() > deadline) return edits;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Highlight a passage in a category from the selection toolbar; returns the new highlight's id. */
async function highlight(
  b: YanduBrowser,
  at: { para: number; exact: string },
  category: string,
): Promise<string> {
  const before = new Set((await storedHighlights(b, speechId)).map((h) => String(h.id)));
  assert.ok(await selectText(b, at.para, at.exact), `${at.exact} is in paragraph ${at.para}`);
  await b.waitFor(() => !!document.querySelector('.yd-hl-toolbar'), undefined, 'the selection toolbar');
  await b.click(`.yd-hl-toolbar [data-category="${category}"]`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const made = (await storedHighlights(b, speechId)).find((h) => !before.has(String(h.id)));
    if (made) return String(made.id);
    assert.ok(Date.now() < deadline, `the ${category} highlight on ${at.exact} to be stored`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The outline panel's entries once it shows `count` of them. */
async function outlineOf(b: YanduBrowser, count: number) {
  await b.waitFor(
    (n) => document.querySelectorAll('#yd-outline li[data-outline]').length === n,
    count,
    `the outline panel to show ${count} entries`,
  );
  return shownOutline(b);
}

/** The notes panel's group headings, keyed by highlight id (the panel is opened for it). */
async function noteSections(b: YanduBrowser, ids: string[]): Promise<Record<string, string>> {
  await b.click('.yd-side-tab-notes');
  await b.waitFor(
    (wanted) => wanted.every((id) => document.querySelector(`.yd-note-item[data-highlight="${id}"]`)),
    ids,
    'every highlight in the notes panel',
  );
  const groups = await shownNoteGroups(b);
  return Object.fromEntries(groups.flatMap((g) => g.highlights.map((id) => [id, g.heading])));
}

/** 出处 of the key task in the library's task list. */
async function taskSource(b: YanduBrowser, id: string): Promise<string> {
  await b.extensionPage('/library.html');
  await b.click('#yd-tab-tasks');
  return b.waitFor(
    (hid) => document.querySelector(`[data-highlight-id="${hid}"] .yd-task-section`)?.textContent,
    id,
    'the task with its 出处 in the task list',
  );
}

/** One paragraph of the exported document: its style (Heading1…, or another name) and its text. */
interface DocLine {
  style: string;
  text: string;
}

/** Export the speech from the library as Word (the dialog's defaults); the paragraphs of word/document.xml. */
async function exportedLines(b: YanduBrowser): Promise<DocLine[]> {
  await b.extensionPage('/library.html');
  await captureDownloads(b);
  await b.click(`[data-speech-id="${speechId}"] .yd-lib-check`);
  await b.waitFor(() => document.querySelector('.yd-lib-selection') !== null, undefined, 'the selection bar');
  await b.click('.yd-lib-selection .yd-btn-primary');
  await b.waitFor(() => document.querySelector('[role="dialog"]') !== null, undefined, 'the export dialog');
  await b.click('[role="dialog"] .yd-btn-primary');
  const file = await takeDownload(b);
  assert.match(file.name, /\.docx$/);
  const xml = new TextDecoder().decode(unzipSync(file.bytes)['word/document.xml']);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]*)"/.exec(p)?.[1] ?? '',
    text: p.replace(/<[^>]+>/g, ''),
  }));
}

/** The depth n of the document's heading (style Heading<n>) that ends with `title`; 0 when there is none. */
function headingDepth(lines: readonly DocLine[], title: string): number {
  const line = lines.find((l) => /^Heading\d$/.test(l.style) && l.text.endsWith(title));
  return Number(line?.style.slice('Heading'.length) ?? 0);
}

/** The paragraphs under the heading that ends with `title`, up to the next heading. */
function linesUnder(lines: readonly DocLine[], title: string): string[] {
  const isHeading = (l: DocLine) => /^Heading\d$/.test(l.style);
  const start = lines.findIndex((l) => isHeading(l) && l.text.endsWith(title));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && isHeading(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).map((l) => l.text);
}

/** A numbered quote of the 学习笔记 (1.【重点任务】…). */
const isQuote = (text: string) => /^\d+\.【/.test(text);

/** The 第三 section's heading depth: the document's level for outline level 1 here. */
const THIRD = '切实增强职工群众获得感';

forEachBrowser('Outline corrections', (b) => {
  const ids = { task: '', removed: '', demoted: '' };

  test('编辑提纲: demote an entry, remove one, make a selected phrase a heading', STEP, async () => {
    hasAutomaticShape();
    await b.openPortal(speech.path);
    assert.equal(await detected(b), 'speech');
    await b.clickReaderButton();
    await waitForSaved(b);
    await startEditing(b);
    assert.deepEqual(
      (await outlineOf(b, automatic.length)).map((e) => e.title),
      automatic.map((n) => n.title),
    );

    await clickInOutline(b, `#yd-outline button[aria-label="降一级：${DEMOTED}"]`);
    await clickInOutline(b, `#yd-outline button[aria-label="从提纲中删除：${REMOVED}"]`);
    await outlineOf(b, automatic.length - 1);
    assert.ok(await selectText(b, HEADING_PARA, HEADING), 'the phrase is selected');
    // 选中文字设为一级标题 (the first of the bar's actions).
    await b.click('.yd-outline-edit-actions button:nth-child(1)');
    const shown = await outlineOf(b, automatic.length);
    assert.deepEqual(shown[1], { level: 1, marker: '', title: HEADING }, 'the new heading follows 开头');
    assert.equal(shown.find((e) => e.title === DEMOTED)?.level, 3);
    assert.ok(!shown.some((e) => e.title === REMOVED));
    assert.equal((await storedEdits(b, 3))?.length, 3, 'the three corrections are stored');
    await b.click('.yd-outline-edit-toggle'); // 完成编辑
    await b.screenshot('outline-corrected');
  });

  test(
    'a 重点任务 with a note under the new heading, and passages in the changed sections',
    STEP,
    async () => {
      ids.task = await highlight(b, TASK, 'task');
      assert.ok(await clickText(b, TASK.exact), 'the highlighted text is on the page');
      await b.waitFor(
        (id) => document.querySelector<HTMLElement>('.yd-hl-editor')?.dataset.highlight === id,
        ids.task,
        'the highlight popover',
      );
      await typeInto(b, '.yd-hl-editor textarea', NOTE);
      await b.click('.yd-hl-editor .yd-hl-save');
      await b.waitFor(() => !document.querySelector('.yd-hl-editor'), undefined, 'the popover to close');
      ids.removed = await highlight(b, IN_REMOVED, 'thesis');
      ids.demoted = await highlight(b, IN_DEMOTED, 'thesis');

      const deadline = Date.now() + 10_000;
      let task = (await readRecord(b, 'highlights', ids.task)) as {
        note?: string;
        task?: { status: string };
      };
      while (task?.note !== NOTE && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        task = (await readRecord(b, 'highlights', ids.task)) as typeof task;
      }
      assert.equal(task?.note, NOTE);
      assert.equal(task?.task?.status, 'todo');
    },
  );

  test(
    'after a browser restart the panel, the notes, the task list and the .docx follow the corrections',
    STEP,
    async () => {
      assert.ok(ids.task && ids.removed && ids.demoted, 'the earlier steps made the highlights');
      await b.restart();
      await b.extensionPage(readerPath);
      // The stored copy is shown (the live page is unchanged, so it is not stored again).
      await b.click('.yd-side-tab-outline');
      const shown = await outlineOf(b, automatic.length);
      assert.deepEqual(shown[1], { level: 1, marker: '', title: HEADING });
      assert.equal(shown.find((e) => e.title === DEMOTED)?.level, 3);
      assert.ok(!shown.some((e) => e.title === REMOVED));
      await b.waitFor(
        () => document.querySelector('.yd-outline-edited') !== null,
        undefined,
        'the panel to say the outline is the corrected one',
      );

      const notes = await noteSections(b, [ids.task, ids.removed, ids.demoted]);
      assert.equal(notes[ids.task], HEADING);
      assert.match(notes[ids.removed] ?? '', new RegExp(`${REMOVED_INTO}$`));
      assert.match(notes[ids.demoted] ?? '', new RegExp(`${DEMOTED}$`));
      const note = await b.evaluate(
        (id) => document.querySelector(`.yd-note-item[data-highlight="${id}"] .yd-note-text`)?.textContent,
        ids.task,
      );
      assert.equal(note, NOTE);
      await b.screenshot('outline-corrected-notes');

      assert.equal(await taskSource(b, ids.task), HEADING);

      const lines = await exportedLines(b);
      const doc = lines.map((l) => l.text).join('\n');
      const top = headingDepth(lines, THIRD);
      assert.ok(top > 0, doc);
      assert.equal(headingDepth(lines, HEADING), top, 'the new heading is a section heading of the document');
      assert.equal(headingDepth(lines, DEMOTED_PARENT), top + 1, doc);
      assert.equal(headingDepth(lines, DEMOTED), top + 2, 'the demoted entry sits under its new parent');
      assert.ok(!doc.includes(REMOVED), 'the removed entry is no heading any more');
      assert.equal(headingDepth(lines, REMOVED_INTO), top + 1, 'its passage is under the entry before it');
      assert.ok(!linesUnder(lines, '开头').some(isQuote), 'nothing highlighted is left in 开头');
      const underHeading = linesUnder(lines, HEADING);
      assert.ok(underHeading.some(isQuote), 'the 重点任务 is quoted under the new heading');
      assert.ok(
        underHeading.some((l) => l.includes(NOTE)),
        'with its note',
      );
    },
  );

  test('恢复自动提纲 brings the automatic outline back everywhere', STEP, async () => {
    await b.extensionPage(readerPath);
    await startEditing(b);
    await b.click('.yd-outline-edit-actions button:nth-child(4)'); // 恢复自动提纲
    const shown = await outlineOf(b, automatic.length);
    assert.deepEqual(
      shown.map((e) => [e.level, e.title]),
      automatic.map((n) => [n.level, n.title]),
    );
    assert.equal(await storedEdits(b, 0), undefined, 'no corrections stored');

    const notes = await noteSections(b, [ids.task, ids.removed, ids.demoted]);
    assert.equal(notes[ids.task], '开头');
    assert.match(notes[ids.removed] ?? '', new RegExp(`${REMOVED}$`));
    assert.match(notes[ids.demoted] ?? '', new RegExp(`${DEMOTED}$`));

    assert.equal(await taskSource(b, ids.task), '开头');
    const lines = await exportedLines(b);
    const doc = lines.map((l) => l.text).join('\n');
    const top = headingDepth(lines, THIRD);
    assert.ok(!doc.includes(HEADING), doc);
    assert.equal(headingDepth(lines, '开头'), top, doc);
    assert.ok(linesUnder(lines, '开头').some(isQuote), 'the 重点任务 is quoted under 开头 again');
    assert.equal(headingDepth(lines, DEMOTED), top + 1, 'the demoted entry is back under 第三');
    assert.ok(!linesUnder(lines, DEMOTED_PARENT).some(isQuote), 'nothing highlighted under 二是要 any more');
    assert.equal(headingDepth(lines, REMOVED), top + 1, doc);
  });
});
