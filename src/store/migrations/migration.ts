import type { Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * One schema step. `up` receives the engine so a migration can write engine-specific SQL
 * (full-text search, partial indexes) where Kysely's schema builder is not enough.
 */
export interface TearlineMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/** Migrations of one area, keyed by a name that sorts into place (`0100-drafts`). */
export type MigrationSet = Record<string, TearlineMigration>;
