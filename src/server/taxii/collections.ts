import type { FastifyInstance } from 'fastify';
import type { Collection } from '../../core/ports/collection-repository.js';
import type { TaxiiBackend } from './taxii-backend.js';
import { checkApiRoot, principalOf, sendTaxii, type TaxiiParams } from './taxii-reply.js';

/** A collection resource as TAXII 2.1 §5.2.1 spells it. */
export function toCollectionResource(c: Collection) {
  return {
    id: c.id,
    title: c.title,
    ...(c.description === undefined ? {} : { description: c.description }),
    ...(c.alias === undefined ? {} : { alias: c.alias }),
    can_read: c.canRead,
    can_write: c.canWrite,
    media_types: c.mediaTypes,
  };
}

/**
 * GET {api-root}/collections/ and {api-root}/collections/{id}/ (TAXII 2.1 §5.1, §5.2): the
 * caller's own collections only.
 *
 * @example registerCollections(app, backend)
 */
export function registerCollections(app: FastifyInstance, backend: TaxiiBackend): void {
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot'> }>(
    '/:apiRoot/collections/',
    async (request, reply) => {
      checkApiRoot(request.params);
      const list = await backend.listCollections(principalOf(request));
      return sendTaxii(
        reply,
        list.length === 0 ? {} : { collections: list.map(toCollectionResource) },
      );
    },
  );
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId'> }>(
    '/:apiRoot/collections/:collectionId/',
    async (request, reply) => {
      checkApiRoot(request.params);
      const c = await backend.getCollection(principalOf(request), request.params.collectionId);
      return sendTaxii(reply, toCollectionResource(c));
    },
  );
}
