// Yandu's reader view in real Chromium and Firefox, on a local copy of the Ordos trade-union portal:
// the first sample speech (/zlzx/ldjh/201803/t20180319_2098918.html, 第一，… sections with inline 一要…) and
// the long one (/zlzx/ldjh/202103/t20210308_2861452.html, 30k characters, 一、 headings). Expectations come
// from tests/fixtures/portal/pages.json. Screenshots go to tests/artifacts/reader-<browser>-<theme>-<width>.png.
import assert from 'node:assert/strict';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { firstPage, type PortalPage, portalPages, portalRoot } from './support/fixtures.ts';
import { forEachBrowser, type YanduBrowser } from './support/harness.ts';
import { detected, readerButtonLabel, readRecord } from './support/in-page.ts';
import { artifactPath } from './support/paths.ts';
import { PORTAL_ORIGIN } from './support/portal-server.ts';

/** pages.json carries more than the harness' PortalPage type says. */
interface SamplePage extends PortalPage {
  speaker: string | null;
  occasion: string | null;
  date: string | null;
  level1: string[];
  chars: number;
}

const pages = portalPages() as SamplePage[];
const first = firstPage('speech') as SamplePage;
const long = pages.filter((p) => p.kind === 'speech').sort((a, b) => b.chars - a.chars)[0] as SamplePage;
const news = firstPage('news') as SamplePage;
const STEP = { timeout: 60_000 };
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 600, height: 900 };
/** "A few pixels": rounding of fractional line boxes and of the scroll position. */
const SLACK_PX = 3;

const urlOf = (page: PortalPage) => PORTAL_ORIGIN + page.path;
/** The database key of a speech: host without www + path (utils/store/db.ts speechIdFromUrl). */
const idOf = (page: PortalPage) => new URL(urlOf(page)).hostname.replace(/^www\./, '') + page.path;
const readerPath = (page: PortalPage) => `/reader.html?url=${encodeURIComponent(urlOf(page))}`;

/** 2018-03-19 → 2018年3月19日, as a Chinese browser shows a date. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** What a reader sees of the reader view (read from the tab). */
interface ReaderView {
  title: string | null;
  speaker: string | null;
  occasion: string | null;
  dateTime: string | null;
  dateText: string | null;
  sourceHref: string | null;
  /** titles of the outline's top-level entries, in order */
  level1: string[];
  /** the outline panel is laid out on screen (not hidden, not off-screen) */
  outlineShown: boolean;
  paragraphs: number;
  noOutlineLayout: boolean;
  outlineButton: boolean;
}

// In-page functions are serialised: no closures, no named inner functions (see support/in-page.ts).

function readerView(b: YanduBrowser): Promise<ReaderView> {
  return b.evaluate(() => {
    const nav = document.querySelector<HTMLElement>('#yd-outline');
    const rect = nav?.getBoundingClientRect();
    return {
      title: document.querySelector('h1')?.textContent?.trim() ?? null,
      speaker: document.querySelector('.yd-meta-speaker')?.textContent?.trim() ?? null,
      occasion: document.querySelector('.yd-meta-occasion')?.textContent?.trim() ?? null,
      dateTime: document.querySelector('time.yd-meta-date')?.getAttribute('datetime') ?? null,
      dateText: document.querySelector('time.yd-meta-date')?.textContent?.trim() ?? null,
      sourceHref: document.querySelector('a.yd-meta-source')?.getAttribute('href') ?? null,
      level1: [
        ...document.querySelectorAll('#yd-outline .yd-ol-root > li.yd-ol-l1 > .yd-ol-row .yd-ol-title'),
      ].map((el) => el.textContent?.trim() ?? ''),
      outlineShown:
        !!nav &&
        !!rect &&
        rect.width > 0 &&
        rect.right > 0 &&
        rect.left < window.innerWidth &&
        getComputedStyle(nav).visibility === 'visible',
      paragraphs: document.querySelectorAll('.yd-body [data-para]').length,
      noOutlineLayout: !!document.querySelector('.yd-reader.no-outline'),
      outlineButton: !!document.querySelector('.yd-outline-button'),
    };
  }, undefined);
}

/** Wait until the reader has painted (`data-yandu-ready`: `true`, or `missing` for the notice). */
function readerReady(b: YanduBrowser): Promise<string> {
  return b.waitFor(
    () => location.pathname === '/reader.html' && document.documentElement.dataset.yanduReady,
    undefined,
    'the reader to paint',
  );
}

/** Like a user: the speech on the portal, the 阅读模式 button, and the reader in the same tab. */
async function openFromPortal(b: YanduBrowser, page: SamplePage): Promise<void> {
  await b.openPortal(page.path);
  assert.equal(await detected(b), 'speech');
  assert.equal(await readerButtonLabel(b), '阅读模式');
  await b.clickReaderButton();
  assert.equal(await readerReady(b), 'true');
}

function assertSpeechShown(view: ReaderView, page: SamplePage): void {
  assert.equal(view.title, page.title);
  assert.equal(view.speaker, page.speaker);
  assert.equal(view.occasion, page.occasion);
  assert.equal(view.dateTime, page.date);
  assert.equal(view.dateText, chineseDate(page.date ?? ''));
  assert.equal(view.sourceHref, urlOf(page), 'the source links back to the page on the portal');
  assert.deepEqual(view.level1, page.level1);
  assert.ok(view.outlineShown, 'the outline panel is not on screen');
}

/**
 * Resize the tab's viewport. The harness has no call for it yet (see the report of this file's author):
 * until it has, reach the driver's page behind the session, Playwright (`setViewportSize`) or Puppeteer
 * (`setViewport`).
 */
async function setViewport(b: YanduBrowser, size: { width: number; height: number }): Promise<void> {
  const page = (b as unknown as { page?: Record<string, unknown> }).page;
  const playwright = page?.setViewportSize as ((s: typeof size) => Promise<void>) | undefined;
  const puppeteer = page?.setViewport as ((s: typeof size) => Promise<void>) | undefined;
  if (playwright) await playwright.call(page, size);
  else if (puppeteer) await puppeteer.call(page, size);
  else throw new Error('no way to resize the viewport: the harness session changed');
  await b.waitFor((w) => window.innerWidth === w, size.width, `a ${size.width}px wide viewport`);
  // The reader re-renders on the media query's change event: let that and a frame pass.
  await b.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), undefined);
}

/** tests/artifacts/reader-<browser>-<name>.png (the harness names it <browser>-<name>.png). */
async function screenshot(b: YanduBrowser, name: string): Promise<string> {
  const taken = await b.screenshot(`reader-${name}`);
  const file = artifactPath(`reader-${b.name}-${name}.png`);
  renameSync(taken, file);
  return file;
}

interface Placement {
  /** viewport top of the paragraph the entry points at */
  top: number;
  /** its CSS scroll-margin-top: where the reader's design puts a jumped-to paragraph */
  margin: number;
  /** bottom of a fixed toolbar lying over the text column, 0 if none does */
  coveredTo: number;
  text: string;
  /** title of the top-level outline entry containing the current (aria-current) entry, and of that entry */
  currentSection: string | null;
  currentEntry: string | null;
}

/**
 * Where the paragraph of outline link `href` is, once it has stopped moving: two equal readings, each
 * taken two frames after the last (the reader corrects a jump frame by frame, and the scroll-spy updates in
 * a frame; a busy machine can space frames wider than the poll).
 */
function settledPlacement(b: YanduBrowser, href: string): Promise<Placement> {
  return b.waitFor(
    async (anchor) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const el = document.getElementById(anchor.slice(1));
      if (!el) return null;
      const rect = el.getBoundingClientRect();
      const bar = document.querySelector('.yd-toolbar')?.getBoundingClientRect();
      const covers = !!bar && bar.left < rect.right && bar.right > rect.left && bar.top <= 0;
      const current = document.querySelector('#yd-outline [aria-current="location"]');
      const placement = {
        top: Math.round(rect.top),
        margin: Number.parseFloat(getComputedStyle(el).scrollMarginTop) || 0,
        coveredTo: covers && bar ? Math.round(bar.bottom) : 0,
        text: el.textContent ?? '',
        currentSection:
          current?.closest('.yd-ol-root > li')?.querySelector('.yd-ol-title')?.textContent?.trim() ?? null,
        currentEntry: current?.querySelector('.yd-ol-title')?.textContent?.trim() ?? null,
      };
      const reading = `${placement.top} ${placement.currentEntry}`;
      const w = window as unknown as { yanduE2eLastTop?: string };
      const settled = w.yanduE2eLastTop === reading;
      w.yanduE2eLastTop = reading;
      return settled ? placement : null;
    },
    href,
    `the paragraph ${href} to stop moving`,
  );
}

function forgetLastTop(b: YanduBrowser): Promise<void> {
  return b.evaluate(() => {
    delete (window as unknown as { yanduE2eLastTop?: string }).yanduE2eLastTop;
  }, undefined);
}

/** Href (#yd-p-N) of the n-th (1-based) top-level outline entry. */
async function sectionHref(b: YanduBrowser, n: number): Promise<string> {
  const href = await b.evaluate(
    (i) =>
      document
        .querySelector(`#yd-outline .yd-ol-root > li.yd-ol-l1:nth-child(${i}) > .yd-ol-row > .yd-ol-link`)
        ?.getAttribute('href') ?? null,
    n,
  );
  assert.ok(href?.startsWith('#yd-p-'), `outline entry ${n} links to ${href}`);
  return href as string;
}

/** Click the n-th top-level outline entry and check the reader lands on its section and marks it. */
async function jumpToSection(b: YanduBrowser, page: SamplePage, n: number): Promise<Placement> {
  const title = page.level1[n - 1] ?? '';
  const href = await sectionHref(b, n);
  await forgetLastTop(b);
  await b.click(`#yd-outline .yd-ol-root > li.yd-ol-l1:nth-child(${n}) > .yd-ol-row > .yd-ol-link`);
  const at = await settledPlacement(b, href);
  assert.ok(at.text.includes(title), `the paragraph jumped to is not section ${n} (${title}): ${at.text}`);
  // The reader's design: the paragraph stops at its scroll margin, just below the top (or below the bar
  // of a narrow window), never under a toolbar.
  assert.ok(
    Math.abs(at.top - at.margin) <= SLACK_PX,
    `section top ${at.top}px, scroll margin ${at.margin}px`,
  );
  assert.ok(
    at.top >= at.coveredTo - 1,
    `section top ${at.top}px is under the toolbar (to ${at.coveredTo}px)`,
  );
  assert.ok(
    at.top <= at.coveredTo + 24,
    `section top ${at.top}px is not at the top (toolbar to ${at.coveredTo}px)`,
  );
  assert.equal(at.currentEntry, title, 'the clicked entry is not marked as current');
  return at;
}

/** Scroll like a reader (no outline click) until paragraph `href` is at `top`px; returns the current section. */
async function scrollParagraphTo(b: YanduBrowser, href: string, top: number): Promise<Placement> {
  await forgetLastTop(b);
  await b.evaluate(
    ({ anchor, top }) => {
      const el = document.getElementById(anchor.slice(1));
      if (el) window.scrollBy(0, el.getBoundingClientRect().top - top);
    },
    { anchor: href, top },
  );
  // The scroll-spy measures once per frame; give it the frame, then read.
  await b.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))), undefined);
  return settledPlacement(b, href);
}

function speechTests(b: YanduBrowser, page: SamplePage, label: string): void {
  test(
    `${label}: 阅读模式 shows the title, the speaker · occasion · date line and the level-1 outline`,
    STEP,
    async () => {
      await setViewport(b, WIDE);
      await openFromPortal(b, page);
      assertSpeechShown(await readerView(b), page);
    },
  );

  test(
    `${label}: the third outline entry brings its section to the top and is marked current`,
    STEP,
    async () => {
      assert.ok(page.level1.length >= 3, 'the sample has fewer than three sections');
      await jumpToSection(b, page, 3);
      // Scroll-spy, not just the click: scrolling back by hand to section 2 moves the mark there.
      const second = await scrollParagraphTo(b, await sectionHref(b, 2), 0);
      assert.equal(second.currentSection, page.level1[1], 'scrolled to section 2, the outline marks another');
    },
  );

  test(`${label}: Back returns to the page on the portal, with its button`, STEP, async () => {
    await b.back();
    // Chromium's goBack can resolve on the reader's own history.replaceState (it keeps the reading
    // position) before the tab has left: wait for the address rather than read it once.
    await b.waitFor((url) => location.href === url, urlOf(page), `Back to reach ${urlOf(page)}`);
    assert.equal(await b.url(), urlOf(page));
    assert.equal(await detected(b), 'speech');
    assert.equal(await readerButtonLabel(b), '阅读模式');
  });

  test(
    `${label}: with the portal offline, the reader's own address shows the stored copy`,
    STEP,
    async () => {
      // Firefox can only enter the extension through a portal page, so step onto an extension page first.
      await b.extensionPage('/popup.html');
      assert.ok(await readRecord(b, 'speeches', idOf(page)), `no stored copy of ${page.path}`);
      b.server.setOffline(true);
      try {
        await b.extensionPage(readerPath(page));
        assert.equal(await readerReady(b), 'true');
        assertSpeechShown(await readerView(b), page);
      } finally {
        b.server.setOffline(false);
      }
    },
  );
}

forEachBrowser('Reader view', (b) => {
  speechTests(b, first, 'first speech');
  speechTests(b, long, 'long speech');

  test(
    'a page never opened: the reader says clearly that it has nothing, with a link to the page',
    STEP,
    async () => {
      await b.extensionPage(readerPath(news));
      assert.equal(await readerReady(b), 'missing');
      const notice = await b.evaluate(
        () => ({
          text: document.querySelector('.yd-notice')?.textContent ?? '',
          link: document.querySelector('.yd-notice a')?.getAttribute('href') ?? null,
          heading: !!document.querySelector('h1'),
          outline: !!document.querySelector('#yd-outline'),
        }),
        undefined,
      );
      assert.match(notice.text, /本机没有保存这篇讲话的副本/);
      assert.doesNotMatch(notice.text, /原网页不可用/);
      assert.equal(notice.link, urlOf(news));
      assert.ok(!notice.heading && !notice.outline, 'a notice, not an empty reader');
    },
  );

  test(
    'a stored text without structure renders full width, without an outline panel or drawer button',
    STEP,
    async () => {
      // The reader cannot be opened on the news page headless (popup only), so its text is stored the way
      // the reader stores what it shows: the first speech's record with the news page's paragraphs (read as
      // pages.json defines them) and the empty outline the outline builder gives a news report.
      const html = readFileSync(join(portalRoot(), news.file), 'utf8');
      const stored = await b.evaluate(
        ({ html, from, record }) =>
          new Promise<number>((resolve, reject) => {
            const doc = new DOMParser().parseFromString(html, 'text/html');
            const paragraphs = [...doc.querySelectorAll('.TRS_Editor p')]
              .map((p) => p.textContent?.trim() ?? '')
              .filter((text) => text.length > 0);
            const open = indexedDB.open('yandu');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('speeches', 'readwrite');
              const store = tx.objectStore('speeches');
              const get = store.get(from);
              get.onsuccess = () => {
                if (!get.result) return reject(new Error(`no record ${from} to copy`));
                store.put({ ...get.result, ...record, paragraphs, outline: [] });
              };
              tx.oncomplete = () => {
                open.result.close();
                resolve(paragraphs.length);
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        {
          html,
          from: idOf(first),
          record: {
            id: idOf(news),
            url: urlOf(news),
            title: news.title,
            speaker: news.speaker,
            occasion: news.occasion,
            date: news.date,
            contentHash: 'e2e-news',
          },
        },
      );
      assert.ok(stored > 0, 'the news fixture has no paragraphs');

      await b.extensionPage(readerPath(news));
      assert.equal(await readerReady(b), 'true');
      const wide = await readerView(b);
      assert.equal(wide.title, news.title);
      assert.equal(wide.paragraphs, stored);
      assert.equal(wide.speaker, null);
      assert.equal(wide.dateTime, news.date);
      assert.ok(
        wide.noOutlineLayout && !wide.outlineShown && wide.level1.length === 0,
        'an outline panel is shown',
      );
      await screenshot(b, 'light-no-outline');

      await setViewport(b, NARROW);
      try {
        const narrow = await readerView(b);
        assert.equal(narrow.title, news.title);
        assert.ok(!narrow.outlineButton, 'a drawer button for an outline that does not exist');
      } finally {
        await setViewport(b, WIDE);
      }
    },
  );

  test(
    'screenshots, light: wide, and narrow with the drawer closed and open (jumping from the drawer)',
    STEP,
    async () => {
      await b.extensionPage(readerPath(first));
      assert.equal(await readerReady(b), 'true');
      await takeScreenshots(b, 'light');
    },
  );

  test('the theme chosen in the reader settings (夜间) survives a reload', STEP, async () => {
    await b.extensionPage(readerPath(first));
    assert.equal(await readerReady(b), 'true');
    assert.equal(await readerTheme(b), 'light', 'the reader does not start light');
    await b.click('.yd-settings-button');
    await b.click('.yd-settings .yd-swatch-dark');
    assert.equal(await readerTheme(b), 'dark', 'the click on 夜间 did not darken the reader');
    // A user would see the change and go on; the test waits until the choice is stored before reloading.
    await b.waitFor(
      () => {
        // Extension pages have `browser` in Firefox and `chrome` in both; both return promises in MV3.
        const api = globalThis as unknown as Record<
          'browser' | 'chrome',
          | { storage: { local: { get(key: string): Promise<Record<string, { theme?: string }>> } } }
          | undefined
        >;
        return (api.browser ?? api.chrome)?.storage.local
          .get('readerSettings')
          .then((items) => items.readerSettings?.theme === 'dark');
      },
      undefined,
      'the dark theme to be stored',
    );
    await b.extensionPage(readerPath(first));
    assert.equal(await readerReady(b), 'true');
    assert.equal(await readerTheme(b), 'dark', 'the reader is light again after a reload');
    await takeScreenshots(b, 'dark');
  });
});

/** The theme the reader is drawn in: its class, checked against the background actually painted. */
async function readerTheme(b: YanduBrowser): Promise<string> {
  const { theme, background } = await b.evaluate(() => {
    const root = document.querySelector('.yd-reader');
    return {
      theme:
        [...(root?.classList ?? [])].find((c) => c.startsWith('yd-theme-'))?.slice('yd-theme-'.length) ?? '',
      background: root ? getComputedStyle(root).backgroundColor : '',
    };
  }, undefined);
  const painted = { light: 'rgb(255, 255, 255)', dark: 'rgb(28, 27, 32)' }[theme];
  if (painted) assert.equal(background, painted, `the ${theme} reader is painted ${background}`);
  return theme;
}

/** Wide at the top of the speech; narrow with the drawer closed, open, and after a jump from it. */
async function takeScreenshots(b: YanduBrowser, theme: string): Promise<void> {
  await b.evaluate(() => window.scrollTo(0, 0), undefined);
  await screenshot(b, `${theme}-wide`);
  await setViewport(b, NARROW);
  try {
    // Narrowing the window slides the outline out as a drawer (0.2 s): wait until it is out of sight.
    await b.waitFor(
      () =>
        !!document.querySelector('.yd-outline-button') &&
        getComputedStyle(document.querySelector('#yd-outline') as Element).visibility === 'hidden',
      undefined,
      'the narrow layout: a drawer button, the outline out of sight',
    );
    const closed = await readerView(b);
    assert.ok(closed.outlineButton && !closed.outlineShown);
    await screenshot(b, `${theme}-narrow`);

    await b.click('.yd-outline-button');
    // The drawer slides in (0.2 s): wait until it is fully on screen.
    await b.waitFor(
      () => {
        const nav = document.querySelector('#yd-outline.is-open');
        return !!nav && Math.abs(nav.getBoundingClientRect().left) < 1;
      },
      undefined,
      'the outline drawer to open',
    );
    assert.deepEqual((await readerView(b)).level1, first.level1);
    await screenshot(b, `${theme}-narrow-drawer`);

    // A jump from the drawer closes it and puts the section just under the toolbar bar.
    const at = await jumpToSection(b, first, 3);
    assert.ok(at.coveredTo > 0, 'the narrow toolbar should span the text column');
    await b.waitFor(
      () => getComputedStyle(document.querySelector('#yd-outline') as Element).visibility === 'hidden',
      undefined,
      'the drawer to close after the jump',
    );
  } finally {
    await setViewport(b, WIDE);
  }
}
