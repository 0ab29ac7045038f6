import type { FastifyInstance } from 'fastify';
import type { TaxiiBackend } from './taxii-backend.js';
import { parseTaxiiQuery } from './taxii-filters.js';
import {
  checkApiRoot,
  principalOf,
  sendTaxiiBytes,
  setDateAddedHeaders,
  toEnvelopeJson,
  type TaxiiParams,
} from './taxii-reply.js';

/**
 * GET and DELETE {api-root}/collections/{id}/objects/{object-id}/ (TAXII 2.1 §5.6, §5.7). GET
 * answers an envelope (empty `{}` when the filters leave nothing, 404 when the caller can see no
 * version at all); DELETE removes the selected versions (default: all) and answers 200.
 *
 * @example registerObjectById(app, backend)
 */
export function registerObjectById(app: FastifyInstance, backend: TaxiiBackend): void {
  const path = '/:apiRoot/collections/:collectionId/objects/:objectId/';
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId' | 'objectId'> }>(
    path,
    async (request, reply) => {
      checkApiRoot(request.params);
      const query = parseTaxiiQuery(request.query as Record<string, unknown>, [
        'added_after',
        'limit',
        'next',
        'version',
        'spec_version',
      ]);
      const { collectionId, objectId } = request.params;
      const page = await backend.getObject(principalOf(request), collectionId, objectId, query);
      setDateAddedHeaders(reply, page);
      return sendTaxiiBytes(reply, toEnvelopeJson(page));
    },
  );
  app.delete<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId' | 'objectId'> }>(
    path,
    async (request, reply) => {
      checkApiRoot(request.params);
      const query = parseTaxiiQuery(request.query as Record<string, unknown>, [
        'version',
        'spec_version',
      ]);
      const { collectionId, objectId } = request.params;
      await backend.deleteObject(principalOf(request), collectionId, objectId, {
        ...(query.versions ? { versions: query.versions } : {}),
        ...(query.specVersions ? { specVersions: query.specVersions } : {}),
      });
      return sendTaxiiBytes(reply, '');
    },
  );
}
