import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../test/support/engines.js';
import { migrateToLatest } from './migrate.js';
import { createReleaseRepository } from './sharing/release-repository.js';
import { TLP1_MARKING_IDS, TLP2_MARKING_IDS } from '../core/vocab/tlp.js';
import { AUDITED_MARKING_IDS } from '../core/audit.js';
import { AUDITED_AT_0053 } from './migrations/objects/0053-collection-audited-markings.js';

it('flags collection rows by the audited markings of today (a change needs a migration that flags them again)', () => {
  // may_hold_audited was computed with this list; a marking added to the audited ones would be in
  // rows flagged 0, whose TAXII pages the audit scan then skips (ADR 0034). When the list
  // changes, a new migration flags the rows again and this test compares with its list.
  assert.deepEqual([...AUDITED_AT_0053].sort(), [...AUDITED_MARKING_IDS].sort());
});

for (const engine of ENGINES) {
  describe(`migrations on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('runs a migration numbered below ones a store has already run (areas are numbered apart)', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const db = t.database.db;
      // A store from before 0052: the later areas' migrations ran, the relationship indexes did not.
      for (const key of ['source_ref', 'target_ref'])
        await sql`drop index ${sql.id(`stix_objects_relationship_${key}`)}`.execute(db);
      await sql`delete from kysely_migration where name = '0052-relationship-refs'`.execute(db);
      assert.deepEqual(await migrateToLatest(t.database), ['0052-relationship-refs']);
      assert.deepEqual(await migrateToLatest(t.database), []);
      const indexes =
        engine === 'sqlite'
          ? await sql<{ name: string }>`select name from sqlite_master
              where type = 'index' and name like 'stix_objects_relationship_%'`.execute(db)
          : await sql<{ name: string }>`select indexname as name from pg_indexes
              where indexname like 'stix_objects_relationship_%'`.execute(db);
      assert.deepEqual(indexes.rows.map((r) => r.name).sort(), [
        'stix_objects_relationship_source_ref',
        'stix_objects_relationship_target_ref',
      ]);
    });

    it('marks the collection rows stored before 0053 that name an audited marking', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const db = t.database.db;
      // A store from before 0053: rows without the column.
      await sql`alter table taxii_collection_objects drop column may_hold_audited`.execute(db);
      await sql`delete from kysely_migration where name = '0053-collection-audited-markings'`.execute(
        db,
      );
      await sql`insert into taxii_collections (id, title, can_read, can_write, media_types, direction)
        values ('c1', 'Out', 1, 0, '[]', 'outbound')`.execute(db);
      const rows = [
        ['green', TLP2_MARKING_IDS.green],
        ['strict', TLP2_MARKING_IDS['amber+strict']],
        ['red', TLP2_MARKING_IDS.red],
        ['red1', TLP1_MARKING_IDS.red],
        ['none', undefined],
      ] as const;
      for (const [name, marking] of rows) {
        const object = JSON.stringify({ id: name, object_marking_refs: marking ? [marking] : [] });
        await sql`insert into taxii_collection_objects
          (collection_id, object_id, version, date_added, type, spec_version, revoked, object)
          values ('c1', ${name}, 'v', '2026-01-01T00:00:00.000Z', 'threat-actor', '2.1', 0,
            ${object})`.execute(db);
      }
      assert.deepEqual(await migrateToLatest(t.database), ['0053-collection-audited-markings']);
      const flags = await sql<{ object_id: string; may_hold_audited: number }>`
        select object_id, may_hold_audited from taxii_collection_objects order by object_id`.execute(
        db,
      );
      assert.deepEqual(
        Object.fromEntries(flags.rows.map((r) => [r.object_id, Number(r.may_hold_audited)])),
        { green: 0, none: 0, red: 1, red1: 1, strict: 1 },
      );
    });

    it('moves the bundles of existing releases to their own table (0303)', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const db = t.database.db;
      // A store from before 0303: the bundle sat beside the release.
      await sql`drop table sharing_release_bundles`.execute(db);
      await sql`delete from kysely_migration where name = '0303-release-bundles'`.execute(db);
      const bundle = {
        type: 'bundle',
        id: 'bundle--00000000-0000-4000-8000-000000000001',
        objects: [],
      };
      const summary = { id: 'r1', partnerId: 'p1', agreementId: 'a1', status: 'previewed' };
      await sql`insert into sharing_partners (id, name, trust_tier, identity, created)
        values ('p1', 'North', 'limited', '{}', '2026-01-01T00:00:00.000Z')`.execute(db);
      await sql`insert into sharing_agreements (id, partner_id, data, state, created)
        values ('a1', 'p1', '{}', 'active', '2026-01-01T00:00:00.000Z')`.execute(db);
      await sql`insert into sharing_releases (id, partner_id, agreement_id, status, created, summary, bundle)
        values ('r1', 'p1', 'a1', 'previewed', '2026-01-01T00:00:00.000Z',
          ${JSON.stringify(summary)}, ${JSON.stringify(bundle)})`.execute(db);
      assert.deepEqual(await migrateToLatest(t.database), ['0303-release-bundles']);
      const release = await createReleaseRepository(t.database).getRelease('r1');
      assert.deepEqual(release?.bundle, bundle);
      const old = await sql<{
        bundle: string | null;
      }>`select bundle from sharing_releases`.execute(db);
      assert.deepEqual(old.rows, [{ bundle: null }]);
    });
  });
}
