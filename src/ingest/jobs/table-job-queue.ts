import type { Clock, IdSource } from '../../core/clock.js';
import { toStixTimestamp } from '../../core/clock.js';
import type { JobHandler, JobQueue, JobRecord, JobRepository } from '../../core/ports/ingest.js';

/** Options of the table queue's in-process worker. */
export interface TableJobQueueOptions {
  jobs: JobRepository;
  clock: Clock;
  ids: IdSource;
  /** How often an idle worker looks for due jobs (ms, default 500). */
  pollMs?: number;
  /** Runs before a job counts as failed for good (default 3). */
  maxAttempts?: number;
  /** Delay before a retry, times the attempt number (ms, default 1000). */
  retryDelayMs?: number;
}

/**
 * The job queue in the database's own table with one in-process worker: the default on SQLite,
 * where there is one process. A failed job is retried after a growing delay, its error kept; after
 * the last attempt it stays `failed` with that error.
 *
 * @example const queue = createTableJobQueue({ jobs: store.jobs, clock, ids })
 */
export function createTableJobQueue(options: TableJobQueueOptions): JobQueue {
  const pollMs = options.pollMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  let handlers: Record<string, JobHandler> = {};
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const now = () => toStixTimestamp(options.clock.now());

  async function runOne(job: JobRecord): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
      await handler(job.payload, async (progress) => {
        await options.jobs.saveJob({ ...job, progress, updated: now() });
      });
      await options.jobs.saveJob({ ...job, state: 'done', updated: now() });
    } catch (error) {
      const last = job.attempts >= (job.maxAttempts || maxAttempts);
      const at = new Date(options.clock.now().getTime() + retryDelayMs * job.attempts);
      await options.jobs.saveJob({
        ...job,
        state: last ? 'failed' : 'queued',
        runAfter: last ? job.runAfter : toStixTimestamp(at),
        lastError: error instanceof Error ? error.message : String(error),
        updated: now(),
      });
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      const job = await options.jobs.claimJob(now());
      if (job) {
        await runOne(job);
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
        timer.unref?.();
      });
      wake = undefined;
    }
  }

  return {
    async enqueue(kind, payload) {
      const at = now();
      const job: JobRecord = {
        id: options.ids.uuid(),
        kind,
        payload,
        state: 'queued',
        attempts: 0,
        maxAttempts,
        runAfter: at,
        created: at,
        updated: at,
      };
      await options.jobs.enqueueJob(job);
      wake?.();
      return job.id;
    },
    async start(h) {
      handlers = h;
      if (running) return;
      running = true;
      // This queue has one worker process (SQLite): a job still `running` when it starts was held
      // by a process that died (killed mid-job), and nothing else would ever finish it.
      await options.jobs.requeueAbandonedJobs(
        now(),
        'interrupted: the process running it stopped before it finished',
      );
      current = loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await current;
    },
    async getJob(id) {
      const job = await options.jobs.getJob(id);
      if (!job) return undefined;
      return {
        id: job.id,
        kind: job.kind,
        state: job.state,
        attempts: job.attempts,
        ...(job.lastError ? { lastError: job.lastError } : {}),
        ...(job.state === 'running' && job.progress ? { progress: job.progress } : {}),
      };
    },
  };
}
