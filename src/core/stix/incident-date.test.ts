import { it } from 'node:test';
import assert from 'node:assert/strict';
import { toEventDate, toEventMonth } from './incident-date.js';

it('keeps well-formed event dates and treats anything else as unknown', () => {
  assert.equal(toEventDate('2024-03-22'), '2024-03-22');
  assert.equal(toEventDate('2024-03'), '2024-03');
  assert.equal(toEventDate('2024'), '2024');
  for (const bad of [undefined, null, '', '2024-13', '2024-03-22T10:00:00Z', 'Friday', 20240322])
    assert.equal(toEventDate(bad), undefined, String(bad));
});

it('counts an incident in a month only when its month is known', () => {
  assert.equal(toEventMonth('2024-03-22'), '2024-03');
  assert.equal(toEventMonth('2024-03'), '2024-03');
  assert.equal(toEventMonth('2024'), undefined);
  assert.equal(toEventMonth(undefined), undefined);
});
