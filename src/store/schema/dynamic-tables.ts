import type { Kysely } from 'kysely';
import type { TearlineDb } from './tearline-db.js';

/** Kysely over rows whose table is chosen at run time: every table name and column is a string. */
export type DynamicTablesDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The same handle for the few writes that pick their table from data (the aggregate upserts, the
 * ingest upsert by table): their rows are built generically, so no one table's type fits them.
 * Reads keep `TearlineDb`; this is only the escape for a table named by a variable.
 *
 * @example await withDynamicTables(trx).insertInto(spec.table).values(rows).execute()
 */
export function withDynamicTables(db: Kysely<TearlineDb>): DynamicTablesDb {
  return db as unknown as DynamicTablesDb;
}
