import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { createObjectRepository } from './object-repository.js';
import { findRelationshipsOf } from './relationship-query.js';

const ACTOR = 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const PARENT = 'threat-actor--1c0a7e55-3d1f-4b8e-9f2a-6d5c4b3a2f10';
const INCIDENT = 'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b';
const OTHER_INCIDENT = 'incident--7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918';

function rel(
  n: number,
  type: string,
  source: string,
  target: string,
  extra: Partial<StixObject> = {},
): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--00000000-0000-4000-8000-00000000000${n}`,
    created: '2024-03-23T00:00:00.000Z',
    modified: `2024-03-2${n}T00:00:00.000Z`,
    relationship_type: type,
    source_ref: source,
    target_ref: target,
    ...extra,
  } as StixObject;
}

for (const engine of ENGINES) {
  describe(`relationships of an object on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('finds the latest relationships from and to an object, not those that only mention it', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const objects = createObjectRepository(t.database);
      const attributed = rel(3, 'attributed-to', INCIDENT, ACTOR);
      const affiliated = rel(4, 'affiliated-with', ACTOR, PARENT);
      await objects.putObjects([
        attributed,
        // An older version of the same relationship: only the latest comes back.
        { ...affiliated, modified: '2024-03-23T12:00:00.000Z', description: 'old' },
        affiliated,
        rel(5, 'attributed-to', OTHER_INCIDENT, PARENT),
        // Names the actor in its text only: not a relationship of it.
        rel(6, 'related-to', INCIDENT, OTHER_INCIDENT, { description: `see ${ACTOR}` }),
        rel(7, 'attributed-to', OTHER_INCIDENT, ACTOR, { revoked: true }),
      ]);
      const ofActor = await findRelationshipsOf(t.database, ACTOR);
      assert.deepEqual(
        ofActor.map((r) => [r.relationship_type, r.source_ref, r.target_ref]),
        [
          ['affiliated-with', ACTOR, PARENT],
          ['attributed-to', INCIDENT, ACTOR],
        ],
      );
      assert.equal(ofActor[0]!.description, undefined);
      const withRevoked = await findRelationshipsOf(t.database, ACTOR, { includeRevoked: true });
      assert.equal(withRevoked.length, 3);
      const ofParent = await findRelationshipsOf(t.database, PARENT, { limit: 1 });
      assert.equal(ofParent.length, 1);
      assert.deepEqual(
        await findRelationshipsOf(
          t.database,
          'threat-actor--' + '0'.repeat(8) + '-0000-4000-8000-000000000000',
        ),
        [],
      );
    });
  });
}
