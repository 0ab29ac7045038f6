import { sql } from 'kysely';
import type { TearlineMigration } from '../migration.js';

/**
 * The upper bound of each incident fact's counts, so that every page reads the same range the
 * incident states ("133–144", "at least 21"). A null upper bound beside a lower one is an open
 * range. Facts recorded before kept only the lower bound: they are backfilled as exact, and
 * `POST /api/analysis/reindex` rebuilds them from the objects.
 */
export const migration0410: TearlineMigration = {
  async up(db) {
    await db.schema
      .alterTable('analysis_incident_facts')
      .addColumn('fatalities_max', 'integer')
      .execute();
    await db.schema
      .alterTable('analysis_incident_facts')
      .addColumn('injuries_max', 'integer')
      .execute();
    await sql`update analysis_incident_facts set fatalities_max = fatalities, injuries_max = injuries`.execute(
      db,
    );
  },
};
