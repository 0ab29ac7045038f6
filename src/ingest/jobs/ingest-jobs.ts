import type { JobHandler, JobQueue } from '../../core/ports/ingest.js';
import { extractDraft } from '../draft/ingest-report.js';
import type { PollDeps } from '../sources/poll-feed.js';
import { findDueFeeds, pollFeed } from '../sources/poll-feed.js';

/** The kinds of background job ingest runs. */
export const EXTRACT_REPORT_JOB = 'extract-report';
export const POLL_FEED_JOB = 'poll-feed';

/**
 * The handlers of ingest's jobs: extract a queued draft, poll a feed (its new items queued for
 * extraction in turn).
 *
 * @example await queue.start(createIngestJobHandlers(deps, queue))
 */
export function createIngestJobHandlers(
  deps: PollDeps,
  queue: JobQueue,
): Record<string, JobHandler> {
  const pollDeps: PollDeps = {
    ...deps,
    queueExtraction: async (draftId) => {
      await queue.enqueue(EXTRACT_REPORT_JOB, { draftId });
    },
  };
  return {
    [EXTRACT_REPORT_JOB]: async (payload, reportProgress) => {
      await reportProgress({ stage: 'Extracting incidents, actors and places' });
      await extractDraft(deps, String(payload.draftId));
    },
    [POLL_FEED_JOB]: async (payload, reportProgress) => {
      await pollFeed(pollDeps, String(payload.feedId), reportProgress);
    },
  };
}

/**
 * Queues a poll job for every feed whose interval has passed (called on a timer by the server).
 *
 * @example await queueDueFeedPolls(deps, queue)
 */
export async function queueDueFeedPolls(deps: PollDeps, queue: JobQueue): Promise<string[]> {
  const ids: string[] = [];
  for (const feed of await findDueFeeds(deps)) {
    // Marked polled now so the next tick does not queue it again before the job runs.
    await deps.repo.saveFeed({ ...feed, lastPolled: deps.clock.now().toISOString() });
    ids.push(await queue.enqueue(POLL_FEED_JOB, { feedId: feed.id }));
  }
  return ids;
}

/**
 * Sends an extraction job for every draft still queued. A draft is saved queued and its job sent
 * in two writes, so a process that died between them left a draft no job would pick up; run when
 * a worker starts. A draft that already has its job gets a second one, which finds it extracted
 * and does nothing (extractDraft). Returns how many jobs were sent.
 *
 * @example await queueExtractionOfQueuedDrafts(deps, queue.enqueue)
 */
export async function queueExtractionOfQueuedDrafts(
  deps: Pick<PollDeps, 'repo'>,
  enqueue: JobQueue['enqueue'],
): Promise<number> {
  const PAGE = 100;
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.repo.listDrafts({ state: 'queued', limit: PAGE, offset });
    ids.push(...page.map((d) => d.id));
    if (page.length < PAGE) break;
  }
  for (const draftId of ids) await enqueue(EXTRACT_REPORT_JOB, { draftId });
  return ids.length;
}
