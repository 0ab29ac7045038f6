import type { FastifyInstance } from 'fastify';
import type { TaxiiBackend } from './taxii-backend.js';
import { taxiiNotFound } from './taxii-error.js';
import { sendTaxii, type TaxiiParams } from './taxii-reply.js';

/**
 * GET /taxii2/{api-root}/ — the API root's information (TAXII 2.1 §4.2).
 *
 * @example registerApiRoot(app, backend)
 */
export function registerApiRoot(app: FastifyInstance, backend: TaxiiBackend): void {
  app.get<{ Params: Pick<TaxiiParams, 'apiRoot'> }>('/:apiRoot/', async (request, reply) => {
    const info = backend.getApiRoot(request.params.apiRoot);
    if (!info) throw taxiiNotFound('api-root');
    return sendTaxii(reply, info);
  });
}
