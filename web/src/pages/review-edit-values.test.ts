import { it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFLICT_EVENT_EXTENSION_ID } from '../../../src/core/stix/conflict-event-extension.js';
import { fieldOfMessage, toCount, toFormValues } from './review-edit-values.js';
import { toJobProgress } from './review-job-progress.js';

it('finds the field an API refusal names first', () => {
  assert.equal(
    fieldOfMessage(
      'The edit makes the item invalid: fatalities.max is smaller than min; correct it.',
    ),
    'fatalities',
  );
  assert.equal(
    fieldOfMessage('sub_event_type must be an ACLED sub-event type of Battles'),
    'sub_event_type',
  );
  assert.equal(
    fieldOfMessage('perpetrator must be an actor name of 1 to 250 characters'),
    'perpetrator',
  );
  assert.equal(
    fieldOfMessage('Item x is already accepted; only proposed items can be changed.'),
    undefined,
  );
});

it('reads a count range from its kind and boxes, and shows a range back the same way', () => {
  assert.equal(toCount('unknown', '3', ''), null);
  assert.deepEqual(toCount('exactly', '12', ''), { min: 12, max: 12 });
  assert.deepEqual(toCount('at least', '21', ''), { min: 21 });
  assert.deepEqual(toCount('at most', '', '5'), { min: 0, max: 5 });
  assert.deepEqual(toCount('between', '12', '15'), { min: 12, max: 15 });
  for (const range of [
    undefined,
    { min: 21 },
    { min: 0, max: 5 },
    { min: 7, max: 7 },
    { min: 1, max: 9 },
  ]) {
    const incident = {
      type: 'incident',
      id: 'incident--1',
      extensions: {
        [CONFLICT_EVENT_EXTENSION_ID]: { event_type: 'Battles', fatalities: range },
      },
    };
    const v = toFormValues(incident, '');
    assert.deepEqual(toCount(v.killed_kind, v.killed_min, v.killed_max) ?? undefined, range);
  }
});

it('turns a job into a percentage and words', () => {
  assert.equal(toJobProgress(undefined).percent, 5);
  assert.deepEqual(
    toJobProgress({ state: 'running', progress: { stage: 'Feed entries', done: 3, total: 4 } }),
    {
      percent: 75,
      text: 'Feed entries: 3 of 4…',
    },
  );
  assert.equal(toJobProgress({ state: 'running' }).percent, 50);
  assert.deepEqual(toJobProgress({ state: 'done' }), { percent: 100, text: 'Done.' });
});
