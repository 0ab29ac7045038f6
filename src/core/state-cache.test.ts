import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StateCache } from './state-cache.js';

describe('StateCache', () => {
  it('answers only under the token a value was read with, and forgets the old token', () => {
    const cache = new StateCache<number>(2);
    assert.equal(cache.set('t1', 'a', 1), 1);
    assert.equal(cache.get('t1', 'a'), 1);
    assert.equal(cache.get('t2', 'a'), undefined, 'another token never sees it');
    cache.set('t2', 'b', 2);
    assert.equal(cache.get('t1', 'a'), undefined, 'a new token drops the old values');
    assert.equal(cache.get('t2', 'b'), 2);
    cache.set('t2', 'c', 3);
    cache.set('t2', 'd', 4);
    assert.equal(cache.get('t2', 'd'), undefined, 'no more than maxEntries are kept');
    assert.equal(cache.get('t2', 'c'), 3);
  });
});
