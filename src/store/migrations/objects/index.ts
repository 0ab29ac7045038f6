import type { MigrationSet } from '../migration.js';
import { objects0001 } from './0001-object-versions.js';
import { objects0050 } from './0050-collections.js';
import { objects0051 } from './0051-collection-newer-added.js';
import { objects0052 } from './0052-relationship-refs.js';
import { objects0053 } from './0053-collection-audited-markings.js';

/** The objects area's migrations, in order. */
export const objectMigrations: MigrationSet = {
  '0001-object-versions': objects0001,
  '0050-collections': objects0050,
  '0051-collection-newer-added': objects0051,
  '0052-relationship-refs': objects0052,
  '0053-collection-audited-markings': objects0053,
};
