#!/usr/bin/env node
// Checks on the built extensions that a reviewer would otherwise only notice in a browser:
// - every emitted script is plain ASCII (Chrome refuses a whole extension over one non-UTF-8 byte, and rolldown
//   can fold escapes into raw characters: TOOLCHAIN.md item 3);
// - both manifests name the locales and the permissions we expect to ship;
// - the script injected on every portal page stays within its 10 KB gzip budget;
// - web-ext lint reports no errors on the Firefox build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output';
const TARGETS = ['chrome-mv3', 'firefox-mv3'];
const CONTENT_SCRIPT_BUDGET = 10 * 1024;
const problems = [];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

for (const target of TARGETS) {
  const dir = join(OUT, target);
  if (!existsSync(dir)) {
    problems.push(`${dir} is missing: the build did not produce it`);
    continue;
  }
  for (const path of files(dir)) {
    if (!/\.(m?js|css|html|json)$/.test(path)) continue;
    const bytes = readFileSync(path);
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (decoded.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
      problems.push(`${relative(OUT, path)} is not valid UTF-8`);
    }
    if (/\.m?js$/.test(path)) {
      const offset = bytes.findIndex((b) => b > 0x7f);
      if (offset >= 0) problems.push(`${relative(OUT, path)} has a non-ASCII byte at ${offset}`);
    }
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.default_locale !== 'zh_CN') problems.push(`${target}: default_locale is not zh_CN`);
  for (const locale of ['zh_CN', 'en']) {
    if (!existsSync(join(dir, '_locales', locale, 'messages.json'))) {
      problems.push(`${target}: _locales/${locale} missing`);
    }
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const js of script.js ?? []) {
      const gz = gzipSync(readFileSync(join(dir, js)), { level: 9 }).length;
      const line = `${target}/${js}: ${gz} bytes gzip (budget ${CONTENT_SCRIPT_BUDGET})`;
      console.log(line);
      if (gz > CONTENT_SCRIPT_BUDGET) problems.push(`over budget: ${line}`);
    }
  }
}

const firefox = join(OUT, 'firefox-mv3');
if (existsSync(firefox)) {
  let report;
  try {
    report = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', firefox, '--output', 'json', '--no-config-discovery'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (error) {
    // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
    report = error.stdout ?? '';
  }
  try {
    const lint = JSON.parse(report.slice(report.indexOf('{')));
    console.log(
      `web-ext lint: ${lint.summary.errors} errors, ${lint.summary.warnings} warnings, ${lint.summary.notices} notices`,
    );
    for (const e of lint.errors) problems.push(`web-ext lint: ${e.code} ${e.message} (${e.file ?? ''})`);
    for (const w of lint.warnings) console.log(`  warning: ${w.code} ${w.message} (${w.file ?? ''})`);
  } catch {
    problems.push(`web-ext lint gave no readable report:\n${report}`);
  }
}

if (problems.length) {
  console.error(`Build check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Build check passed.');
