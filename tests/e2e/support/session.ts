import type { BrowserName } from './paths.ts';
import type { PortalServer } from './portal-server.ts';

/** A function run inside the browser tab. It is serialised: it may use only its argument and page globals. */
export type InPage<A, T> = (arg: A) => T | Promise<T>;
/** What a poll resolves to: the in-page function's value once it is truthy. */
export type Truthy<T> = Exclude<T, undefined | null | false | '' | 0>;

/**
 * What a test does in one tab of a real browser with Yandu loaded. Chromium (Playwright) and Firefox
 * (Puppeteer over WebDriver BiDi) implement it, so a test reads the same for both. All page access goes
 * through `evaluate` in the tab's main world, i.e. what the page's own scripts see (on an extension page: the
 * extension's own context). The session's own tab (`YanduBrowser`) and a second tab (`openTab`) both offer it.
 */
export interface TabActions {
  readonly name: BrowserName;
  /** The fake portal; `setOffline(true)` makes it drop every request. */
  readonly server: PortalServer;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`; stable across `restart()`. */
  readonly extensionOrigin: string;
  /**
   * Load `http://www.ordoszgh.gov.cn<path>` in the tab and wait for the load event; a full address on
   * one of the portal's hosts (e.g. without www) is loaded as it is.
   */
  openPortal(pathOrUrl: string): Promise<void>;
  /** Load one of Yandu's own pages (`/reader.html?…`) in the tab. */
  extensionPage(path: string): Promise<void>;
  /** The tab's real address (Puppeteer's page.url() lags behind moz-extension navigations). */
  url(): Promise<string>;
  /** History back, then wait until the address has changed. */
  back(): Promise<void>;
  evaluate<A, T>(fn: InPage<A, T>, arg: A): Promise<T>;
  /** Poll `fn` in the tab (surviving navigations) until it returns a truthy value, which is returned. */
  waitFor<A, T>(fn: InPage<A, T>, arg: A, what: string, timeoutMs?: number): Promise<Truthy<T>>;
  /** A real mouse click on the element matching `selector` (open shadow roots are pierced with `>>>`). */
  click(selector: string): Promise<void>;
  /** Click 阅读模式 on the portal page in the tab; resolves once the tab is on Yandu's reader. */
  clickReaderButton(): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** A real key press in the tab (`ArrowRight`, `ArrowLeft`, `Control+V`, …), as the keyboard sends it. */
  press(key: string): Promise<void>;
}

/**
 * Another tab of the same browser (same profile, same extension), opened with `YanduBrowser.openTab`: a new
 * top-level browsing context with its own sessionStorage, as when the user opens a new tab.
 */
export interface YanduTab extends TabActions {
  /** Close the tab, as the user does with its close button; its page goes away (and its Web Locks with it). */
  close(): Promise<void>;
}

/** One real browser with Yandu loaded, driven like a user: through its own tab, and more tabs on demand. */
export interface YanduBrowser extends TabActions {
  /**
   * Open a new tab, on one of Yandu's own pages (`/library.html`, `/reader.html?…`) when `extensionPath` is
   * given (else blank), and return it; this session's own tab stays the one its methods drive. Tabs left
   * open go when the browser closes or restarts.
   */
  openTab(extensionPath?: string): Promise<YanduTab>;
  /**
   * The browser's 复制标签页 (Duplicate) on `tab` (this session's own tab by default), which must be on an
   * extension page: the copy has the same address and history and a copy of its sessionStorage. Returns the
   * copy once loaded. (A tab a reader opens with window.open copies sessionStorage too, but in Chromium an
   * extension page opened that way gets no extension APIs, so the reader cannot start there at all.)
   */
  duplicateTab(tab?: TabActions): Promise<YanduTab>;
  /**
   * Make the tab whose address contains `urlPart` (one a page opened, e.g. with tabs.create) the tab this
   * session drives from now on; waits up to 15 s for it to appear.
   */
  adoptTab(urlPart: string): Promise<void>;
  /**
   * The tab printed to PDF the way the print dialog's "save as PDF" does, with the page's @page size. In
   * Chromium `headerFooter` asks for the browser's own header and footer (date, title, address, page), as
   * its print dialog adds them; Firefox's WebDriver print never adds them.
   */
  pdf(options?: { headerFooter?: boolean }): Promise<Uint8Array>;
  /** Close and relaunch with the same profile (Yandu's data must survive, as for a user). */
  restart(): Promise<void>;
  /** Close the whole browser and remove its profile. */
  close(): Promise<void>;
}

/**
 * Yandu's floating button. Its shadow root is closed (no page script reaches it): a real click at the host's
 * centre lands on the button inside.
 */
export const READER_BUTTON = 'yandu-reader-button';

/** The shared implementation of TabActions.clickReaderButton. */
export async function clickReaderButton(b: TabActions): Promise<void> {
  await b.click(READER_BUTTON);
  await b.waitFor(
    (prefix) => location.href.startsWith(prefix),
    `${b.extensionOrigin}/reader.html?`,
    'the tab to move to the reader',
  );
}

/** Ask the browser, from the extension page in `tab`, to duplicate that tab (tabs.duplicate). */
export async function duplicateFrom(tab: TabActions): Promise<void> {
  await tab.evaluate(async () => {
    type Tabs = {
      getCurrent(): Promise<{ id?: number } | undefined>;
      duplicate(id: number): Promise<unknown>;
    };
    const api = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
    const tabs = (api.browser ?? api.chrome)?.tabs;
    const self = await tabs?.getCurrent();
    if (!tabs || self?.id === undefined) throw new Error('not on an extension page in a tab');
    await tabs.duplicate(self.id);
  }, undefined);
}

/** Poll an in-page function through navigations; errors while a page is being replaced are retried. */
export async function pollInPage<A, T>(
  evaluate: (fn: InPage<A, T>, arg: A) => Promise<T>,
  fn: InPage<A, T>,
  arg: A,
  what: string,
  timeoutMs: number,
): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      // An evaluation can hang while Firefox swaps documents: never wait past the deadline for one.
      const value = await withTimeout(evaluate(fn, arg), Math.max(deadline - Date.now(), 200), 'evaluation');
      if (value) return value as Truthy<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? ` (last error: ${String(lastError).split('\n')[0]})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reject when `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
