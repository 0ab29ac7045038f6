import type { FastifyInstance } from 'fastify';
import type { TaxiiBackend } from './taxii-backend.js';
import { checkApiRoot, principalOf, sendTaxii, type TaxiiParams } from './taxii-reply.js';

/**
 * GET {api-root}/status/{status-id}/ (TAXII 2.1 §4.3): the caller's own status resources only.
 *
 * @example registerStatus(app, backend)
 */
export function registerStatus(app: FastifyInstance, backend: TaxiiBackend): void {
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot' | 'statusId'> }>(
    '/:apiRoot/status/:statusId/',
    async (request, reply) => {
      checkApiRoot(request.params);
      return sendTaxii(
        reply,
        await backend.getStatus(principalOf(request), request.params.statusId),
      );
    },
  );
}
