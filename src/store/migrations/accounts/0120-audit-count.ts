import type { TearlineMigration } from '../migration.js';

/**
 * How many identical events an audit record stands for (ADR 0038): repeats of a page read or a
 * search within one flush window are one row. Rows written before hold one event each.
 */
export const accounts0120: TearlineMigration = {
  async up(db) {
    await db.schema
      .alterTable('audit_trail')
      .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  },
};
