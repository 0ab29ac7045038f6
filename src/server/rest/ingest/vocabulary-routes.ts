import type { FastifyPluginAsync } from 'fastify';
import { ACLED_EVENT_TYPES } from '../../../core/vocab/acled.js';
import { problemResponses } from '../../errors/problem-responses.js';

/**
 * GET /api/vocabularies/acled: ACLED's event types and their sub-event types, from the one list
 * in core, so the review form offers exactly what validation accepts (the web takes only types
 * from core).
 *
 * @example await app.register(vocabularyRoutes(), { prefix: '/api' })
 */
export function vocabularyRoutes(): FastifyPluginAsync {
  const eventTypes = Object.entries(ACLED_EVENT_TYPES).map(([name, subEventTypes]) => ({
    name,
    subEventTypes: [...subEventTypes],
  }));
  return async (app) => {
    app.get(
      '/vocabularies/acled',
      {
        config: { access: [] },
        schema: {
          summary: 'ACLED event types with their sub-event types, as the codebook spells them',
          tags: ['ingest'],
          response: {
            200: {
              type: 'object',
              required: ['eventTypes'],
              properties: {
                eventTypes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'subEventTypes'],
                    properties: {
                      name: { type: 'string' },
                      subEventTypes: { type: 'array', items: { type: 'string' } },
                    },
                  },
                },
              },
            },
            ...problemResponses(401, 403),
          },
        },
      },
      async () => ({ eventTypes }),
    );
  };
}
