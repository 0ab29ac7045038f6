import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Entity } from '../extract-types.js';
import { findEntities } from './find-entities.js';

function assertWellFormed(text: string, entities: Entity[]): void {
  for (let k = 0; k < entities.length; k++) {
    const e = entities[k]!;
    assert.ok(
      Number.isInteger(e.start) &&
        Number.isInteger(e.end) &&
        e.start < e.end &&
        e.end <= text.length,
    );
    assert.equal(text.slice(e.start, e.end), e.text);
    if (k > 0) assert.ok(entities[k - 1]!.end <= e.start);
  }
}

// Words that exercise every finder, mixed with arbitrary text.
const WORDS = [
  'ISIS-K',
  'Taliban',
  'Moscow',
  'Kabul',
  'on',
  'March',
  '22',
  'Gen.',
  'Smith',
  'said',
  'U.S.',
  'forces',
  'at least',
  '130',
  'dozens',
  'IED',
  'near',
  'Palmyra,',
  'Syria.',
  'the',
  'Ministry',
  'of',
  'Defence',
  '😀',
  'Ğ',
  '\n',
  '"',
  '—',
  'al-Qaeda',
  'claimed',
  'responsibility',
  'Front',
];

describe('findEntities on arbitrary input', () => {
  it('returns well-formed, non-overlapping spans in UTF-16 offsets for any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...WORDS),
            fc.string(),
            fc.string({ unit: 'grapheme', maxLength: 6 }),
          ),
          { maxLength: 40 },
        ),
        fc.option(fc.constantFrom('2024-06-10', '2001-01-01'), { nil: undefined }),
        (parts, published) => {
          const text = parts.join(' ');
          assertWellFormed(text, findEntities(text, published ? { published } : {}));
        },
      ),
      { numRuns: 150, seed: 20240610 },
    );
  });

  it('keeps offsets right after characters outside the Basic Multilingual Plane', () => {
    const text = '🔥🔥 ISIS-K struck Moscow.';
    const found = findEntities(text, {});
    assertWellFormed(text, found);
    assert.equal(found.find((e) => e.type === 'location')?.start, text.indexOf('Moscow'));
  });

  it('reads a long run of capitalised words and repeated patterns without failing', () => {
    const text =
      'The Front Of The Army Of The Brigade Of '.repeat(2000) + 'claimed responsibility.';
    assertWellFormed(text, findEntities(text, {}));
  });
});
