import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * TAXII 2.1 collections, their own copies of object versions (with `date_added`), the status
 * resources of POSTs, and the state of `tearline pull` per remote collection. Timestamps are
 * stored as fixed-width microsecond keys (`2016-11-03T12:30:59.001000Z`) so that text order is
 * time order; on PostgreSQL the sort columns use the "C" collation so that order is byte order on
 * both engines and the (collection_id, date_added, object_id, version) index serves every page.
 */
export const objects0050: TearlineMigration = {
  async up(db, engine) {
    const key = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
    await db.schema
      .createTable('taxii_collections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('alias', 'text')
      .addColumn('can_read', 'integer', (c) => c.notNull())
      .addColumn('can_write', 'integer', (c) => c.notNull())
      .addColumn('media_types', 'text', (c) => c.notNull())
      .addColumn('partner_id', 'text')
      .addColumn('direction', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('taxii_collections_partner_id')
      .on('taxii_collections')
      .column('partner_id')
      .execute();
    await db.schema
      .createTable('taxii_collection_objects')
      .addColumn('collection_id', key, (c) =>
        c.notNull().references('taxii_collections.id').onDelete('cascade'),
      )
      .addColumn('object_id', key, (c) => c.notNull())
      .addColumn('version', key, (c) => c.notNull())
      .addColumn('date_added', key, (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('spec_version', key, (c) => c.notNull())
      .addColumn('revoked', 'integer', (c) => c.notNull())
      .addColumn('object', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('taxii_collection_objects_pk', [
        'collection_id',
        'object_id',
        'version',
      ])
      .execute();
    await db.schema
      .createIndex('taxii_collection_objects_page')
      .on('taxii_collection_objects')
      .columns(['collection_id', 'date_added', 'object_id', 'version'])
      .execute();
    await db.schema
      .createTable('taxii_statuses')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('request_timestamp', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('taxii_pull_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('collection_id', 'text', (c) => c.notNull())
      .addColumn('last_added', 'text')
      .addColumn('last_pulled', 'text')
      .execute();
    await db.schema
      .createTable('taxii_pull_receipts')
      .addColumn('source_id', 'text', (c) =>
        c.notNull().references('taxii_pull_sources.id').onDelete('cascade'),
      )
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('date_added', 'text', (c) => c.notNull())
      .addColumn('received', 'text', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('taxii_pull_receipts_pk', ['source_id', 'object_id', 'version'])
      .execute();
  },
};
