import { noteRestrictedRead } from '../../audit/restricted-read.js';
import { noteAnswerObjects } from '../../audit/audit-notes.js';
import type { FastifyPluginAsync } from 'fastify';
import { notFound, type TearlineError } from '../../../core/errors.js';
import { requireUser } from '../../principal.js';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import {
  objectIdParams,
  objectListSchema,
  stixObjectSchema,
  typeListParam,
} from './object-schemas.js';
import { objectRelationshipRoutes } from './object-relationship-routes.js';
import { objectWriteRoutes } from './object-write-routes.js';
import { parseObjectId } from './parse-object-id.js';

function noObject(id: string): TearlineError {
  return notFound('TEARLINE_E_OBJECT_NOT_FOUND', `No object ${id} is stored.`);
}

function splitTypes(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',');
}

/**
 * The knowledge base over HTTP for signed-in users: latest objects with filters, one object,
 * its versions, full-text search, and (analysts) create and new version.
 *
 * @example await app.register(objectRoutes(deps))
 */
export function objectRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{
      Querystring: {
        type?: string;
        since?: string;
        limit: number;
        offset: number;
        includeRevoked: boolean;
      };
    }>(
      '/api/objects',
      {
        // The handler names its answer's objects for the audit trail (noteAnswerObjects).
        config: { access: [], auditNotesObjects: true },
        schema: {
          summary: 'Latest versions of objects, newest first, with filters',
          tags: ['objects'],
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              type: typeListParam,
              since: {
                type: 'string',
                format: 'date-time',
                description: 'Only objects modified at or after',
              },
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
              offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
              includeRevoked: { type: 'boolean', default: false },
            },
          },
          response: { 200: objectListSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        requireUser(request);
        const objects = deps.store.objects;
        const q = request.query;
        const filter = {
          ...(q.type !== undefined ? { types: splitTypes(q.type) } : {}),
          ...(q.since !== undefined ? { modifiedSince: new Date(q.since).toISOString() } : {}),
          includeRevoked: q.includeRevoked,
        };
        const [found, total] = await Promise.all([
          objects.findLatest({ ...filter, limit: q.limit, offset: q.offset }),
          objects.countLatest(filter),
        ]);
        noteAnswerObjects(request, found);
        return { objects: found, total };
      },
    );

    app.get<{ Querystring: { q: string; type?: string; limit: number } }>(
      '/api/search',
      {
        // The handler names its answer's objects for the audit trail (noteAnswerObjects).
        config: { access: [], auditNotesObjects: true },
        schema: {
          summary: 'Full-text search over names, aliases and descriptions, best match first',
          tags: ['objects'],
          querystring: {
            type: 'object',
            required: ['q'],
            additionalProperties: false,
            properties: {
              q: { type: 'string', minLength: 1, maxLength: 500 },
              type: typeListParam,
              limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            },
          },
          response: { 200: objectListSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        requireUser(request);
        const { q, type, limit } = request.query;
        const types = splitTypes(type);
        const found = await deps.store.objects.search(q, types ? { types, limit } : { limit });
        noteAnswerObjects(request, found);
        return { objects: found };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/objects/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'The latest version of an object (revoked included)',
          tags: ['objects'],
          params: objectIdParams,
          response: { 200: stixObjectSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        requireUser(request);
        const id = parseObjectId(request.params.id);
        const object = await deps.store.objects.getLatest(id);
        if (!object) throw noObject(id);
        noteRestrictedRead(request, object);
        return object;
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/objects/:id/versions',
      {
        config: { access: [] },
        schema: {
          summary: 'Every stored version of an object, oldest first',
          tags: ['objects'],
          params: objectIdParams,
          response: {
            200: {
              type: 'object',
              required: ['versions'],
              properties: { versions: { type: 'array', items: stixObjectSchema } },
            },
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        requireUser(request);
        const id = parseObjectId(request.params.id);
        const versions = await deps.store.objects.listVersions(id);
        if (versions.length === 0) throw noObject(id);
        for (const v of versions) {
          noteRestrictedRead(request, v);
          if (request.auditAction) break;
        }
        return { versions };
      },
    );

    app.get<{ Params: { id: string; modified: string } }>(
      '/api/objects/:id/versions/:modified',
      {
        config: { access: [] },
        schema: {
          summary: 'One version of an object, by its modified timestamp',
          tags: ['objects'],
          params: {
            type: 'object',
            required: ['id', 'modified'],
            properties: {
              ...objectIdParams.properties,
              modified: { type: 'string', maxLength: 40 },
            },
          },
          response: { 200: stixObjectSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        requireUser(request);
        const id = parseObjectId(request.params.id);
        const object = await deps.store.objects.getVersion(id, request.params.modified);
        if (!object) {
          throw notFound(
            'TEARLINE_E_OBJECT_VERSION_NOT_FOUND',
            `No version ${request.params.modified} of ${id} is stored; list them at /api/objects/${id}/versions.`,
          );
        }
        noteRestrictedRead(request, object);
        return object;
      },
    );

    await app.register(objectRelationshipRoutes(deps));
    await app.register(objectWriteRoutes(deps));
  };
}
