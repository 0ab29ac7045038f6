import type { TearlineMigration } from '../migration.js';

/**
 * Partners, their TAXII credentials (hashes only), agreements with their change history,
 * releases and the hash-chained disclosure ledger. Timestamps are STIX timestamp strings; nested
 * shapes (identity, IEP terms, conditions, transforms, bundles) are JSON text on both engines.
 */
export const sharing0300: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('sharing_partners')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('trust_tier', 'text', (c) => c.notNull())
      .addColumn('identity', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sharing_partner_credentials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partner_id', 'text', (c) =>
        c.notNull().references('sharing_partners.id').onDelete('cascade'),
      )
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('revoked', 'text')
      .execute();
    await db.schema
      .createIndex('sharing_partner_credentials_partner')
      .on('sharing_partner_credentials')
      .column('partner_id')
      .execute();
    await db.schema
      .createTable('sharing_agreements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partner_id', 'text', (c) => c.notNull().references('sharing_partners.id'))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sharing_agreements_partner')
      .on('sharing_agreements')
      .column('partner_id')
      .execute();
    await db.schema
      .createTable('sharing_agreement_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('agreement_id', 'text', (c) =>
        c.notNull().references('sharing_agreements.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sharing_agreement_events_agreement')
      .on('sharing_agreement_events')
      .columns(['agreement_id', 'position'])
      .unique()
      .execute();
    await db.schema
      .createTable('sharing_releases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('partner_id', 'text', (c) => c.notNull().references('sharing_partners.id'))
      .addColumn('agreement_id', 'text', (c) => c.notNull().references('sharing_agreements.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('bundle', 'text')
      .execute();
    await db.schema
      .createIndex('sharing_releases_partner')
      .on('sharing_releases')
      .columns(['partner_id', 'created'])
      .execute();
    // seq is the position in one chain: the ledger is a single append-only log by design
    // (ADR 0008); the unique key makes two concurrent appends at one position fail, not fork.
    await db.schema
      .createTable('sharing_ledger')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('partner_id', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text', (c) => c.notNull())
      .addColumn('object_version', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('release_id', 'text', (c) => c.notNull())
      .addColumn('approver', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('sharing_ledger_release')
      .on('sharing_ledger')
      .column('release_id')
      .execute();
  },
};
