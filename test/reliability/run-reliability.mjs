// `npm run test:reliability`: runs the reliability suite (scripts/run-tests.mjs reliability) in
// phases — first every suite but load and extraction timing, two files at a time (the crash suites measure their own
// operation's duration under the same neighbours, so the kill points follow); then those alone, so
// that their latency, time and memory figures are the server's and not its neighbours'. Then it prints one
// summary block of the figures the suites recorded (test/reliability/figures.ts), each scenario's
// wall time, the configuration, and the closing line `N passed, N failed`. Exits non-zero when
// any test failed. Arguments narrow the files, as with run-tests.mjs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCompiledCli } from './compiled-cli.mjs';

const figuresFile = join(tmpdir(), `tearline-reliability-figures-${process.pid}.jsonl`);
rmSync(figuresFile, { force: true });
const started = Date.now();
const only = process.argv.slice(2);
const files = readdirSync('test/reliability')
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/reliability/${f}`)
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
// Load and the suites that time extraction run alone: their figures are the machine's, not the
// neighbours'.
const ALONE = ['/load.test.ts', '/extraction-latency.test.ts', '/extract-linear-time.test.ts'];
const runsAlone = (f) => ALONE.some((name) => f.endsWith(name));
const phases = [
  {
    name: 'crash, fuzz, access, backup (2 files at a time)',
    files: files.filter((f) => !runsAlone(f)),
  },
  // One phase per file: a phase's files would otherwise run two at a time.
  ...files.filter(runsAlone).map((f) => ({ name: `${f.split('/').pop()} (alone)`, files: [f] })),
].filter((p) => p.files.length > 0);

// The crash scenarios' children run the CLI compiled for this run (compiled-cli.mjs says why);
// TEARLINE_RELIABILITY_CLI=tsx runs them through bin/tearline.js instead.
const compiledStarted = Date.now();
const cli =
  process.env.TEARLINE_RELIABILITY_CLI === 'tsx'
    ? undefined
    : await buildCompiledCli(process.cwd(), `run-${process.pid}`);
const compileSeconds = ((Date.now() - compiledStarted) / 1000).toFixed(1);

function runPhase(phase) {
  return new Promise((resolve) => {
    const phaseStarted = Date.now();
    const child = spawn(
      process.execPath,
      ['scripts/run-tests.mjs', 'reliability', ...phase.files],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          TEARLINE_RELIABILITY_FIGURES: figuresFile,
          ...(cli ? { TEARLINE_RELIABILITY_CLI: cli.entry } : {}),
        },
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      const count = (label) =>
        Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
      // Top-level lines of the spec reporter: one per scenario (describe), with its duration.
      const scenarios = [...output.matchAll(/^([✔✖]) (.+) \((\d+(?:\.\d+)?)ms\)$/gmu)].map(
        (m) => `${m[1]} ${String(Math.round(Number(m[3]) / 1000)).padStart(4)} s  ${m[2]}`,
      );
      resolve({
        name: phase.name,
        scenarios,
        code,
        passed: count('pass'),
        failed: count('fail') + count('cancelled'),
        seconds: Math.round((Date.now() - phaseStarted) / 1000),
      });
    });
  });
}

const results = [];
let changedSources = [];
try {
  for (const phase of phases) results.push(await runPhase(phase));
  changedSources = cli?.changedSince() ?? [];
} finally {
  cli?.remove();
}

const figures = existsSync(figuresFile)
  ? readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(figuresFile, { force: true });
const areas = ['crash', 'load', 'fuzz', 'access', 'backup'];
const lines = ['', '== Reliability summary'];
lines.push(
  // The default, 20 (kill-plan.ts), is the count.
  `configuration: kills ${process.env.TEARLINE_RELIABILITY_KILLS ?? 20} per scenario per engine (the issue asks for 20); load ${process.env.TEARLINE_RELIABILITY_LOAD_SECONDS ?? 30} s of 200 clients per engine, interleaved with capacity slices of 16, then 10 s of 400 that ignore Retry-After (ADR 0026)`,
);
lines.push(
  cli
    ? `killed children: the CLI compiled to JavaScript for this run (${compileSeconds} s; TEARLINE_RELIABILITY_CLI=tsx runs bin/tearline.js)`
    : 'killed children: bin/tearline.js through tsx',
);
if (changedSources.length > 0)
  lines.push(
    `NOTE: ${changedSources.length} source file(s) changed during the run (${changedSources.slice(0, 3).join(', ')}${changedSources.length > 3 ? ', …' : ''}); the killed children ran the sources as they were at its start, the test processes may not have — run again before reading a failure`,
  );
for (const area of [
  ...areas,
  ...new Set(figures.map((f) => f.area).filter((a) => !areas.includes(a))),
]) {
  const mine = figures.filter((f) => f.area === area);
  if (mine.length === 0) {
    lines.push(`${area}: no figure recorded`);
    continue;
  }
  const total = mine.reduce((sum, f) => sum + (typeof f.value === 'number' ? f.value : 0), 0);
  lines.push(`${area}: ${total} in all`);
  for (const f of mine) {
    const wall = typeof f.wallMs === 'number' ? `  [${Math.round(f.wallMs / 1000)} s]` : '';
    lines.push(`  ${String(f.value).padStart(8)}  ${f.name}${wall}`);
  }
}
lines.push('wall time per scenario:');
for (const r of results) {
  lines.push(`  phase ${r.name}: ${r.seconds} s`);
  for (const s of r.scenarios) lines.push(`    ${s}`);
}
lines.push(`suite wall time: ${Math.round((Date.now() - started) / 1000)} s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
lines.push(`${passed} passed, ${failed} failed`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = results.every((r) => r.code === 0) && failed === 0 ? 0 : 1;
