import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { TearlineError } from '../../core/errors.js';
import type { AppDeps } from '../app-deps.js';
import { registerApiRoot } from './api-root.js';
import { registerCollections } from './collections.js';
import { registerDiscovery } from './discovery.js';
import { registerManifest } from './manifest.js';
import { registerObjectById } from './object-by-id.js';
import { registerObjects } from './objects.js';
import { registerStatus } from './status.js';
import { createTaxiiBackend, type TaxiiBackend } from './taxii-backend.js';
import { handleTaxiiError, taxiiNotFound } from './taxii-error.js';
import { isAcceptableTaxii } from './taxii-media.js';
import { registerVersions } from './versions.js';

/** The largest envelope accepted when the app's body limit is not set (the API root's max_content_length). */
const DEFAULT_MAX_CONTENT_LENGTH = 10 * 1024 * 1024;

/**
 * Every TAXII 2.1 route (discovery, API root, collections, objects, object by id, versions,
 * manifest, status) over a backend, with the TAXII error handler, media-type checks and 401s.
 * Registered by createApp under the prefix '/taxii2'.
 *
 * @example app.register(taxiiRoutes(deps), { prefix: '/taxii2' })
 */
export function taxiiRoutes(deps: AppDeps): FastifyPluginAsync {
  const maxContentLength =
    deps.config.bodyLimit > 0 ? deps.config.bodyLimit : DEFAULT_MAX_CONTENT_LENGTH;
  const backend = createTaxiiBackend({
    collections: deps.store.collections,
    partnerAccess: deps.partnerAccess,
    clock: deps.clock,
    ids: deps.ids,
    baseUrl: deps.config.baseUrl,
    maxContentLength,
  });
  return async (app) => registerTaxii(app, backend, maxContentLength);
}

/**
 * Registers the TAXII routes of a backend on a Fastify instance (used by taxiiRoutes, and by
 * tests that bring their own backend).
 */
export function registerTaxii(
  app: FastifyInstance,
  backend: TaxiiBackend,
  maxContentLength: number,
): void {
  app.setErrorHandler(handleTaxiiError);
  // The body is read as text and parsed by the POST route after its 404/415 checks, so that the
  // answer for a collection the caller cannot see never depends on what was sent.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: maxContentLength },
    (_r, body, done) => done(null, body),
  );
  app.addHook('onRequest', async (request) => {
    // TAXII 2.1 §1.6.8: authenticate first; the auth hook recognised the caller, if anyone.
    if (!request.principal)
      throw new TearlineError(
        'TEARLINE_E_AUTH_REQUIRED',
        'Send your partner credentials with HTTP Basic (password = secret) or Authorization: Bearer.',
        { kind: 'unauthenticated' },
      );
    if (!isAcceptableTaxii(request.headers.accept))
      throw new TearlineError(
        'TEARLINE_E_TAXII_NOT_ACCEPTABLE',
        'Send Accept: application/taxii+json;version=2.1; this server speaks TAXII 2.1 only.',
      );
  });
  app.setNotFoundHandler(async () => {
    throw taxiiNotFound('api-root');
  });
  registerDiscovery(app, backend);
  registerApiRoot(app, backend);
  registerCollections(app, backend);
  registerObjects(app, backend, maxContentLength);
  registerObjectById(app, backend);
  registerVersions(app, backend);
  registerManifest(app, backend);
  registerStatus(app, backend);
}
