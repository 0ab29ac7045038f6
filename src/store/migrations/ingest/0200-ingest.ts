import type { TearlineMigration } from '../migration.js';

/**
 * Sources, feeds, feed items seen, drafts with their items, and the table job queue. Drafts and
 * items keep their STIX as JSON text (read back whole, never queried inside); timestamps are STIX
 * timestamp strings, which compare correctly as text on both engines.
 */
export const ingest0200: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('ingest_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ingest_feeds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) =>
        c.notNull().references('ingest_sources.id').onDelete('cascade'),
      )
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ingest_feed_items')
      .addColumn('feed_id', 'text', (c) =>
        c.notNull().references('ingest_feeds.id').onDelete('cascade'),
      )
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('seen', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ingest_feed_items_pk', ['feed_id', 'item_key'])
      .execute();
    await db.schema
      .createTable('ingest_drafts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ingest_drafts_state_created')
      .on('ingest_drafts')
      .columns(['state', 'created'])
      .execute();
    await db.schema
      .createTable('ingest_draft_items')
      .addColumn('draft_id', 'text', (c) =>
        c.notNull().references('ingest_drafts.id').onDelete('cascade'),
      )
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ingest_draft_items_pk', ['draft_id', 'item_id'])
      .execute();
    await db.schema
      .createTable('ingest_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('run_after', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('ingest_jobs_due')
      .on('ingest_jobs')
      .columns(['state', 'run_after', 'created'])
      .execute();
  },
};
