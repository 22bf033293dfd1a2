#!/usr/bin/env node
// Moves each unit test lying loose in tests/unit/ into a folder that mirrors the module it tests
// (tests/unit/utils/outline/, tests/unit/components/reader/, tests/unit/entrypoints/reader/, …), with `git mv`
// so history follows. Idempotent: a test already in a subfolder is left where it is, so the script can be run
// again after merging branches that added tests at the top level.
//
// The rule, for a test `tests/unit/<name>.test.ts(x)`:
//   1. OVERRIDES below, for the few tests whose subject the rule gets wrong;
//   2. else its subject is the module it reaches (static or dynamic import, or a repo path it names as a
//      string, such as 'scripts/export.ts' for a CLI test or 'locales/en.yml') whose name shares most words
//      with the test's name: a word of the module's file name counts 4, of its folder 2; UI modules
//      (components/, hooks/, entrypoints/) get 1 more, since a component test also imports the stores it sets
//      up; `utils/types` never counts; a helper from tests/support/ stands for the modules it imports. A tie
//      goes to the folder the test imports most from, then to the earlier import;
//   3. a test that reaches no module stays at the top of tests/unit/ (the script says so).
// The test keeps its file name and lands in tests/unit/<folder of its subject>/.
//
// After moving, and on every run, it repairs what a move breaks: relative imports in tests/ and bench/ that no
// longer resolve (re-resolved from the test's old folder, and through RELOCATED for helpers moved into
// tests/support/; a unit test then reaches source modules by `@/`), and mentions of `tests/unit/<name>` in
// tracked text files. Then `biome check --write` on the code it touched (import order). `--dry` prints the
// plan and writes nothing.
//
//   node scripts/mirror-tests.mjs [--dry]
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const UNIT = join(ROOT, 'tests/unit');
const SUPPORT = join(ROOT, 'tests/support/');
const DRY = process.argv.includes('--dry');

/** Test file name → folder under tests/unit/, where rule 2 would pick a module the test only uses. */
const OVERRIDES = {
  // Hostile pages go through detect and extract first; the reader, store and export steps follow from there.
  'hostile.test.ts': 'utils/page',
  // Boots the reader page as the browser does (reader-boot, then reader/main).
  'reader-load.test.tsx': 'entrypoints/reader',
  // The template exports as LibreOffice opens them (.docx/.xlsx structure).
  'export-libreoffice.test.ts': 'utils/export/templates',
};

/** Shared helpers moved out of fixture folders: old path → new path (imports of the old one are rewritten). */
const RELOCATED = {
  'tests/fixtures/export/records.ts': 'tests/support/records.ts',
};

const SOURCE_ROOTS = ['utils', 'components', 'hooks', 'entrypoints', 'scripts', 'locales'];
const UI_ROOTS = new Set(['components', 'hooks', 'entrypoints']);
const EXTS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

const rel = (p) => relative(ROOT, p).split(sep).join('/');

function existingFile(base) {
  for (const ext of EXTS) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

/** Words of a name: split on - . _ / and camelCase, lower case, a plural `s` dropped. */
function words(name) {
  return name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-._/]+/)
    .filter((w) => w && !['test', 'tsx', 'ts', 'index', 'utils', 'use'].includes(w))
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/** Modules a test reaches, in the order it names them (repo-relative paths, no duplicates). */
function modulesOf(file, text) {
  const out = [];
  const add = (p) => {
    if (!p) return;
    const r = rel(p);
    if (SOURCE_ROOTS.includes(r.split('/')[0]) && r !== 'utils/types.ts' && !out.includes(r)) out.push(r);
  };
  const specs = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1|(['"])((?:[\w.-]+\/)+[\w.-]+)\3/g;
  for (const m of text.matchAll(specs)) {
    const spec = m[2] ?? m[4];
    if (/vi\.(?:do)?mock\(\s*$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (spec.startsWith('@/')) add(existingFile(join(ROOT, spec.slice(2))));
    else if (spec.startsWith('.')) {
      const target = existingFile(resolve(dirname(file), spec));
      // A shared helper (the reader mount) stands for the modules it imports.
      if (target?.startsWith(SUPPORT))
        for (const m of modulesOf(target, readFileSync(target, 'utf8'))) add(join(ROOT, m));
      else add(target);
    } else if (m[4]) add(existingFile(join(ROOT, spec)));
  }
  return out;
}

/** The folder (under tests/unit/) a top-level test belongs in, or null when it reaches no module. */
function folderFor(file, text) {
  const name = basename(file);
  if (OVERRIDES[name]) return OVERRIDES[name];
  const mods = modulesOf(file, text);
  if (mods.length === 0) return null;
  const testWords = new Set(words(name));
  const perFolder = {};
  for (const m of mods) perFolder[dirname(m)] = (perFolder[dirname(m)] ?? 0) + 1;
  const scored = mods.map((m, order) => {
    const fileWords = new Set(words(basename(m).replace(/\.[^.]+$/, '')));
    const folderWords = new Set(words(dirname(m)));
    let score = UI_ROOTS.has(m.split('/')[0]) ? 1 : 0;
    for (const w of testWords) score += (fileWords.has(w) ? 4 : 0) + (folderWords.has(w) ? 2 : 0);
    return { folder: dirname(m), score, count: perFolder[dirname(m)], order };
  });
  scored.sort((a, b) => b.score - a.score || b.count - a.count || a.order - b.order);
  return scored[0].folder;
}

function git(...args) {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
}

function tracked(path) {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', rel(path)], { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function move(from, to) {
  if (DRY) return;
  mkdirSync(dirname(to), { recursive: true });
  if (tracked(from)) git('mv', rel(from), rel(to));
  else renameSync(from, to);
}

function walk(dir, keep) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'out' || name === 'artifacts') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

/** Where a helper listed in RELOCATED lives now, for an import spec (resolved, without extension) of its old path. */
function relocated(base) {
  for (const [from, to] of Object.entries(RELOCATED)) {
    if (EXTS.some((ext) => rel(base) + ext === from)) return existingFile(join(ROOT, to));
  }
  return null;
}

/** Rewrites relative specifiers in `file` that no longer resolve; `oldDir` is where the file used to be. */
function repairImports(file, oldDir) {
  const text = readFileSync(file, 'utf8');
  const spec = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|vi\.(?:do)?mock\(\s*)(['"])(\.\.?\/[^'"]+)\2/g;
  const next = text.replace(spec, (all, lead, quote, s) => {
    if (existingFile(resolve(dirname(file), s))) return all;
    for (const guess of [dirname(file), oldDir, UNIT].map((d) => resolve(d, s))) {
      const target = existingFile(guess) ?? relocated(guess);
      if (!target) continue;
      // Keep the extension style of the original specifier (most imports here have none).
      const hadExt = /\.(tsx?|mjs|js|json)$/.test(s);
      const to = hadExt ? target : target.replace(/(\/index)?\.(tsx?|mjs|js)$/, '');
      // A unit test reaches source modules by the `@/` alias, as the others do; helpers by a relative path.
      if (file.startsWith(UNIT) && SOURCE_ROOTS.includes(rel(to).split('/')[0]))
        return `${lead}${quote}@/${rel(to)}${quote}`;
      let r = relative(dirname(file), to).split(sep).join('/');
      if (!r.startsWith('.')) r = `./${r}`;
      return `${lead}${quote}${r}${quote}`;
    }
    console.warn(`unresolved: ${rel(file)} imports ${s}`);
    return all;
  });
  if (next !== text) {
    if (!DRY) writeFileSync(file, next);
    return true;
  }
  return false;
}

// 1. Move the loose tests.
const touched = new Set();
const oldDirOf = new Map();
for (const name of readdirSync(UNIT).sort()) {
  if (!/\.test\.tsx?$/.test(name)) continue;
  const from = join(UNIT, name);
  const folder = folderFor(from, readFileSync(from, 'utf8'));
  if (!folder) {
    console.log(`stays  tests/unit/${name} (reaches no module)`);
    continue;
  }
  const to = join(UNIT, folder, name);
  if (existsSync(to)) {
    console.warn(`skip   tests/unit/${name}: ${rel(to)} exists`);
    continue;
  }
  console.log(`move   tests/unit/${name} → ${rel(to)}`);
  move(from, to);
  oldDirOf.set(DRY ? from : to, UNIT);
  touched.add(DRY ? from : to);
}

// 2. Imports that no longer resolve, in every test, support file and bench.
const code = (n) => /\.(tsx?|mjs)$/.test(n) && !n.endsWith('.d.ts');
for (const dir of ['tests', 'bench']) {
  for (const file of walk(join(ROOT, dir), code)) {
    if (DRY && oldDirOf.has(file)) continue;
    if (repairImports(file, oldDirOf.get(file) ?? dirname(file))) touched.add(file);
  }
}

// 3. Mentions of `tests/unit/<name>` (and of relocated helpers) whose file now lives elsewhere.
const nested = new Map();
for (const file of walk(UNIT, (n) => /\.test\.tsx?$/.test(n))) {
  if (dirname(file) === UNIT) continue;
  const n = basename(file);
  nested.set(n, nested.has(n) ? null : rel(file)); // null: the name is not unique, leave its mentions alone
}
const moves = { ...RELOCATED };
for (const [n, to] of nested) if (to && !existsSync(join(UNIT, n))) moves[`tests/unit/${n}`] = to;
let mentions = 0;
const textFile = /\.(md|tsx?|mjs|js|json|ya?ml|sh)$/;
const listed = git('ls-files', '-z')
  .split('\0')
  .filter(
    (f) => textFile.test(f) && f !== 'scripts/mirror-tests.mjs' && !f.startsWith('tests/fixtures/pages/'),
  );
for (const f of listed) {
  const path = join(ROOT, f);
  if (!existsSync(path)) continue;
  const text = readFileSync(path, 'utf8');
  let next = text;
  for (const [from, to] of Object.entries(moves)) {
    next = next.replace(
      new RegExp(`${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-]|\\.\\w)`, 'g'),
      to,
    );
  }
  if (next !== text) {
    console.log(`mention ${f}`);
    mentions += 1;
    if (!DRY) writeFileSync(path, next);
    if (code(f)) touched.add(path);
  }
}

// 4. Sort the rewritten imports the way the linter wants.
if (!DRY && touched.size > 0) {
  try {
    execFileSync('npx', ['biome', 'check', '--write', ...[...touched].map(rel)], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch {
    console.warn('biome check --write reported problems: see above');
  }
}
console.log(
  `${oldDirOf.size} moved, ${touched.size} code files touched, ${mentions} with mentions updated${DRY ? ' (dry run: nothing written)' : ''}`,
);
