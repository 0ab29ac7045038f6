import type {
  DraftItem,
  DraftRecord,
  FeedRecord,
  JobRecord,
  ReviewDecision,
  SourceRecord,
} from '../../../core/ports/ingest.js';
import type { MergeCandidate } from '../../../ingest/review/merge-candidates.js';
import type { PollResult } from '../../../ingest/sources/poll-feed.js';
import type { Covers } from '../../openapi/schema-coverage.js';
import { stixObjectSchema } from '../objects/object-schemas.js';

// Request and response schemas of the ingest routes (ADR 0028). The services keep their own
// checks (grades, dates, URLs, one of text/html/url); these schemas give the shapes.

const str = { type: 'string' } as const;
const strings = { type: 'array', items: str } as const;

const gradeSchema = {
  type: 'object',
  required: ['reliability', 'credibility'],
  properties: {
    reliability: { type: 'string', enum: ['A', 'B', 'C', 'D', 'E', 'F'] },
    credibility: { type: 'integer', enum: [1, 2, 3, 4, 5, 6] },
  },
} as const;

/** `"B2"` or `{reliability, credibility}`; the service tells a wrong grade in its own words. */
const gradeInput = {
  description: 'An Admiralty code such as "B2", or {reliability, credibility}',
  anyOf: [
    { type: 'string', maxLength: 4 },
    { type: 'object', properties: { reliability: str, credibility: {} } },
  ],
} as const;

const decisionSchema = {
  type: 'object',
  required: ['action', 'at', 'itemIds', 'objects'],
  properties: {
    action: { type: 'string', enum: ['accept', 'reject', 'merge', 'accept-all'] },
    at: str,
    itemIds: strings,
    objects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'modified', 'role'],
        properties: {
          id: str,
          type: str,
          name: str,
          modified: str,
          role: { type: 'string', enum: ['created', 'merged-into'] },
        },
      },
    },
  },
} as const;

const draftSummaryProperties = {
  id: str,
  state: { type: 'string', enum: ['queued', 'open', 'reviewed', 'failed'] },
  title: str,
  origin: str,
  url: str,
  published: str,
  sourceId: str,
  grade: gradeSchema,
  language: str,
  error: str,
  reportId: str,
  lastDecision: decisionSchema,
  created: str,
  updated: str,
} as const;
const draftSummaryRequired = [
  'id',
  'state',
  'origin',
  'grade',
  'language',
  'reportId',
  'created',
  'updated',
] as const;

/** A draft in a list: everything but its text and report object. */
export const draftSummarySchema = {
  type: 'object',
  required: draftSummaryRequired,
  properties: draftSummaryProperties,
} as const;

/** A draft as the review screen reads it: the summary with the text and the report. */
const draftFullSchema = {
  type: 'object',
  required: [...draftSummaryRequired, 'text', 'report'],
  properties: { ...draftSummaryProperties, text: str, report: stixObjectSchema },
} as const;

export const draftItemSchema = {
  type: 'object',
  required: ['draftId', 'itemId', 'kind', 'state', 'object', 'updated'],
  properties: {
    draftId: str,
    itemId: str,
    kind: {
      type: 'string',
      enum: ['incident', 'threat-actor', 'location', 'identity', 'relationship'],
    },
    state: { type: 'string', enum: ['proposed', 'accepted', 'rejected', 'merged'] },
    object: stixObjectSchema,
    existingId: str,
    resultId: str,
    updated: str,
  },
} as const;

const mergeCandidateSchema = {
  type: 'object',
  required: ['incident', 'dayGap', 'actors'],
  properties: {
    incident: stixObjectSchema,
    dayGap: { type: 'number' },
    distanceKm: { type: 'number' },
    actors: strings,
  },
} as const;

export const draftListResponse = {
  type: 'object',
  required: ['drafts'],
  properties: {
    drafts: { type: 'array', items: draftSummarySchema },
    total: { type: 'integer' },
  },
} as const;

export const draftViewResponse = {
  type: 'object',
  required: ['draft', 'items', 'mergeCandidates'],
  properties: {
    draft: draftFullSchema,
    items: { type: 'array', items: draftItemSchema },
    mergeCandidates: {
      type: 'object',
      description: 'Per proposed incident item id, the stored incidents it may duplicate',
      additionalProperties: { type: 'array', items: mergeCandidateSchema },
    },
  },
} as const;

/** What a review decision answers: the draft, its items, the ids written, the decision kept. */
export const decidedResponse = {
  type: 'object',
  required: ['draft', 'items', 'written', 'decision'],
  properties: {
    draft: draftSummarySchema,
    items: { type: 'array', items: draftItemSchema },
    written: strings,
    decision: decisionSchema,
  },
} as const;

export const undoneResponse = {
  type: 'object',
  required: ['draft', 'items', 'written', 'undone'],
  properties: {
    draft: draftSummarySchema,
    items: { type: 'array', items: draftItemSchema },
    written: strings,
    undone: decisionSchema,
  },
} as const;

export const regradeBody = {
  type: 'object',
  required: ['grade'],
  properties: { grade: gradeInput },
  additionalProperties: false,
} as const;

export const regradeResponse = {
  type: 'object',
  required: ['draft'],
  properties: { draft: draftSummarySchema },
} as const;

export const itemEditResponse = {
  type: 'object',
  required: ['item'],
  properties: { item: draftItemSchema },
} as const;

export const jobSchema = {
  type: 'object',
  required: ['id', 'kind', 'state', 'attempts'],
  properties: {
    id: str,
    kind: str,
    state: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    attempts: { type: 'integer' },
    lastError: str,
    progress: {
      type: 'object',
      required: ['stage'],
      properties: { stage: str, done: { type: 'number' }, total: { type: 'number' } },
    },
  },
} as const;

/** A pasted report, HTML page or URL to fetch; exactly one of text, html and url. */
export const reportJsonBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: str,
    html: str,
    url: { type: 'string', maxLength: 2000 },
    title: str,
    published: str,
    source: { type: 'string', maxLength: 200 },
    grade: gradeInput,
    queue: { type: 'boolean' },
  },
} as const;

const uploadedFile = { description: "The file's bytes (text, HTML or PDF)" } as const;

/** JSON fields, or an uploaded file as the body with its fields in the query. */
export const reportBody = {
  content: {
    'application/json': { schema: reportJsonBody },
    'text/plain': { schema: uploadedFile },
    'text/html': { schema: uploadedFile },
    'application/pdf': { schema: uploadedFile },
    'application/xhtml+xml': { schema: uploadedFile },
    'application/octet-stream': { schema: uploadedFile },
  },
} as const;

export const reportCreatedResponse = {
  type: 'object',
  required: ['draftId', 'state', 'language'],
  properties: { draftId: str, state: str, language: str, note: str },
} as const;

export const reportQueuedResponse = {
  type: 'object',
  required: ['draftId', 'state', 'jobId'],
  properties: { draftId: str, state: str, jobId: str },
} as const;

export const sourceSchema = {
  type: 'object',
  required: ['id', 'name', 'grade', 'autoAccept', 'created', 'updated'],
  properties: {
    id: str,
    name: str,
    grade: gradeSchema,
    autoAccept: { type: 'boolean' },
    created: str,
    updated: str,
  },
} as const;

export const sourceListResponse = {
  type: 'object',
  required: ['sources'],
  properties: { sources: { type: 'array', items: sourceSchema } },
} as const;

export const sourceBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200 },
    grade: gradeInput,
    autoAccept: { type: 'boolean' },
  },
} as const;

export const feedSchema = {
  type: 'object',
  required: ['id', 'sourceId', 'url', 'pollMinutes', 'created'],
  properties: {
    id: str,
    sourceId: str,
    url: str,
    pollMinutes: { type: 'number' },
    etag: str,
    lastModified: str,
    lastPolled: str,
    lastError: str,
    created: str,
  },
} as const;

export const feedListResponse = {
  type: 'object',
  required: ['feeds'],
  properties: { feeds: { type: 'array', items: feedSchema } },
} as const;

export const feedBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sourceId: { type: 'string', maxLength: 200 },
    url: { type: 'string', maxLength: 2000 },
    pollMinutes: { type: 'number' },
  },
} as const;

export const pollResponse = {
  type: 'object',
  required: ['feedId', 'notModified', 'draftIds', 'skipped'],
  properties: {
    feedId: str,
    notModified: { type: 'boolean' },
    draftIds: strings,
    skipped: { type: 'integer' },
    error: str,
    itemErrors: {
      type: 'array',
      items: { type: 'object', required: ['key', 'error'], properties: { key: str, error: str } },
    },
  },
} as const;

export const pollQueuedResponse = {
  type: 'object',
  required: ['feedId', 'jobId'],
  properties: { feedId: str, jobId: str },
} as const;

export const noContent = { type: 'null', description: 'Done; no body' } as const;

type DraftSummary = Omit<DraftRecord, 'text' | 'report'> & { reportId: string };
const covered: [
  Covers<DraftSummary, typeof draftSummarySchema>,
  Covers<DraftRecord, typeof draftFullSchema>,
  Covers<DraftItem, typeof draftItemSchema>,
  Covers<ReviewDecision, typeof decisionSchema>,
  Covers<MergeCandidate, typeof mergeCandidateSchema>,
  Covers<
    Pick<JobRecord, 'id' | 'kind' | 'state' | 'attempts' | 'lastError' | 'progress'>,
    typeof jobSchema
  >,
  Covers<SourceRecord, typeof sourceSchema>,
  Covers<FeedRecord, typeof feedSchema>,
  Covers<PollResult, typeof pollResponse>,
] = [true, true, true, true, true, true, true, true, true];
void covered;
