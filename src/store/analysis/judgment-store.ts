import type { Selectable } from 'kysely';
import type { AssessmentRow, CollectionGap } from '../../core/ports/analysis.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { Database } from '../database.js';
import type {
  AnalysisAssessmentsTable,
  AnalysisCollectionGapsTable,
} from '../schema/tearline-db.js';

/**
 * Assessments (the STIX notes, indexed by subject and predecessor) and collection gaps.
 *
 * @example await createJudgmentStore(database).listAssessments('threat-actor--…')
 */
export function createJudgmentStore(database: Database) {
  const { db } = database;

  const toAssessment = (r: Selectable<AnalysisAssessmentsTable>): AssessmentRow => ({
    id: r.id,
    subjectRef: r.subject_ref,
    supersedesRef: r.supersedes_ref ?? undefined,
    validFrom: r.valid_from,
    note: JSON.parse(r.note) as StixObject,
  });
  const toGap = (r: Selectable<AnalysisCollectionGapsTable>): CollectionGap => ({
    id: r.id,
    countries: JSON.parse(r.countries) as string[],
    region: r.region ?? undefined,
    topic: r.topic,
    since: r.since,
    reason: r.reason,
    requirements: JSON.parse(r.requirements) as string[],
    actorIds: JSON.parse(r.actor_ids) as string[],
    created: r.created,
    modified: r.modified,
  });

  return {
    async putAssessment(row: AssessmentRow): Promise<void> {
      await db
        .insertInto('analysis_assessments')
        .values({
          id: row.id,
          subject_ref: row.subjectRef,
          supersedes_ref: row.supersedesRef ?? null,
          valid_from: row.validFrom,
          note: JSON.stringify(row.note),
        })
        .execute();
    },

    async getAssessment(id: string): Promise<AssessmentRow | undefined> {
      const r = await db
        .selectFrom('analysis_assessments')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toAssessment(r) : undefined;
    },

    async listAssessments(subjectRef: string): Promise<AssessmentRow[]> {
      const rows = await db
        .selectFrom('analysis_assessments')
        .selectAll()
        .where('subject_ref', '=', subjectRef)
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      return rows.map(toAssessment);
    },

    async findSuccessors(id: string): Promise<AssessmentRow[]> {
      const rows = await db
        .selectFrom('analysis_assessments')
        .selectAll()
        .where('supersedes_ref', '=', id)
        .orderBy('id')
        .execute();
      return rows.map(toAssessment);
    },

    async putCollectionGap(gap: CollectionGap): Promise<void> {
      const row = {
        id: gap.id,
        countries: JSON.stringify(gap.countries),
        region: gap.region ?? null,
        topic: gap.topic,
        since: gap.since,
        reason: gap.reason,
        requirements: JSON.stringify(gap.requirements),
        actor_ids: JSON.stringify(gap.actorIds),
        created: gap.created,
        modified: gap.modified,
      };
      await db
        .insertInto('analysis_collection_gaps')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },

    async getCollectionGap(id: string): Promise<CollectionGap | undefined> {
      const r = await db
        .selectFrom('analysis_collection_gaps')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toGap(r) : undefined;
    },

    async listCollectionGaps(
      filter: { actorId?: string; country?: string } = {},
    ): Promise<CollectionGap[]> {
      // Gaps are few (tens); filtering the JSON lists in code keeps the SQL the same on both engines.
      const rows = await db
        .selectFrom('analysis_collection_gaps')
        .selectAll()
        .orderBy('since')
        .orderBy('id')
        .execute();
      return rows
        .map(toGap)
        .filter(
          (g) =>
            (filter.actorId === undefined ||
              g.actorIds.length === 0 ||
              g.actorIds.includes(filter.actorId)) &&
            (filter.country === undefined || g.countries.includes(filter.country.toUpperCase())),
        );
    },

    async deleteCollectionGap(id: string): Promise<boolean> {
      const r = await db
        .deleteFrom('analysis_collection_gaps')
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
