import type { MigrationSet } from '../migration.js';

/** The sharing area's migrations, in order. */
export const sharingMigrations: MigrationSet = {};
