import type { MigrationSet } from '../migration.js';
import { ingest0200 } from './0200-ingest.js';

/** The ingest area's migrations, in order. */
export const ingestMigrations: MigrationSet = { '0200-ingest': ingest0200 };
