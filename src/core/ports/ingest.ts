import type { StixObject } from '../stix/stix-object.js';

import type { AdmiraltyGrade } from '../vocab/admiralty.js';

export type { AdmiraltyGrade } from '../vocab/admiralty.js';

/** A source of reports (an outlet, an agency, a partner) with its default grade. */
export interface SourceRecord {
  id: string;
  name: string;
  grade: AdmiraltyGrade;
  /** Accept this source's drafts without review (off by default). */
  autoAccept: boolean;
  created: string;
  updated: string;
}

/** An RSS/Atom feed polled for a source. */
export interface FeedRecord {
  id: string;
  sourceId: string;
  url: string;
  pollMinutes: number;
  etag?: string;
  lastModified?: string;
  lastPolled?: string;
  /** The last poll's failure, kept until a poll succeeds. */
  lastError?: string;
  created: string;
}

export type DraftState = 'queued' | 'open' | 'reviewed' | 'failed';
export type DraftItemKind = 'incident' | 'threat-actor' | 'location' | 'identity' | 'relationship';
export type DraftItemState = 'proposed' | 'accepted' | 'rejected' | 'merged';

/** A report waiting for review: its text, where it came from, and its STIX `report`. */
export interface DraftRecord {
  id: string;
  state: DraftState;
  title?: string;
  origin: string;
  url?: string;
  published?: string;
  sourceId?: string;
  grade: AdmiraltyGrade;
  /** ISO 639-1 code of the text ('en' when extracted). */
  language: string;
  text: string;
  /** Why extraction failed, or why nothing was extracted (another language). */
  error?: string;
  /** The STIX report as it will be stored (object_refs filled on acceptance). */
  report: StixObject;
  /** The last accept / reject / merge, kept so that it can be shown and undone. */
  lastDecision?: ReviewDecision;
  created: string;
  updated: string;
}

/** A store object a review decision wrote: a new object, or a new version of a merged incident. */
export interface DecisionObject {
  id: string;
  type: string;
  name?: string;
  /** The version this decision wrote (undo is refused once a later version exists). */
  modified: string;
  role: 'created' | 'merged-into';
}

/** One review decision of a draft: which proposed items it decided and what it wrote. */
export interface ReviewDecision {
  action: 'accept' | 'reject' | 'merge' | 'accept-all';
  at: string;
  itemIds: string[];
  objects: DecisionObject[];
}

/** One proposed STIX object of a draft and what the analyst decided about it. */
export interface DraftItem {
  draftId: string;
  itemId: string;
  kind: DraftItemKind;
  state: DraftItemState;
  /** The proposed object, as edited; its `id` is what relationships of the draft point to. */
  object: StixObject;
  /** An existing store object this item stands for (an actor matched by name or alias). */
  existingId?: string;
  /** The store object written on acceptance or merge (the target incident for a merge). */
  resultId?: string;
  updated: string;
}

/** How far a running job is: its stage in words, and items done of total when it counts them. */
export interface JobProgress {
  stage: string;
  done?: number;
  total?: number;
}

/** A background job as the table queue keeps it. */
export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  runAfter: string;
  lastError?: string;
  /** The running job's last reported progress. */
  progress?: JobProgress;
  created: string;
  updated: string;
}

/** Drafts, sources, feeds and the items of feeds already seen; implemented for both engines. */
export interface IngestRepository {
  saveSource(source: SourceRecord): Promise<void>;
  getSource(id: string): Promise<SourceRecord | undefined>;
  findSourceByName(name: string): Promise<SourceRecord | undefined>;
  listSources(): Promise<SourceRecord[]>;
  deleteSource(id: string): Promise<boolean>;
  saveFeed(feed: FeedRecord): Promise<void>;
  getFeed(id: string): Promise<FeedRecord | undefined>;
  listFeeds(): Promise<FeedRecord[]>;
  deleteFeed(id: string): Promise<boolean>;
  /** Records keys as seen; returns those not seen before. */
  markFeedItemsSeen(feedId: string, keys: readonly string[], seen: string): Promise<string[]>;
  /** Keys of `keys` already seen for the feed. */
  findSeenFeedItems(feedId: string, keys: readonly string[]): Promise<string[]>;
  /** Writes a draft and its items in one transaction (replacing the items of a re-extracted draft). */
  saveDraft(draft: DraftRecord, items?: readonly DraftItem[]): Promise<void>;
  getDraft(id: string): Promise<DraftRecord | undefined>;
  listDrafts(filter?: {
    state?: DraftState;
    limit?: number;
    offset?: number;
  }): Promise<DraftRecord[]>;
  listDraftItems(draftId: string): Promise<DraftItem[]>;
  saveDraftItems(items: readonly DraftItem[]): Promise<void>;
}

/** The rows of the table job queue (SQLite, and PostgreSQL without pg-boss). */
export interface JobRepository {
  enqueueJob(job: JobRecord): Promise<void>;
  /** Marks the oldest due queued job running and returns it; undefined when none is due. */
  claimJob(now: string): Promise<JobRecord | undefined>;
  saveJob(job: JobRecord): Promise<void>;
  getJob(id: string): Promise<JobRecord | undefined>;
  /**
   * Jobs left `running` by a worker process that died: queued again (due `now`), or `failed` once
   * their last attempt is used; each keeps `lastError`. Returns how many. Only a queue with one
   * worker process may call it (SQLite's `tearline serve`), at start, before it claims a job.
   */
  requeueAbandonedJobs(now: string, lastError: string): Promise<number>;
}

/** What a job handler receives: its payload, and where to report its progress. */
export type JobHandler = (
  payload: Record<string, unknown>,
  reportProgress: (progress: JobProgress) => Promise<void>,
) => Promise<void>;

/** Background work: extraction and feed polls, in-process on SQLite, shared through pg-boss on PostgreSQL. */
export interface JobQueue {
  /** Queues a job; returns its id. */
  enqueue(kind: string, payload: Record<string, unknown>): Promise<string>;
  /** Starts taking jobs with these handlers (by kind). */
  start(handlers: Record<string, JobHandler>): Promise<void>;
  /** Stops taking jobs and waits for running ones. */
  stop(): Promise<void>;
  /** A job's state and last error, when the queue keeps them. */
  getJob(
    id: string,
  ): Promise<
    Pick<JobRecord, 'id' | 'kind' | 'state' | 'attempts' | 'lastError' | 'progress'> | undefined
  >;
}
