import type { YanduBrowser } from './session.ts';

// Steps of a whole study session (tests/e2e/study-session.test.ts) that the shared harness has no call for.
// Functions passed to evaluate run inside the tab (serialised): no closures, no named inner functions.
//
// A second reader tab: the harness drives one tab, so a second one is opened and closed with the extension's
// own tabs API from the tab the harness drives (an extension page), and reached through
// `extension.getViews` (extension pages of one origin reach each other's documents). It is a real tab, not a
// frame: closing it is what Ctrl+W does (pagehide, then the page goes, with whatever it had not finished).

/** Open `path` (one of Yandu's pages) in a new tab beside the driven one; resolves with the tab's id. */
export async function openSecondTab(b: YanduBrowser, path: string): Promise<number> {
  const id = await b.evaluate(async (url) => {
    type Tabs = { create(o: object): Promise<{ id?: number }> };
    const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
    return (await (g.browser ?? g.chrome).tabs.create({ url, active: true })).id ?? -1;
  }, b.extensionOrigin + path);
  if (id < 0) throw new Error(`no tab was opened on ${path}`);
  return id;
}

/**
 * Wait until the other tab (the extension page whose address contains `urlPart`) shows `selector`, clicking
 * `open` there first while it does not (e.g. the 批注 tab that holds the 学习心得).
 */
export function waitInSecondTab(
  b: YanduBrowser,
  urlPart: string,
  selector: string,
  open: string,
  what: string,
): Promise<true> {
  return b.waitFor(
    ({ urlPart, selector, open }) => {
      type Ext = { getViews(o: object): Window[] };
      const g = globalThis as unknown as { browser?: { extension: Ext }; chrome: { extension: Ext } };
      const view = (g.browser ?? g.chrome).extension
        .getViews({ type: 'tab' })
        .find((w) => w !== window && w.location.href.includes(urlPart));
      const doc = view?.document;
      if (doc?.readyState !== 'complete' || !doc.documentElement.dataset.yanduHighlights) return false;
      if (doc.querySelector(selector)) return true;
      doc.querySelector<HTMLElement>(open)?.click();
      return false;
    },
    { urlPart, selector, open },
    what,
    30_000,
  );
}

/**
 * Type `text` into the field `selector` of the other tab (as an input method delivers it: value and an input
 * event) and close that tab in the same moment, as Ctrl+W right after the last keystroke: no blur, no 保存, no
 * pause for a timer. Resolves once the tab is gone.
 */
export async function typeAndCloseSecondTab(
  b: YanduBrowser,
  tabId: number,
  urlPart: string,
  selector: string,
  text: string,
): Promise<void> {
  const typed = await b.evaluate(
    ({ urlPart, selector, text, tabId }) => {
      type Ext = { getViews(o: object): Window[] };
      type Tabs = { remove(id: number): Promise<void> };
      const g = globalThis as unknown as {
        browser?: { extension: Ext; tabs: Tabs };
        chrome: { extension: Ext; tabs: Tabs };
      };
      const api = g.browser ?? g.chrome;
      const view = api.extension
        .getViews({ type: 'tab' })
        .find((w) => w !== window && w.location.href.includes(urlPart));
      const area = view?.document.querySelector<HTMLTextAreaElement>(selector);
      if (!view || !area) return false;
      area.focus();
      // Character by character, each with its input event, as a fast typist's keys arrive.
      // From what the field holds already when the text goes on from it, else from an empty field.
      const from = text.startsWith(area.value) ? Math.min(area.value.length, text.length - 1) : 0;
      for (let end = from + 1; end <= text.length; end++) {
        area.value = text.slice(0, end);
        area.dispatchEvent(new (view as unknown as typeof globalThis).Event('input', { bubbles: true }));
      }
      void api.tabs.remove(tabId);
      return true;
    },
    { urlPart, selector, text, tabId },
  );
  if (!typed) throw new Error(`the other tab has no ${selector} to type into`);
  await b.waitFor(
    async (id) => {
      type Tabs = { query(o: object): Promise<{ id?: number }[]> };
      const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
      return !(await (g.browser ?? g.chrome).tabs.query({})).some((t) => t.id === id);
    },
    tabId,
    'the other tab to close',
  );
}

/** Where a passage is on screen (viewport px), and whether the reader's flash covers it. */
export interface PassageBox {
  top: number;
  bottom: number;
  height: number;
  flashed: boolean;
}

/**
 * The first line box of the first occurrence of `exact` in the reader's text (viewport px), and whether the
 * flash of a jump (`yandu-flash` in CSS.highlights, or `.yd-flash` boxes) is on it; null when not in the text.
 */
export function passageBox(b: YanduBrowser, exact: string): Promise<PassageBox | null> {
  return b.evaluate((quote) => {
    const body = document.querySelector('.yd-body');
    const at = (body?.textContent ?? '').indexOf(quote);
    if (!body || at < 0) return null;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (at < seen + n.data.length) {
        range.setStart(n, at - seen);
        range.setEnd(n, Math.min(n.data.length, at - seen + 1));
        break;
      }
      seen += n.data.length;
    }
    const line = range.getClientRects()[0];
    if (!line) return null;
    const flash = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('yandu-flash');
    const flashed =
      [...(flash ?? [])].some((r) => r.toString().includes(quote)) ||
      [...document.querySelectorAll('.yd-flash')].some((f) => {
        const r = f.getBoundingClientRect();
        return r.top <= line.top + 1 && r.bottom >= line.bottom - 1;
      });
    return { top: line.top, bottom: line.bottom, height: window.innerHeight, flashed };
  }, exact);
}

/** Wait until the reader is ready and `exact` is inside the window, flashed: where a jump must put it. */
export async function waitOnScreen(b: YanduBrowser, exact: string, what: string): Promise<PassageBox> {
  return b.waitFor(
    async (quote) => {
      if (!document.documentElement.dataset.yanduReady) return null;
      const body = document.querySelector('.yd-body');
      const at = (body?.textContent ?? '').indexOf(quote);
      if (!body || at < 0) return null;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (at < seen + n.data.length) {
          range.setStart(n, at - seen);
          range.setEnd(n, Math.min(n.data.length, at - seen + 1));
          break;
        }
        seen += n.data.length;
      }
      const line = range.getClientRects()[0];
      if (!line || line.top < 0 || line.bottom > window.innerHeight) return null;
      const flash = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get(
        'yandu-flash',
      );
      const flashed =
        [...(flash ?? [])].some((r) => r.toString().includes(quote)) ||
        [...document.querySelectorAll('.yd-flash')].some((f) => {
          const r = f.getBoundingClientRect();
          return r.top <= line.top + 1 && r.bottom >= line.bottom - 1;
        });
      return flashed ? { top: line.top, bottom: line.bottom, height: window.innerHeight, flashed } : null;
    },
    exact,
    what,
    30_000,
  );
}

/** The first paragraph of the reader's text on screen (-1 when none). */
export function firstParaOnScreen(b: YanduBrowser): Promise<number> {
  return b.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.yd-body [data-para]'))
      if (el.getBoundingClientRect().bottom > 0) return Number(el.dataset.para);
    return -1;
  }, undefined);
}

/** Wait until the reader has stored where speech `speechId` was left as paragraph `para` (localStorage). */
export function positionStored(b: YanduBrowser, speechId: string, para: number): Promise<true> {
  return b.waitFor(
    ({ id, para }) => {
      const raw = localStorage.getItem('yandu:reading-positions');
      return !!raw && (JSON.parse(raw) as Record<string, { para: number }>)[id]?.para === para;
    },
    { id: speechId, para },
    `the reading position (paragraph ${para}) to be stored`,
  );
}

/** The paragraph of the reader's text holding `exact` (-1 when none). */
export function paraOf(b: YanduBrowser, exact: string): Promise<number> {
  return b.evaluate((quote) => {
    for (const el of document.querySelectorAll<HTMLElement>('.yd-body [data-para]'))
      if ((el.textContent ?? '').includes(quote)) return Number(el.dataset.para);
    return -1;
  }, exact);
}

/**
 * Pick `text` as the file of the library's 恢复 field, as the file chooser hands it over (the harness has
 * no file chooser: a File set on the input, and its change event).
 */
export function pickBackupFile(b: YanduBrowser, name: string, text: string): Promise<boolean> {
  return b.waitFor(
    ({ name, text }) => {
      const input = document.querySelector<HTMLInputElement>('.yd-backup input[type="file"]');
      if (!input || input.disabled) return false;
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    { name, text },
    'the 恢复 field',
  );
}
