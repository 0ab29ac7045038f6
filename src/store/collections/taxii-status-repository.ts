import type { TaxiiStatus, TaxiiStatusRepository } from '../../core/ports/collection-repository.js';
import type { Database } from '../database.js';

/**
 * TAXII status resources (TAXII 2.1 §4.3), each readable only by the caller that made it.
 *
 * @example const statuses = createTaxiiStatusRepository(database)
 */
export function createTaxiiStatusRepository(database: Database): TaxiiStatusRepository {
  const db = database.db;
  return {
    async saveStatus(owner, status) {
      await db
        .insertInto('taxii_statuses')
        .values({
          id: status.id,
          owner,
          request_timestamp: status.request_timestamp,
          body: JSON.stringify(status),
        })
        .execute();
    },

    async getStatus(owner, id) {
      const row = await db
        .selectFrom('taxii_statuses')
        .select(['body'])
        .where('id', '=', id)
        .where('owner', '=', owner)
        .executeTakeFirst();
      return row && (JSON.parse(row.body) as TaxiiStatus);
    },
  };
}
