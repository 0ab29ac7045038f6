import { it } from 'node:test';
import assert from 'node:assert/strict';
import {
  findRestrictedAmongObjects,
  findRestrictedIds,
  findStixIds,
  isProtectedObject,
  mayHoldRestricted,
  toProtectedMatchers,
} from './audit-restricted.js';
import type { StixObject } from './stix/stix-object.js';
import { TLP1_MARKING_IDS, TLP2_MARKING_IDS } from './vocab/tlp.js';

const object = (n: number, fields: Record<string, unknown>): StixObject => ({
  type: 'identity',
  spec_version: '2.1',
  id: `identity--00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as StixObject['id'],
  ...fields,
});

it('recognises AMBER+STRICT, RED (TLP 2.0 and 1.0) and protected names anywhere in an answer', () => {
  const matchers = toProtectedMatchers(['  Gul Ahmad ', 'x']);
  assert.deepEqual(matchers, ['gul ahmad']);
  const answer = {
    objects: [
      object(1, { object_marking_refs: [TLP2_MARKING_IDS.green] }),
      object(2, { object_marking_refs: [TLP2_MARKING_IDS['amber+strict']] }),
      { nested: { deeper: [object(3, { object_marking_refs: [TLP1_MARKING_IDS.red] })] } },
      object(4, { name: 'GUL AHMAD (source)' }),
      object(5, { aliases: ['Gul Ahmad'] }),
      object(2, { object_marking_refs: [TLP2_MARKING_IDS.red] }),
    ],
  };
  const text = JSON.stringify(answer);
  assert.equal(mayHoldRestricted(text, matchers), true);
  assert.deepEqual(findRestrictedIds(answer, matchers), [
    object(2, {}).id,
    object(3, {}).id,
    object(4, {}).id,
    object(5, {}).id,
  ]);
  assert.deepEqual(findRestrictedIds(answer, []), [object(2, {}).id, object(3, {}).id]);
});

it('classifies a list of objects the way it classifies the same objects inside an answer', () => {
  const matchers = toProtectedMatchers(['Gul Ahmad']);
  const objects = [
    object(1, { object_marking_refs: [TLP2_MARKING_IDS.green] }),
    object(2, { object_marking_refs: [TLP2_MARKING_IDS.clear, TLP1_MARKING_IDS.red] }),
    object(3, { name: 'Gul Ahmad' }),
    object(2, { object_marking_refs: [TLP2_MARKING_IDS['amber+strict']] }),
    object(4, {}),
  ];
  assert.deepEqual(findRestrictedAmongObjects(objects, matchers), [
    object(2, {}).id,
    object(3, {}).id,
  ]);
  assert.deepEqual(
    findRestrictedAmongObjects(objects, matchers),
    findRestrictedIds({ objects }, matchers),
  );
  assert.deepEqual(findRestrictedAmongObjects([], matchers), []);
});

it('lets an answer without restricted objects through without parsing', () => {
  const plain = JSON.stringify({ objects: [object(1, { name: 'Green Front' })] });
  assert.equal(mayHoldRestricted(plain, toProtectedMatchers(['Gul Ahmad'])), false);
  assert.equal(isProtectedObject(object(1, { name: 'Green Front' }), ['gul ahmad']), false);
});

it('finds the STIX ids an aggregate names, once each', () => {
  const id = 'incident--00000000-0000-4000-8000-000000000001';
  assert.deepEqual(findStixIds(`{"a":"${id}","b":["${id}"],"c":"not-an-id--x"}`), [id]);
});
