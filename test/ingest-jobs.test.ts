import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { createTableJobQueue } from '../src/ingest/jobs/table-job-queue.js';
import { createPgBossJobQueue } from '../src/store/ingest/pg-boss-job-queue.js';
import { createIngestJobHandlers, EXTRACT_REPORT_JOB } from '../src/ingest/jobs/ingest-jobs.js';
import { queueReport } from '../src/ingest/draft/ingest-report.js';
import { readDocument } from '../src/ingest/readers/index.js';
import { createSequentialIds, systemClock } from '../src/core/clock.js';
import type { JobQueue } from '../src/core/ports/ingest.js';
import { FIRST_REPORT, createIngestDeps } from './ingest-fixtures.js';

/** Waits until `done()` holds, checking every 50 ms, for at most 20 s (a deadline, not a timing assertion). */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 20 s');
}

for (const engine of ENGINES) {
  describe(`table job queue on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('runs jobs, retries a failed one and keeps the error of one that always fails', async () => {
      const t = await createTestDatabase(engine);
      const store = createStore(t.database);
      const queue = createTableJobQueue({
        jobs: store.jobs,
        clock: systemClock,
        ids: createSequentialIds(),
        pollMs: 20,
        retryDelayMs: 0,
        maxAttempts: 3,
      });
      try {
        const runs: Record<string, number> = {};
        await queue.start({
          flaky: async (p) => {
            runs[String(p.n)] = (runs[String(p.n)] ?? 0) + 1;
            if (runs[String(p.n)] === 1) throw new Error('first run fails');
          },
          broken: async () => {
            throw new Error('always fails');
          },
        });
        const a = await queue.enqueue('flaky', { n: 1 });
        const b = await queue.enqueue('broken', {});
        await until(
          async () =>
            (await queue.getJob(a))?.state === 'done' &&
            (await queue.getJob(b))?.state === 'failed',
        );
        assert.equal(runs['1'], 2);
        const failed = await queue.getJob(b);
        assert.equal(failed?.attempts, 3);
        assert.equal(failed?.lastError, 'always fails');
      } finally {
        await queue.stop();
        await t.dispose();
      }
    });

    it('runs again, or fails, a job that a killed process left running', async () => {
      const t = await createTestDatabase(engine);
      const store = createStore(t.database);
      const options = { jobs: store.jobs, clock: systemClock, pollMs: 20, retryDelayMs: 0 };
      const dead = createTableJobQueue({ ...options, ids: createSequentialIds(), maxAttempts: 3 });
      const again = await dead.enqueue('work', { n: 1 });
      const lastTry = await createTableJobQueue({
        ...options,
        ids: createSequentialIds(50),
        maxAttempts: 1,
      }).enqueue('work', { n: 2 });
      // What a worker does before SIGKILL cuts its handler short: both jobs claimed, none saved.
      const now = new Date().toISOString();
      assert.ok(await store.jobs.claimJob(now));
      assert.ok(await store.jobs.claimJob(now));
      assert.equal((await dead.getJob(again))?.state, 'running');
      const restarted = createTableJobQueue({
        ...options,
        ids: createSequentialIds(100),
        maxAttempts: 3,
      });
      try {
        const runs: number[] = [];
        await restarted.start({ work: async (p) => void runs.push(Number(p.n)) });
        await until(async () => (await restarted.getJob(again))?.state === 'done');
        assert.deepEqual(runs, [1]);
        assert.equal((await restarted.getJob(again))?.attempts, 2);
        const failed = await restarted.getJob(lastTry);
        assert.equal(failed?.state, 'failed');
        assert.match(failed?.lastError ?? '', /interrupted/);
      } finally {
        await restarted.stop();
        await t.dispose();
      }
    });

    it('extracts a queued draft in the background', async () => {
      const t = await createTestDatabase(engine);
      const store = createStore(t.database);
      const deps = createIngestDeps(store);
      const queue = createTableJobQueue({
        jobs: store.jobs,
        clock: systemClock,
        ids: createSequentialIds(100),
        pollMs: 20,
      });
      try {
        await queue.start(createIngestJobHandlers(deps, queue));
        const draft = await queueReport(
          deps,
          await readDocument(Buffer.from(FIRST_REPORT), { origin: 'paste' }),
          { published: '2024-03-23' },
        );
        assert.equal(draft.state, 'queued');
        await queue.enqueue(EXTRACT_REPORT_JOB, { draftId: draft.id });
        await until(async () => (await store.ingest.getDraft(draft.id))?.state === 'open');
        assert.ok((await store.ingest.listDraftItems(draft.id)).some((i) => i.kind === 'incident'));
      } finally {
        await queue.stop();
        await t.dispose();
      }
    });
  });
}

describe('pg-boss job queue', { skip: await skipReasonFor('postgres') }, () => {
  it('two processes share the jobs of one database; each job runs once; a failed job is retried with its error kept', async () => {
    const t = await createTestDatabase('postgres');
    const queues: JobQueue[] = [
      createPgBossJobQueue({ url: t.url, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 }),
      createPgBossJobQueue({ url: t.url, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 }),
    ];
    try {
      const runs = new Map<number, number[]>();
      let failures = 0;
      for (const [w, queue] of queues.entries()) {
        await queue.start({
          count: async (p) => {
            const n = Number(p.n);
            runs.set(n, [...(runs.get(n) ?? []), w]);
            // Hold the job a moment so that both workers take some.
            await new Promise((r) => setTimeout(r, 100));
          },
          flaky: async () => {
            failures += 1;
            if (failures === 1) throw new Error('transient failure');
          },
          broken: async () => {
            throw new Error('never works');
          },
        });
      }
      const ids = [];
      for (let n = 0; n < 12; n++) ids.push(await queues[n % 2]!.enqueue('count', { n }));
      const flaky = await queues[0]!.enqueue('flaky', {});
      const broken = await queues[1]!.enqueue('broken', {});
      await until(
        async () =>
          runs.size === 12 &&
          (await queues[0]!.getJob(flaky))?.state === 'done' &&
          (await queues[0]!.getJob(broken))?.state === 'failed',
      );
      for (const [, workers] of runs) assert.equal(workers.length, 1);
      const byWorker = new Set([...runs.values()].flat());
      assert.equal(byWorker.size, 2, 'both processes took jobs');
      assert.equal(failures, 2);
      const failed = await queues[1]!.getJob(broken);
      assert.match(failed?.lastError ?? '', /never works/);
      assert.equal(failed?.kind, 'broken');
    } finally {
      for (const q of queues) await q.stop();
      await t.dispose();
    }
  });
});
