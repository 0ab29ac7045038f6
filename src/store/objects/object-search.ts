import { sql, type RawBuilder } from 'kysely';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { Database } from '../database.js';

/**
 * Full-text search over name, aliases and description of latest, unrevoked versions: every word
 * of `text` must match as a word prefix, best match first (bm25 on SQLite FTS5, ts_rank on
 * PostgreSQL). Words are letters and digits only, so no query syntax reaches either engine.
 */
export async function searchObjects(
  database: Database,
  latestOnly: RawBuilder<unknown>,
  text: string,
  options: { types?: readonly string[]; limit?: number } = {},
): Promise<StixObject[]> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 50, 1000));
  const types = options.types?.length ? sql` and o.type in (${sql.join(options.types)})` : sql``;
  if (database.engine === 'postgres') {
    const query = words.map((w) => `${w}:*`).join(' & ');
    const result = await sql<{ data: string }>`select o.data from stix_objects o
      where o.search @@ to_tsquery('simple', ${query}) and ${latestOnly} and o.revoked = 0${types}
      order by ts_rank(o.search, to_tsquery('simple', ${query})) desc, o.id
      limit ${limit}`.execute(database.db);
    return result.rows.map((r) => JSON.parse(r.data) as StixObject);
  }
  const match = words.map((w) => `"${w}"*`).join(' ');
  const result = await sql<{ data: string }>`select o.data from stix_objects_fts f
    join stix_objects o on o.rowid = f.rowid
    where stix_objects_fts match ${match} and ${latestOnly} and o.revoked = 0${types}
    order by bm25(stix_objects_fts), o.id
    limit ${limit}`.execute(database.db);
  return result.rows.map((r) => JSON.parse(r.data) as StixObject);
}
