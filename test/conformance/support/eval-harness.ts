import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The extraction dev-set suites run the real CLI and score its output with the shared scorers.

/** The dev sets and their scorers, read at run time from ../shared (never copied in). */
export const evalDir = join(process.cwd(), '..', 'shared', 'eval');

/** Runs the real `tearline extract` over a dev-set input file; returns the output path. */
export function runExtractCli(inputName: string): {
  output: string;
  status: number | null;
  stderr: string;
} {
  const output = join(mkdtempSync(join(tmpdir(), 'tearline-extract-')), 'pred.jsonl');
  const run = spawnSync(
    process.execPath,
    ['bin/tearline.js', 'extract', '--input', join(evalDir, inputName), '--output', output],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return { output, status: run.status, stderr: run.stderr };
}

/** Runs a shared Python scorer with `--min` thresholds; returns its exit code and last line. */
export function score(
  scorer: string,
  prediction: string,
  gold: string,
  minimums: Record<string, string>,
): { status: number | null; last: string; stdout: string; stderr: string } {
  const args = [join(evalDir, scorer), prediction, join(evalDir, gold)];
  for (const [name, value] of Object.entries(minimums)) args.push('--min', `${name}=${value}`);
  const run = spawnSync('python3', args, { encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  return {
    status: run.status,
    last: lines[lines.length - 1] ?? '',
    stdout: run.stdout,
    stderr: run.stderr,
  };
}
