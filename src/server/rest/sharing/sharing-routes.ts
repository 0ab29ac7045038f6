import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { agreementRoutes } from './agreement-routes.js';
import { partnerRoutes } from './partner-routes.js';
import { releaseRoutes } from './release-routes.js';

/**
 * The sharing API for Tearline users (partners never reach it: every route needs a user):
 * partners, agreements, releases, the ledger.
 *
 * @example routeModules.push({ prefix: '/api', plugin: sharingRoutes })
 */
export function sharingRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(partnerRoutes(deps));
    await app.register(agreementRoutes(deps));
    await app.register(releaseRoutes(deps));
  };
}
