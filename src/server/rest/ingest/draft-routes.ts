import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../../../core/errors.js';
import { problemResponses } from '../../errors/problem-responses.js';
import type { IngestRuntime } from './ingest-runtime.js';
import type { DraftRecord, DraftState } from '../../../core/ports/ingest.js';
import { getDraftView } from '../../../ingest/review/draft-view.js';
import {
  acceptAll,
  acceptItem,
  editItem,
  mergeItem,
  rejectItem,
  type ItemEdit,
} from '../../../ingest/review/review-service.js';
import { recordDecision, type DecidedResult } from '../../../ingest/review/review-decision.js';
import { undoLastDecision } from '../../../ingest/review/undo-decision.js';
import { regradeDraft } from '../../../ingest/review/regrade-draft.js';
import { parseGradeInput } from '../../../ingest/sources/source-service.js';
import * as schemas from './ingest-schemas.js';

const draftParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;
const itemParams = {
  type: 'object',
  required: ['id', 'itemId'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    itemId: { type: 'string', minLength: 1, maxLength: 300 },
  },
} as const;

/** A draft in a list: without its text. */
function toSummary(d: DraftRecord) {
  return {
    id: d.id,
    state: d.state,
    title: d.title,
    origin: d.origin,
    url: d.url,
    published: d.published,
    sourceId: d.sourceId,
    grade: d.grade,
    language: d.language,
    error: d.error,
    reportId: d.report.id,
    lastDecision: d.lastDecision,
    created: d.created,
    updated: d.updated,
  };
}

/** A decision's answer: the draft, its items, the ids written and what was made or merged. */
function toDecided(r: DecidedResult) {
  return {
    draft: toSummary(r.draft),
    items: r.items,
    written: r.written,
    decision: r.decision,
  };
}

/**
 * The review inbox: list drafts by state, read one (report text, items, spans, merge candidates),
 * accept / reject / edit / merge each item, accept all.
 *
 * @example await app.register(draftRoutes(runtime), { prefix: '/api' })
 */
export function draftRoutes(runtime: IngestRuntime): FastifyPluginAsync {
  const deps = runtime.ingest;
  const tags = ['ingest'];
  return async (app) => {
    app.get<{ Querystring: { state?: DraftState; limit?: number; offset?: number } }>(
      '/drafts',
      {
        config: { access: [] },
        schema: {
          summary: 'Drafts waiting for review (or in another state), newest first',
          tags,
          querystring: {
            type: 'object',
            properties: {
              state: { type: 'string', enum: ['queued', 'open', 'reviewed', 'failed'] },
              limit: { type: 'integer', minimum: 1, maximum: 500 },
              offset: { type: 'integer', minimum: 0 },
            },
            additionalProperties: false,
          },
          response: { 200: schemas.draftListResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => ({ drafts: (await deps.repo.listDrafts(request.query)).map(toSummary) }),
    );
    app.get<{ Params: { id: string } }>(
      '/drafts/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'A draft: report text, items with spans, merge candidates',
          tags,
          params: draftParams,
          response: { 200: schemas.draftViewResponse, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const view = await getDraftView(deps, request.params.id);
        return {
          ...view,
          draft: { ...toSummary(view.draft), text: view.draft.text, report: view.draft.report },
        };
      },
    );
    const decide = (action: 'accept' | 'reject') =>
      app.post<{ Params: { id: string; itemId: string } }>(
        `/drafts/:id/items/:itemId/${action}`,
        {
          config: { access: ['analyst'] },
          schema: {
            summary: `${action === 'accept' ? 'Accept' : 'Reject'} a proposed item`,
            tags,
            params: itemParams,
            response: {
              200: schemas.decidedResponse,
              ...problemResponses(400, 401, 403, 404, 409),
            },
          },
        },
        async (request) => {
          const { id, itemId } = request.params;
          const r = await recordDecision(deps, id, action, () =>
            action === 'accept' ? acceptItem(deps, id, itemId) : rejectItem(deps, id, itemId),
          );
          return toDecided(r);
        },
      );
    decide('accept');
    decide('reject');
    app.patch<{ Params: { id: string }; Body: { grade: unknown } }>(
      '/drafts/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Re-grade the report of a draft (Admiralty) before its items are accepted',
          tags,
          params: draftParams,
          body: schemas.regradeBody,
          response: { 200: schemas.regradeResponse, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const grade = parseGradeInput(request.body.grade);
        return { draft: toSummary(await regradeDraft(deps, request.params.id, grade)) };
      },
    );
    app.patch<{ Params: { id: string; itemId: string }; Body: ItemEdit }>(
      '/drafts/:id/items/:itemId',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Edit a proposed item (its properties, conflict-event fields, perpetrator)',
          tags,
          params: itemParams,
          body: {
            type: 'object',
            properties: {
              properties: { type: 'object', additionalProperties: true },
              extension: { type: 'object', additionalProperties: true },
              perpetrator: { type: ['string', 'null'], maxLength: 250 },
            },
            additionalProperties: false,
          },
          response: { 200: schemas.itemEditResponse, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({
        item: await editItem(deps, request.params.id, request.params.itemId, request.body ?? {}),
      }),
    );
    app.post<{ Params: { id: string; itemId: string }; Body: { targetIncidentId: string } }>(
      '/drafts/:id/items/:itemId/merge',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Merge a proposed incident into an existing one as corroboration',
          tags,
          params: itemParams,
          body: {
            type: 'object',
            required: ['targetIncidentId'],
            properties: { targetIncidentId: { type: 'string', minLength: 1, maxLength: 200 } },
            additionalProperties: false,
          },
          response: { 200: schemas.decidedResponse, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { id, itemId } = request.params;
        const r = await recordDecision(deps, id, 'merge', () =>
          mergeItem(deps, id, itemId, request.body.targetIncidentId),
        );
        return toDecided(r);
      },
    );
    app.post<{ Params: { id: string } }>(
      '/drafts/:id/accept-all',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Accept every proposed item of a draft',
          tags,
          params: draftParams,
          response: { 200: schemas.decidedResponse, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const id = request.params.id;
        return toDecided(await recordDecision(deps, id, 'accept-all', () => acceptAll(deps, id)));
      },
    );
    app.post<{ Params: { id: string } }>(
      '/drafts/:id/undo',
      {
        config: { access: ['analyst'] },
        schema: {
          summary:
            'Undo the last accept / reject / merge: items proposed again, created objects revoked, a merged incident restored',
          tags,
          params: draftParams,
          response: { 200: schemas.undoneResponse, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const r = await undoLastDecision(deps, request.params.id);
        return { draft: toSummary(r.draft), items: r.items, written: r.written, undone: r.undone };
      },
    );
    app.get<{ Params: { id: string } }>(
      '/jobs/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'A background job: state, attempts, last error',
          tags,
          params: draftParams,
          response: { 200: schemas.jobSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const job = await runtime.queue.getJob(request.params.id).catch(() => undefined);
        if (!job) {
          throw notFound(
            'TEARLINE_E_INGEST_JOB_NOT_FOUND',
            `No job has the id ${request.params.id}; the id is in the 202 answer of POST /api/reports.`,
          );
        }
        return reply.send(job);
      },
    );
  };
}
