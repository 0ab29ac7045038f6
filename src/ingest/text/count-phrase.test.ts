import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readCountPhrase } from './count-phrase.js';
import { findQuantities } from '../entities/find-quantities.js';
import { readCount } from '../events/read-count.js';
import { toContractJson } from '../contract-json.js';

describe('readCountPhrase (the one count parser)', () => {
  it('leaves lower bounds open and starts "more than" one above the figure', () => {
    assert.deepEqual(readCountPhrase('more than 70'), { min: 71 });
    assert.deepEqual(readCountPhrase('over 180'), { min: 181 });
    assert.deepEqual(readCountPhrase('at least 21'), { min: 21 });
    assert.deepEqual(readCountPhrase('60-plus'), { min: 60 });
  });

  it('closes upper bounds at zero and reads approximations as the figure', () => {
    assert.deepEqual(readCountPhrase('up to 5'), { min: 0, max: 5 });
    assert.deepEqual(readCountPhrase('fewer than 5'), { min: 0, max: 4 });
    assert.deepEqual(readCountPhrase('about 30'), { min: 30, max: 30 });
    assert.deepEqual(readCountPhrase('between 15 and 20'), { min: 15, max: 20 });
    assert.deepEqual(readCountPhrase('twenty-one'), { min: 21, max: 21 });
    assert.deepEqual(readCountPhrase('dozens'), { min: 12, max: 99 });
    assert.equal(readCountPhrase('officials'), undefined);
  });

  it('gives the quantity finder and the casualty reader the same range', () => {
    for (const phrase of ['more than 70', 'at least 21', 'several', 'dozens', 'twenty-five']) {
      const [q] = findQuantities(`${phrase} people`);
      const count = readCount(phrase)!;
      assert.deepEqual({ min: q!.min, ...(q!.max === undefined ? {} : { max: q!.max }) }, count);
    }
  });

  it('writes an open range with "max": null in the contract output', () => {
    assert.equal(toContractJson({ f: { min: 21 } }), '{"f":{"min":21,"max":null}}');
    assert.equal(toContractJson({ f: { min: 2, max: 3 } }), '{"f":{"min":2,"max":3}}');
  });
});

describe('THWARTED_WORDS (the one thwarted list)', () => {
  it('reads plots stopped, weapons intercepted and arrests before an attack as thwarted', async () => {
    const { THWARTED_WORDS } = await import('./status-words.js');
    const { toEventStatus } = await import('../classify/event-status.js');
    for (const text of [
      'Police foiled a plot to bomb a concert.',
      'Air defences intercepted two drones over the city.',
      'Officers arrested three men, seized rifles; detained a fourth before the attack.',
    ]) {
      assert.match(text, THWARTED_WORDS, text);
      assert.equal(toEventStatus(text), 'thwarted', text);
    }
    assert.doesNotMatch('Coast guards intercepted 40 migrants at sea.', THWARTED_WORDS);
  });
});
