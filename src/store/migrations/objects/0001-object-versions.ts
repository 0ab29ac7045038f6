import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * The STIX knowledge base: one row per object version, keyed by (id, version) where `version` is
 * `modified` (or `created`) rewritten to nine fractional digits so that text order is time order.
 * "Latest" is a query over the primary key, not a copy (docs/adr/0002-object-version-table.md).
 * Full-text search covers name, aliases and description: FTS5 over the rowid on SQLite, a
 * generated `tsvector` with a GIN index on PostgreSQL. On SQLite, rows enter the FTS index only
 * through `insertObjectRows` (src/store/objects/object-insert.ts).
 */
export const objects0001: TearlineMigration = {
  async up(db, engine) {
    // The "C" collation makes PostgreSQL order these keys byte by byte, as SQLite does.
    const key = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
    await db.schema
      .createTable('stix_objects')
      .addColumn('id', key, (c) => c.notNull())
      .addColumn('version', key, (c) => c.notNull())
      .addColumn('type', key, (c) => c.notNull())
      .addColumn('spec_version', 'text')
      .addColumn('created', 'text')
      .addColumn('modified', 'text')
      .addColumn('revoked', 'integer', (c) => c.notNull())
      .addColumn('search_text', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('stix_objects_pk', ['id', 'version'])
      .execute();
    await db.schema
      .createIndex('stix_objects_type')
      .on('stix_objects')
      .columns(['type', 'id', 'version'])
      .execute();
    await db.schema
      .createIndex('stix_objects_version')
      .on('stix_objects')
      .column('version')
      .execute();
    if (engine === 'postgres') {
      await sql`alter table stix_objects add column search tsvector
        generated always as (to_tsvector('simple', coalesce(search_text, ''))) stored`.execute(db);
      await sql`create index stix_objects_search on stix_objects using gin (search)`.execute(db);
    } else {
      await sql`create virtual table stix_objects_fts using fts5(
        search_text, content='stix_objects', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')`.execute(db);
      // No insert trigger: insertObjectRows (the only writer) feeds the index itself. Inside a
      // trigger every FTS5 insert runs under a statement savepoint, and FTS5 flushes its pending
      // terms to a new segment at each savepoint, so a bulk load paid one segment (and its
      // merges) per row: ~2 s of 100,000 rows against ~0.3 s fed directly (docs/adr/0015).
      await sql`create trigger stix_objects_fts_delete after delete on stix_objects
        when old.search_text is not null begin
        insert into stix_objects_fts(stix_objects_fts, rowid, search_text)
        values ('delete', old.rowid, old.search_text);
      end`.execute(db);
    }
  },
};
