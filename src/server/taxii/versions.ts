import type { FastifyInstance } from 'fastify';
import type { TaxiiBackend } from './taxii-backend.js';
import { displayVersionOf } from './taxii-envelope.js';
import { parseTaxiiQuery } from './taxii-filters.js';
import {
  checkApiRoot,
  principalOf,
  sendTaxii,
  setDateAddedHeaders,
  toPaging,
  type TaxiiParams,
} from './taxii-reply.js';

/**
 * GET {api-root}/collections/{id}/objects/{object-id}/versions/ (TAXII 2.1 §5.8): the versions
 * of one object in date_added order.
 *
 * @example registerVersions(app, backend)
 */
export function registerVersions(app: FastifyInstance, backend: TaxiiBackend): void {
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId' | 'objectId'> }>(
    '/:apiRoot/collections/:collectionId/objects/:objectId/versions/',
    async (request, reply) => {
      checkApiRoot(request.params);
      const query = parseTaxiiQuery(request.query as Record<string, unknown>, [
        'added_after',
        'limit',
        'next',
        'spec_version',
      ]);
      const { collectionId, objectId } = request.params;
      const page = await backend.getVersions(principalOf(request), collectionId, objectId, query);
      setDateAddedHeaders(reply, page);
      return sendTaxii(
        reply,
        page.entries.length === 0
          ? {}
          : {
              ...toPaging(page),
              versions: page.entries.map((e) => displayVersionOf(e.object, e.dateAdded)),
            },
      );
    },
  );
}
