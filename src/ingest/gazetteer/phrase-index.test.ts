import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPhraseIndex, type PhraseIndex } from './phrase-index.js';
import { toWordPieces } from '../text/word-pieces.js';

const matchOf = (index: PhraseIndex<string>, text: string) =>
  index.matchAt(toWordPieces(text), 0, text);

describe('phrase index', () => {
  it('matches the longest name at a piece, acronyms only in their own case', () => {
    const index = createPhraseIndex<string>();
    index.add('Tal', 'short');
    index.add('Tal Afar', 'town');
    index.add('IS', 'group');
    assert.deepEqual(matchOf(index, 'Tal Afar district'), { from: 0, to: 2, values: ['town'] });
    assert.equal(matchOf(index, 'is'), undefined);
    assert.deepEqual(matchOf(index, 'IS fighters')?.values, ['group']);
  });

  it('answers for names added later as if they had been added at once, in the same order', () => {
    const made: number[] = [];
    const names = ['Kabul', 'Tal Afar', 'al-Qaim', 'Tal', 'Kabul'];
    const make = (id: number): string => {
      made.push(id);
      return `${names[id]}#${id}`;
    };
    const later = createPhraseIndex<string>();
    const now = createPhraseIndex<string>();
    for (const index of [later, now]) index.add('Kabul Province', 'province');
    names.forEach((name, id) => {
      later.addLater(name, id, make);
      now.add(name, `${name}#${id}`);
    });
    // An eager name after waiting ones of the same first word comes after them.
    later.add('Tal Abyad', 'eager');
    now.add('Tal Abyad', 'eager');
    assert.deepEqual(made, [1, 3], 'only the names under the first word added to');
    for (const text of [
      'Kabul',
      'Kabul Province',
      'Tal Afar',
      'Tal',
      'Tal Abyad',
      'al-Qaim',
      'Qaim',
    ])
      assert.deepEqual(matchOf(later, text), matchOf(now, text), text);
    assert.deepEqual(made.sort(), [0, 1, 2, 3, 4]);
    assert.equal(later.size, now.size);
  });
});
