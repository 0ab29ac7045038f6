import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// CASE 2021 dev through the whole pipeline (events[0] of each snippet), as the contract is
// measured from outside: the real CLI, then the shared scorer.
const MIN = { weighted_f1: '0.80' };

/** The dev sets and their scorers, read at run time from ../shared (never copied in). */
const evalDir = join(process.cwd(), '..', 'shared', 'eval');

/** Runs the real `tearline extract` over a dev-set input file; returns the output path. */
function runExtractCli(inputName: string): {
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
function score(
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

describe('tearline extract on case2021-dev', () => {
  it(`reaches weighted F1 ≥ ${MIN.weighted_f1} through the CLI`, () => {
    const run = runExtractCli('case2021-dev.jsonl');
    assert.equal(run.status, 0, run.stderr);
    const result = score('score_case.py', run.output, 'case2021-dev.gold.jsonl', MIN);
    console.log(result.last);
    assert.equal(result.status, 0, `${result.last}\n${result.stderr}`);
  });
});
