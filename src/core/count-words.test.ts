import { it } from 'node:test';
import assert from 'node:assert/strict';
import { toCountWords } from './count-words.js';

it('puts the noun in the number of its count', () => {
  assert.equal(toCountWords(1, 'object'), '1 object');
  assert.equal(toCountWords(0, 'object'), '0 objects');
  assert.equal(toCountWords(2, 'country', 'countries'), '2 countries');
  assert.equal(toCountWords(1200, 'incident'), '1200 incidents');
});
