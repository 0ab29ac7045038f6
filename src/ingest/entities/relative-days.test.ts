import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './find-entities.js';

const dates = (text: string, published = '2024-05-14'): Array<[string, string | undefined]> =>
  findEntities(text, { published })
    .filter((e) => e.type === 'date')
    .map((e) => [e.text, e.type === 'date' ? e.value : undefined]);

describe('a day told against the story', () => {
  it('is counted from the last day the story told, not from publication', () => {
    assert.deepEqual(
      dates(
        'Gunmen struck on May 3. The next day, a bomb exploded. Two days later, troops raided the village.',
      ),
      [
        ['May 3', '2024-05-03'],
        ['The next day', '2024-05-04'],
        ['Two days later', '2024-05-06'],
      ],
    );
    assert.deepEqual(dates('A bomb exploded on Friday. The day before, gunmen had struck.'), [
      ['on Friday', '2024-05-10'],
      ['The day before', '2024-05-09'],
    ]);
  });

  it('has no day when the story told none, nor from a dateline', () => {
    assert.deepEqual(dates('A bomb exploded in Kano. The next day, gunmen struck.'), [
      ['The next day', undefined],
    ]);
    assert.deepEqual(
      dates('KANO, May 12 — A bomb exploded in Kano. The next day, gunmen struck.'),
      [
        ['May 12', '2024-05-12'],
        ['The next day', undefined],
      ],
    );
  });
});
