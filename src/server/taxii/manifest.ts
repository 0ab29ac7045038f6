import type { FastifyInstance } from 'fastify';
import { specVersionOf } from '../../core/stix/spec-version.js';
import type { TaxiiBackend } from './taxii-backend.js';
import { displayVersionOf } from './taxii-envelope.js';
import { COLLECTION_LIST_PARAMS, parseTaxiiQuery } from './taxii-filters.js';
import { toStixMediaType } from './taxii-media.js';
import {
  checkApiRoot,
  principalOf,
  sendTaxii,
  setDateAddedHeaders,
  toPaging,
  type TaxiiParams,
} from './taxii-reply.js';

/**
 * GET {api-root}/collections/{id}/manifest/ (TAXII 2.1 §5.3): one record per object version the
 * objects endpoint would return, with its date_added, version and media type.
 *
 * @example registerManifest(app, backend)
 */
export function registerManifest(app: FastifyInstance, backend: TaxiiBackend): void {
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId'> }>(
    '/:apiRoot/collections/:collectionId/manifest/',
    async (request, reply) => {
      checkApiRoot(request.params);
      const query = parseTaxiiQuery(
        request.query as Record<string, unknown>,
        COLLECTION_LIST_PARAMS,
      );
      const page = await backend.getManifest(
        principalOf(request),
        request.params.collectionId,
        query,
      );
      setDateAddedHeaders(reply, page);
      return sendTaxii(
        reply,
        page.entries.length === 0
          ? {}
          : {
              ...toPaging(page),
              objects: page.entries.map((e) => ({
                id: e.object.id,
                date_added: e.dateAdded,
                version: displayVersionOf(e.object, e.dateAdded),
                media_type: toStixMediaType(specVersionOf(e.object)),
              })),
            },
      );
    },
  );
}
