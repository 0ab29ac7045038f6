import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runExtractCli, score } from './support/eval-harness.js';

// CASE 2021 dev through the whole pipeline (events[0] of each snippet), as the contract is
// measured from outside: the real CLI, then the shared scorer.
const MIN = { weighted_f1: '0.80' };

describe('tearline extract on case2021-dev', () => {
  it(`reaches weighted F1 ≥ ${MIN.weighted_f1} through the CLI`, () => {
    const run = runExtractCli('case2021-dev.jsonl');
    assert.equal(run.status, 0, run.stderr);
    const result = score('score_case.py', run.output, 'case2021-dev.gold.jsonl', MIN);
    console.log(result.last);
    assert.equal(result.status, 0, `${result.last}\n${result.stderr}`);
  });
});
