import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './split-sentences.js';
import { tokenize } from './tokenize.js';

const texts = (text: string): string[] =>
  splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at final stops and keeps titles, initials and dotted acronyms inside', () => {
    assert.deepEqual(
      texts(
        'Gen. Smith met U.S. officials on Jan. 8 in Kabul. They spoke for an hour! Was it enough?',
      ),
      [
        'Gen. Smith met U.S. officials on Jan. 8 in Kabul.',
        'They spoke for an hour!',
        'Was it enough?',
      ],
    );
  });

  it('ends a sentence at a line break and trims whitespace', () => {
    const text = 'Taliban claim attack\n\n  KABUL — Gunmen stormed a checkpoint.  ';
    assert.deepEqual(texts(text), ['Taliban claim attack', 'KABUL — Gunmen stormed a checkpoint.']);
    const [first] = splitSentences(text);
    assert.deepEqual(first, { start: 0, end: 20 });
  });

  it('keeps closing quotes with the sentence they close', () => {
    assert.deepEqual(texts('He said, "We will respond." The group denied it.'), [
      'He said, "We will respond."',
      'The group denied it.',
    ]);
  });

  it('does not split before a lower-case word or inside numbers', () => {
    assert.deepEqual(texts('About 3.5 million people fled, approx. two thirds of them.'), [
      'About 3.5 million people fled, approx. two thirds of them.',
    ]);
  });

  it('splits after a dotted acronym that closes a sentence before "The"', () => {
    assert.deepEqual(texts('The aid came from the U.S. The Taliban refused it.'), [
      'The aid came from the U.S.',
      'The Taliban refused it.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n\t '), []);
  });
});

describe('tokenize', () => {
  it('keeps hyphenated names and acronyms whole with their offsets', () => {
    const tokens = tokenize('ISIS-K and al-Qaeda hit U.S. bases, 130 dead.');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['ISIS-K', 'and', 'al-Qaeda', 'hit', 'U.S.', 'bases', ',', '130', 'dead', '.'],
    );
    assert.equal(tokens[7]!.kind, 'number');
    assert.equal(tokens[2]!.start, 11);
  });
});
