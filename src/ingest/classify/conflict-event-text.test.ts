import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isConflictEventText, scoreConflictEventText } from './conflict-event-text.js';

describe('isConflictEventText', () => {
  it('accepts sentences that report violence, protest or a strategic development', () => {
    for (const text of [
      'Gunmen killed three farmers near Jos on Sunday.',
      'Thousands protested in Lima against the new president.',
      'Police arrested two suspects in Mombasa.',
      'The two sides agreed to a ceasefire in the north.',
      'A roadside bomb struck an army truck.',
      'Government forces advanced on the rebel stronghold.',
    ]) {
      assert.equal(isConflictEventText(text), true, text);
    }
  });

  it('rejects sentences with no event in them', () => {
    for (const text of [
      '',
      'The weather in Lisbon was mild for the season.',
      'The central bank kept interest rates unchanged.',
      'Soldiers are stationed in the region.',
      'The company deployed new software to its customers.',
      'Firefighters said the blaze destroyed a warehouse.',
    ]) {
      assert.equal(isConflictEventText(text), false, text);
    }
  });

  it('scores more event words higher, within 0..1', () => {
    const one = scoreConflictEventText('Police arrested a man.');
    const many = scoreConflictEventText(
      'Militants attacked a base, killed four soldiers and wounded nine in the fighting.',
    );
    assert.ok(one > 0 && one < many && many <= 1);
    assert.equal(scoreConflictEventText('Nothing happened here.'), 0);
  });
});
