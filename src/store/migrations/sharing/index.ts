import type { MigrationSet } from '../migration.js';
import { sharing0300 } from './0300-sharing.js';

/** The sharing area's migrations, in order. */
export const sharingMigrations: MigrationSet = {
  '0300-sharing': sharing0300,
};
