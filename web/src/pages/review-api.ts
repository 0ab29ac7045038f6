import type { ApiAnswer, ApiBody } from '../api-types.js';
import { callApi, toQuery } from '../api.js';

// The review API's answers and bodies are the types generated from the routes' schemas (npm run
// api:types); the names below are those the review screens use.

/** A draft as the review screen reads it: the draft with its text, items, merge candidates. */
export type DraftViewData = ApiAnswer<'/api/drafts/{id}', 'get'>;

/** A draft with its text and report, as the review screen reads it. */
export type DraftRecord = DraftViewData['draft'];

/** A proposed item of a draft and its state. */
export type DraftItem = DraftViewData['items'][number];

/** A merge candidate of a proposed incident (src/ingest/review/merge-candidates.ts). */
export type MergeCandidateView = DraftViewData['mergeCandidates'][string][number];

/** A draft in the inbox list (the API leaves the text out of lists). */
export type DraftSummary = ApiAnswer<'/api/drafts', 'get'>['drafts'][number];

/** An edit of a proposed item (src/ingest/review/review-edit.ts); `null` clears a value. */
export type ItemEdit = ApiBody<'/api/drafts/{id}/items/{itemId}', 'patch'>;

type ReportCreated = ApiAnswer<'/api/reports', 'post', 201>;
type ReportQueued = ApiAnswer<'/api/reports', 'post', 202>;

/** The answer to a submitted report: its draft, and the job extracting it when queued (202). */
export type SubmittedReport = Pick<ReportCreated, 'draftId' | 'state'> &
  Partial<Pick<ReportCreated, 'language' | 'note'>> &
  Partial<Pick<ReportQueued, 'jobId'>>;

/** A feed as GET /api/feeds lists it. */
export type FeedView = ApiAnswer<'/api/feeds/{id}', 'get'>;

/** A background job as GET /api/jobs/:id answers. */
export type JobView = ApiAnswer<'/api/jobs/{id}', 'get'>;

const UPLOAD_TYPES = ['text/plain', 'text/html', 'application/pdf', 'application/xhtml+xml'];

/** One ACLED event type and its sub-event types. */
export type AcledEventType = ApiAnswer<'/api/vocabularies/acled', 'get'>['eventTypes'][number];

/** A relationship of an object, with the other end named (GET /api/objects/:id/relationships). */
export type RelationshipView = ApiAnswer<
  '/api/objects/{id}/relationships',
  'get'
>['relationships'][number];

/**
 * The relationships from and to an object.
 *
 * @example const { relationships } = await getRelationshipsOf('incident--…')
 */
export const getRelationshipsOf = (id: string) =>
  callApi<ApiAnswer<'/api/objects/{id}/relationships', 'get'>>(
    'GET',
    `/api/objects/${encodeURIComponent(id)}/relationships`,
  );

const base = (draftId: string) => `/api/drafts/${encodeURIComponent(draftId)}`;
const item = (draftId: string, itemId: string) =>
  `${base(draftId)}/items/${encodeURIComponent(itemId)}`;

/** The review API in one place, so that the screen follows the ingest routes by one edit. */
export const reviewApi = {
  listDrafts: (state = 'open') =>
    callApi<ApiAnswer<'/api/drafts', 'get'>>('GET', `/api/drafts${toQuery({ state })}`),
  getDraft: (draftId: string) => callApi<DraftViewData>('GET', base(draftId)),
  accept: (draftId: string, itemId: string) =>
    callApi('POST', `${item(draftId, itemId)}/accept`, {}),
  reject: (draftId: string, itemId: string) =>
    callApi('POST', `${item(draftId, itemId)}/reject`, {}),
  edit: (draftId: string, itemId: string, edit: ItemEdit) =>
    callApi<ApiAnswer<'/api/drafts/{id}/items/{itemId}', 'patch'>>(
      'PATCH',
      item(draftId, itemId),
      edit,
    ),
  /** Gives the draft's report a new Admiralty grade ("C3") before its items are accepted. */
  regrade: (draftId: string, grade: string) =>
    callApi<ApiAnswer<'/api/drafts/{id}', 'patch'>>('PATCH', base(draftId), { grade }),
  /** ACLED's event types with their sub-event types, as validation accepts them. */
  acledTypes: () =>
    callApi<ApiAnswer<'/api/vocabularies/acled', 'get'>>('GET', '/api/vocabularies/acled').then(
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
  listFeeds: () =>
    callApi<ApiAnswer<'/api/feeds', 'get'>>('GET', '/api/feeds').then((r) => r.feeds),
  /** Polls a feed now, in the background; answers with the job to follow. */
  pollFeed: (feedId: string) =>
    callApi<ApiAnswer<'/api/feeds/{id}/poll', 'post', 202>>(
      'POST',
      `/api/feeds/${encodeURIComponent(feedId)}/poll${toQuery({ queue: true })}`,
    ),
  /** A background job's state and progress. */
  getJob: (jobId: string) => callApi<JobView>('GET', `/api/jobs/${encodeURIComponent(jobId)}`),
};
