import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { TLP2_MARKING_IDS } from '../../core/vocab/tlp.js';
import { createObjectRepository } from './object-repository.js';

const ACTOR = 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const INCIDENT = 'incident--0a5c4a3e-2f7b-4d1c-9c8e-1b2d3e4f5a6b';
const LOCATION = 'location--3b1e6f0a-7c2d-4e8f-9a1b-2c3d4e5f6a7b';

function actor(modified: string, extra: Partial<StixObject> = {}): StixObject {
  return {
    type: 'threat-actor',
    spec_version: '2.1',
    id: ACTOR,
    created: '2024-01-01T00:00:00.000Z',
    modified,
    name: 'Islamic State Khorasan Province',
    aliases: ['ISIS-K', 'ISKP'],
    threat_actor_types: ['terrorist'],
    ...extra,
  } as StixObject;
}

const incident: StixObject = {
  type: 'incident',
  spec_version: '2.1',
  id: INCIDENT,
  created: '2024-03-22T18:00:00.000Z',
  modified: '2024-03-22T18:00:00.000Z',
  name: 'Crocus City Hall attack',
  description: 'Gunmen attacked a concert hall in Krasnogorsk.',
  object_marking_refs: [TLP2_MARKING_IDS.amber],
};

const relationship: StixObject = {
  type: 'relationship',
  spec_version: '2.1',
  id: 'relationship--5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  created: '2024-03-23T00:00:00.000Z',
  modified: '2024-03-23T00:00:00.000Z',
  relationship_type: 'located-at',
  source_ref: INCIDENT,
  target_ref: LOCATION,
};

for (const engine of ENGINES) {
  describe(`object repository on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    async function withRepo(
      fn: (repo: ReturnType<typeof createObjectRepository>) => Promise<void>,
    ) {
      const t = await createTestDatabase(engine);
      try {
        await fn(createObjectRepository(t.database));
      } finally {
        await t.dispose();
      }
    }

    it('keeps every version and answers the latest', () =>
      withRepo(async (repo) => {
        const result = await repo.putObjects([
          actor('2024-01-01T00:00:00.000Z'),
          actor('2024-04-01T00:00:00.000Z', { description: 'Capable of operations abroad.' }),
          actor('2024-02-01T00:00:00.5Z'),
        ]);
        assert.equal(result.inserted, 3);
        assert.equal(result.unchanged, 0);
        const versions = await repo.listVersions(ACTOR);
        assert.deepEqual(
          versions.map((v) => v.modified),
          ['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.5Z', '2024-04-01T00:00:00.000Z'],
        );
        assert.equal((await repo.getLatest(ACTOR))?.description, 'Capable of operations abroad.');
        assert.equal(
          (await repo.getVersion(ACTOR, '2024-02-01T00:00:00.500Z'))?.modified,
          '2024-02-01T00:00:00.5Z',
        );
        assert.equal(await repo.getVersion(ACTOR, '2024-03-01T00:00:00.000Z'), undefined);
        assert.equal(
          await repo.getLatest('threat-actor--00000000-0000-4000-8000-000000000000'),
          undefined,
        );
      }));

    it('leaves a version already stored unchanged and counts batch duplicates once', () =>
      withRepo(async (repo) => {
        await repo.putObjects([actor('2024-01-01T00:00:00.000Z')]);
        const again = await repo.putObjects([
          actor('2024-01-01T00:00:00.000Z', { name: 'changed' }),
          incident,
          incident,
        ]);
        assert.deepEqual([again.inserted, again.unchanged], [1, 2]);
        assert.equal((await repo.getLatest(ACTOR))?.name, 'Islamic State Khorasan Province');
      }));

    it('reports references to objects neither in the batch nor stored, except TLP markings', () =>
      withRepo(async (repo) => {
        const first = await repo.putObjects([incident, relationship]);
        assert.deepEqual(first.dangling, [LOCATION]);
        const location = {
          type: 'location',
          spec_version: '2.1',
          id: LOCATION,
          created: '2024-03-23T00:00:00.000Z',
          modified: '2024-03-23T00:00:00.000Z',
          country: 'RU',
        } as StixObject;
        await repo.putObjects([location]);
        const second = await repo.putObjects([
          { ...relationship, modified: '2024-03-24T00:00:00.000Z' },
        ]);
        assert.deepEqual(second.dangling, []);
      }));

    it('filters, counts and pages latest versions; revoked ones only on request', () =>
      withRepo(async (repo) => {
        await repo.putObjects([
          actor('2024-01-01T00:00:00.000Z'),
          incident,
          relationship,
          { ...incident, modified: '2024-05-01T00:00:00.000Z', revoked: true },
        ]);
        assert.deepEqual(
          (await repo.findLatest()).map((o) => o.id),
          [relationship.id, ACTOR],
        );
        assert.deepEqual(
          (await repo.findLatest({ includeRevoked: true })).map((o) => o.id),
          [INCIDENT, relationship.id, ACTOR],
        );
        assert.equal(await repo.countLatest({ types: ['threat-actor'] }), 1);
        assert.equal(await repo.countLatest({ includeRevoked: true }), 3);
        assert.equal(await repo.countLatest({ modifiedSince: '2024-02-01T00:00:00Z' }), 1);
        assert.deepEqual(
          (await repo.findLatest({ limit: 1, offset: 1 })).map((o) => o.id),
          [ACTOR],
        );
        assert.deepEqual(
          (await repo.findLatest({ ids: [ACTOR, INCIDENT] })).map((o) => o.id),
          [ACTOR],
        );
        // Stamps name the same latest versions as the objects, without reading them.
        const stamps = await repo.findLatestStamps({
          ids: [ACTOR, INCIDENT],
          includeRevoked: true,
        });
        assert.deepEqual(
          stamps.sort((a, b) => a.id.localeCompare(b.id)),
          [
            {
              id: INCIDENT,
              created: incident.created,
              modified: '2024-05-01T00:00:00.000Z',
              revoked: true,
            },
            {
              id: ACTOR,
              created: '2024-01-01T00:00:00.000Z',
              modified: '2024-01-01T00:00:00.000Z',
              revoked: false,
            },
          ],
        );
        assert.deepEqual(
          (await repo.findLatestStamps({ ids: [ACTOR, INCIDENT] })).map((s) => s.id),
          [ACTOR],
        );
      }));

    it('streams every version in (id, modified) order across pages', () =>
      withRepo(async (repo) => {
        const many: StixObject[] = [];
        for (let i = 0; i < 1203; i++) {
          const day = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
          many.push(actor(day));
        }
        await repo.putObjects([...many, incident]);
        const seen: string[] = [];
        for await (const o of repo.streamAllVersions()) seen.push(`${o.id} ${o.modified}`);
        assert.equal(seen.length, 1204);
        assert.deepEqual(seen, [...seen].sort());
        let incidents = 0;
        for await (const _ of repo.streamAllVersions({ types: ['incident'] })) incidents++;
        assert.equal(incidents, 1);
      }));

    it('searches names, aliases and descriptions of latest versions by word prefix', () =>
      withRepo(async (repo) => {
        await repo.putObjects([actor('2024-01-01T00:00:00.000Z'), incident, relationship]);
        assert.deepEqual(
          (await repo.search('iskp')).map((o) => o.id),
          [ACTOR],
        );
        assert.deepEqual(
          (await repo.search('khorasan prov')).map((o) => o.id),
          [ACTOR],
        );
        assert.deepEqual(
          (await repo.search('Krasnogorsk')).map((o) => o.id),
          [INCIDENT],
        );
        assert.deepEqual(await repo.search('crocus', { types: ['threat-actor'] }), []);
        assert.deepEqual(await repo.search('"); drop table stix_objects; --'), []);
        await repo.putObjects([
          actor('2024-06-01T00:00:00.000Z', { name: 'Wilayat Khorasan', aliases: ['IS-K'] }),
        ]);
        assert.deepEqual(await repo.search('iskp'), []);
        assert.deepEqual(
          (await repo.search('wilayat')).map((o) => o.id),
          [ACTOR],
        );
      }));

    it('indexes a version once when the same batch is stored again', () =>
      withRepo(async (repo) => {
        await repo.putObjects([actor('2024-01-01T00:00:00.000Z'), incident]);
        const again = await repo.putObjects([actor('2024-01-01T00:00:00.000Z'), incident]);
        assert.equal(again.inserted, 0);
        assert.deepEqual(
          (await repo.search('khorasan')).map((o) => o.id),
          [ACTOR],
        );
        assert.deepEqual(
          (await repo.search('Krasnogorsk')).map((o) => o.id),
          [INCIDENT],
        );
      }));

    it('writes nothing when one row of the batch fails', () =>
      withRepo(async (repo) => {
        const broken = {
          ...incident,
          id: 'incident--6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
          type: null,
        } as unknown as StixObject;
        await assert.rejects(repo.putObjects([actor('2024-01-01T00:00:00.000Z'), broken]));
        assert.equal(await repo.countLatest({ includeRevoked: true }), 0);
      }));
  });
}
