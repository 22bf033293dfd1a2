#!/usr/bin/env node
// `npm start`: build Yandu for Chromium and open it on the first sample speech of the local copy of the
// Ordos trade-union portal (tests/fixtures/portal, served by the e2e harness' fixture server posing as
// www.ordoszgh.gov.cn). Stays open until the window is closed or Ctrl-C.
// `npm start -- --screenshot FILE.png`: headless instead; clicks 阅读模式 and saves the reader as FILE.png.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const { values } = parseArgs({ options: { screenshot: { type: 'string' } } });
const screenshot = values.screenshot ? resolve(values.screenshot) : undefined;
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!screenshot && !hasDisplay) {
  console.error(
    [
      'npm start: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so there is no window to open.',
      'Run it from a desktop session, or let it work headless and save a picture of the reader:',
      '  npm start -- --screenshot reader.png',
      '(builds Yandu, opens the first sample speech, clicks 阅读模式 and saves the reader view as reader.png)',
    ].join('\n'),
  );
  process.exit(1);
}

/** Run a command in the foreground; stop with its exit code when it fails. */
function step(title, cmd, args) {
  console.log(`npm start: ${title}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: "${cmd} ${args.join(' ')}" failed`);
    process.exit(result.status ?? 1);
  }
}

step('checking browsers', 'bash', ['scripts/install-browsers.sh']);
if (!existsSync('node_modules')) step('installing packages', 'npm', ['install']);
step('building Yandu for Chromium', 'npx', ['wxt', 'build', '-b', 'chrome']);

// The harness is TypeScript: load it through tsx (a devDependency, present after the install above).
const { register } = await import('tsx/esm/api');
register();
const { firstPage, startFixtureServer } = await import('../tests/e2e/support/fixtures.ts');
const { launchChromium } = await import('../tests/e2e/support/chromium.ts');
const { PORTAL_ORIGIN } = await import('../tests/e2e/support/portal-server.ts');

const speech = firstPage('speech');
const server = await startFixtureServer();
const profileDir = await mkdtemp(join(tmpdir(), 'yandu-start-'));
const { context, extensionId } = await launchChromium({
  profileDir,
  port: server.port,
  headless: Boolean(screenshot),
  handleSignals: false,
});

let closing;
function shutdown(code) {
  closing ??= (async () => {
    await context.close().catch(() => undefined);
    await server.close();
    await rm(profileDir, { recursive: true, force: true });
    process.exit(code);
  })();
  return closing;
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const page = context.pages()[0] ?? (await context.newPage());
const address = PORTAL_ORIGIN + speech.path;
console.log(`npm start: opening ${address} (served from tests/fixtures/portal/${speech.file})`);
await page.goto(address);

if (screenshot) {
  try {
    // Yandu has acted once its button is on the page; its click takes the tab to the extension's reader.
    const button = page.locator('yandu-reader-button button');
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    await page.waitForURL(`chrome-extension://${extensionId}/reader.html?**`, { timeout: 15_000 });
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: screenshot });
    console.log(`npm start: reader screenshot saved to ${screenshot}`);
    await shutdown(0);
  } catch (error) {
    console.error(`npm start: could not take the reader screenshot: ${error}`);
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    console.error(`npm start: saved what the tab showed instead: ${screenshot}`);
    await shutdown(1);
  }
} else {
  console.log('npm start: Chromium is open with Yandu loaded; close the window or press Ctrl-C to stop.');
  context.on('close', () => void shutdown(0));
}
