import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { actorRoutes } from './actor-routes.js';
import { assessmentRoutes } from './assessment-routes.js';
import { gapAlertRoutes } from './gap-alert-routes.js';

/**
 * The analysis API for Tearline users: actors, profiles, trends, assessments, collection gaps,
 * alerts and the alert webhook.
 *
 * @example routeModules.push({ prefix: '/api', plugin: analysisRoutes })
 */
export function analysisRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(actorRoutes(deps));
    await app.register(assessmentRoutes(deps));
    await app.register(gapAlertRoutes(deps));
  };
}
