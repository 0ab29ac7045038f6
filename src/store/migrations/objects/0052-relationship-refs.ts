import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';
import { relationshipRefSql } from '../../objects/relationship-ref-sql.js';

/**
 * Indexes on the `source_ref` and `target_ref` of relationship rows (partial: relationships only),
 * so that "the relationships of this incident" is an index lookup instead of a scan of every
 * relationship. Review merges and the analysis index ask it for each incident they handle.
 */
export const objects0052: TearlineMigration = {
  async up(db, engine) {
    for (const key of ['source_ref', 'target_ref'] as const) {
      await sql`create index ${sql.id(`stix_objects_relationship_${key}`)}
        on stix_objects (${relationshipRefSql(engine, key)})
        where type = 'relationship'`.execute(db);
    }
  },
};
