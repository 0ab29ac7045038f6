import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findPlace } from './find-place.js';

describe('findPlace', () => {
  it('geocodes names, aliases and countries offline', () => {
    assert.equal(findPlace('Moscow')?.country, 'RU');
    assert.equal(findPlace('Burma')?.country, 'MM');
    assert.equal(findPlace('Ar Raqqah')?.country, 'SY');
    assert.equal(findPlace('Syria')?.kind, 'country');
  });

  it('narrows an ambiguous name by country and refuses what it does not know', () => {
    const idaho = findPlace('Moscow', { country: 'us' });
    assert.equal(idaho?.country, 'US');
    assert.equal(findPlace('Moscow', { country: 'FR' }), undefined);
    assert.equal(findPlace('Nowhereville Qqq'), undefined);
    assert.equal(findPlace('  '), undefined);
  });
});
