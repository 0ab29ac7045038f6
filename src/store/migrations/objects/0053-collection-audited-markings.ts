import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * The audited marking ids as this migration knows them (TLP 2.0 AMBER+STRICT and RED, TLP 1.0
 * RED; `AUDITED_MARKING_IDS` in core/audit.ts at the time): written out, so that a later change
 * of that list does not change what this migration did.
 */
export const AUDITED_AT_0053: readonly string[] = [
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
];

/**
 * `may_hold_audited` on each collection row: 0 when the stored text was checked and holds none
 * of the audited marking ids, else 1 (the default, so a writer that does not check leaves a row
 * that is searched). A TAXII page whose rows are all 0 is sent without searching its bytes for
 * the marking ids, the audit trail's largest cost on a partner's page (ADR 0034).
 */
export const objects0053: TearlineMigration = {
  async up(db) {
    await db.schema
      .alterTable('taxii_collection_objects')
      .addColumn('may_hold_audited', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    // LIKE is the row's text searched for each id, as the onSend scan searched the page's bytes
    // (no id holds `%`, `_` or a backslash).
    const holdsNone = sql.join(
      AUDITED_AT_0053.map((id) => sql`object not like ${`%${id}%`}`),
      sql` and `,
    );
    await sql`update taxii_collection_objects set may_hold_audited = 0 where ${holdsNone}`.execute(
      db,
    );
  },
};
