#!/usr/bin/env node
// Checks on the built extensions that a reviewer would otherwise only notice in a browser:
// - every emitted script is plain ASCII (Chrome refuses a whole extension over one non-UTF-8 byte, and rolldown
//   can fold escapes into raw characters);
// - both manifests name the locales and the permissions we expect to ship;
// - the script injected on every portal page stays within its 10 KB gzip budget;
// - the export code (the docx and exceljs libraries, the meeting templates) stays out of what the reader loads
//   before its first frame (reader.html's module and everything it imports statically: the reader must not wait for them);
// - Dexie stays out of what the reader, the library and 学习会 mode load before their first frame (each
//   opens the database after it; a top-level `import … from 'dexie'` in a shared module undoes that);
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

/**
 * Each marker is a string only that code holds, as it appears in the minified, ASCII-escaped output: the
 * Word XML namespace (docx), the workbook part name (exceljs), a label of the 学习笔记 template, escaped as rolldown writes it (upper-case hex)
 * (templates). Each must be found somewhere in the build, or the check could not fail.
 */
const EXPORT_MARKERS = [
  ['docx', 'schemas.openxmlformats.org/wordprocessingml/2006/main'],
  ['exceljs', 'xl/workbook.xml'],
  ['templates', [...'待讨论问题'].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`).join('')],
];

/** A page's entry module and every chunk it imports statically (dynamic import() calls excluded). */
function firstChunks(dir, page = 'reader.html') {
  const html = readFileSync(join(dir, page), 'utf8');
  const queue = [...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set();
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // `from"./x.js"` and bare `import"./x.js"`; `import("./x.js")` is a lazy load and is not followed.
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1]).replace(/\\/g, '/'));
    }
  }
  return [...seen];
}

for (const target of TARGETS) {
  const dir = join(OUT, target);
  if (!existsSync(join(dir, 'reader.html'))) continue;
  const first = firstChunks(dir);
  const all = [...files(dir)].filter((p) => p.endsWith('.js')).map((p) => readFileSync(p, 'utf8'));
  for (const [name, marker] of EXPORT_MARKERS) {
    if (!all.some((code) => code.includes(marker))) {
      problems.push(
        `${target}: the ${name} marker is in no script: update EXPORT_MARKERS in check-build.mjs`,
      );
      continue;
    }
    const inFirst = first.filter((f) => readFileSync(join(dir, f), 'utf8').includes(marker));
    if (inFirst.length)
      problems.push(`${target}: ${name} code is in the reader's first chunks (${inFirst.join(', ')})`);
  }
  console.log(
    `${target}: reader's first chunks (${first.length}) hold no export code (docx, exceljs, templates)`,
  );
  // A name Dexie's code holds (one of its error classes), found in the build or the check could not fail.
  const DEXIE_MARKER = 'DatabaseClosedError';
  if (!all.some((code) => code.includes(DEXIE_MARKER)))
    problems.push(`${target}: the Dexie marker is in no script: update DEXIE_MARKER in check-build.mjs`);
  let dexieFree = true;
  for (const page of ['reader.html', 'library.html', 'meeting.html']) {
    const withDexie = firstChunks(dir, page).filter((f) =>
      readFileSync(join(dir, f), 'utf8').includes(DEXIE_MARKER),
    );
    if (withDexie.length === 0) continue;
    dexieFree = false;
    problems.push(`${target}: Dexie is in ${page}'s first chunks (${withDexie.join(', ')})`);
  }
  if (dexieFree)
    console.log(`${target}: the reader's, the library's and 学习会's first chunks hold no Dexie`);
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
