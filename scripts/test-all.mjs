#!/usr/bin/env node
// The one test command: type check, lint, unit and component tests, build + build checks, end-to-end tests in
// real Chromium and Firefox. Every step runs even when an earlier one failed (except e2e, which needs the build),
// so one run shows everything that is wrong. Ends with a timing table and one "tests: N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';

const ART = 'tests/artifacts';
mkdirSync(ART, { recursive: true });
for (const stale of ['vitest.json', 'e2e.tap']) rmSync(`${ART}/${stale}`, { force: true });
const steps = [];
let passed = 0;
let failed = 0;

// Declared above: `run` records each step in `steps`, the install included (a fresh clone has no node_modules).
if (!existsSync('node_modules')) run('install', 'npm', ['ci', '--no-audit', '--no-fund']);

function run(name, cmd, args) {
  const start = performance.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: (performance.now() - start) / 1000 });
  return ok;
}

if (run('typecheck', 'npx', ['tsc', '--noEmit'])) passed++;
else failed++;
if (run('lint', 'npx', ['biome', 'check', '.'])) passed++;
else failed++;
if (run('layers', 'node', ['scripts/check-layers.mjs'])) passed++;
else failed++;

const unitOk = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${ART}/vitest.json`,
]);
try {
  const report = JSON.parse(readFileSync(`${ART}/vitest.json`, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (unitOk || report.numFailedTests ? 0 : 1);
} catch {
  failed++;
}

const buildOk = run('build', 'npm', ['run', '--silent', 'build']);
if (buildOk) passed++;
else failed++;

if (buildOk) {
  // Same as `npm run test:e2e`, with a TAP copy of the results to count them.
  const browsersOk = run('browsers', 'bash', ['scripts/install-browsers.sh']);
  const files = readdirSync('tests/e2e')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `tests/e2e/${f}`);
  const e2eOk =
    browsersOk &&
    run('e2e', 'node', [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${ART}/e2e.tap`,
      ...files,
    ]);
  const tap = existsSync(`${ART}/e2e.tap`) ? readFileSync(`${ART}/e2e.tap`, 'utf8') : '';
  const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  passed += pass;
  failed += fail + (!e2eOk && fail === 0 ? 1 : 0);
  // Every bench once, few runs and small data, no budgets judged: a bench that breaks is seen at once.
  if (run('bench smoke', 'npm', ['run', '--silent', 'bench', '--', '--quick', '--no-build'])) passed++;
  else failed++;
} else {
  steps.push({ name: 'e2e', ok: false, seconds: 0, note: 'not run: the build failed' });
  failed++;
}

console.log('\n=== summary');
for (const s of steps) {
  console.log(
    `${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(10)} ${s.seconds.toFixed(1).padStart(6)} s${s.note ? `  (${s.note})` : ''}`,
  );
}
console.log(`total ${steps.reduce((t, s) => t + s.seconds, 0).toFixed(1)} s`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(steps.every((s) => s.ok) && failed === 0 ? 0 : 1);
