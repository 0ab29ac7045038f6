import { sql, type RawBuilder } from 'kysely';
import type { Engine } from '../database.js';

/**
 * A relationship row's `source_ref` or `target_ref` read from its stored JSON, written exactly as
 * the partial indexes of migration 0052 are: a query must use this same text for the planner to
 * use them (a bound JSON path would not match the indexed expression).
 *
 * @example sql`select data from stix_objects o where o.type = 'relationship' and ${relationshipRefSql('sqlite', 'source_ref', 'o')} = ${id}`
 */
export function relationshipRefSql(
  engine: Engine,
  key: 'source_ref' | 'target_ref',
  alias?: string,
): RawBuilder<unknown> {
  const data = alias === undefined ? sql.ref('data') : sql.ref(`${alias}.data`);
  return engine === 'postgres'
    ? sql`((${data})::jsonb ->> ${sql.lit(key)})`
    : sql`json_extract(${data}, ${sql.lit(`$.${key}`)})`;
}
