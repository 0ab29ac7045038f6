import { TearlineError } from '../../core/errors.js';
import { finished } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TaxiiBackend } from './taxii-backend.js';
import { COLLECTION_LIST_PARAMS, parseTaxiiQuery } from './taxii-filters.js';
import { isTaxiiContentType } from './taxii-media.js';
import { noteNoAuditedMarking } from '../audit/audit-notes.js';
import {
  checkApiRoot,
  ENVELOPE_ROOM,
  principalOf,
  sendTaxii,
  sendTaxiiBuffer,
  setDateAddedHeadersOf,
  toEnvelopeBytes,
  type TaxiiParams,
} from './taxii-reply.js';

/**
 * GET and POST {api-root}/collections/{id}/objects/ (TAXII 2.1 §5.3, §5.4): an envelope of the
 * objects the caller may read, in date_added order; a posted envelope is stored with one
 * date_added and answered 202 with a status resource.
 *
 * @example registerObjects(app, backend, 10_000_000)
 */
export function registerObjects(
  app: FastifyInstance,
  backend: TaxiiBackend,
  bodyLimit: number,
): void {
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId'> }>(
    '/:apiRoot/collections/:collectionId/objects/',
    async (request, reply) => {
      checkApiRoot(request.params);
      const query = parseTaxiiQuery(
        request.query as Record<string, unknown>,
        COLLECTION_LIST_PARAMS,
      );
      const page = await backend.getObjectsJson(
        principalOf(request),
        request.params.collectionId,
        query,
        ENVELOPE_ROOM,
      );
      // Borrowed bytes go back once the socket is done with them, whether sent or abandoned.
      if (page.release) finished(reply.raw, page.release);
      setDateAddedHeadersOf(reply, page);
      // Each row was searched for the audited marking ids when stored: a page of rows that hold
      // none is not searched again by the audit trail's onSend scan.
      if (!page.mayHoldAudited) noteNoAuditedMarking(request);
      return sendTaxiiBuffer(reply, toEnvelopeBytes(page));
    },
  );
  app.post<{ Params: Pick<TaxiiParams, 'apiRoot' | 'collectionId'> }>(
    '/:apiRoot/collections/:collectionId/objects/',
    { bodyLimit },
    async (request, reply) => {
      checkApiRoot(request.params);
      const caller = principalOf(request);
      // Visibility first: a collection the caller cannot see answers 404 whatever the body.
      await backend.getCollection(caller, request.params.collectionId);
      if (!isTaxiiContentType(request.headers['content-type']))
        throw new TearlineError(
          'TEARLINE_E_TAXII_MEDIA_TYPE',
          'Send the envelope with Content-Type: application/taxii+json;version=2.1.',
        );
      let envelope: unknown;
      try {
        envelope = JSON.parse(String(request.body ?? ''));
      } catch {
        throw new TearlineError(
          'TEARLINE_E_TAXII_BAD_JSON',
          'The body is not valid JSON; fix it and send it again.',
        );
      }
      const status = await backend.addObjects(caller, request.params.collectionId, envelope);
      return sendTaxii(reply, status, 202);
    },
  );
}
