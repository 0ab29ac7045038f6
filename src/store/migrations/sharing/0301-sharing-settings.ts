import type { TearlineMigration } from '../migration.js';

/** Settings of the sharing area (our own organisation identity), one JSON value per key. */
export const sharing0301: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('sharing_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
