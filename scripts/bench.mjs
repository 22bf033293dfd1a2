#!/usr/bin/env node
// `npm run bench`: runs every benchmark (bench/*.bench.ts in Node, bench/browser/*.bench.ts in Chromium with
// the extension loaded), echoes their `name  median  min  max  unit` lines, checks the figures against Yandu's
// budgets (one PASS / OVER / MISSING line each) and ends with one JSON object of all medians.
//   npm run bench -- --quick            few runs and smaller data (BENCH_QUICK=1): a smoke run for CI
//   npm run bench -- --only anchor      only the bench files whose path contains "anchor" (repeatable)
//   npm run bench -- --no-build         use .output/chrome-mv3 as it is
//   npm run bench -- --rev HEAD         bench a clean copy of a commit (git archive into a temporary folder,
//                                       sharing node_modules): other developers' half-done edits in this tree
//                                       can neither break the build nor blur the figures
// The exit code is 0 even when a budget is OVER (the report is the product); non-zero only when a bench
// crashed (non-zero exit, or no figures at all).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
    rev: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench -- [--quick] [--only <substring>]... [--no-build] [--rev <commit>]');
  process.exit(0);
}

if (values.rev) process.exit(benchCommit(values.rev));

/** Run this script, without --rev, in a clean copy of `rev`; returns its exit code. */
function benchCommit(rev) {
  const sha = spawnSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
    encoding: 'utf8',
  }).stdout.trim();
  if (!sha) {
    console.error(`bench: ${rev} is not a commit`);
    return 2;
  }
  const parent = mkdtempSync(join(tmpdir(), `yandu-bench-${sha.slice(0, 8)}-`));
  // The copy sits in a folder of its own with ../shared beside it, as the repo does: the compare and anchor
  // benches read the dev corpus from there.
  const dir = join(parent, 'yandu');
  try {
    mkdirSync(dir);
    const shared = join(ROOT, '..', 'shared');
    if (existsSync(shared)) symlinkSync(shared, join(parent, 'shared'), 'dir');
    const archive = spawnSync('sh', ['-c', `git archive ${sha} | tar -x -C "${dir}"`], { stdio: 'inherit' });
    if (archive.status !== 0) return 1;
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    console.log(`# benching commit ${sha} in ${dir}`);
    const args = process.argv.slice(2).filter((a, i, all) => a !== '--rev' && all[i - 1] !== '--rev');
    const prepare = spawnSync('npx', ['wxt', 'prepare'], { cwd: dir, stdio: 'inherit' });
    if (prepare.status !== 0) return 1;
    return (
      spawnSync('node', ['scripts/bench.mjs', ...args.filter((a) => !a.startsWith('--rev='))], {
        cwd: dir,
        stdio: 'inherit',
      }).status ?? 1
    );
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
const QUICK = values.quick || process.env.BENCH_QUICK === '1';
/** A bench script may run this long (the full backup bench on fake-indexeddb is the slowest). */
const SCRIPT_TIMEOUT_MS = 30 * 60_000;
const BUILD_DIR = '.output/chrome-mv3';
const FIREFOX_BUILD_DIR = '.output/firefox-mv3';

// ---------------------------------------------------------------------------------------------------------
// Budgets. Each names the figure(s) it reads by exact name or pattern, first match wins (browser figures
// are listed before Node ones where both exist). A budget whose figures are missing is MISSING, never PASS.

const ms = (v) => `${v >= 100 ? v.toFixed(0) : v.toFixed(2)} ms`;

/** @typedef {{name: string, median: number, min: number, max: number, unit: string, script: string}} Figure */
/**
 * @typedef {{
 *   label: string, scripts: string[], budget: string,
 *   check: (find: (...patterns: (string|RegExp)[]) => Figure | undefined, extras: Record<string, any>) =>
 *     ({ ok: boolean, shown: string, from: string } | { missing: string })
 * }} Budget
 */

/** One figure against an upper limit. */
function upTo(patterns, limit, format = ms) {
  return (find) => {
    const f = find(...patterns);
    if (!f) return { missing: `no figure matching ${patterns.map(String).join(' or ')}` };
    return { ok: f.median <= limit, shown: format(f.median), from: f.name };
  };
}

/**
 * A ratio of two figures measured side by side in the same run (interleaved by the bench): judged on
 * median(ours) / median(baseline); both sides are printed. A noisy machine inflates both alike.
 */
function ratio(oursPatterns, basePatterns, limit) {
  return (find) => {
    const ours = find(...[oursPatterns].flat());
    const base = find(...[basePatterns].flat());
    if (!ours || !base) {
      const absent = [!ours && oursPatterns, !base && basePatterns].filter(Boolean).flat();
      return { missing: `no figure matching ${absent.map(String).join(' / ')}` };
    }
    const r = ours.median / base.median;
    return {
      ok: r <= limit,
      shown: `${r.toFixed(3)}× (${ms(ours.median)} / ${ms(base.median)})`,
      from: `${ours.name} / ${base.name}`,
    };
  };
}

/** @type {Budget[]} */
const BUDGETS = [
  {
    label: 'extract + outline vs Readability.parse, 30k speech, Chromium (median of per-run ratios)',
    scripts: ['bench/browser/reader.bench.ts'],
    budget: '≤ 0.5×',
    check: (find) => {
      const r = find('extract+outline / Readability, per run');
      const ours = find('extract+outline: 30k speech (Chromium)');
      const base = find('Readability.parse: 30k speech (Chromium)');
      if (!r || !ours || !base) return { missing: 'extract+outline / Readability figures' };
      return {
        ok: r.median <= 0.5,
        shown: `${r.median.toFixed(3)}× (${ms(ours.median)} / ${ms(base.median)})`,
        from: r.name,
      };
    },
  },
  {
    label: 'click 阅读模式 → reader FCP, 30k speech, vs the same click to a minimal extension page, Chromium',
    scripts: ['bench/browser/reader.bench.ts'],
    budget: '≤ 1.5×',
    check: ratio('click → reader on screen (FCP): 30k speech', 'click → minimal extension page (FCP)', 1.5),
  },
  {
    label: 'click 阅读模式 → reader FCP vs a Readability reader page (same click), Chromium',
    scripts: ['bench/browser/reader.bench.ts'],
    budget: '≤ 1.0×',
    check: ratio(
      'click → reader on screen (FCP): 30k speech',
      'click → Readability reader page (FCP): 30k speech',
      1.0,
    ),
  },
  {
    label: "click 阅读模式 → reader FCP vs Firefox's own Reader View, Firefox ESR",
    scripts: ['bench/browser/firefox.bench.ts'],
    budget: '≤ 1.0×',
    check: ratio(
      'firefox: click → reader on screen (FCP): 30k speech',
      'firefox: Reader View (FCP): 30k speech',
      1.0,
    ),
  },
  {
    label: 'click 阅读模式 → reader FCP vs a Readability reader page (same click), Firefox ESR',
    scripts: ['bench/browser/firefox.bench.ts'],
    budget: '≤ 1.0×',
    check: ratio(
      'firefox: click → reader on screen (FCP): 30k speech',
      'firefox: click → Readability reader page (FCP): 30k speech',
      1.0,
    ),
  },
  {
    label:
      'restore + paint 1,000 highlights, 100k speech, vs a bare Dexie read of the same records, Chromium',
    scripts: ['bench/browser/highlights.bench.ts'],
    budget: '≤ 1.5×',
    check: ratio(
      [/^restore \+ paint 1000 highlights/],
      'bare Dexie read of the 1000 highlights (same page)',
      1.5,
    ),
  },
  {
    label: 'library open (first visit), 2,000 speeches / 100,000 highlights, vs a minimal extension page',
    scripts: ['bench/browser/library.bench.ts'],
    budget: '≤ 2.0×',
    check: ratio(
      [/^library open: .*no summary cache \(Chromium\)/],
      'minimal extension page open (Chromium)',
      2.0,
    ),
  },
  {
    label: 'library open (repeat visit), same library, vs a minimal extension page',
    scripts: ['bench/browser/library.bench.ts'],
    budget: '≤ 1.5×',
    check: ratio([/^library open, repeat visit/], 'minimal extension page open (Chromium)', 1.5),
  },
  {
    label: 'library search, same library, vs MiniSearch (CJK bigrams), same queries',
    scripts: ['bench/library.bench.ts'],
    budget: '≤ 1.0×',
    check: ratio([/^search, all queries: ours/], [/^search, all queries: MiniSearch/], 1.0),
  },
  {
    label: 're-anchor 100 highlights after ~5% edits vs approx-string-match baseline',
    scripts: ['bench/anchor.bench.ts'],
    budget: '≤ 0.5×, accuracy ≥ baseline',
    check: (find, extras) => {
      const ours = find(/^re-anchor 100 .*: ours$/);
      const base = find(/^re-anchor 100 .*: baseline k=m\/4$/);
      if (!ours || !base) return { missing: 're-anchor figures (ours, baseline k=m/4)' };
      const acc = extras['bench/anchor.bench.ts']?.accuracy;
      if (!acc?.ours || !acc?.baseline) return { missing: 'accuracy counts in the anchor bench JSON line' };
      const r = ours.median / base.median;
      const rate = (a) => a.correct / a.total;
      const ok = r <= 0.5 && rate(acc.ours) >= rate(acc.baseline);
      const pct = (a) => `${((100 * a.correct) / a.total).toFixed(1)}% (${a.correct}/${a.total})`;
      return {
        ok,
        shown: `${r.toFixed(3)}× (${ms(ours.median)} / ${ms(base.median)}); correct: ours ${pct(acc.ours)}, baseline ${pct(acc.baseline)}`,
        from: `${ours.name} / ${base.name}`,
      };
    },
  },
  {
    label: 'reader memory: JS heap, 30k speech + 1,000 highlights, vs the portal page with the same speech',
    scripts: ['bench/browser/memory.bench.ts'],
    budget: '≤ 2.0×',
    check: (find) => {
      const ours = find('JS heap: reader, 30k speech + 1000 highlights');
      const base = find('JS heap: portal page, same speech');
      if (!ours || !base) return { missing: 'JS heap figures (reader, portal page)' };
      const r = ours.median / base.median;
      const mb = (v) => `${v.toFixed(1)} MB`;
      return {
        ok: r <= 2,
        shown: `${r.toFixed(3)}× (${mb(ours.median)} / ${mb(base.median)})`,
        from: `${ours.name} / ${base.name}`,
      };
    },
  },
  {
    label: 'detection on a non-speech portal page, Chromium (absolute)',
    scripts: ['bench/browser/reader.bench.ts'],
    budget: '≤ 1 ms',
    check: upTo(['detect: news page (non-speech)'], 1, (v) => `${v.toFixed(3)} ms`),
  },
  {
    label: 'content script injected on every portal page (gzip)',
    scripts: ['bench/browser/content-script.bench.ts'],
    budget: '≤ 10 KB',
    check: upTo(['content script: gzip'], 10 * 1024, (v) => `${v.toFixed(0)} bytes`),
  },
  {
    label: 'backup export, 2,000 speeches / 100,000 highlights (absolute, Node)',
    scripts: ['bench/backup.bench.ts'],
    budget: '≤ 3 s',
    check: upTo([/^backup export:/], 3000),
  },
  {
    label: 'backup import, 2,000 speeches / 100,000 highlights (absolute, Node)',
    scripts: ['bench/backup.bench.ts'],
    budget: '≤ 10 s',
    check: upTo([/^backup import \(empty db\):/], 10_000),
  },
  {
    label: '.docx export: 1 speech, 30 highlights (absolute, Node)',
    scripts: ['bench/export.bench.ts'],
    budget: '≤ 300 ms',
    check: upTo(['docx: 1 speech, 30 highlights'], 300),
  },
  {
    label: '.docx export: 50 speeches, 2,000 notes (absolute, Node)',
    scripts: ['bench/export.bench.ts'],
    budget: '≤ 3 s',
    check: upTo(['docx: 50 speeches, 2000 notes'], 3000),
  },
  {
    label: 'outline of the 30k speech (absolute, Node)',
    scripts: ['bench/outline.bench.ts'],
    budget: '≤ 2 ms',
    check: upTo(['outline-30k'], 2, (v) => `${v.toFixed(3)} ms`),
  },
  {
    label: 'compare two 20,000-character texts (Node)',
    scripts: ['bench/compare.bench.ts'],
    budget: '≤ 300 ms',
    check: upTo(['compare 20k chars (Node)'], 300),
  },
  {
    label: 'compare: recall and precision on held-out generated pairs (every kind)',
    scripts: ['bench/compare.bench.ts'],
    budget: '≥ 95% each',
    check: (_find, extras) => {
      const kinds = extras['bench/compare.bench.ts']?.accuracy?.ours?.kinds;
      if (!kinds) return { missing: 'accuracy counts in the compare bench JSON line' };
      const rates = Object.entries(kinds).flatMap(([k, c]) => [
        [`${k} recall`, c.truth ? c.found / c.truth : 1],
        [`${k} precision`, c.reported ? c.right / c.reported : 1],
      ]);
      const worst = rates.reduce((a, b) => (b[1] < a[1] ? b : a));
      return {
        ok: worst[1] >= 0.95,
        shown: `${worst[0]} ${(100 * worst[1]).toFixed(1)}% (the lowest)`,
        from: 'compare bench JSON line',
      };
    },
  },
];

/**
 * Budgets a bench declares itself (the registry for benches added later: .docx, comparison, 学习会 …): a
 * line `# BUDGET {"label", "figure", "max"}` (absolute, in the figure's unit) or `# BUDGET {"label",
 * "ours", "baseline", "max"}` (a ratio of two figures of the same script), printed by bench/lib.ts
 * budgetUpTo / budgetRatio. A label already in BUDGETS is not judged twice.
 */
function declaredBudget(file, spec) {
  const scoped = (name) => (f) => f.script === file && (f.name === name || f.name.endsWith(`: ${name}`));
  const findIn = (name) => [...figures.values()].find(scoped(name));
  return {
    label: spec.label,
    scripts: [file],
    budget: spec.figure ? `≤ ${spec.max}` : `≤ ${spec.max}×`,
    check: () => {
      if (spec.figure) {
        const f = findIn(spec.figure);
        if (!f) return { missing: `no figure "${spec.figure}"` };
        return { ok: f.median <= spec.max, shown: `${f.median} ${f.unit}`, from: f.name };
      }
      const ours = findIn(spec.ours);
      const base = findIn(spec.baseline);
      if (!ours || !base) return { missing: `figures "${spec.ours}" / "${spec.baseline}"` };
      const r = ours.median / base.median;
      return {
        ok: r <= spec.max,
        shown: `${r.toFixed(3)}× (${ours.median} / ${base.median} ${ours.unit})`,
        from: `${ours.name} / ${base.name}`,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Which scripts.

function benchFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

const all = [...benchFiles('bench'), ...benchFiles('bench/browser')];
const selected = values.only.length ? all.filter((f) => values.only.some((s) => f.includes(s))) : all;
if (selected.length === 0) {
  console.error(`bench: no bench file matches --only ${values.only.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}
const needsBuild = selected.some((f) => f.startsWith('bench/browser/'));
/** The Firefox benches need the Firefox build as well. */
const needsFirefox = selected.some((f) => f.startsWith('bench/browser/firefox'));

const [l1, l5] = loadavg();
console.log(
  `# ${new Date().toISOString()}  ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `node ${process.version}; load average ${l1.toFixed(1)} / ${l5.toFixed(1)} (1 / 5 min)` +
    (QUICK ? '; QUICK run (few runs, smaller data: figures are not comparable to the budgets)' : ''),
);

// ---------------------------------------------------------------------------------------------------------
// Build the Chromium extension when it is missing or older than its sources.

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

/** A failed build: the Node benches still run; each browser bench counts as crashed. */
let buildFailed = false;
if (needsBuild && !values['no-build']) {
  const sources = [
    'entrypoints',
    'components',
    'utils',
    'locales',
    'public',
    'assets',
    'wxt.config.ts',
    'package.json',
  ];
  const sourceTime = Math.max(...sources.map(newest));
  const builtTime = newest(join(BUILD_DIR, 'manifest.json'));
  if (builtTime < sourceTime) {
    console.log(
      `# ${BUILD_DIR} is ${builtTime ? 'older than the sources' : 'missing'}: npx wxt build -b chrome`,
    );
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'inherit' });
    if (build.status !== 0) buildFailed = true;
  } else {
    console.log(`# ${BUILD_DIR} is up to date`);
  }
  if (needsFirefox && newest(join(FIREFOX_BUILD_DIR, 'manifest.json')) < sourceTime) {
    console.log(`# ${FIREFOX_BUILD_DIR} is missing or older than the sources: npx wxt build -b firefox`);
    const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
    if (build.status !== 0) buildFailed = true;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Run and parse.

const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|NaN)`;
// `name  median  min  max  unit`; the name may hold spaces and digits, the unit is a word or two.
const FIGURE = new RegExp(String.raw`^(\S.*?)\s+${NUM}\s+${NUM}\s+${NUM}\s+([A-Za-z%µ][\w %/µ.-]*)$`);
/** Noise on stderr that says nothing about the bench (Debian's chromium wrapper, the npm config). */
const STDERR_NOISE = /\[: .*unexpected operator|Unknown user config "nodedir"/;

/** @type {Map<string, Figure>} */
const figures = new Map();
/** The last JSON object printed by each script, for budgets that need more than medians. */
const extras = {};
const crashed = [];
/** `# MISSING …` lines: a bench saying why it could not measure something (a feature not built yet). */
const missingNotes = [];
const timings = [];
/** Budgets declared by the benches (`# BUDGET {json}` lines), in the order printed. */
const declared = [];
/** Load average (1 min) when each script started and ended: every budget line shows its script's. */
const loads = new Map();

function runScript(file) {
  return new Promise((resolveRun) => {
    const start = performance.now();
    const child = spawn('npx', ['tsx', file], {
      env: { ...process.env, BENCH_QUICK: QUICK ? '1' : '0', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a timeout can stop the browser it started too
    });
    const lines = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        console.log(line);
      }
    });
    let errPending = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      errPending += chunk;
      const parts = errPending.split('\n');
      errPending = parts.pop() ?? '';
      for (const line of parts) if (line.trim() && !STDERR_NOISE.test(line)) console.error(line);
    });
    const timer = setTimeout(() => {
      console.error(`bench: ${file} ran longer than ${SCRIPT_TIMEOUT_MS / 60_000} min; stopping it`);
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }, SCRIPT_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pending) {
        lines.push(pending);
        console.log(pending);
      }
      timings.push({ file, seconds: (performance.now() - start) / 1000 });
      resolveRun({ code: code ?? (signal ? 1 : 0), lines });
    });
  });
}

function addFigure(file, figure) {
  // Two scripts may use the same name: the later one is told apart by its script.
  const key = figures.has(figure.name) ? `${relative('bench', file)}: ${figure.name}` : figure.name;
  figures.set(key, { ...figure, name: key, script: file });
}

for (const file of selected) {
  console.log(`\n=== ${file}`);
  if (buildFailed && file.startsWith('bench/browser/')) {
    crashed.push(file);
    console.error(`bench: ${file} not run: the Chromium build failed (see above)`);
    continue;
  }
  const loadBefore = loadavg()[0];
  const { code, lines } = await runScript(file);
  loads.set(file, [loadBefore, loadavg()[0]]);
  for (const line of lines) {
    if (!line.startsWith('# BUDGET ')) continue;
    try {
      declared.push(declaredBudget(file, JSON.parse(line.slice('# BUDGET '.length))));
    } catch {
      console.error(`bench: ${file}: unreadable budget line: ${line}`);
    }
  }
  let found = 0;
  const named = new Set();
  for (const line of lines) {
    const m = FIGURE.exec(line.trimEnd());
    if (!m || line.startsWith('#')) continue;
    const [, name, median, min, max, unit] = m;
    addFigure(file, { name: name.trim(), median: +median, min: +min, max: +max, unit: unit.trim() });
    named.add(name.trim());
    found++;
  }
  const jsonLine = [...lines].reverse().find((l) => l.trim().startsWith('{'));
  if (jsonLine) {
    try {
      const object = JSON.parse(jsonLine);
      extras[file] = object;
      // Numbers printed only in the JSON line (e.g. a speedup) become figures too.
      // (Unless they repeat a median already printed on a figure line under another key.)
      const printed = [...figures.values()].filter((f) => f.script === file).map((f) => f.median);
      const repeats = (v) => printed.some((m) => Math.abs(m - v) <= Math.max(0.0005, Math.abs(v) * 1e-3));
      for (const [name, value] of Object.entries(object)) {
        if (typeof value === 'number' && !named.has(name) && !repeats(value)) {
          addFigure(file, { name, median: value, min: value, max: value, unit: '' });
          found++;
        }
      }
    } catch {
      // not JSON after all
    }
  }
  const missing = lines.filter((l) => l.startsWith('# MISSING'));
  missingNotes.push(...missing.map((l) => `${l.slice(2)} [${file}]`));
  if (code !== 0 || (found === 0 && missing.length === 0)) {
    crashed.push(file);
    console.error(`bench: ${file} ${code !== 0 ? `exited with ${code}` : 'printed no figures'}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Budgets.

const find = (...patterns) => {
  for (const p of patterns) {
    for (const f of figures.values()) {
      if (typeof p === 'string' ? f.name === p : p.test(f.name)) return f;
    }
  }
  return undefined;
};

console.log('\n=== budgets');
const verdicts = { PASS: 0, OVER: 0, MISSING: 0, SKIP: 0 };
const known = new Set(BUDGETS.map((b) => b.label));
for (const b of [...BUDGETS, ...declared.filter((d) => !known.has(d.label))]) {
  const ran = b.scripts.some((s) => selected.includes(s));
  if (!ran && values.only.length) {
    verdicts.SKIP++;
    console.log(`SKIP     ${b.label}  (budget ${b.budget}; not selected by --only)`);
    continue;
  }
  const r = b.check(find, extras);
  if ('missing' in r) {
    verdicts.MISSING++;
    console.log(`MISSING  ${b.label}  (budget ${b.budget}): ${r.missing}`);
    continue;
  }
  const verdict = r.ok ? 'PASS' : 'OVER';
  verdicts[verdict]++;
  const load = b.scripts.map((f) => loads.get(f)).find(Boolean);
  const loadNote = load ? `; load ${load[0].toFixed(1)} → ${load[1].toFixed(1)}` : '';
  console.log(
    `${verdict.padEnd(8)} ${b.label}: ${r.shown}  (budget ${b.budget}${loadNote}; figure "${r.from}")`,
  );
}
for (const note of missingNotes) console.log(`  ${note}`);
const [e1] = loadavg();
console.log(
  `# ${verdicts.PASS} PASS, ${verdicts.OVER} OVER, ${verdicts.MISSING} MISSING` +
    (verdicts.SKIP ? `, ${verdicts.SKIP} SKIP` : '') +
    `; load average now ${e1.toFixed(1)} on ${cpus().length} cores` +
    (QUICK ? '; QUICK run: not a measurement' : ''),
);
console.log(`# seconds per script: ${timings.map((t) => `${t.file} ${t.seconds.toFixed(0)}`).join(', ')}`);
if (crashed.length) console.error(`bench: crashed: ${crashed.join(', ')}`);

console.log(JSON.stringify(Object.fromEntries([...figures.values()].map((f) => [f.name, f.median]))));
process.exit(crashed.length ? 1 : 0);
