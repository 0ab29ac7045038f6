import type { MigrationSet } from '../migration.js';
import { accounts0100 } from './0100-accounts.js';

/** The accounts area's migrations, in order. */
export const accountMigrations: MigrationSet = {
  '0100-accounts': accounts0100,
};
