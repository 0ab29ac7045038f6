import { sql } from 'kysely';
import type { Database } from '../database.js';
import {
  OBJECT_COLUMNS,
  toRowData,
  toRowValues,
  type ObjectRow,
  type PendingObjectRow,
} from './object-row.js';

const PROGRESS_STEP = 2000;
const PG_CHUNK = 5000;

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
    return database.db.connection().execute(async () => {
      const statement = raw.prepare(
        `insert into stix_objects (${OBJECT_COLUMNS.join(', ')}) values (${OBJECT_COLUMNS.map(() => '?').join(', ')}) on conflict do nothing`,
      );
      // The FTS index is fed here rather than by a trigger (see migration 0001 and ADR 0015).
      const index = raw.prepare('insert into stix_objects_fts (rowid, search_text) values (?, ?)');
      return raw.transaction(() => {
        let inserted = 0;
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          const result = statement.run(toRowValues(row));
          if (result.changes > 0) {
            inserted++;
            if (row.search_text !== null) index.run(result.lastInsertRowid, row.search_text);
          }
          if (onProgress && (i + 1) % PROGRESS_STEP === 0) onProgress(i + 1, rows.length);
        }
        onProgress?.(rows.length, rows.length);
        return inserted;
      })();
    });
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
