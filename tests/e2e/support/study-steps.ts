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
      const from = area.value.length;
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
