import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// WikiEvents dev (attack incidents, perpetrators, places), scored from outside by the shared
// scorer over the real CLI's output, held at the targets (event F1 0.80, attacker and
// place F1 0.70).
const MIN = { event_f1: '0.80', attacker_f1: '0.70', place_f1: '0.70' };

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

describe('tearline extract on wikievents-dev', () => {
  const run = runExtractCli('wikievents-dev.jsonl');

  it('answers every document', () => {
    assert.equal(run.status, 0, run.stderr);
    const lines = readFileSync(run.output, 'utf8').trim().split('\n');
    assert.equal(lines.length, 20);
    assert.ok(lines.every((l) => !('error' in (JSON.parse(l) as object))));
  });

  it(`reaches event F1 ≥ ${MIN.event_f1}, attacker F1 ≥ ${MIN.attacker_f1}, place F1 ≥ ${MIN.place_f1}`, () => {
    const result = score('score_wikievents.py', run.output, 'wikievents-dev.gold.jsonl', MIN);
    console.log(result.last);
    assert.equal(result.status, 0, `${result.last}\n${result.stderr}`);
  });
});
