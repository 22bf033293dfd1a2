import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { artifactPath, copyExtension } from './paths.ts';
import { PORTAL_ORIGIN, type PortalServer, portalUrl } from './portal-server.ts';
import {
  clickReaderButton,
  duplicateFrom,
  type InPage,
  pollInPage,
  type TabActions,
  type Truthy,
  withTimeout,
  type YanduBrowser,
  type YanduTab,
} from './session.ts';

export const FIREFOX = '/usr/bin/firefox-esr';
/** browser_specific_settings.gecko.id in wxt.config.ts */
export const GECKO_ID = 'yandu@yandu.example';

/** One Firefox tab, driven through Puppeteer over BiDi: the actions a test takes in a tab (session.ts TabActions). */
export class FirefoxTab implements YanduTab {
  readonly name = 'firefox' as const;
  readonly extensionOrigin: string;

  /**
   * @param doorPath a portal path serving a copy of a speech page, used to reach an extension page when
   *   none is open (see `extensionPage`).
   */
  constructor(
    readonly server: PortalServer,
    uuid: string,
    private readonly doorPath: string,
    private readonly own?: Page,
  ) {
    this.extensionOrigin = `moz-extension://${uuid}`;
  }

  /** The Puppeteer page this tab drives (the session's current tab, for the session). */
  protected get page(): Page {
    if (!this.own) throw new Error('Firefox is not running');
    return this.own;
  }

  async openPortal(pathOrUrl: string): Promise<void> {
    await this.page.goto(portalUrl(pathOrUrl), { waitUntil: 'load' });
  }

  /**
   * BiDi refuses to navigate to moz-extension:// URLs ("not allowed in this context"), and neither a web
   * page nor Puppeteer can open one, and the add-on's background page is not exposed. What works: script
   * inside an extension page may navigate its own tab anywhere in the extension. So when the tab is not on
   * an extension page yet, we walk in through the front door like a user: open a copy of a speech page
   * (served under `doorPath`), click 阅读模式 and let Yandu take the tab to its reader. The reader saves the
   * door copy as a speech, so it is deleted again (raw IndexedDB) before going on.
   */
  async extensionPage(path: string): Promise<void> {
    const target = this.extensionOrigin + path;
    if (!(await this.url()).startsWith(`${this.extensionOrigin}/`)) await this.enterThroughDoor();
    // Mark the current document so the wait below cannot mistake it for the new one (same address: a
    // reload). Fire and forget: the evaluation's realm goes away with the navigation it starts.
    void this.page
      .evaluate((url) => {
        (window as unknown as { yanduE2eLeaving: boolean }).yanduE2eLeaving = true;
        setTimeout(() => location.assign(url), 0);
      }, target)
      .catch(() => undefined);
    await this.waitFor(
      (url) => !('yanduE2eLeaving' in window) && location.href === url && document.readyState === 'complete',
      target,
      `the tab to load ${target}`,
    );
  }

  private async enterThroughDoor(): Promise<void> {
    await this.openPortal(this.doorPath);
    await this.clickReaderButton();
    const doorId = `${new URL(PORTAL_ORIGIN).hostname.replace(/^www\./, '')}${this.doorPath}`;
    await this.waitFor(
      (id) =>
        location.protocol === 'moz-extension:' &&
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('yandu');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('speeches')) {
              db.close();
              resolve(false);
              return;
            }
            const store = db.transaction('speeches', 'readwrite').objectStore('speeches');
            const get = store.get(id);
            get.onsuccess = () => {
              if (get.result === undefined) {
                db.close();
                resolve(false);
                return;
              }
              const del = store.delete(id);
              del.onsuccess = () => {
                db.close();
                resolve(true);
              };
              del.onerror = () => resolve(false);
            };
            get.onerror = () => resolve(false);
          };
        }),
      doorId,
      'the reader to save (and the harness to delete) the door copy of the speech',
    );
  }

  async url(): Promise<string> {
    return this.waitFor(() => location.href, undefined, 'the tab address');
  }

  async back(): Promise<void> {
    const before = await this.url();
    await withTimeout(this.page.goBack({ waitUntil: 'load' }), 10_000, 'history back').catch(() => undefined);
    await this.waitFor(
      (from) => location.href !== from && document.readyState === 'complete',
      before,
      'history back to leave the page',
    );
  }

  evaluate<A, T>(fn: InPage<A, T>, arg: A): Promise<T> {
    // Puppeteer's own typing of arguments (FlattenHandle<A>) does not line up with a generic A.
    return this.page.evaluate(fn as (a: unknown) => T | Promise<T>, arg as unknown) as Promise<T>;
  }

  waitFor<A, T>(fn: InPage<A, T>, arg: A, what: string, timeoutMs = 10_000): Promise<Truthy<T>> {
    return pollInPage((f, a) => this.evaluate(f, a), fn, arg, what, timeoutMs);
  }

  async click(selector: string): Promise<void> {
    await this.page.locator(selector).setTimeout(10_000).click();
  }

  clickReaderButton(): Promise<void> {
    return clickReaderButton(this);
  }

  async screenshot(name: string): Promise<string> {
    const file = artifactPath(`firefox-${name}.png`);
    await this.page.screenshot({ path: file as `${string}.png` });
    return file;
  }

  async press(key: string): Promise<void> {
    type Key = Parameters<Page['keyboard']['press']>[0];
    // "Control+V", as Playwright spells a chord: the modifiers are held down around the last key.
    const keys = (key.length > 1 ? key.split('+') : [key]) as Key[];
    const last = keys.pop() as Key;
    for (const modifier of keys) await this.page.keyboard.down(modifier);
    await this.page.keyboard.press(last);
    for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Firefox ESR driven by Puppeteer over WebDriver BiDi (Playwright cannot drive Debian's Firefox). */
export class FirefoxSession extends FirefoxTab implements YanduBrowser {
  private browser: Browser | undefined;
  private tab: Page | undefined;
  private prefs: Record<string, unknown> = {};

  /** @param doorPath see FirefoxTab */
  private constructor(
    server: PortalServer,
    /** temporary directory holding the profile and the session's copy of the extension */
    private readonly home: string,
    private readonly extension: string,
    private readonly uuid: string,
    private readonly door: string,
  ) {
    super(server, uuid, door);
  }

  /** @param prefs more Firefox preferences for this profile (e.g. a download folder) */
  static async launch(
    server: PortalServer,
    doorPath: string,
    prefs: Record<string, unknown> = {},
  ): Promise<FirefoxSession> {
    const home = await mkdtemp(join(tmpdir(), 'yandu-e2e-firefox-'));
    let session: FirefoxSession | undefined;
    try {
      session = new FirefoxSession(server, home, copyExtension('firefox', home), randomUUID(), doorPath);
      session.prefs = prefs;
      await session.start();
      return session;
    } catch (error) {
      await session?.close(); // a half-started browser (e.g. the add-on was refused), and the profile
      await rm(home, { recursive: true, force: true });
      throw error;
    }
  }

  private async start(): Promise<void> {
    this.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: join(this.home, 'profile'),
      defaultViewport: null,
      extraPrefsFirefox: {
        // No host-mapping switch in Firefox: the fixture server doubles as an HTTP proxy for everything.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': this.server.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // A fixed moz-extension://<uuid> origin, so the database is found again after a restart.
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: this.uuid }),
        // Temporary add-ons go away when Firefox closes and are installed again by restart(); keep their
        // storage as a permanently installed add-on keeps it (it persisted without this too, in Firefox 153).
        'extensions.webextensions.keepStorageOnUninstall': true,
        // Yandu's users run a Chinese Firefox (needs the firefox-esr-l10n-zh-cn package).
        'intl.locale.requested': 'zh-CN',
        'intl.accept_languages': 'zh-CN, zh',
        ...this.prefs,
      },
    });
    // A temporary add-on: no signing needed, MV3 host permissions granted.
    await this.browser.installExtension(this.extension);
    this.tab = (await this.browser.pages())[0] ?? (await this.browser.newPage());
    // defaultViewport is not applied to the tab Firefox starts with.
    await this.tab.setViewport({ width: 1280, height: 900 });
  }

  protected override get page(): Page {
    if (!this.tab) throw new Error('Firefox is not running');
    return this.tab;
  }

  /**
   * A new tab from Puppeteer (listed, unlike one a page opens on a moz-extension:// address), taken to the
   * extension page through the front door as `extensionPage` does. The door copy is stored by Yandu and
   * deleted with raw IndexedDB, which Dexie's liveQuery does not hear: a library already open in another tab
   * goes on listing the door copy (tell speeches apart by `data-speech-id`, not by title).
   */
  async openTab(extensionPath?: string): Promise<YanduTab> {
    if (!this.browser) throw new Error('Firefox is not running');
    const page = await this.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const tab = new FirefoxTab(this.server, this.uuid, this.door, page);
    if (extensionPath !== undefined) await tab.extensionPage(extensionPath);
    return tab;
  }

  /**
   * Puppeteer over BiDi lists no tab that a page opened on a moz-extension:// address (the tab is there:
   * browser.tabs.query sees it). So such a tab is found through the extension's own tabs API, closed, and
   * its address loaded in this session's tab instead, as extensionPage() does.
   */
  async duplicateTab(tab: TabActions = this): Promise<YanduTab> {
    const browser = this.browser;
    if (!browser) throw new Error('Firefox is not running');
    const before = new Set(await browser.pages());
    await duplicateFrom(tab);
    const deadline = Date.now() + 15_000;
    for (;;) {
      // Listed, though page.url() may still say about:blank (it lags behind moz-extension loads).
      const page = (await browser.pages()).find((p) => !before.has(p));
      // A new tab is listed a moment before its <browser> element exists, and setting its viewport then
      // fails ("browser is null", seen in a fresh-clone run): try again until the tab is ready.
      const sized = page
        ? await page.setViewport({ width: 1280, height: 900 }).then(
            () => true,
            (error: unknown) => {
              if (Date.now() > deadline) throw error;
              return false;
            },
          )
        : false;
      if (page && sized) {
        const copy = new FirefoxTab(this.server, this.uuid, this.door, page);
        await copy.waitFor(
          (origin) => location.href.startsWith(origin) && document.readyState === 'complete',
          `${this.extensionOrigin}/`,
          'the duplicated tab to load',
        );
        return copy;
      }
      if (Date.now() > deadline) throw new Error('The duplicated tab did not appear');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async adoptTab(urlPart: string): Promise<void> {
    const browser = this.browser;
    if (!browser) throw new Error('Firefox is not running');
    const deadline = Date.now() + 15_000;
    for (;;) {
      for (const tab of await browser.pages()) {
        if (tab === this.tab) continue;
        // page.url() lags behind moz-extension navigations: ask the tab itself.
        const href = await withTimeout(
          tab.evaluate(() => location.href),
          2_000,
          'reading a tab address',
        ).catch(() => '');
        if (href.includes(urlPart)) {
          this.tab = tab;
          await tab.setViewport({ width: 1280, height: 900 });
          await this.waitFor(() => document.readyState === 'complete', undefined, 'the adopted tab to load');
          return;
        }
      }
      const opened = await this.takeExtensionTab(urlPart);
      if (opened) {
        await this.extensionPage(opened.slice(this.extensionOrigin.length));
        return;
      }
      if (Date.now() > deadline) throw new Error(`No tab opened on an address containing ${urlPart}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Close another tab on an extension address containing `urlPart` and return that address ('' if none). */
  private async takeExtensionTab(urlPart: string): Promise<string> {
    if (!(await this.url()).startsWith(`${this.extensionOrigin}/`)) return '';
    return this.evaluate(
      async ({ part, origin }) => {
        type Tab = { id?: number; url?: string; active: boolean };
        const tabs = (
          globalThis as unknown as {
            browser: {
              tabs: {
                query(q: object): Promise<Tab[]>;
                getCurrent(): Promise<Tab | undefined>;
                remove(id: number): Promise<void>;
              };
            };
          }
        ).browser.tabs;
        const self = await tabs.getCurrent();
        const found = (await tabs.query({})).find(
          (t) => t.id !== self?.id && t.url?.startsWith(`${origin}/`) && t.url.includes(part),
        );
        if (!found?.url || found.id === undefined) return '';
        await tabs.remove(found.id);
        return found.url;
      },
      { part: urlPart, origin: this.extensionOrigin },
    );
  }

  async pdf(): Promise<Uint8Array> {
    return this.page.pdf({ preferCSSPageSize: true });
  }

  async restart(): Promise<void> {
    await this.browser?.close();
    await this.start();
  }

  override async close(): Promise<void> {
    await this.browser?.close();
    this.browser = undefined;
    this.tab = undefined;
    await rm(this.home, { recursive: true, force: true });
  }
}
