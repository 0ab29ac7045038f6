import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../../errors/problem-responses.js';
import type { IngestRuntime } from './ingest-runtime.js';
import {
  createFeed,
  createSource,
  getFeedOrThrow,
  getSourceOrThrow,
  updateFeed,
  updateSource,
  type FeedInput,
  type SourceInput,
} from '../../../ingest/sources/source-service.js';
import { pollFeed } from '../../../ingest/sources/poll-feed.js';
import { POLL_FEED_JOB } from '../../../ingest/jobs/ingest-jobs.js';
import * as schemas from './ingest-schemas.js';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/**
 * Sources (default Admiralty grade, auto-accept) and their feeds: list, create, change, delete;
 * POST /api/feeds/:id/poll polls a feed now.
 *
 * @example await app.register(sourceRoutes(runtime), { prefix: '/api' })
 */
export function sourceRoutes(runtime: IngestRuntime): FastifyPluginAsync {
  const deps = runtime.ingest;
  const tags = ['ingest'];
  return async (app) => {
    app.get(
      '/sources',
      {
        config: { access: [] },
        schema: {
          summary: 'Sources and their default grades',
          tags,
          response: { 200: schemas.sourceListResponse, ...problemResponses(401, 403) },
        },
      },
      async () => ({
        sources: await deps.repo.listSources(),
      }),
    );
    app.post<{ Body: SourceInput }>(
      '/sources',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Register a source',
          tags,
          body: schemas.sourceBody,
          response: { 201: schemas.sourceSchema, ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => reply.code(201).send(await createSource(deps, request.body)),
    );
    app.get<{ Params: { id: string } }>(
      '/sources/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'A source by id or name',
          tags,
          params: idParams,
          response: { 200: schemas.sourceSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => getSourceOrThrow(deps, request.params.id),
    );
    app.patch<{ Params: { id: string }; Body: SourceInput }>(
      '/sources/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Change a source’s name, grade or auto-accept',
          tags,
          params: idParams,
          body: schemas.sourceBody,
          response: { 200: schemas.sourceSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => updateSource(deps, request.params.id, request.body),
    );
    app.delete<{ Params: { id: string } }>(
      '/sources/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Delete a source and its feeds (drafts stay)',
          tags,
          params: idParams,
          response: { 204: schemas.noContent, ...problemResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const source = await getSourceOrThrow(deps, request.params.id);
        await deps.repo.deleteSource(source.id);
        return reply.code(204).send();
      },
    );
    app.get(
      '/feeds',
      {
        config: { access: [] },
        schema: {
          summary: 'Feeds, their last poll and last error',
          tags,
          response: { 200: schemas.feedListResponse, ...problemResponses(401, 403) },
        },
      },
      async () => ({
        feeds: await deps.repo.listFeeds(),
      }),
    );
    app.post<{ Body: FeedInput }>(
      '/feeds',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Add an RSS/Atom feed to a source',
          tags,
          body: schemas.feedBody,
          response: { 201: schemas.feedSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => reply.code(201).send(await createFeed(deps, request.body)),
    );
    app.get<{ Params: { id: string } }>(
      '/feeds/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'A feed',
          tags,
          params: idParams,
          response: { 200: schemas.feedSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => getFeedOrThrow(deps, request.params.id),
    );
    app.patch<{ Params: { id: string }; Body: FeedInput }>(
      '/feeds/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Change a feed’s URL or poll interval',
          tags,
          params: idParams,
          body: schemas.feedBody,
          response: { 200: schemas.feedSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => updateFeed(deps, request.params.id, request.body),
    );
    app.delete<{ Params: { id: string } }>(
      '/feeds/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Delete a feed',
          tags,
          params: idParams,
          response: { 204: schemas.noContent, ...problemResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await getFeedOrThrow(deps, request.params.id);
        await deps.repo.deleteFeed(request.params.id);
        return reply.code(204).send();
      },
    );
    app.post<{ Params: { id: string }; Querystring: { queue?: boolean } }>(
      '/feeds/:id/poll',
      {
        config: { access: ['analyst'] },
        schema: {
          summary:
            'Poll a feed now; new items become drafts (with queue=true: 202 and a job whose progress GET /api/jobs/:id reports)',
          tags,
          params: idParams,
          querystring: {
            type: 'object',
            properties: { queue: { type: 'boolean' } },
            additionalProperties: false,
          },
          response: {
            200: schemas.pollResponse,
            202: schemas.pollQueuedResponse,
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        if (!request.query.queue) return pollFeed(deps, request.params.id);
        await getFeedOrThrow(deps, request.params.id);
        const jobId = await runtime.queue.enqueue(POLL_FEED_JOB, { feedId: request.params.id });
        return reply.code(202).send({ feedId: request.params.id, jobId });
      },
    );
  };
}
