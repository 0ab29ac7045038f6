import { it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldOfMessage, toCount } from './review-edit-values.js';
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

it('reads a count range from two boxes', () => {
  assert.equal(toCount('', ' '), null);
  assert.deepEqual(toCount('12', ''), { min: 12, max: 12 });
  assert.deepEqual(toCount('', '40'), { min: 40, max: 40 });
  assert.deepEqual(toCount('12', '15'), { min: 12, max: 15 });
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
