import type { MigrationSet } from '../migration.js';
import { sharing0300 } from './0300-sharing.js';
import { sharing0301 } from './0301-sharing-settings.js';
import { sharing0302 } from './0302-sharing-state.js';
import { sharing0303 } from './0303-release-bundles.js';
import { sharing0310 } from './0310-ledger-acknowledgements.js';

/** The sharing area's migrations, in order. */
export const sharingMigrations: MigrationSet = {
  '0300-sharing': sharing0300,
  '0301-sharing-settings': sharing0301,
  '0302-sharing-state': sharing0302,
  '0303-release-bundles': sharing0303,
  '0310-ledger-acknowledgements': sharing0310,
};
