import type { MigrationSet } from '../migration.js';

/** The ingest area's migrations, in order. */
export const ingestMigrations: MigrationSet = {};
