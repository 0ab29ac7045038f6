// `npm run test:reliability`: runs the reliability suite (scripts/run-tests.mjs reliability), then
// prints one summary block of the figures the suites recorded (test/reliability/figures.ts) and the
// closing line `N passed, N failed`. Exits with the suite's own exit code.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const figuresFile = join(tmpdir(), `tearline-reliability-figures-${process.pid}.jsonl`);
rmSync(figuresFile, { force: true });
const started = Date.now();
const child = spawn(
  process.execPath,
  ['scripts/run-tests.mjs', 'reliability', ...process.argv.slice(2)],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TEARLINE_RELIABILITY_FIGURES: figuresFile },
  },
);
let output = '';
child.stdout.setEncoding('utf8').on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const figures = existsSync(figuresFile)
    ? readFileSync(figuresFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  rmSync(figuresFile, { force: true });
  const areas = ['crash', 'load', 'fuzz', 'access', 'backup'];
  const lines = ['', '== Reliability summary'];
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
    for (const f of mine) lines.push(`  ${String(f.value).padStart(8)}  ${f.name}`);
  }
  lines.push(`suite wall time: ${Math.round((Date.now() - started) / 1000)} s`);
  lines.push(`${passed} passed, ${failed} failed`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = code === 0 && failed === 0 ? 0 : 1;
});
