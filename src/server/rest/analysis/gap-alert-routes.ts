import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import { requireUser } from '../../principal.js';
import { createWebhookDelivery, toFetchSender } from '../../../analysis/webhook-delivery.js';
import { createGuardedFetch } from '../../../ingest/outbound/guarded-fetch.js';
import { idParams, toAnalysisService } from './analysis-route-deps.js';
import * as schemas from './analysis-schemas.js';

/**
 * Collection gaps (list, create, replace, delete), alerts (list, acknowledge) and the alert
 * webhook (read, set). The webhook outbox is drained by a delivery loop that starts with the
 * server and stops when it closes.
 *
 * @example await app.register(gapAlertRoutes(deps), { prefix: '/api' })
 */
export function gapAlertRoutes(deps: AppDeps): FastifyPluginAsync {
  const analysis = toAnalysisService(deps);
  return async (app) => {
    const tags = ['analysis'];
    const delivery = createWebhookDelivery({
      repo: deps.store.analysis,
      clock: deps.clock,
      send: toFetchSender(
        createGuardedFetch({
          maxRedirects: 0,
          timeoutMs: 10_000,
          maxBytes: 64 * 1024,
          ...(deps.config.webhookAllow ? { allow: deps.config.webhookAllow } : {}),
        }),
      ),
      // Unreferenced timers: a pending retry never keeps the process alive on its own.
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
    });
    app.addHook('onReady', async () => delivery.start());
    app.addHook('onClose', async () => delivery.stop());

    app.get<{ Querystring: { actor?: string; country?: string } }>(
      '/collection-gaps',
      {
        config: { access: [] },
        schema: {
          summary: 'Collection gaps: where we cannot see, about what, since when, why',
          tags,
          querystring: {
            type: 'object',
            properties: {
              actor: { type: 'string', maxLength: 200 },
              country: { type: 'string', maxLength: 2 },
            },
            additionalProperties: false,
          },
          response: { 200: schemas.collectionGapListResponse, ...problemResponses(401, 403) },
        },
      },
      async (request) => ({
        gaps: await analysis.listCollectionGaps({
          actorId: request.query.actor,
          country: request.query.country,
        }),
      }),
    );
    app.post<{ Body: Record<string, unknown> }>(
      '/collection-gaps',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Record a collection gap',
          tags,
          body: schemas.collectionGapBody,
          response: { 201: schemas.collectionGapSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await analysis.saveCollectionGap(request.body)),
    );
    app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/collection-gaps/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Replace a collection gap',
          tags,
          params: idParams,
          body: schemas.collectionGapBody,
          response: { 200: schemas.collectionGapSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => analysis.saveCollectionGap(request.body, request.params.id),
    );
    app.delete<{ Params: { id: string } }>(
      '/collection-gaps/:id',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Delete a collection gap',
          tags,
          params: idParams,
          response: { 204: schemas.noContent, ...problemResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await analysis.deleteCollectionGap(request.params.id);
        return reply.code(204).send();
      },
    );

    app.get<{ Querystring: { actor?: string; unacknowledged?: boolean; limit?: number } }>(
      '/alerts',
      {
        config: { access: [] },
        schema: {
          summary: 'Alerts, newest first',
          tags,
          querystring: {
            type: 'object',
            properties: {
              actor: { type: 'string', maxLength: 200 },
              unacknowledged: { type: 'boolean' },
              limit: { type: 'integer', minimum: 1, maximum: 500 },
            },
            additionalProperties: false,
          },
          response: { 200: schemas.alertListResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => ({
        alerts: await analysis.listAlerts({
          actorId: request.query.actor,
          unacknowledgedOnly: request.query.unacknowledged,
          limit: request.query.limit,
        }),
      }),
    );
    app.post<{ Params: { id: string } }>(
      '/alerts/:id/ack',
      {
        config: { access: [] },
        schema: {
          summary: 'Acknowledge an alert',
          tags,
          params: idParams,
          response: { 200: schemas.alertSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) =>
        analysis.acknowledgeAlert(request.params.id, requireUser(request).username),
    );
    app.get(
      '/alert-webhook',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Where alerts are POSTed',
          tags,
          response: { 200: schemas.webhookResponse, ...problemResponses(401, 403) },
        },
      },
      async () => ({ webhook: (await analysis.getWebhook()) ?? null }),
    );
    app.put<{ Body: Record<string, unknown> }>(
      '/alert-webhook',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Set the alert webhook (url, enabled, minSeverity)',
          tags,
          body: schemas.webhookBody,
          response: { 200: schemas.webhookResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => ({ webhook: await analysis.configureWebhook(request.body) }),
    );
  };
}
