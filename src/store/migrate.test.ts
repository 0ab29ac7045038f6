import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../test/support/engines.js';
import { migrateToLatest } from './migrate.js';
import { createReleaseRepository } from './sharing/release-repository.js';

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
