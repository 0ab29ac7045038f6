import PgBoss from 'pg-boss';
import type { JobHandler, JobProgress, JobQueue, JobRecord } from '../../core/ports/ingest.js';

/** Options of the pg-boss queue. */
export interface PgBossJobQueueOptions {
  /** The PostgreSQL URL (the same database as the store; pg-boss keeps its own schema). */
  url: string;
  /** pg-boss's schema (default `pgboss`). */
  schema?: string;
  /** Retries after the first run (default 2). */
  retryLimit?: number;
  /** Seconds between retries (default 1). */
  retryDelaySeconds?: number;
  /** How often an idle worker asks for jobs (seconds, at least 0.5; default 1). */
  pollingIntervalSeconds?: number;
}

/** pg-boss's one queue for Tearline's background work; the job kind travels in the payload. */
const QUEUE = 'tearline-ingest';

const STATES: Record<string, JobRecord['state']> = {
  created: 'queued',
  retry: 'queued',
  active: 'running',
  completed: 'done',
  cancelled: 'failed',
  failed: 'failed',
};

/**
 * The job queue on PostgreSQL through pg-boss 10, so that several Tearline processes share the
 * work and none is lost when one dies (a job a dead worker held expires and is retried).
 *
 * @example const queue = createPgBossJobQueue({ url: 'postgres://…' })
 */
export function createPgBossJobQueue(options: PgBossJobQueueOptions): JobQueue {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: options.schema ?? 'pgboss',
    // No cron scheduling nor maintenance timers beyond what queues need.
    schedule: false,
  });
  // pg-boss reports background errors here; without a listener it would throw.
  boss.on('error', () => undefined);
  let started: Promise<void> | undefined;
  // pg-boss keeps no progress: this process's running jobs report theirs here (another process's
  // jobs show their state only).
  const progressById = new Map<string, JobProgress>();
  // This process's worker, woken when this process enqueues, so that a job it sends starts at
  // once instead of at the next poll (other processes' workers still find it by polling).
  let workerId: string | undefined;
  const ensureStarted = () =>
    (started ??= (async () => {
      await boss.start();
      await boss.createQueue(QUEUE);
    })());
  return {
    async enqueue(kind, payload) {
      await ensureStarted();
      const id = await boss.send(
        QUEUE,
        { kind, payload },
        {
          retryLimit: options.retryLimit ?? 2,
          retryDelay: options.retryDelaySeconds ?? 1,
        },
      );
      if (!id) throw new Error('pg-boss did not accept the job');
      if (workerId) boss.notifyWorker(workerId);
      return id;
    },
    async start(handlers: Record<string, JobHandler>) {
      await ensureStarted();
      workerId = await boss.work<{ kind: string; payload: Record<string, unknown> }>(
        QUEUE,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            const handler = handlers[job.data.kind];
            if (!handler) throw new Error(`no handler for jobs of kind ${job.data.kind}`);
            try {
              await handler(job.data.payload, async (progress) => {
                progressById.set(job.id, progress);
              });
            } finally {
              progressById.delete(job.id);
            }
          }
        },
      );
    },
    async stop() {
      if (!started) return;
      await started;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async getJob(id) {
      await ensureStarted();
      const job = await boss.getJobById<{ kind: string }>(QUEUE, id, { includeArchive: true });
      if (!job) return undefined;
      const output = job.output as { message?: string } | null | undefined;
      return {
        id: job.id,
        kind: job.data.kind,
        state: STATES[job.state] ?? 'queued',
        attempts: job.retryCount + (job.state === 'created' ? 0 : 1),
        ...(job.state === 'failed' || job.state === 'retry'
          ? { lastError: output?.message ?? JSON.stringify(output ?? null) }
          : {}),
        ...(job.state === 'active' && progressById.has(job.id)
          ? { progress: progressById.get(job.id)! }
          : {}),
      };
    },
  };
}
