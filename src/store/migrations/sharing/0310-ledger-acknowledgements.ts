import type { TearlineMigration } from '../migration.js';

/**
 * A release's ledger entry carries the approver's acknowledgements of the residual scan's
 * findings (issue 13): canonical JSON on the release's first entry, covered by its hash; empty
 * on every other entry, so older entries hash as they did.
 */
export const sharing0310: TearlineMigration = {
  async up(db) {
    await db.schema.alterTable('sharing_ledger').addColumn('acknowledgements', 'text').execute();
  },
};
