import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStixIdentifier } from './identifier-check.js';
import { IDENTIFIER_PATTERN } from './property-checks.js';

const VALID = 'incident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

test('isStixIdentifier accepts what the schema pattern accepts', () => {
  for (const id of [
    VALID,
    'x-tearline-thing--6F1C2A3B-4D5E-1F60-BA7B-9C0D1E2F3A4B',
    'abc--00000000-0000-5000-9000-000000000000',
    'a--b--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'a1-2--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  ]) {
    assert.equal(IDENTIFIER_PATTERN.test(id), true, id);
    assert.equal(isStixIdentifier(id), true, id);
  }
});

test('isStixIdentifier refuses what the schema pattern refuses', () => {
  for (const id of [
    '',
    'ab--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', // type of two characters
    'Incident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'incident---6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', // type ending in a hyphen
    '1ncident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'incident--6f1c2a3b-4d5e-6f60-8a7b-9c0d1e2f3a4b', // version 6
    'incident--6f1c2a3b-4d5e-4f60-7a7b-9c0d1e2f3a4b', // variant 7
    'incident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4', // short
    'incident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4bb',
    'incident-6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'incident--6f1c2a3b_4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'incident--6f1c2a3g-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'inci dent--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    'incident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b\n',
  ]) {
    assert.equal(IDENTIFIER_PATTERN.test(id), false, id);
    assert.equal(isStixIdentifier(id), false, id);
  }
});

test('isStixIdentifier agrees with the schema pattern on every one-character change', () => {
  // Seeded, so a failure names a reproducible string.
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const alphabet = 'abfgzAFGZ0159-_.8 \u00e9';
  let checked = 0;
  for (const base of [VALID, 'a--b--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b']) {
    for (let at = 0; at < base.length; at++) {
      for (const ch of alphabet) {
        const mutated = base.slice(0, at) + ch + base.slice(at + 1);
        assert.equal(isStixIdentifier(mutated), IDENTIFIER_PATTERN.test(mutated), mutated);
        const cut = mutated.slice(0, Math.floor(random() * mutated.length));
        assert.equal(isStixIdentifier(cut), IDENTIFIER_PATTERN.test(cut), cut);
        checked += 2;
      }
    }
  }
  assert.ok(checked > 1000);
});
