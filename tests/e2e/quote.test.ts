// 引用复制 in the real reader, in Chromium and Firefox: a selection, a highlight's popover and a whole
// category are copied as “××在××上指出：“……”（日期）”, and what a user pastes (Ctrl+V) is that quote.
// The speech is the portal fixture imitating http://www.ordoszgh.gov.cn/zlzx/ldjh/201803/t20180319_2098918.html
// (乔志远在市总工会三届五次全委（扩大）会议上的讲话, 2018-03-19).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pastedText } from './support/clipboard.ts';
import { firstPage } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { detected } from './support/in-page.ts';
import { clickText } from './support/reader-steps.ts';

const speech = firstPage('speech');
const STEP = { timeout: 90_000 };

/** The citation a cadre expects for a passage of this speech (speaker, occasion and date from the page). */
const cite = (passage: string) =>
  `乔志远在市总工会三届五次全委（扩大）会议上指出：“${passage}”（2018年3月19日）`;

/**
 * Select 12 characters of the `nth` long body paragraph (over 60 characters), as a drag would, and release
 * the mouse so the selection toolbar appears.
 */
function selectIn(b: YanduBrowser, nth: number) {
  return b.evaluate(async (n) => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.yd-body p[data-para]')].filter(
      (el) => (el.textContent ?? '').length > 60,
    );
    const p = paragraphs[n] as HTMLElement;
    p.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(first, 2);
    range.setEnd(first, Math.min(first.data.length, 14));
    const selection = document.getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return range.toString();
  }, nth);
}

/** Wait for the short status next to the button under `scope` to say 已复制. */
function copiedIn(b: YanduBrowser, scope: string) {
  return b.waitFor(
    (s) => document.querySelector(`${s} [role="status"]`)?.textContent === '已复制',
    scope,
    `已复制 in ${scope}`,
  );
}

/** Select the `nth` long paragraph's passage and mark it with `category` from the toolbar. */
async function highlight(b: YanduBrowser, nth: number, category: string, count: number): Promise<string> {
  const text = await selectIn(b, nth);
  await b.waitFor(() => !!document.querySelector('.yd-hl-toolbar'), undefined, 'the selection toolbar');
  await b.click(`.yd-hl-toolbar [data-category="${category}"]`);
  await b.waitFor(
    (n) => document.documentElement.dataset.yanduHighlights === String(n),
    count,
    `${count} highlight(s) painted`,
  );
  return text;
}

forEachBrowser('引用复制', (b) => {
  const task: string[] = [];

  test(
    'select text → 复制引用: a paste gives the passage with speaker, occasion and date',
    STEP,
    async () => {
      await b.openPortal(speech.path);
      assert.equal(await detected(b), 'speech');
      await b.clickReaderButton();
      await b.waitFor(
        () => document.documentElement.dataset.yanduSaved,
        undefined,
        'the speech to be stored',
      );
      await b.waitFor(
        () => document.documentElement.dataset.yanduHighlights === '0',
        undefined,
        'the highlights',
      );

      const passage = await selectIn(b, 1);
      assert.equal(passage.length, 12);
      await b.waitFor(() => !!document.querySelector('.yd-hl-toolbar'), undefined, 'the selection toolbar');
      await b.click('.yd-hl-toolbar .yd-quote-copy-button');
      await copiedIn(b, '.yd-hl-toolbar');
      await b.screenshot('quote-toolbar');
      assert.equal(await pastedText(b), cite(passage));
    },
  );

  test('复制引用 in a highlight’s popover copies that highlight', STEP, async () => {
    // Marked out of reading order: the later passage first.
    task.push(await highlight(b, 3, 'task', 1));
    await highlight(b, 2, 'data', 2);
    task.unshift(await highlight(b, 0, 'task', 3));

    // Back to the later passage (clickText clicks where the text is on screen).
    await b.evaluate(async (exact) => {
      const p = [...document.querySelectorAll('.yd-body [data-para]')].find((el) =>
        el.textContent?.includes(exact),
      );
      p?.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    }, task[1] as string);
    assert.ok(await clickText(b, task[1] as string), 'the highlighted text is on the page');
    await b.waitFor(() => !!document.querySelector('.yd-hl-editor'), undefined, 'the popover');
    await b.click('.yd-hl-editor .yd-quote-copy-button');
    await copiedIn(b, '.yd-hl-editor');
    await b.screenshot('quote-popover');
    assert.equal(await pastedText(b), cite(task[1] as string));
  });

  test(
    '复制本类引用 copies every 重点任务 of the speech, one a paragraph, in reading order',
    STEP,
    async () => {
      assert.equal(task.length, 2, 'the previous test marked two 重点任务');
      await b.press('Escape');
      await b.click('.yd-side-tab-notes');
      await b.click('.yd-note-filter [data-category="task"]');
      await b.click('.yd-note-copy .yd-quote-copy-button');
      await copiedIn(b, '.yd-note-copy');
      await b.screenshot('quote-category');
      assert.equal(await pastedText(b), task.map(cite).join('\n\n'));
    },
  );

  test('where the Clipboard API refuses, the quote is copied the old way all the same', STEP, async () => {
    // As when the window has no focus or the browser wants a permission: writeText rejects.
    await b.evaluate(() => {
      (window as unknown as { refusals: number }).refusals = 0;
      navigator.clipboard.writeText = () => {
        (window as unknown as { refusals: number }).refusals += 1;
        return Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'));
      };
    }, undefined);
    const passage = await selectIn(b, 4);
    await b.waitFor(() => !!document.querySelector('.yd-hl-toolbar'), undefined, 'the selection toolbar');
    await b.click('.yd-hl-toolbar .yd-quote-copy-button');
    await copiedIn(b, '.yd-hl-toolbar');
    assert.equal(await b.evaluate(() => (window as unknown as { refusals: number }).refusals, undefined), 1);
    // The selection is still there (the toolbar too): the copy borrowed it and gave it back.
    assert.equal(await b.evaluate(() => document.getSelection()?.toString(), undefined), passage);
    assert.equal(await pastedText(b), cite(passage));
  });
});
