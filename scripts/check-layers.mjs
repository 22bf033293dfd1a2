#!/usr/bin/env node
// Layering check (run by scripts/test-all.mjs after lint): fails on an import that runs against the layers
// (utils/ → components/, hooks/ or entrypoints/; utils/store/ → utils/anchoring/), on an import cycle among
// the source modules (type-only imports excepted: they vanish when compiled), and on a UI function (a
// component or hook in components/ or hooks/) longer than 150 lines. The giant functions still being split
// are listed in OVERSIZE with the size they may not grow past.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const DIRS = ['utils', 'components', 'hooks', 'entrypoints'];
const MAX_UI_LINES = 150;
/** Not yet split: name → lines now. Lower a figure as a function shrinks; remove it once under the limit. */
const OVERSIZE = {};

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from, spec) {
  let base;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const all = DIRS.flatMap((d) => (existsSync(join(ROOT, d)) ? files(join(ROOT, d)) : []));
const problems = [];
/** Static value imports, for the cycle check (a dynamic import() is a separate chunk, loaded later). */
const graph = new Map();
for (const file of all) {
  const text = readFileSync(file, 'utf8');
  const rel = relative(ROOT, file);
  const edges = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    const target = resolveImport(file, spec);
    if (!target) continue;
    const to = relative(ROOT, target);
    if (rel.startsWith('utils/') && /^(components|hooks|entrypoints)\//.test(to)) {
      problems.push(`${rel} imports ${to}: utils/ must not depend on the UI or the entrypoints`);
    }
    if (rel.startsWith('utils/store/') && to.startsWith('utils/anchoring/')) {
      problems.push(`${rel} imports ${to}: the store must not depend on anchoring`);
    }
    if (m[3] && !m[2]) edges.push(to);
  }
  graph.set(rel, edges);
}

// Cycles: depth-first search, reporting each cycle once by its smallest member.
const state = new Map();
const seen = new Set();
function visit(node, path) {
  state.set(node, 'open');
  path.push(node);
  for (const next of graph.get(node) ?? []) {
    if (state.get(next) === 'open') {
      const cycle = path.slice(path.indexOf(next));
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(`import cycle: ${[...cycle, next].join(' → ')}`);
      }
    } else if (!state.has(next)) visit(next, path);
  }
  path.pop();
  state.set(node, 'done');
}
for (const node of graph.keys()) if (!state.has(node)) visit(node, []);

// UI functions: a top-level function (or const arrow) in components/, hooks/ or an entrypoint's .tsx, to its
// closing brace at the start of a line.
const sizes = [];
for (const file of all) {
  const rel = relative(ROOT, file);
  if (!/^(components|hooks)\//.test(rel) && !/^entrypoints\/.*\.tsx$/.test(rel)) continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:export\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?const\s+(\w+)\s*=.*=>\s*\{$/.exec(
      lines[i],
    );
    if (!m) continue;
    let end = i;
    while (end < lines.length && !/^\};?\s*$/.test(lines[end])) end++;
    const name = `${rel}:${m[1] ?? m[2]}`;
    const length = end - i + 1;
    sizes.push([name, length]);
    const allowed = OVERSIZE[name] ?? MAX_UI_LINES;
    if (length > allowed) problems.push(`${name} is ${length} lines (at most ${allowed})`);
  }
}

if (process.argv.includes('--sizes')) {
  for (const [name, length] of sizes.sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${length}\t${name}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers ok: ${graph.size} modules, no cycle, no import against the layers`);
