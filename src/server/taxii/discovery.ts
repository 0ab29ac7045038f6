import type { FastifyInstance } from 'fastify';
import type { TaxiiBackend } from './taxii-backend.js';
import { sendTaxii } from './taxii-reply.js';

/**
 * GET /taxii2/ — the server's discovery resource (TAXII 2.1 §4.1).
 *
 * @example registerDiscovery(app, backend)
 */
export function registerDiscovery(app: FastifyInstance, backend: TaxiiBackend): void {
  app.get('/', async (_request, reply) => sendTaxii(reply, backend.getDiscovery()));
}
