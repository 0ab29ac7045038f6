import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findFacilities } from './find-facilities.js';

const sites = (text: string) =>
  findFacilities(text, { start: 0, end: text.length }).map((f) => f.text);

describe('findFacilities', () => {
  it('finds named streets, buildings and camps, without the owner or the article', () => {
    assert.deepEqual(sites('A bomb went off on Harbour Street near the Grand Palace Hotel.'), [
      'Harbour Street',
      'Grand Palace Hotel',
    ]);
    assert.deepEqual(sites('Militants attacked Camp Bastion before dawn.'), ['Camp Bastion']);
    assert.deepEqual(sites('The blast hit Lagos’s Tafawa Balewa Square.'), [
      'Tafawa Balewa Square',
    ]);
  });

  it('ignores common nouns and single words', () => {
    assert.deepEqual(sites('The market and the bus station were closed. Station staff left.'), []);
  });
});
