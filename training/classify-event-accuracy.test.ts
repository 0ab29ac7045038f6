import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ACLED_SUB_EVENT_TYPES } from '../src/ingest/classify/acled-types.js';
import { classifyEvent } from '../src/ingest/classify/classify-event.js';
import { WRITTEN_SENTENCES } from './written-sentences.js';

// A floor, not a target: these sentences are ours and outside the training templates, so the
// figure says how the classifier does on wording it was not trained on.
const MIN_ACCURACY = 0.85;

describe('classifyEvent on sentences outside the training templates', () => {
  it('covers all 25 sub-event types', () => {
    const covered = new Set(WRITTEN_SENTENCES.map(([, label]) => label));
    for (const label of ACLED_SUB_EVENT_TYPES) assert.ok(covered.has(label), label);
  });

  it(`classifies at least ${MIN_ACCURACY * 100}% of them right`, () => {
    const wrong = WRITTEN_SENTENCES.map(([text, label]) => ({
      text,
      label,
      got: classifyEvent(text).sub_event_type,
    })).filter((r) => r.got !== r.label);
    const accuracy = 1 - wrong.length / WRITTEN_SENTENCES.length;
    const report = wrong.map((r) => `${r.label} → ${r.got}: ${r.text}`).join('\n');
    assert.ok(accuracy >= MIN_ACCURACY, `accuracy ${accuracy.toFixed(3)}\n${report}`);
  });
});
