/**
 * Firefox ESR driven over Marionette, Firefox's own automation protocol, for the one thing WebDriver BiDi
 * cannot do: open Firefox's built-in Reader View (BiDi refuses about:reader, a page cannot navigate there,
 * and the keyboard toggles do not reach the browser chrome in headless Firefox). Marionette can run script
 * in the browser chrome itself ("chrome" context), where the Reader View toggle lives.
 *
 * The protocol: TCP on localhost, each message `<byte length>:<JSON>`; the server greets first, then
 * answers each command `[0, id, name, params]` with `[1, id, error, result]`. Nothing of the driver runs in
 * a page until a script is executed there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';

export const FIREFOX = '/usr/bin/firefox-esr';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const prefValue = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

export class Marionette {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = Buffer.alloc(0);
  private greeted: Promise<void>;
  private greet: () => void = () => undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly socket: Socket,
  ) {
    this.greeted = new Promise((r) => {
      this.greet = r;
    });
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const colon = this.buffer.indexOf(0x3a);
        if (colon < 0) return;
        const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
        if (this.buffer.length < colon + 1 + length) return;
        const body = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(colon + 1 + length);
        if (!Array.isArray(body)) {
          this.greet(); // {"applicationType":"gecko","marionetteProtocol":3}
          continue;
        }
        const [, id, error, result] = body as [
          number,
          number,
          { error: string; message: string } | null,
          unknown,
        ];
        const waiter = this.pending.get(id);
        this.pending.delete(id);
        if (error) waiter?.reject(new Error(`Marionette: ${error.error}: ${error.message}`));
        else waiter?.resolve(result);
      }
    });
    const fail = (why: string) => {
      for (const { reject } of this.pending.values()) reject(new Error(why));
      this.pending.clear();
    };
    socket.on('close', () => fail('Marionette connection closed'));
    child.once('exit', (code, signal) => fail(`Firefox exited (${signal ?? code})`));
  }

  /** Firefox (headless, fresh profile in `profileDir` with `prefs`) listening for Marionette; connected. */
  static async launch(profileDir: string, prefs: Record<string, unknown>): Promise<Marionette> {
    const port = await freePort();
    const all = { ...prefs, 'marionette.port': port };
    writeFileSync(
      join(profileDir, 'user.js'),
      Object.entries(all)
        .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${prefValue(v)});\n`)
        .join(''),
    );
    const child = spawn(
      FIREFOX,
      [
        '--marionette',
        '-remote-allow-system-access',
        '--headless',
        '--no-remote',
        '--profile',
        profileDir,
        '--window-size=1280,900',
      ],
      { stdio: 'ignore', env: { ...process.env, MOZ_HEADLESS: '1' } },
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const socket = await new Promise<Socket | null>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => resolve(s));
        s.once('error', () => resolve(null));
      });
      if (socket) {
        const m = new Marionette(child, socket);
        await m.greeted;
        return m;
      }
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error('Firefox did not open its Marionette port');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const data = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(`${data.length}:`);
      this.socket.write(data);
    });
  }

  /** Run `body` (a function body: use `return`, `arguments[i]`) in the current context; its value. */
  async script<T>(body: string, args: unknown[] = []): Promise<T> {
    const r = await this.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args });
    return r.value;
  }

  /** Like `script`, for an async body: it calls `arguments[arguments.length - 1](value)`. */
  async asyncScript<T>(body: string, args: unknown[] = []): Promise<T> {
    const r = await this.send<{ value: T }>('WebDriver:ExecuteAsyncScript', { script: body, args });
    return r.value;
  }

  context(value: 'chrome' | 'content'): Promise<unknown> {
    return this.send('Marionette:SetContext', { value });
  }

  /** Poll `expression` (content context) until truthy. */
  async waitFor(expression: string, timeoutMs = 15_000, everyMs = 50): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await this.script<boolean>(`return !!(${expression});`).catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  async close(): Promise<void> {
    await this.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    this.socket.destroy();
    if (this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.child.kill('SIGKILL');
          resolve();
        }, 5_000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
