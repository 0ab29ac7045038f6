import type { SharingSettingsRepository } from '../../core/ports/sharing.js';
import type { Database } from '../database.js';

/**
 * The sharing settings (`sharing_settings`, migration 0301) as JSON values by key: the protected
 * terms and the tier minimums live here, beside our organisation's identity.
 *
 * @example await createSharingSettingsRepository(database).putSetting('protected-terms', ['Operation Falcon'])
 */
export function createSharingSettingsRepository(database: Database): SharingSettingsRepository {
  const db = database.db;
  return {
    async getSetting(key) {
      const row = await db
        .selectFrom('sharing_settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    async putSetting(key, value) {
      const text = JSON.stringify(value);
      await db
        .insertInto('sharing_settings')
        .values({ key, value: text })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
        .execute();
    },
  };
}
