import type { TearlineMigration } from '../migration.js';

/**
 * The audit trail: who saw and did what, hash-chained like the disclosure ledger (ADR 0027).
 * Rows hold ids and action names only, never content. `audit_checkpoint` keeps the last pruned
 * entry's position and hash (one row), so the chain stays verifiable after retention pruning.
 */
export const accounts0110: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('audit_trail')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_trail_at').on('audit_trail').column('at').execute();
    await db.schema
      .createIndex('audit_trail_actor')
      .on('audit_trail')
      .columns(['actor_id', 'actor_name'])
      .execute();
    await db.schema
      .createTable('audit_checkpoint')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
  },
};
