import type { MigrationSet } from '../migration.js';
import { accounts0100 } from './0100-accounts.js';
import { accounts0110 } from './0110-audit-trail.js';
import { accounts0120 } from './0120-audit-count.js';

/** The accounts area's migrations, in order. */
export const accountMigrations: MigrationSet = {
  '0100-accounts': accounts0100,
  '0110-audit-trail': accounts0110,
  '0120-audit-count': accounts0120,
};
