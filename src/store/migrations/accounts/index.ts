import type { MigrationSet } from '../migration.js';

/** The accounts area's migrations, in order. */
export const accountMigrations: MigrationSet = {};
