#!/usr/bin/env node
// The README's performance table from the budget lines of a saved `npm run bench` output, and whether two
// runs agree on every verdict:
//   node scripts/bench-table.mjs run.log              markdown rows: figure | ratio or figure | budget | verdict | load
//   node scripts/bench-table.mjs run1.log run2.log    the verdicts of both runs side by side; exits 1 if any differs
import { readFileSync } from 'node:fs';

const VERDICTS = ['PASS', 'OVER', 'MISSING', 'SKIP'];

/** One budget line of scripts/bench.mjs: `VERDICT  label: value  (budget …; load a → b; figure "…")`. */
function parseBudgetLines(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    const verdict = VERDICTS.find((v) => line.startsWith(`${v} `));
    if (!verdict) continue;
    const rest = line.slice(verdict.length).trim();
    const paren = rest.lastIndexOf('  (');
    const head = paren < 0 ? rest : rest.slice(0, paren);
    const tail = paren < 0 ? '' : rest.slice(paren + 3, -1);
    // Labels hold ': ' too (".docx export: 1 speech…: 41 ms"): the value is after the last one before a number,
    // or after the last one where the value is words (a MISSING line, the compare accuracy).
    const numeric = [...head.matchAll(/: (?=\d)/g)].at(-1)?.index;
    const colon = numeric ?? head.lastIndexOf(': ');
    const label = colon < 0 ? head : head.slice(0, colon);
    const value = colon < 0 ? '' : head.slice(colon + 2);
    const budget = /budget ([^;]+)/.exec(tail)?.[1] ?? tail;
    const load = /load ([\d.]+ → [\d.]+)/.exec(tail)?.[1] ?? '';
    rows.push({ verdict, label, value, budget, load });
  }
  return rows;
}

const [first, second] = process.argv.slice(2);
if (!first) {
  console.error('usage: node scripts/bench-table.mjs RUN.log [RUN2.log]');
  process.exit(2);
}
const a = parseBudgetLines(readFileSync(first, 'utf8'));
if (!second) {
  console.log('| figure | ratio (ours / baseline) or figure | budget | verdict | load while measured |');
  console.log('|---|---|---|---|---|');
  for (const r of a) console.log(`| ${r.label} | ${r.value} | ${r.budget} | ${r.verdict} | ${r.load} |`);
} else {
  const b = new Map(parseBudgetLines(readFileSync(second, 'utf8')).map((r) => [r.label, r]));
  let differ = 0;
  for (const r of a) {
    const other = b.get(r.label);
    const same = other?.verdict === r.verdict;
    if (!same) differ++;
    console.log(
      `${same ? 'same ' : 'DIFF '} ${r.verdict.padEnd(7)} ${(other?.verdict ?? '—').padEnd(7)} ${r.label}: ${r.value} | ${other?.value ?? '—'}`,
    );
  }
  console.log(differ ? `${differ} verdict(s) differ` : `all ${a.length} verdicts agree`);
  process.exit(differ ? 1 : 0);
}
