import { sql } from 'kysely';
import type { RelationshipQueryOptions } from '../../core/ports/object-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { Database } from '../database.js';

/**
 * The latest versions of the relationships that start or end at `id` (STIX 2.1 §5.1
 * `source_ref` / `target_ref`), newest first. The refs are read from the stored JSON on both
 * engines; a `like` on the id first narrows the rows the JSON is parsed for.
 *
 * @example const rels = await findRelationshipsOf(database, 'incident--…')
 */
export async function findRelationshipsOf(
  database: Database,
  id: string,
  options: RelationshipQueryOptions = {},
): Promise<StixObject[]> {
  const ref = (key: string) =>
    database.engine === 'postgres'
      ? sql`(o.data::jsonb ->> ${key})`
      : sql`json_extract(o.data, ${`$.${key}`})`;
  // STIX ids hold neither % nor _, so the id is a literal pattern.
  const contains = `%${id}%`;
  const revoked = options.includeRevoked ? sql`` : sql` and o.revoked = 0`;
  const result = await sql<{ data: string }>`select o.data from stix_objects o
    where o.type = 'relationship' and o.data like ${contains}${revoked}
      and not exists (select 1 from stix_objects n where n.id = o.id and n.version > o.version)
      and (${ref('source_ref')} = ${id} or ${ref('target_ref')} = ${id})
    order by o.version desc, o.id
    limit ${options.limit ?? 500}`.execute(database.db);
  return result.rows.map((r) => JSON.parse(r.data) as StixObject);
}
