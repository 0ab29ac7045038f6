import type { Release, ReleaseRepository } from '../../core/ports/sharing.js';
import type { Database } from '../database.js';

/** The release without its bundle, as stored in `sharing_releases`. */
function toRow(release: Release) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { bundle, ...summary } = release;
  return {
    id: release.id,
    partner_id: release.partnerId,
    agreement_id: release.agreementId,
    status: release.status,
    created: release.created,
    summary: JSON.stringify(summary),
  };
}

/**
 * Releases on either engine: the release as JSON in `sharing_releases`, its bundle in
 * `sharing_release_bundles` (migration 0303), so that lists do not read it and a change of
 * status does not write it again.
 *
 * @example await createReleaseRepository(database).listReleases({ status: 'delivered' })
 */
export function createReleaseRepository(database: Database): ReleaseRepository {
  const db = database.db;
  return {
    async createRelease(release) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sharing_releases').values(toRow(release)).execute();
        if (release.bundle !== undefined)
          await trx
            .insertInto('sharing_release_bundles')
            .values({ release_id: release.id, bundle: JSON.stringify(release.bundle) })
            .execute();
      });
    },
    async updateRelease(release, options = {}) {
      const { id, ...values } = toRow(release);
      if (options.keepBundle === true) {
        await db.updateTable('sharing_releases').set(values).where('id', '=', id).execute();
        return;
      }
      const bundle = release.bundle === undefined ? undefined : JSON.stringify(release.bundle);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('sharing_releases').set(values).where('id', '=', id).execute();
        await trx.deleteFrom('sharing_release_bundles').where('release_id', '=', id).execute();
        if (bundle !== undefined)
          await trx
            .insertInto('sharing_release_bundles')
            .values({ release_id: id, bundle })
            .execute();
      });
    },
    async getRelease(id) {
      const row = await db
        .selectFrom('sharing_releases as r')
        .leftJoin('sharing_release_bundles as b', 'b.release_id', 'r.id')
        .select(['r.summary as summary', 'b.bundle as bundle'])
        .where('r.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const release = JSON.parse(row.summary) as Release;
      if (row.bundle !== null) release.bundle = JSON.parse(row.bundle) as Release['bundle'];
      return release;
    },
    async listReleases(filter = {}) {
      let q = db.selectFrom('sharing_releases').select(['summary']);
      if (filter.partnerId !== undefined) q = q.where('partner_id', '=', filter.partnerId);
      if (filter.agreementId !== undefined) q = q.where('agreement_id', '=', filter.agreementId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      const rows = await q.orderBy('created', 'desc').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.summary) as Release);
    },
  };
}
