import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/** The tables whose rows decide what a partner's TAXII request may read, besides credentials. */
const WATCHED = ['sharing_agreements', 'taxii_collections'] as const;

/**
 * A token of the sharing state: one row whose `token` takes a new random value, in the same
 * transaction, whenever an agreement or a collection is inserted, updated or deleted, by any
 * process (a trigger, so the CLI and other servers count too). The TAXII read path reads it with
 * the partner's credential and reuses agreements and collections read under the same token
 * (ADR 0016). Random, not a counter: after a restore the token and the restored rows go back
 * together, and no two histories share a token.
 */
export const sharing0302: TearlineMigration = {
  async up(db, engine) {
    const newToken =
      engine === 'postgres' ? sql`gen_random_uuid()::text` : sql`lower(hex(randomblob(16)))`;
    await db.schema
      .createTable('sharing_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('token', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into sharing_state (id, token) values (1, ${newToken})`.execute(db);
    if (engine === 'postgres') {
      await sql`create function tearline_renew_sharing_state() returns trigger language plpgsql as $$
        begin
          update sharing_state set token = ${newToken} where id = 1;
          return null;
        end $$`.execute(db);
      for (const table of WATCHED)
        await sql`create trigger ${sql.raw(`${table}_renew_sharing_state`)}
          after insert or update or delete on ${sql.table(table)}
          for each statement execute function tearline_renew_sharing_state()`.execute(db);
      return;
    }
    for (const table of WATCHED)
      for (const event of ['insert', 'update', 'delete'])
        await sql`create trigger ${sql.raw(`${table}_renew_sharing_state_${event}`)}
          after ${sql.raw(event)} on ${sql.table(table)}
          begin
            update sharing_state set token = ${newToken} where id = 1;
          end`.execute(db);
  },
};
