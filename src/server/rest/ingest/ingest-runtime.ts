import type { AppDeps } from '../../app-deps.js';
import type { JobQueue } from '../../../core/ports/ingest.js';
import type { PollDeps } from '../../../ingest/sources/poll-feed.js';
import type { IngestDeps } from '../../../ingest/review/review-deps.js';
import { createTableJobQueue } from '../../../ingest/jobs/table-job-queue.js';
import { createPgBossJobQueue } from '../../../store/ingest/pg-boss-job-queue.js';
import { createGuardedFetch } from '../../../ingest/outbound/guarded-fetch.js';
import { toAnalysisService } from '../analysis/analysis-route-deps.js';
import { getSharedExtractThread } from '../../../ingest/extract-thread/extract-thread.js';
import { readSectionChars } from './extract-config.js';

/** Ingest's services and job queue as the server runs them. */
export interface IngestRuntime {
  ingest: PollDeps;
  queue: JobQueue;
}

/**
 * Ingest and review over a store: accepted incidents are indexed for analysis and their alerts
 * evaluated. The server, the CLI and the demo loader all take in reports through this.
 *
 * @example await ingestReport(toIngestDeps(deps), doc, { accept: true })
 */
export function toIngestDeps(deps: Pick<AppDeps, 'store' | 'clock' | 'ids'>): IngestDeps {
  const analysis = toAnalysisService(deps);
  return {
    repo: deps.store.ingest,
    objects: deps.store.objects,
    clock: deps.clock,
    ids: deps.ids,
    onIncidentAccepted: async (incidentId, written) => {
      // Analysis is a consumer of review, not a gate: its failure must not undo an acceptance.
      try {
        await analysis.indexStixObjects(written);
        await analysis.evaluateAlertsForIncident(incidentId);
      } catch {
        // The incident is in the knowledge base; POST /api/analysis/reindex rebuilds the facts.
      }
    },
    onReviewUndone: async (written) => {
      // A revoked incident leaves the facts and counts; a restored one is indexed as it was.
      try {
        await analysis.indexStixObjects(written);
      } catch {
        // The undo stands; POST /api/analysis/reindex rebuilds the facts.
      }
    },
    releasedIds: async (ids) => {
      const wanted = new Set(ids);
      const found = new Set<string>();
      for (const release of await deps.store.sharing.releases.listReleases()) {
        if (!release.approved) continue;
        for (const id of release.objectIds) if (wanted.has(id)) found.add(id);
      }
      return [...found];
    },
  };
}

/**
 * Ingest over the app's store: accepted incidents are indexed for analysis and alerts evaluated;
 * jobs go through pg-boss on PostgreSQL (shared by every process) and the table queue on SQLite.
 * Every fetch is held to the outbound policy with the configured allow list and time cap.
 *
 * @example const { ingest, queue } = createIngestRuntime(deps)
 */
export function createIngestRuntime(deps: AppDeps): IngestRuntime {
  const sectionChars = readSectionChars(process.env);
  // Every URL a user gives (reports, feeds, their item links) goes through the one policy, and
  // reports are extracted on the process's extraction thread, never on the event loop (ADR 0025).
  const ingest: PollDeps = {
    ...toIngestDeps(deps),
    fetch: createGuardedFetch({
      ...(deps.config.fetchAllow ? { allow: deps.config.fetchAllow } : {}),
      ...(deps.config.fetchTimeoutMs ? { timeoutMs: deps.config.fetchTimeoutMs } : {}),
    }),
    ...(deps.config.fetchTimeoutMs ? { timeoutMs: deps.config.fetchTimeoutMs } : {}),
    extract: (input, options) =>
      getSharedExtractThread().extract(input, { sectionChars, ...options }),
  };
  const queue =
    deps.store.database.engine === 'postgres'
      ? createPgBossJobQueue({ url: deps.store.database.url })
      : createTableJobQueue({ jobs: deps.store.jobs, clock: deps.clock, ids: deps.ids });
  return { ingest, queue };
}
