import { it } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from './find-entities.js';

// Sentences of our own in the register of official statements (issue 14, item 7).
it('reads a nationality before a body, or "the" + a people acting, as one organisation', () => {
  const text =
    'The minister thanked our Jordanian allies and the Lebanese government. The Saudis remain key partners, as do Afghan security forces.';
  const orgs = findEntities(text)
    .filter((e) => e.type === 'organization' || e.type === 'actor')
    .map((e) => e.text);
  assert.ok(orgs.includes('Jordanian allies'), orgs.join(' | '));
  assert.ok(
    orgs.some((o) => /Lebanese government/.test(o)),
    orgs.join(' | '),
  );
  assert.ok(orgs.includes('Saudis'), orgs.join(' | '));
  assert.ok(
    orgs.some((o) => /Afghan security forces/.test(o)),
    orgs.join(' | '),
  );
  assert.ok(!findEntities(text).some((e) => e.type === 'nationality'));
});

it('keeps a nationality that qualifies people or a place', () => {
  const entities = findEntities('Two Jordanian doctors visited the Iraqi city of Mosul.');
  assert.equal(entities.filter((e) => e.type === 'nationality').length, 2);
});
