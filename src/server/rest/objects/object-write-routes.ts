import type { FastifyPluginAsync } from 'fastify';
import { notFound, TearlineError } from '../../../core/errors.js';
import { toStixTimestamp } from '../../../core/clock.js';
import { createStixId } from '../../../core/stix/stix-id.js';
import type { StixObject } from '../../../core/stix/stix-object.js';
import { validateStixObject } from '../../../core/stix/validate-stix-object.js';
import { requireUser } from '../../principal.js';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { objectIdParams, stixObjectSchema } from './object-schemas.js';
import { parseObjectId } from './parse-object-id.js';

const stixInputSchema = {
  type: 'object',
  required: ['type'],
  additionalProperties: true,
  properties: { type: { type: 'string', minLength: 1, maxLength: 250 } },
} as const;

const createdSchema = {
  type: 'object',
  required: ['object', 'dangling'],
  properties: {
    object: stixObjectSchema,
    dangling: {
      type: 'array',
      items: { type: 'string' },
      description: 'Referenced ids that are not stored (kept, reported)',
    },
  },
} as const;

/** Throws 400 with every issue (id and JSON path) when the object is not valid STIX 2.1. */
function assertValid(object: StixObject): void {
  const issues = validateStixObject(object);
  if (issues.length > 0) {
    throw new TearlineError(
      'TEARLINE_E_OBJECT_INVALID',
      `The object is not valid STIX 2.1 (${issues.length} problem${issues.length === 1 ? '' : 's'}); fix the listed properties and resend.`,
      { details: issues.map((i) => ({ subject: i.id, path: i.path, message: i.message })) },
    );
  }
}

/**
 * Writing objects (analysts): `POST /api/objects` stores a new object, filling `id`,
 * `spec_version`, `created` and `modified` when absent; `POST /api/objects/:id/versions` stores a
 * new version whose `modified` is now (STIX 2.1 §3.6: a new version keeps id and created and has
 * a later modified). Both are validated before anything is written.
 *
 * @example await app.register(objectWriteRoutes(deps))
 */
export function objectWriteRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: Record<string, unknown> & { type: string } }>(
      '/api/objects',
      {
        config: { access: ['analyst'] },
        schema: {
          summary:
            'Store a new STIX object (analyst); id, created and modified are filled when absent',
          tags: ['objects'],
          body: stixInputSchema,
          response: { 201: createdSchema, ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        requireUser(request, 'analyst');
        const objects = deps.store.objects;
        const body = request.body;
        const now = toStixTimestamp(deps.clock.now());
        const created = typeof body.created === 'string' ? body.created : now;
        const object: StixObject = {
          ...body,
          type: body.type,
          spec_version: typeof body.spec_version === 'string' ? body.spec_version : '2.1',
          id:
            typeof body.id === 'string'
              ? (body.id as StixObject['id'])
              : createStixId(body.type, deps.ids),
          created,
          modified: typeof body.modified === 'string' ? body.modified : created,
        };
        assertValid(object);
        if (await objects.getLatest(object.id)) {
          throw new TearlineError(
            'TEARLINE_E_OBJECT_EXISTS',
            `${object.id} is already stored; add a version with POST /api/objects/${object.id}/versions.`,
            { kind: 'conflict' },
          );
        }
        const result = await objects.putObjects([object]);
        return reply.code(201).send({ object, dangling: result.dangling });
      },
    );

    app.post<{ Params: { id: string }; Body: Record<string, unknown> & { type: string } }>(
      '/api/objects/:id/versions',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Store a new version of an object (analyst); modified is set to now',
          tags: ['objects'],
          params: objectIdParams,
          body: stixInputSchema,
          response: { 201: createdSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        requireUser(request, 'analyst');
        const objects = deps.store.objects;
        const id = parseObjectId(request.params.id);
        const current = await objects.getLatest(id);
        if (!current) {
          throw notFound('TEARLINE_E_OBJECT_NOT_FOUND', `No object ${id} is stored.`);
        }
        const body = request.body;
        if ((body.id !== undefined && body.id !== id) || body.type !== current.type) {
          throw new TearlineError(
            'TEARLINE_E_OBJECT_IDENTITY_CHANGED',
            `A new version keeps the id ${id} and type ${current.type}; leave them as they are.`,
          );
        }
        // The new modified must be later than every stored one, even if the clock has not moved.
        const previous = Date.parse(current.modified ?? current.created ?? '') || 0;
        const modified = toStixTimestamp(
          new Date(Math.max(deps.clock.now().getTime(), previous + 1)),
        );
        const object: StixObject = {
          ...body,
          type: current.type,
          id: current.id,
          spec_version: current.spec_version ?? '2.1',
          created: current.created ?? modified,
          modified,
        };
        assertValid(object);
        const result = await objects.putObjects([object]);
        return reply.code(201).send({ object, dangling: result.dangling });
      },
    );
  };
}
