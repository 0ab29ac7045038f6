import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../../../core/errors.js';
import type { StixObject } from '../../../core/stix/stix-object.js';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { requireUser } from '../../principal.js';
import { objectIdParams, stixObjectSchema } from './object-schemas.js';
import { parseObjectId } from './parse-object-id.js';

/** The other end of a relationship, as much as a link needs. */
function toEnd(id: string, found: StixObject | undefined) {
  return {
    id,
    type: id.split('--')[0]!,
    ...(typeof found?.name === 'string' ? { name: found.name } : {}),
    ...(found ? {} : { missing: true }),
  };
}

/**
 * GET /api/objects/:id/relationships: the relationships that start or end at an object, each with
 * its direction and the other end's id, type and name, so a page can link both ways.
 *
 * @example await app.register(objectRelationshipRoutes(deps))
 */
export function objectRelationshipRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { id: string }; Querystring: { limit: number; includeRevoked: boolean } }>(
      '/api/objects/:id/relationships',
      {
        config: { access: [] },
        schema: {
          summary: 'Relationships from and to an object, with the other end named',
          tags: ['objects'],
          params: objectIdParams,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
              includeRevoked: { type: 'boolean', default: false },
            },
          },
          response: {
            200: {
              type: 'object',
              required: ['relationships'],
              properties: {
                relationships: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['relationship', 'direction', 'other'],
                    properties: {
                      relationship: stixObjectSchema,
                      direction: { type: 'string', enum: ['outgoing', 'incoming'] },
                      other: {
                        type: 'object',
                        required: ['id', 'type'],
                        properties: {
                          id: { type: 'string' },
                          type: { type: 'string' },
                          name: { type: 'string' },
                          missing: { type: 'boolean' },
                        },
                      },
                    },
                  },
                },
              },
            },
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        requireUser(request);
        const id = parseObjectId(request.params.id);
        if (!(await deps.store.objects.getLatest(id))) {
          throw notFound('TEARLINE_E_OBJECT_NOT_FOUND', `No object ${id} is stored.`);
        }
        const found = await deps.store.objects.relationshipsOf(id, request.query);
        const otherIds = [
          ...new Set(found.map((r) => String(r.source_ref === id ? r.target_ref : r.source_ref))),
        ];
        const others =
          otherIds.length > 0
            ? await deps.store.objects.findLatest({ ids: otherIds, includeRevoked: true })
            : [];
        const byId = new Map(others.map((o) => [o.id as string, o]));
        return {
          relationships: found.map((r) => {
            const outgoing = r.source_ref === id;
            const otherId = String(outgoing ? r.target_ref : r.source_ref);
            return {
              relationship: r,
              direction: outgoing ? 'outgoing' : 'incoming',
              other: toEnd(otherId, byId.get(otherId)),
            };
          }),
        };
      },
    );
  };
}
