import { sql } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { Database } from '../database.js';
import { OBJECT_COLUMNS, toRowData, type ObjectRow, type PendingObjectRow } from './object-row.js';

const PROGRESS_STEP = 2000;
const PG_CHUNK = 5000;
/** The page cache of a bulk insert, in KiB (SQLite's default is 2 MiB, ours 64 MiB). */
const BULK_CACHE_KIB = 262_144;

/**
 * Inserts object versions in one transaction, leaving versions already stored as they are, and
 * returns how many were new. SQLite runs one prepared statement on the raw connection (Kysely's
 * per-query compile costs more than the insert itself); PostgreSQL sends column arrays through
 * `unnest`, a few thousand rows per statement. On SQLite this is also what feeds the full-text
 * index, so every write to `stix_objects` goes through here.
 */
export async function insertObjectRows(
  database: Database,
  rows: readonly (ObjectRow | PendingObjectRow)[],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  if (rows.length === 0) return 0;
  const raw = database.sqlite;
  if (database.engine === 'sqlite' && raw) {
    // Holding Kysely's connection keeps its other queries out while the raw transaction runs.
    return database.db.connection().execute(async () => insertSqlite(raw, rows, onProgress));
  }
  return database.db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += PG_CHUNK) {
      const chunk = rows.slice(i, i + PG_CHUNK);
      const column = (name: (typeof OBJECT_COLUMNS)[number]) =>
        chunk.map((r) => (name === 'data' ? toRowData(r) : r[name]));
      const result = await sql`insert into stix_objects (${sql.raw(OBJECT_COLUMNS.join(', '))})
        select * from unnest(${column('id')}::text[], ${column('version')}::text[], ${column('type')}::text[],
          ${column('spec_version')}::text[], ${column('created')}::text[], ${column('modified')}::text[],
          ${column('revoked')}::integer[], ${column('search_text')}::text[], ${column('data')}::text[])
        on conflict do nothing`.execute(trx);
      inserted += Number(result.numAffectedRows ?? 0);
      onProgress?.(Math.min(i + PG_CHUNK, rows.length), rows.length);
    }
    return inserted;
  });
}

/**
 * The SQLite insert. The FTS index is fed here rather than by a trigger (migration 0001), and in
 * one `insert … select` after the rows: new rows get rowids above the largest before the
 * transaction (SQLite's rowid rule without AUTOINCREMENT), so that range is exactly what this
 * transaction inserted, and types without name, aliases or description add no index row
 * (docs/adr/0015-bulk-write-and-release-speed.md).
 */
function insertSqlite(
  raw: SqliteDatabase.Database,
  rows: readonly (ObjectRow | PendingObjectRow)[],
  onProgress?: (done: number, total: number) => void,
): number {
  const statement = raw.prepare(
    `insert into stix_objects (${OBJECT_COLUMNS.join(', ')}) values (${OBJECT_COLUMNS.map(() => '?').join(', ')}) on conflict do nothing`,
  );
  const lastRowid = raw.prepare('select coalesce(max(rowid), 0) from stix_objects').pluck();
  const index = raw.prepare(`insert into stix_objects_fts (rowid, search_text)
    select rowid, search_text from stix_objects where rowid > ? and search_text is not null`);
  // A 100,000-object import dirties ~100 MB of pages; with the connection's 64 MiB cache SQLite
  // spills pages to the WAL mid-transaction and writes some of them again (measured ~12 % of the
  // insert's CPU). The cache grows only as pages are used and shrinks back when reset.
  const cacheBefore = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  try {
    return insertRowsAndIndex(raw, rows, statement, lastRowid, index, onProgress);
  } finally {
    raw.pragma(`cache_size = ${cacheBefore}`);
  }
}

function insertRowsAndIndex(
  raw: SqliteDatabase.Database,
  rows: readonly (ObjectRow | PendingObjectRow)[],
  statement: SqliteDatabase.Statement,
  lastRowid: SqliteDatabase.Statement,
  index: SqliteDatabase.Statement,
  onProgress?: (done: number, total: number) => void,
): number {
  return raw.transaction(() => {
    const before = lastRowid.get() as number;
    let inserted = 0;
    let indexed = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      // Values as arguments, not an array: one allocation less per row.
      const result = statement.run(
        row.id,
        row.version,
        row.type,
        row.spec_version,
        row.created,
        row.modified,
        row.revoked,
        row.search_text,
        toRowData(row),
      );
      if (result.changes > 0) {
        inserted++;
        if (row.search_text !== null) indexed++;
      }
      if (onProgress && (i + 1) % PROGRESS_STEP === 0) onProgress(i + 1, rows.length);
    }
    if (indexed > 0 && index.run(before).changes !== indexed) {
      // Only if rowids were not assigned above `before` (a table at the largest rowid): the
      // transaction is rolled back rather than leaving the index out of step with the rows.
      throw new Error('stix_objects rowids were not assigned in order; nothing was imported');
    }
    onProgress?.(rows.length, rows.length);
    return inserted;
  })();
}
