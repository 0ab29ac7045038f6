import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities, parseNumber } from './find-quantities.js';

const ranges = (text: string) => findQuantities(text).map((q) => [q.text, q.min, q.max]);

describe('findQuantities', () => {
  it('reads digits, number words and ranges', () => {
    assert.deepEqual(ranges('130 dead, twenty-one hurt and 6,000 displaced'), [
      ['130', 130, 130],
      ['twenty-one', 21, 21],
      ['6,000', 6000, 6000],
    ]);
    assert.deepEqual(ranges('between 15 and 20 percent'), [['between 15 and 20 percent', 15, 20]]);
  });

  it('reads vague words as ACLED does and leaves open-ended counts without a maximum', () => {
    assert.deepEqual(ranges('several soldiers, dozens of civilians and hundreds of others'), [
      ['several', 3, 9],
      ['dozens', 12, 99],
      ['hundreds', 100, 999],
    ]);
    const [atLeast] = findQuantities('at least 60 people');
    assert.equal(atLeast?.min, 60);
    assert.equal(atLeast?.max, undefined);
  });

  it('does not read years, words inside names or lone articles as counts', () => {
    assert.deepEqual(ranges('In 2021 the M23 rebels took a town'), []);
    assert.deepEqual(ranges('CTF 50 sent DDG 70 and an MQ-9 drone'), []);
  });
});

describe('parseNumber', () => {
  it('parses words and digits and rejects the rest', () => {
    assert.equal(parseNumber('three hundred'), 300);
    assert.equal(parseNumber('2.5 million'), 2_500_000);
    assert.equal(parseNumber('many'), undefined);
  });
});
