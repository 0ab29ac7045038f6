import { sql } from 'kysely';
import type {
  ObjectFilter,
  ObjectRepository,
  PutObjectsOptions,
  PutObjectsResult,
} from '../../core/ports/object-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { toVersionKey } from '../../core/stix/stix-timestamp.js';
import type { Database } from '../database.js';
import { insertObjectRows } from './object-insert.js';
import { findReferencedIds } from './object-refs.js';
import { toPendingObjectRow, type PendingObjectRow } from './object-row.js';
import { searchObjects } from './object-search.js';
import { findRelationshipsOf } from './relationship-query.js';

const PAGE = 1000;

/** The versions of one id met so far: one inline (nearly always), a set for the rare others. */
type VersionsSeen = string | Set<string>;

/**
 * Records a version of an id and says whether it was new, without an "id version" key string
 * per object (a bulk import meets 100,000 ids, nearly all with one version).
 */
function addVersion(seen: Map<string, VersionsSeen>, id: string, version: string): boolean {
  const earlier = seen.get(id);
  if (earlier === undefined) seen.set(id, version);
  else if (typeof earlier === 'string') {
    if (earlier === version) return false;
    seen.set(id, new Set([earlier, version]));
  } else {
    if (earlier.has(version)) return false;
    earlier.add(version);
  }
  return true;
}

/**
 * The object store over either engine: every version kept, latest as a query (no newer version
 * with the same id), full-text search per engine.
 *
 * @example const objects = createObjectRepository(database); await objects.putObjects(bundle.objects)
 */
export function createObjectRepository(database: Database): ObjectRepository {
  const { db } = database;

  // A version is the latest when no version of the same id has a greater key.
  const latestOnly = sql`not exists (select 1 from stix_objects n where n.id = o.id and n.version > o.version)`;

  function where(filter: ObjectFilter) {
    const parts = [latestOnly];
    if (filter.types?.length) parts.push(sql`o.type in (${sql.join(filter.types)})`);
    if (filter.ids?.length) parts.push(sql`o.id in (${sql.join(filter.ids)})`);
    if (filter.modifiedSince) parts.push(sql`o.version >= ${toVersionKey(filter.modifiedSince)}`);
    if (!filter.includeRevoked) parts.push(sql`o.revoked = 0`);
    return sql.join(parts, sql` and `);
  }

  async function existingIds(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await db
        .selectFrom('stix_objects')
        .select('id')
        .distinct()
        .where('id', 'in', chunk)
        .execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  }

  return {
    async putObjects(
      objects: readonly StixObject[],
      options: PutObjectsOptions = {},
    ): Promise<PutObjectsResult> {
      const rows: PendingObjectRow[] = [];
      const versions = new Map<string, VersionsSeen>();
      const refs = new Set<string>();
      for (const object of objects) {
        const row = toPendingObjectRow(object);
        findReferencedIds(object, refs);
        if (!addVersion(versions, row.id, row.version)) continue;
        rows.push(row);
      }
      const missing = [...refs].filter((id) => !versions.has(id));
      const stored = await existingIds(missing);
      const dangling = missing.filter((id) => !stored.has(id)).sort();
      const inserted = await insertObjectRows(database, rows, options.onProgress);
      return { inserted, unchanged: objects.length - inserted, dangling };
    },

    async getLatest(id) {
      const row = await db
        .selectFrom('stix_objects')
        .select('data')
        .where('id', '=', id)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? (JSON.parse(row.data) as StixObject) : undefined;
    },

    async getVersion(id, modified) {
      const row = await db
        .selectFrom('stix_objects')
        .select('data')
        .where('id', '=', id)
        .where('version', '=', toVersionKey(modified))
        .executeTakeFirst();
      return row ? (JSON.parse(row.data) as StixObject) : undefined;
    },

    async listVersions(id) {
      const rows = await db
        .selectFrom('stix_objects')
        .select('data')
        .where('id', '=', id)
        .orderBy('version', 'asc')
        .execute();
      return rows.map((r) => JSON.parse(r.data) as StixObject);
    },

    async findLatest(filter = {}) {
      const limit = filter.limit ?? -1;
      const paging =
        filter.limit !== undefined || filter.offset !== undefined
          ? sql` limit ${limit < 0 ? 1_000_000_000 : limit} offset ${filter.offset ?? 0}`
          : sql``;
      const result = await sql<{
        data: string;
      }>`select o.data from stix_objects o where ${where(filter)}
        order by o.version desc, o.id${paging}`.execute(db);
      return result.rows.map((r) => JSON.parse(r.data) as StixObject);
    },

    async findLatestStamps(filter = {}) {
      const result = await sql<{
        id: string;
        created: string | null;
        modified: string | null;
        revoked: number;
      }>`select o.id, o.created, o.modified, o.revoked from stix_objects o
        where ${where(filter)}`.execute(db);
      return result.rows.map((r) => ({
        id: r.id,
        ...(r.created === null ? {} : { created: r.created }),
        ...(r.modified === null ? {} : { modified: r.modified }),
        revoked: Number(r.revoked) === 1,
      }));
    },

    async countLatest(filter = {}) {
      const result = await sql<{
        n: number;
      }>`select count(*) as n from stix_objects o where ${where(filter)}`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },

    async *streamAllVersions(filter = {}) {
      let after: { id: string; version: string } | undefined;
      for (;;) {
        const parts = [sql`1 = 1`];
        if (filter.types?.length) parts.push(sql`type in (${sql.join(filter.types)})`);
        if (filter.modifiedSince) parts.push(sql`version >= ${toVersionKey(filter.modifiedSince)}`);
        if (after)
          parts.push(sql`(id > ${after.id} or (id = ${after.id} and version > ${after.version}))`);
        const result = await sql<{
          id: string;
          version: string;
          data: string;
        }>`select id, version, data
          from stix_objects where ${sql.join(parts, sql` and `)} order by id, version limit ${PAGE}`.execute(
          db,
        );
        for (const row of result.rows) yield JSON.parse(row.data) as StixObject;
        if (result.rows.length < PAGE) return;
        const last = result.rows[result.rows.length - 1]!;
        after = { id: last.id, version: last.version };
      }
    },

    search(text, options = {}) {
      return searchObjects(database, latestOnly, text, options);
    },

    relationshipsOf(id, options) {
      return findRelationshipsOf(database, id, options);
    },
  };
}
