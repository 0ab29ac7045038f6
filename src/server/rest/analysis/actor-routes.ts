import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { TearlineError } from '../../../core/errors.js';
import { actorParams, toAnalysisService, trendQuery } from './analysis-route-deps.js';
import * as schemas from './analysis-schemas.js';

interface TrendQuery {
  asOf?: string;
  recentMonths?: number;
  baselineMonths?: number;
  limit?: number;
}

/**
 * Actors, profiles (reach, places, targets, key incidents, assessment history) and trends per
 * actor, country or region.
 *
 * @example await app.register(actorRoutes(deps), { prefix: '/api' })
 */
export function actorRoutes(deps: AppDeps): FastifyPluginAsync {
  const analysis = toAnalysisService(deps);
  return async (app) => {
    const tags = ['analysis'];
    app.get(
      '/actors',
      {
        config: { access: [] },
        schema: {
          summary: 'Known actors with their aliases',
          tags,
          response: { 200: schemas.actorListResponse, ...problemResponses(401, 403) },
        },
      },
      async () => ({ actors: await analysis.listActors() }),
    );
    app.get<{ Params: { actor: string }; Querystring: TrendQuery }>(
      '/actors/:actor/profile',
      {
        config: { access: [] },
        schema: {
          summary:
            "An actor's profile: aliases, relationships, incidents per month with trend tests, reach, places, targets, key incidents, assessments",
          tags,
          params: actorParams,
          querystring: { type: 'object', properties: trendQuery, additionalProperties: false },
          response: { 200: schemas.actorProfileSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => analysis.getActorProfile(request.params.actor, request.query),
    );
    app.put<{ Params: { actor: string }; Body: { countries?: unknown } }>(
      '/actors/:actor/home-countries',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: "Set an actor's home countries (incidents elsewhere are external operations)",
          tags,
          params: actorParams,
          body: schemas.homeCountriesBody,
          response: { 200: schemas.homeCountriesResponse, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const countries = request.body.countries;
        if (
          !Array.isArray(countries) ||
          countries.some((c) => typeof c !== 'string' || !/^[A-Za-z]{2}$/.test(c))
        ) {
          throw new TearlineError(
            'TEARLINE_E_ANALYSIS_BAD_QUERY',
            'countries must be a list of ISO 3166-1 alpha-2 codes, e.g. ["AF", "PK"].',
          );
        }
        await analysis.setHomeCountries(request.params.actor, countries as string[]);
        const actor = await analysis.getActor(request.params.actor);
        return {
          actorId: actor.id,
          homeCountries: await deps.store.analysis.getHomeCountries(actor.id),
        };
      },
    );
    app.post(
      '/analysis/reindex',
      {
        config: { access: ['admin'] },
        schema: {
          summary:
            'Rebuild the analysis tables from the STIX knowledge base (after an import or a restore)',
          tags,
          response: { 200: schemas.reindexResponse, ...problemResponses(401, 403) },
        },
      },
      async () => {
        const r = await analysis.reindexFromObjectStore(deps.store.objects);
        return {
          actors: r.actors,
          actorRelationships: r.actorRelationships,
          incidents: r.incidents.length,
          assessments: r.assessments,
        };
      },
    );
    app.get<{ Querystring: TrendQuery & { actor?: string; country?: string; region?: string } }>(
      '/trends',
      {
        config: { access: [] },
        schema: {
          summary: 'Tempo and lethality with change tests, for one actor, country or region',
          tags,
          querystring: {
            type: 'object',
            properties: {
              ...trendQuery,
              actor: { type: 'string', minLength: 1, maxLength: 300 },
              country: { type: 'string', minLength: 2, maxLength: 2 },
              region: { type: 'string', minLength: 1, maxLength: 100 },
            },
            additionalProperties: false,
          },
          response: { 200: schemas.trendResponse, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { actor, country, region, ...options } = request.query;
        const given = [actor, country, region].filter((x) => x !== undefined).length;
        if (given !== 1) {
          throw new TearlineError(
            'TEARLINE_E_ANALYSIS_BAD_QUERY',
            'Give exactly one of actor, country or region.',
          );
        }
        const subject =
          actor !== undefined
            ? { actor }
            : country !== undefined
              ? { country }
              : { region: region! };
        return analysis.getTrend(subject, options);
      },
    );
  };
}
