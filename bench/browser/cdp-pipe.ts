/**
 * Chromium driven over a bare DevTools pipe (--remote-debugging-pipe), for the measurements where the
 * driver itself would be in the way: the click on 阅读模式 until the reader has painted, and the reader's
 * own restore of highlights.
 *
 * Why not Playwright there: on every new document Playwright creates its utility world and evaluates its
 * injected script on the page's main thread; in the reader that lands in the middle of the start-up and
 * added 15-25 ms to every figure, time no user ever waits. Here the driver attaches to the tab, enables
 * no domain (so nothing is injected and no event is streamed), and only evaluates an expression when it
 * needs an answer: before the click, and after the reader has finished.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM } from '../../tests/e2e/support/chromium.ts';
import { PORTAL_HOSTS } from '../../tests/e2e/support/portal-server.ts';

interface Reply {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Reply) => void }>();
  private exited = false;
  private buffer = '';
  private readonly listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly out: Writable,
  ) {
    // A browser that dies answers nothing: fail whatever waits instead of hanging the bench.
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const { resolve } of this.pending.values()) {
        resolve({ error: { message: `Chromium exited (${signal ?? code})` } });
      }
      this.pending.clear();
    });
    const input = child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end >= 0; end = this.buffer.indexOf('\0')) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Reply;
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          this.pending.get(message.id)?.resolve(message);
          this.pending.delete(message.id);
        } else if (message.method) {
          for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {});
        }
      }
    });
  }

  /** Chromium headless with the unpacked extension, the portal hosts mapped to the fixture server. */
  static launch(options: { profileDir: string; extension: string; port: number }): CdpPipe {
    const hostRules = PORTAL_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${options.port}`).join(', ');
    const child = spawn(
      CHROMIUM,
      [
        '--headless=new',
        '--remote-debugging-pipe',
        `--user-data-dir=${options.profileDir}`,
        `--disable-extensions-except=${options.extension}`,
        `--load-extension=${options.extension}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--window-size=1280,900',
        '--lang=zh-CN',
        `--host-resolver-rules=${hostRules}`,
        'about:blank',
      ],
      {
        stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
        env: { ...process.env, LANGUAGE: 'zh_CN', LC_ALL: 'zh_CN.UTF-8' },
      },
    );
    return new CdpPipe(child, child.stdio[3] as Writable);
  }

  async send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<T> {
    if (this.exited) throw new Error(`${method}: Chromium is not running`);
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve) => this.pending.set(id, { resolve }));
    this.out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    const { result, error } = await reply;
    if (error) throw new Error(`${method}: ${error.message}`);
    return result as T;
  }

  /** Attach to the browser's tab (without enabling any domain); the session id for send/evaluate. */
  async attachToTab(timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = await this.send<{ targetInfos: { targetId: string; type: string }[] }>(
        'Target.getTargets',
      );
      const tab = targetInfos.find((t) => t.type === 'page');
      if (tab) {
        const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', {
          targetId: tab.targetId,
          flatten: true,
        });
        return sessionId;
      }
      if (Date.now() > deadline) throw new Error('Chromium opened no tab');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** chrome-extension://<id> of the loaded extension, once its service worker runs. */
  async extensionOrigin(timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = await this.send<{ targetInfos: { type: string; url: string }[] }>(
        'Target.getTargets',
      );
      const worker = targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension:'),
      );
      if (worker) return `chrome-extension://${new URL(worker.url).host}`;
      if (Date.now() > deadline) throw new Error("Yandu's service worker did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Listen to a protocol event (browser-wide ones such as Tracing.dataCollected). */
  on(method: string, listener: (params: Record<string, unknown>) => void): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  /** Evaluate an expression in the tab's page (awaiting a promise it returns) and give back its value. */
  /**
   * A real mouse click (move, press, release) at the centre of the element `expression` evaluates to. Yandu's
   * button only answers trusted clicks, and its shadow root is closed: a script's element.click() is ignored.
   */
  async clickCentre(sessionId: string, expression: string): Promise<void> {
    const { x, y } = await this.evaluate<{ x: number; y: number }>(
      sessionId,
      `(() => { const r = (${expression}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    );
    const mouse = (type: string) =>
      this.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 }, sessionId);
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, sessionId);
    await mouse('mousePressed');
    await mouse('mouseReleased');
  }

  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
    if (exceptionDetails) {
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    }
    return result.value as T;
  }

  /** Poll an expression until it is truthy. */
  async waitFor(sessionId: string, expression: string, timeoutMs = 15_000, everyMs = 50): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await this.evaluate<boolean>(sessionId, `Boolean(${expression})`).catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
      setTimeout(() => this.child.kill('SIGKILL'), 3_000).unref();
    });
  }
}
