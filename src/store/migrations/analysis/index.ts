import type { MigrationSet } from '../migration.js';

/** The analysis area's migrations, in order. */
export const analysisMigrations: MigrationSet = {};
