import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isTitleCaseLine } from './title-case.js';

describe('isTitleCaseLine', () => {
  it('tells a title-case or capitals headline from a sentence', () => {
    assert.equal(isTitleCaseLine('Suicide Bomber Hits Crocus City Hall', 5), true);
    assert.equal(isTitleCaseLine('GUNMEN STORM HOTEL IN MOGADISHU', 5), true);
    assert.equal(isTitleCaseLine('Militants Attack Base in the North', 5), true);
    assert.equal(isTitleCaseLine('Gunmen attacked Crocus City Hall on Friday', 5), false);
    assert.equal(isTitleCaseLine('Crocus City Hall Attack.', 5), false, 'a sentence ends');
    assert.equal(isTitleCaseLine('Camp Bastion', 2), false, 'too short to tell');
  });

  it('reads only the line that holds the offset', () => {
    const text = 'Militants Storm Bagram Air Base\nMilitants attacked Bagram Air Base on Sunday.';
    assert.equal(isTitleCaseLine(text, 3), true);
    assert.equal(isTitleCaseLine(text, text.indexOf('attacked')), false);
  });

  it('takes no line longer than a headline for one', () => {
    const long = Array.from({ length: 60 }, () => 'Bomber Hits City Hall').join(' ');
    assert.equal(isTitleCaseLine(long, 10), false);
    assert.equal(isTitleCaseLine(long, long.length - 5), false);
  });
});
