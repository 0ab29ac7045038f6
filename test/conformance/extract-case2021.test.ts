// The event classifier's own check on the CASE 2021 dev set (../shared/eval, never copied into
// the project): classify every snippet, write contract-shaped predictions, and let the shared
// scorer decide. The pipeline's `tearline extract` run is measured separately.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyEvent } from '../../src/ingest/classify/classify-event.js';

const evalDir = join(process.cwd(), '..', 'shared', 'eval');
const MIN_WEIGHTED_F1 = '0.80';

describe('CASE 2021 dev set (ACLED sub-event types)', () => {
  it(`reaches weighted F1 ≥ ${MIN_WEIGHTED_F1} with the shared scorer`, () => {
    const docs = readFileSync(join(evalDir, 'case2021-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { id: string; text: string });
    const predictions = docs.map((doc) => {
      const c = classifyEvent(doc.text);
      return JSON.stringify({
        id: doc.id,
        entities: [],
        events: [
          {
            event_type: c.event_type,
            sub_event_type: c.sub_event_type,
            status: c.status,
            actors: [],
            fatalities: null,
            injuries: null,
            evidence: [{ start: 0, end: doc.text.length }],
          },
        ],
        attributions: [],
      });
    });
    const predPath = join(mkdtempSync(join(tmpdir(), 'tearline-case-')), 'pred.jsonl');
    writeFileSync(predPath, predictions.join('\n') + '\n');
    const scored = spawnSync(
      'python3',
      [
        join(evalDir, 'score_case.py'),
        predPath,
        join(evalDir, 'case2021-dev.gold.jsonl'),
        '--min',
        `weighted_f1=${MIN_WEIGHTED_F1}`,
      ],
      { encoding: 'utf8' },
    );
    const headline = scored.stdout.trim().split('\n').at(-1) ?? '';
    console.log(headline);
    assert.equal(scored.status, 0, `${headline}\n${scored.stderr}`);
    assert.match(headline, /^case2021: weighted_f1=/);
  });
});
