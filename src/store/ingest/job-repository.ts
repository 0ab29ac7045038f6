import { sql } from 'kysely';
import type { Database } from '../database.js';
import type { JobRecord, JobRepository } from '../../core/ports/ingest.js';

/**
 * The rows of the table job queue on either engine. A job is claimed by a conditional update
 * (state still 'queued'), so two workers never run the same job.
 *
 * @example const jobs = createJobRepository(database); await jobs.claimJob(now)
 */
export function createJobRepository(database: Database): JobRepository {
  const db = database.db;
  const row = (job: JobRecord) => ({
    id: job.id,
    state: job.state,
    run_after: job.runAfter,
    created: job.created,
    body: JSON.stringify(job),
  });
  return {
    async enqueueJob(job) {
      await db.insertInto('ingest_jobs').values(row(job)).execute();
    },
    async claimJob(now) {
      for (let tries = 0; tries < 5; tries++) {
        const next = await db
          .selectFrom('ingest_jobs')
          .select(['id', 'body'])
          .where('state', '=', 'queued')
          .where('run_after', '<=', now)
          .orderBy('run_after')
          .orderBy('created')
          .limit(1)
          .executeTakeFirst();
        if (!next) return undefined;
        const job = { ...(JSON.parse(next.body) as JobRecord), state: 'running' as const };
        job.attempts += 1;
        job.updated = now;
        const r = await db
          .updateTable('ingest_jobs')
          .set({ state: 'running', body: JSON.stringify(job) })
          .where('id', '=', next.id)
          .where('state', '=', sql.lit('queued'))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) return job;
      }
      return undefined;
    },
    async saveJob(job) {
      const { id, ...values } = row(job);
      await db.updateTable('ingest_jobs').set(values).where('id', '=', id).execute();
    },
    async requeueAbandonedJobs(now, lastError) {
      const rows = await db
        .selectFrom('ingest_jobs')
        .select('body')
        .where('state', '=', 'running')
        .execute();
      for (const r of rows) {
        const job = JSON.parse(r.body) as JobRecord;
        // The dead process's last progress says nothing about the next run.
        delete job.progress;
        const last = job.attempts >= job.maxAttempts;
        const { id, ...values } = row({
          ...job,
          state: last ? 'failed' : 'queued',
          runAfter: last ? job.runAfter : now,
          lastError,
          updated: now,
        });
        await db.updateTable('ingest_jobs').set(values).where('id', '=', id).execute();
      }
      return rows.length;
    },
    async getJob(id) {
      const r = await db
        .selectFrom('ingest_jobs')
        .select('body')
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? (JSON.parse(r.body) as JobRecord) : undefined;
    },
  };
}
