import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { TearlineError } from '../core/errors.js';
import type { Database } from './database.js';
import { allMigrations } from './migrations/index.js';

/**
 * Brings the schema up to date. Safe to run on every start: applied migrations are skipped, and
 * Kysely takes a lock so two processes starting at once do not both migrate.
 *
 * @example await migrateToLatest(database) // → ['0001-objects', …] newly applied
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(allMigrations)) {
        out[name] = { up: (db) => migration.up(db, database.engine) };
      }
      return out;
    },
  };
  // Names are numbered by area (migrations/index.ts), so a store that has run the sharing area's
  // 0300 still has to run a later objects migration such as 0052: run what is missing, in order.
  const migrator = new Migrator({ db: database.db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new TearlineError(
      'TEARLINE_E_STORE_MIGRATION_FAILED',
      `Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
      { kind: 'failure', cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
