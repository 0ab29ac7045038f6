import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toEventStatus } from './event-status.js';

describe('toEventStatus', () => {
  it('reads foiled and intercepted plots as thwarted', () => {
    assert.equal(
      toEventStatus('Police foiled a plan to bomb a concert hall in Vienna.'),
      'thwarted',
    );
    assert.equal(
      toEventStatus('Two men were arrested while plotting an attack on a synagogue.'),
      'thwarted',
    );
    assert.equal(
      toEventStatus('Air defences intercepted four drones over the capital overnight.'),
      'thwarted',
    );
  });

  it('reads threats and vows as threatened', () => {
    assert.equal(
      toEventStatus('The group threatened to attack polling stations in the north.'),
      'threatened',
    );
    assert.equal(toEventStatus('The militants vowed to avenge their leader.'), 'threatened');
  });

  it('keeps events that happened as occurred, even when a threat is mentioned', () => {
    assert.equal(toEventStatus('Gunmen killed five farmers near Jos on Monday.'), 'occurred');
    assert.equal(
      toEventStatus('Militants who had threatened the town stormed it and killed two guards.'),
      'occurred',
    );
  });
});

describe('toEventStatus with two events in one passage', () => {
  it('keeps the first-told event: casualties before a foiled plot mean it occurred', () => {
    assert.equal(
      toEventStatus(
        'The group bombed a bus station that left 20 dead, and two other plots were foiled.',
      ),
      'occurred',
    );
    assert.equal(
      toEventStatus('Police foiled a bombing plot; a suspect was killed in the raid.'),
      'thwarted',
    );
  });
});

describe('toEventStatus on failed attempts and plain reports', () => {
  it('reads attempts that failed as thwarted', () => {
    assert.equal(
      toEventStatus('A failed assassination attempt on the governor was reported in Herat.'),
      'thwarted',
    );
    assert.equal(
      toEventStatus('The bomb planted under the bridge failed to explode, police said.'),
      'thwarted',
    );
  });

  it('keeps a claimed attack and a warning after it as occurred', () => {
    assert.equal(
      toEventStatus('The group claimed the bombing, which wounded 14, and warned of more attacks.'),
      'occurred',
    );
  });

  it('reads a warning with no harm done as threatened', () => {
    assert.equal(
      toEventStatus('Militants warned that they would attack any school that reopened.'),
      'threatened',
    );
  });
});
