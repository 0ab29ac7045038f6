import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * A release's bundle moves to a table of its own. Both engines write a row whole on update
 * (SQLite rewrites the record with its overflow pages, PostgreSQL writes a new tuple), so an
 * approval that only changes the status rewrote the whole bundle beside it: ~40 ms for a
 * 10,000-object release. Existing bundles are copied over and the old column emptied.
 */
export const sharing0303: TearlineMigration = {
  async up(db) {
    await db.schema
      .createTable('sharing_release_bundles')
      .addColumn('release_id', 'text', (c) =>
        c.primaryKey().references('sharing_releases.id').onDelete('cascade'),
      )
      .addColumn('bundle', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into sharing_release_bundles (release_id, bundle)
      select id, bundle from sharing_releases where bundle is not null`.execute(db);
    await sql`update sharing_releases set bundle = null where bundle is not null`.execute(db);
  },
};
