import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { artifactPath, copyExtension, extensionDir } from './paths.ts';
import { PORTAL_HOSTS, type PortalServer, portalUrl } from './portal-server.ts';
import {
  clickReaderButton,
  duplicateFrom,
  type InPage,
  pollInPage,
  type TabActions,
  type Truthy,
  type YanduBrowser,
  type YanduTab,
} from './session.ts';

export const CHROMIUM = '/usr/bin/chromium';

export interface ChromiumLaunch {
  context: BrowserContext;
  extensionId: string;
}

/**
 * Chromium with the unpacked Yandu build, the portal's hosts resolved to the local fixture server (so the
 * real match patterns fire) and everything that would phone home switched off. (`--no-sandbox`: the tests run as root, where Chromium refuses its sandbox).
 */
export async function launchChromium(options: {
  profileDir: string;
  port: number;
  headless: boolean;
  /** the unpacked extension; the build output itself by default */
  extension?: string;
  /** false: the caller closes the browser on Ctrl-C itself (Playwright would exit the process with 130) */
  handleSignals?: boolean;
}): Promise<ChromiumLaunch> {
  const dir = options.extension ?? extensionDir('chromium');
  const hostRules = PORTAL_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${options.port}`).join(', ');
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless,
    handleSIGINT: options.handleSignals ?? true,
    handleSIGTERM: options.handleSignals ?? true,
    // A visible window keeps its own size; headless pages get a fixed one for comparable screenshots.
    viewport: options.headless ? { width: 1280, height: 900 } : null,
    // Yandu's users run a Chinese browser. On Linux Chromium takes its UI language (and so the extension's
    // locale) from the environment, not from --lang; `locale` sets navigator.language and Accept-Language.
    locale: 'zh-CN',
    env: { ...process.env, LANGUAGE: 'zh_CN', LC_ALL: 'zh_CN.UTF-8' },
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${hostRules}`,
    ],
  });
  try {
    // A build Chrome refuses (e.g. a non-UTF-8 script) shows up only as this worker never starting.
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return { context, extensionId: new URL(worker.url()).host };
  } catch (error) {
    await context.close();
    throw new Error(
      `Yandu's service worker did not start in Chromium (${String(error)}). Run ` +
        `/usr/lib/chromium/chromium --enable-logging=stderr --load-extension=${dir} to see why.`,
    );
  }
}

/** One Chromium tab, driven through Playwright: the actions a test takes in a tab (session.ts TabActions). */
export class ChromiumTab implements YanduTab {
  readonly name = 'chromium' as const;

  constructor(
    readonly server: PortalServer,
    public extensionOrigin: string,
    private readonly own?: Page,
  ) {}

  /** The Playwright page this tab drives (the session's current tab, for the session). */
  protected get page(): Page {
    if (!this.own) throw new Error('Chromium is not running');
    return this.own;
  }

  async openPortal(pathOrUrl: string): Promise<void> {
    await this.page.goto(portalUrl(pathOrUrl), { waitUntil: 'load' });
  }

  async extensionPage(path: string): Promise<void> {
    await this.page.goto(this.extensionOrigin + path, { waitUntil: 'load' });
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async back(): Promise<void> {
    await this.page.goBack({ waitUntil: 'load' });
  }

  evaluate<A, T>(fn: InPage<A, T>, arg: A): Promise<T> {
    // Playwright's own typing of arguments (Unboxed<A>) does not line up with a generic A.
    return this.page.evaluate(fn as (a: unknown) => T | Promise<T>, arg as unknown);
  }

  waitFor<A, T>(fn: InPage<A, T>, arg: A, what: string, timeoutMs = 10_000): Promise<Truthy<T>> {
    return pollInPage((f, a) => this.evaluate(f, a), fn, arg, what, timeoutMs);
  }

  async click(selector: string): Promise<void> {
    // Playwright's CSS engine pierces open shadow roots by itself; `>>>` is the Puppeteer spelling.
    await this.page.locator(selector.replaceAll('>>>', ' ')).click({ timeout: 10_000 });
  }

  clickReaderButton(): Promise<void> {
    return clickReaderButton(this);
  }

  async screenshot(name: string): Promise<string> {
    const file = artifactPath(`chromium-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The Chromium implementation of the shared test API: the session's own tab, and the browser around it. */
export class ChromiumSession extends ChromiumTab implements YanduBrowser {
  private launched: ChromiumLaunch | undefined;
  private tab: Page | undefined;

  /** @param home temporary directory holding the profile and the session's copy of the extension */
  private constructor(
    server: PortalServer,
    private readonly home: string,
    private readonly extension: string,
  ) {
    super(server, '');
  }

  static async launch(server: PortalServer): Promise<ChromiumSession> {
    const home = await mkdtemp(join(tmpdir(), 'yandu-e2e-chromium-'));
    let session: ChromiumSession | undefined;
    try {
      session = new ChromiumSession(server, home, copyExtension('chromium', home));
      await session.start();
      return session;
    } catch (error) {
      await session?.close(); // a half-started browser, and the profile
      await rm(home, { recursive: true, force: true });
      throw error;
    }
  }

  private async start(): Promise<void> {
    this.launched = await launchChromium({
      profileDir: join(this.home, 'profile'),
      port: this.server.port,
      headless: true,
      extension: this.extension,
    });
    this.extensionOrigin = `chrome-extension://${this.launched.extensionId}`;
    const { context } = this.launched;
    this.tab = context.pages()[0] ?? (await context.newPage());
  }

  protected override get page(): Page {
    if (!this.tab) throw new Error('Chromium is not running');
    return this.tab;
  }

  async openTab(extensionPath?: string): Promise<YanduTab> {
    const context = this.launched?.context;
    if (!context) throw new Error('Chromium is not running');
    const tab = new ChromiumTab(this.server, this.extensionOrigin, await context.newPage());
    if (extensionPath !== undefined) await tab.extensionPage(extensionPath);
    return tab;
  }

  async duplicateTab(tab: TabActions = this): Promise<YanduTab> {
    const context = this.launched?.context;
    if (!context) throw new Error('Chromium is not running');
    const copy = context.waitForEvent('page', { timeout: 15_000 });
    await duplicateFrom(tab);
    const page = await copy;
    await page.waitForLoadState('load');
    return new ChromiumTab(this.server, this.extensionOrigin, page);
  }

  async adoptTab(urlPart: string): Promise<void> {
    const context = this.launched?.context;
    if (!context) throw new Error('Chromium is not running');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const tab = context.pages().find((p) => p !== this.tab && p.url().includes(urlPart));
      if (tab) {
        this.tab = tab;
        await tab.waitForLoadState('load');
        return;
      }
      if (Date.now() > deadline) throw new Error(`No tab opened on an address containing ${urlPart}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async pdf(options: { headerFooter?: boolean } = {}): Promise<Uint8Array> {
    return this.page.pdf({ preferCSSPageSize: true, displayHeaderFooter: options.headerFooter ?? false });
  }

  async restart(): Promise<void> {
    await this.launched?.context.close();
    await this.start();
  }

  override async close(): Promise<void> {
    await this.launched?.context.close();
    this.launched = undefined;
    this.tab = undefined;
    await rm(this.home, { recursive: true, force: true });
  }
}
