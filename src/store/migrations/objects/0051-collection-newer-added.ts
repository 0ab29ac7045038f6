import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * `newer_added` on each collection row: the latest date_added among the same object's versions
 * that rank above it (by spec_version, then version), or null when it is the newest. "The last
 * version added after X" is then a column test (`newer_added is null or newer_added <= X`)
 * instead of a lookup per row, on the path every polling client takes.
 */
export const objects0051: TearlineMigration = {
  async up(db, engine) {
    const key = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
    await db.schema.alterTable('taxii_collection_objects').addColumn('newer_added', key).execute();
    await sql`update taxii_collection_objects set newer_added = (
        select max(s.date_added) from taxii_collection_objects s
        where s.collection_id = taxii_collection_objects.collection_id
          and s.object_id = taxii_collection_objects.object_id
          and (s.spec_version, s.version) > (taxii_collection_objects.spec_version, taxii_collection_objects.version))`.execute(
      db,
    );
  },
};
