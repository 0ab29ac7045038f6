import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { createIngestRuntime } from './ingest-runtime.js';
import { reportRoutes } from './report-routes.js';
import { draftRoutes } from './draft-routes.js';
import { sourceRoutes } from './source-routes.js';
import { vocabularyRoutes } from './vocabulary-routes.js';
import {
  createIngestJobHandlers,
  queueDueFeedPolls,
  queueExtractionOfQueuedDrafts,
} from '../../../ingest/jobs/ingest-jobs.js';

/** How often the server looks for feeds due a poll. */
const FEED_TICK_MS = 60_000;

/**
 * The ingest API: reports in, the review inbox, sources and feeds. The job worker starts with the
 * server (extraction and polls of due feeds) and stops when it closes.
 *
 * @example routeModules.push({ prefix: '/api', plugin: ingestRoutes })
 */
export function ingestRoutes(deps: AppDeps): FastifyPluginAsync {
  const runtime = createIngestRuntime(deps);
  return async (app) => {
    let tick: ReturnType<typeof setInterval> | undefined;
    let working: Promise<void> | undefined;
    // The worker starts once there is work (a feed, a queued draft, a job sent from here), so an
    // idle server, and every test app, does not set up pg-boss for nothing.
    const enqueue = runtime.queue.enqueue.bind(runtime.queue);
    const startWorker = () =>
      (working ??= (async () => {
        await runtime.queue.start(createIngestJobHandlers(runtime.ingest, runtime.queue));
        // Drafts a dead process queued without sending their job (two writes) are picked up.
        await queueExtractionOfQueuedDrafts(runtime.ingest, enqueue);
      })());
    runtime.queue.enqueue = async (kind, payload) => {
      await startWorker();
      return enqueue(kind, payload);
    };
    const onTick = async () => {
      const [feeds, queued] = await Promise.all([
        runtime.ingest.repo.listFeeds(),
        runtime.ingest.repo.listDrafts({ state: 'queued', limit: 1 }),
      ]);
      if (feeds.length > 0 || queued.length > 0) await startWorker();
      if (feeds.length > 0) await queueDueFeedPolls(runtime.ingest, runtime.queue);
    };
    app.addHook('onReady', async () => {
      tick = setInterval(() => {
        onTick().catch((error: unknown) => app.log.warn({ err: error }, 'ingest tick failed'));
      }, FEED_TICK_MS);
      tick.unref();
      await onTick();
    });
    app.addHook('onClose', async () => {
      if (tick) clearInterval(tick);
      if (working) await working;
      // Always: reading a job's state (GET /api/jobs/:id) starts pg-boss without a worker, and its
      // pool and timers would keep a stopped server's process alive (found by the access matrix).
      await runtime.queue.stop();
    });
    await app.register(reportRoutes(runtime, deps.config.bodyLimit));
    await app.register(draftRoutes(runtime));
    await app.register(sourceRoutes(runtime));
    await app.register(vocabularyRoutes());
  };
}
