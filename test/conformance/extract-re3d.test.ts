import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEntities } from '../../src/ingest/entities/find-entities.js';

// The re3d CENTCOM development set (../shared/eval/README.md): our entities, in the shape of
// the extract contract, scored by the set's own scorer. The set is read at run time, never
// copied into the project.
const EVAL = join('..', 'shared', 'eval');
const INPUT = join(EVAL, 're3d-centcom.jsonl');
const GOLD = join(EVAL, 're3d-centcom.gold.jsonl');

it('finds re3d CENTCOM entities with overlap micro-F1 of at least 0.70', () => {
  const lines = readFileSync(INPUT, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const out = lines.map((line) => {
    const doc = JSON.parse(line) as { id: string; text: string; published?: string };
    const entities = findEntities(doc.text, doc.published ? { published: doc.published } : {});
    return JSON.stringify({ id: doc.id, entities, events: [], attributions: [] });
  });
  const pred = join(mkdtempSync(join(tmpdir(), 'tearline-re3d-')), 'pred.jsonl');
  writeFileSync(pred, out.join('\n') + '\n');
  const run = spawnSync(
    'python3',
    [join(EVAL, 'score_re3d.py'), pred, GOLD, '--input', INPUT, '--min', 'micro_f1_overlap=0.70'],
    { encoding: 'utf8' },
  );
  const summary = run.stdout.trim().split('\n').pop() ?? '';
  console.log(summary);
  assert.equal(run.status, 0, `${summary}\n${run.stderr}`);
});
