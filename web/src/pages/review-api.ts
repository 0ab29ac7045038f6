import type { DraftItem, DraftRecord } from '../../../src/core/ports/ingest.js';
import { callApi, toQuery } from '../api.js';
import type { StixObject } from '../stix.js';

/** A merge candidate of a proposed incident (src/ingest/review/merge-candidates.ts). */
export interface MergeCandidateView {
  incident: StixObject;
  dayGap: number;
  distanceKm?: number;
  actors: string[];
}

/** A draft in the inbox list (the API leaves the text out of lists). */
export type DraftSummary = Omit<DraftRecord, 'text' | 'report'> & { reportId: string };

/** A draft as the review screen reads it. */
export interface DraftViewData {
  draft: DraftRecord;
  items: DraftItem[];
  mergeCandidates: Record<string, MergeCandidateView[]>;
}

/** An edit of a proposed item (src/ingest/review/review-edit.ts); `null` clears a value. */
export interface ItemEdit {
  properties?: Record<string, unknown>;
  extension?: Record<string, unknown>;
  perpetrator?: string | null;
}

/** The answer to a submitted report: its draft, and the job extracting it when queued. */
export interface SubmittedReport {
  draftId: string;
  state: string;
  note?: string;
  jobId?: string;
}

/** A feed as GET /api/feeds lists it. */
export interface FeedView {
  id: string;
  sourceId: string;
  url: string;
  pollMinutes: number;
  lastPolled?: string;
  lastError?: string;
}

/** A background job as GET /api/jobs/:id answers. */
export interface JobView {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  lastError?: string;
  progress?: { stage: string; done?: number; total?: number };
}

const UPLOAD_TYPES = ['text/plain', 'text/html', 'application/pdf', 'application/xhtml+xml'];

/** One ACLED event type and its sub-event types. */
export interface AcledEventType {
  name: string;
  subEventTypes: string[];
}

/** A relationship of an object, with the other end named (GET /api/objects/:id/relationships). */
export interface RelationshipView {
  relationship: StixObject;
  direction: 'outgoing' | 'incoming';
  other: { id: string; type: string; name?: string; missing?: boolean };
}

/**
 * The relationships from and to an object.
 *
 * @example const { relationships } = await getRelationshipsOf('incident--…')
 */
export const getRelationshipsOf = (id: string) =>
  callApi<{ relationships: RelationshipView[] }>(
    'GET',
    `/api/objects/${encodeURIComponent(id)}/relationships`,
  );

const base = (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}`;
const item = (draftId: string, itemId: string) =>
  `${base(draftId)}/items/${encodeURIComponent(itemId)}`;

/** The review API in one place, so that the screen follows the ingest routes by one edit. */
export const reviewApi = {
  listDrafts: (state = 'open') =>
    callApi<{ drafts: DraftSummary[]; total?: number }>('GET', `/api/drafts${toQuery({ state })}`),
  getDraft: (draftId: string) => callApi<DraftViewData>('GET', base(draftId)),
  accept: (draftId: string, itemId: string) =>
    callApi('POST', `${item(draftId, itemId)}/accept`, {}),
  reject: (draftId: string, itemId: string) =>
    callApi('POST', `${item(draftId, itemId)}/reject`, {}),
  edit: (draftId: string, itemId: string, edit: ItemEdit) =>
    callApi<{ item: DraftItem }>('PATCH', item(draftId, itemId), edit),
  /** Gives the draft's report a new Admiralty grade ("C3") before its items are accepted. */
  regrade: (draftId: string, grade: string) =>
    callApi<{ draft: DraftSummary }>('PATCH', base(draftId), { grade }),
  /** ACLED's event types with their sub-event types, as validation accepts them. */
  acledTypes: () =>
    callApi<{ eventTypes: AcledEventType[] }>('GET', '/api/vocabularies/acled').then(
      (r) => r.eventTypes,
    ),
  merge: (draftId: string, itemId: string, targetIncidentId: string) =>
    callApi('POST', `${item(draftId, itemId)}/merge`, { targetIncidentId }),
  acceptAll: (draftId: string) => callApi('POST', `${base(draftId)}/accept-all`, {}),
  /** Undoes the draft's last accept / reject / merge (409 when later work depends on it). */
  undo: (draftId: string) => callApi('POST', `${base(draftId)}/undo`, {}),
  /**
   * Submits a pasted report graded on the Admiralty scale (e.g. "B2"); answers with its draft, or
   * with a job to follow when `queue` asks for extraction in the background (202).
   */
  submitReport: (report: {
    text: string;
    title?: string;
    published?: string;
    grade: string;
    queue?: boolean;
  }) => callApi<SubmittedReport>('POST', '/api/reports', report),
  /** Uploads a file (text, HTML, PDF) for extraction in the background; answers with its job. */
  importFile: (file: Blob, fields: { title?: string; published?: string; grade: string }) =>
    callApi<SubmittedReport>(
      'POST',
      `/api/reports${toQuery({ ...fields, queue: true })}`,
      // The server reads the bytes and tells text, HTML and PDF apart; other types go as bytes.
      UPLOAD_TYPES.includes(file.type)
        ? file
        : new Blob([file], { type: 'application/octet-stream' }),
    ),
  /** The feeds polled for new reports, with their last poll and error. */
  listFeeds: () => callApi<{ feeds: FeedView[] }>('GET', '/api/feeds').then((r) => r.feeds),
  /** Polls a feed now, in the background; answers with the job to follow. */
  pollFeed: (feedId: string) =>
    callApi<{ feedId: string; jobId: string }>(
      'POST',
      `/api/feeds/${encodeURIComponent(feedId)}/poll${toQuery({ queue: true })}`,
    ),
  /** A background job's state and progress. */
  getJob: (jobId: string) => callApi<JobView>('GET', `/api/jobs/${encodeURIComponent(jobId)}`),
};
