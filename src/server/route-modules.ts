import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { taxiiRoutes } from './taxii/taxii-routes.js';
import { sharingRoutes } from './rest/sharing/sharing-routes.js';
import { analysisRoutes } from './rest/analysis/analysis-routes.js';
import { ingestRoutes } from './rest/ingest/ingest-routes.js';

/**
 * Every route module of the API, registered by createApp in this order. A module is a function
 * of the app's dependencies returning a Fastify plugin; add one line per resource.
 */
export const routeModules: Array<{
  prefix: string;
  plugin: (deps: AppDeps) => FastifyPluginAsync;
}> = [
  { prefix: '/taxii2', plugin: taxiiRoutes },
  { prefix: '/api', plugin: sharingRoutes },
  { prefix: '/api', plugin: analysisRoutes },
  { prefix: '/api', plugin: ingestRoutes },
];
