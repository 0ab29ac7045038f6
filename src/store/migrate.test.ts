import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../test/support/engines.js';
import { migrateToLatest } from './migrate.js';

for (const engine of ENGINES) {
  describe(`migrations on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('runs a migration numbered below ones a store has already run (areas are numbered apart)', async () => {
      const t = await createTestDatabase(engine);
      try {
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
      } finally {
        await t.dispose();
      }
    });
  });
}
