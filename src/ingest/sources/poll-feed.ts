import { toStixTimestamp } from '../../core/clock.js';
import { isTearlineError } from '../../core/errors.js';
import type { FeedRecord, JobProgress } from '../../core/ports/ingest.js';
import { extractDraft, queueReport } from '../draft/ingest-report.js';
import { readDocument } from '../readers/read-document.js';
import { readFeed, type FeedItem } from '../readers/read-feed.js';
import type { ReadDocument } from '../readers/document.js';
import { detectLanguage } from '../readers/detect-language.js';
import type { IngestDeps } from '../review/review-deps.js';
import { fetchUrl, type FetchLike } from './fetch-url.js';
import { getFeedOrThrow, getSourceOrThrow } from './source-service.js';

/** What polling needs beyond the ingest deps. */
export interface PollDeps extends IngestDeps {
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Hands a queued draft to the job queue; when absent, drafts are extracted at once. */
  queueExtraction?(draftId: string): Promise<void>;
}

/** What one poll did. */
export interface PollResult {
  feedId: string;
  notModified: boolean;
  /** Drafts made from new items. */
  draftIds: string[];
  /** Items already seen, skipped. */
  skipped: number;
  /** The poll's failure (timeout, HTTP error, garbage), also kept on the feed. */
  error?: string;
  /** Items that could not be read, by key. */
  itemErrors: Array<{ key: string; error: string }>;
}

/** Feed items shorter than this are headlines: the linked page is read instead. */
const SHORT_ITEM = 280;

/**
 * Polls one feed: a conditional GET (ETag / Last-Modified), items not seen before become drafts
 * (the linked page read when the item holds only a headline), and each item key is remembered so
 * it is never drafted twice. A timeout or garbage is recorded on the feed and returned, not thrown.
 * `reportProgress` hears the stage, then each entry as it is handled (a job's progress).
 *
 * @example const result = await pollFeed(deps, feedId)
 */
export async function pollFeed(
  deps: PollDeps,
  feedId: string,
  reportProgress: (progress: JobProgress) => Promise<void> = async () => undefined,
): Promise<PollResult> {
  const feed = await getFeedOrThrow(deps, feedId);
  await reportProgress({ stage: 'Fetching the feed' });
  const now = toStixTimestamp(deps.clock.now());
  const result: PollResult = {
    feedId,
    notModified: false,
    draftIds: [],
    skipped: 0,
    itemErrors: [],
  };
  let items: FeedItem[];
  const next: FeedRecord = { ...feed, lastPolled: now };
  try {
    const fetched = await fetchUrl(feed.url, {
      ...(feed.etag ? { etag: feed.etag } : {}),
      ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    if (fetched.notModified) {
      delete next.lastError;
      await deps.repo.saveFeed(next);
      return { ...result, notModified: true };
    }
    items = readFeed(new TextDecoder('utf-8').decode(fetched.bytes));
    if (fetched.etag) next.etag = fetched.etag;
    else delete next.etag;
    if (fetched.lastModified) next.lastModified = fetched.lastModified;
    else delete next.lastModified;
  } catch (error) {
    if (!isTearlineError(error)) throw error;
    next.lastError = error.message;
    await deps.repo.saveFeed(next);
    return { ...result, error: error.message };
  }
  delete next.lastError;
  const source = await getSourceOrThrow(deps, feed.sourceId);
  const seen = new Set(
    await deps.repo.findSeenFeedItems(
      feed.id,
      items.map((i) => i.key),
    ),
  );
  // Oldest first, so drafts are made in the order things happened.
  const ordered = [...items].reverse();
  for (const [index, item] of ordered.entries()) {
    await reportProgress({ stage: 'Feed entries', done: index, total: ordered.length });
    if (seen.has(item.key)) {
      result.skipped += 1;
      continue;
    }
    try {
      const doc = await readItem(deps, item);
      const draft = await queueReport(deps, doc, {
        source,
        ...(item.title ? { title: item.title } : {}),
        ...(item.published ? { published: item.published } : {}),
        ...(item.link ? { url: item.link } : {}),
      });
      if (deps.queueExtraction) await deps.queueExtraction(draft.id);
      else await extractDraft(deps, draft.id);
      result.draftIds.push(draft.id);
    } catch (error) {
      if (!isTearlineError(error)) throw error;
      result.itemErrors.push({ key: item.key, error: error.message });
    }
    // A bad item is remembered too: it is reported once, not on every poll.
    await deps.repo.markFeedItemsSeen(feed.id, [item.key], now);
  }
  await deps.repo.saveFeed(next);
  return result;
}

async function readItem(deps: PollDeps, item: FeedItem): Promise<ReadDocument> {
  if (item.text.length < SHORT_ITEM && item.link) {
    try {
      const page = await fetchUrl(item.link, {
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
      return await readDocument(page.bytes, {
        origin: item.link,
        ...(page.contentType ? { mediaType: page.contentType } : {}),
      });
    } catch (error) {
      if (!item.text.trim()) throw error;
    }
  }
  const text = [item.title, item.text].filter(Boolean).join('\n\n').trim();
  return {
    text,
    origin: item.link ?? item.key,
    mediaType: 'text/plain',
    language: detectLanguage(text).language,
    ...(item.title ? { title: item.title } : {}),
  };
}

/**
 * Polls every feed whose interval has passed; one feed's failure is recorded on it and the
 * others are still polled.
 *
 * @example const results = await pollDueFeeds(deps)
 */
export async function pollDueFeeds(deps: PollDeps): Promise<PollResult[]> {
  const now = deps.clock.now().getTime();
  const results: PollResult[] = [];
  for (const feed of await deps.repo.listFeeds()) {
    if (feed.lastPolled && Date.parse(feed.lastPolled) + feed.pollMinutes * 60_000 > now) continue;
    results.push(await pollFeed(deps, feed.id));
  }
  return results;
}

/** The feeds due for a poll now (for queueing poll jobs). */
export async function findDueFeeds(deps: IngestDeps): Promise<FeedRecord[]> {
  const now = deps.clock.now().getTime();
  return (await deps.repo.listFeeds()).filter(
    (f) => !f.lastPolled || Date.parse(f.lastPolled) + f.pollMinutes * 60_000 <= now,
  );
}
