import type { MigrationSet } from '../migration.js';

/** The objects area's migrations, in order. */
export const objectMigrations: MigrationSet = {};
