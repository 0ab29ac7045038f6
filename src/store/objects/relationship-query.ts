import { sql } from 'kysely';
import type { RelationshipQueryOptions } from '../../core/ports/object-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { Database } from '../database.js';
import { relationshipRefSql } from './relationship-ref-sql.js';

/**
 * The latest versions of the relationships that start or end at `id` (STIX 2.1 §5.1
 * `source_ref` / `target_ref`), newest first, found through the partial indexes on the refs in
 * the stored JSON (migration 0052).
 *
 * @example const rels = await findRelationshipsOf(database, 'incident--…')
 */
export async function findRelationshipsOf(
  database: Database,
  id: string,
  options: RelationshipQueryOptions = {},
): Promise<StixObject[]> {
  const revoked = options.includeRevoked ? sql`` : sql` and o.revoked = 0`;
  // One end at a time, each through its partial index (migration 0052). SQLite is told the
  // index: without statistics it rates the type index as good and scans every relationship.
  const end = (key: 'source_ref' | 'target_ref') => {
    const index =
      database.engine === 'sqlite'
        ? sql` indexed by ${sql.id(`stix_objects_relationship_${key}`)}`
        : sql``;
    return sql`select o.data, o.version, o.id from stix_objects o${index}
      where o.type = 'relationship' and ${relationshipRefSql(database.engine, key, 'o')} = ${id}${revoked}
        and not exists (select 1 from stix_objects n where n.id = o.id and n.version > o.version)`;
  };
  const result = await sql<{ data: string }>`select r.data
    from (${end('source_ref')} union ${end('target_ref')}) r
    order by r.version desc, r.id
    limit ${options.limit ?? 500}`.execute(database.db);
  return result.rows.map((r) => JSON.parse(r.data) as StixObject);
}
