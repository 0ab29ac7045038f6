import type { Release, ReleaseRepository } from '../../core/ports/sharing.js';
import type { Database } from '../database.js';

interface ReleaseRow {
  summary: string;
  bundle: string | null;
}

function toRow(release: Release) {
  const { bundle, ...summary } = release;
  return {
    id: release.id,
    partner_id: release.partnerId,
    agreement_id: release.agreementId,
    status: release.status,
    created: release.created,
    summary: JSON.stringify(summary),
    bundle: bundle === undefined ? null : JSON.stringify(bundle),
  };
}

function fromRow(row: ReleaseRow, withBundle: boolean): Release {
  const release = JSON.parse(row.summary) as Release;
  if (withBundle && row.bundle !== null)
    release.bundle = JSON.parse(row.bundle) as Release['bundle'];
  return release;
}

/**
 * Releases on either engine: the release as JSON, its bundle in a separate column so that lists
 * do not read it.
 *
 * @example await createReleaseRepository(database).listReleases({ status: 'delivered' })
 */
export function createReleaseRepository(database: Database): ReleaseRepository {
  const db = database.db;
  return {
    async createRelease(release) {
      await db.insertInto('sharing_releases').values(toRow(release)).execute();
    },
    async updateRelease(release, options = {}) {
      const { id, bundle, ...values } = toRow(
        options.keepBundle === true ? { ...release, bundle: undefined } : release,
      );
      await db
        .updateTable('sharing_releases')
        .set(options.keepBundle === true ? values : { ...values, bundle })
        .where('id', '=', id)
        .execute();
    },
    async getRelease(id) {
      const row = (await db
        .selectFrom('sharing_releases')
        .select(['summary', 'bundle'])
        .where('id', '=', id)
        .executeTakeFirst()) as ReleaseRow | undefined;
      return row && fromRow(row, true);
    },
    async listReleases(filter = {}) {
      let q = db.selectFrom('sharing_releases').select(['summary']);
      if (filter.partnerId !== undefined) q = q.where('partner_id', '=', filter.partnerId);
      if (filter.agreementId !== undefined) q = q.where('agreement_id', '=', filter.agreementId);
      if (filter.status !== undefined) q = q.where('status', '=', filter.status);
      const rows = (await q.orderBy('created', 'desc').orderBy('id').execute()) as Array<{
        summary: string;
      }>;
      return rows.map((r) => fromRow({ summary: r.summary, bundle: null }, false));
    },
  };
}
