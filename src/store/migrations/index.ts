import type { MigrationSet } from './migration.js';
import { objectMigrations } from './objects/index.js';
import { accountMigrations } from './accounts/index.js';
import { ingestMigrations } from './ingest/index.js';
import { sharingMigrations } from './sharing/index.js';
import { analysisMigrations } from './analysis/index.js';

/**
 * Every migration, by area. Names are numbered by area so they sort into one order:
 * 0000–0099 objects and collections, 0100–0199 accounts, 0200–0299 ingest and review,
 * 0300–0399 sharing, 0400–0499 analysis.
 */
export const allMigrations: MigrationSet = {
  ...objectMigrations,
  ...accountMigrations,
  ...ingestMigrations,
  ...sharingMigrations,
  ...analysisMigrations,
};
