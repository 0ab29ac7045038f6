import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import {
  addAgreement,
  addCondition,
  changeAgreementState,
  showAgreement,
  updateCondition,
} from '../../../sharing/agreement-service.js';
import { getEffectiveState } from '../../../sharing/agreement-state.js';
import { endAgreement } from '../../../sharing/end-agreement.js';
import { idParams, toActor, toSharingDeps } from './sharing-route-deps.js';
import * as schemas from './sharing-schemas.js';

type Body = Record<string, unknown>;

/**
 * Agreements: list, create (approvers), read with effective state and history, suspend and end
 * (analysts; ending revokes what was released), resume (approvers), conditions.
 *
 * @example await app.register(agreementRoutes(deps), { prefix: '/api' })
 */
export function agreementRoutes(deps: AppDeps): FastifyPluginAsync {
  const sharing = toSharingDeps(deps);
  const tags = ['sharing'];
  return async (app) => {
    app.get<{ Querystring: { partnerId?: string } }>(
      '/agreements',
      {
        config: { access: [] },
        schema: {
          summary: 'Agreements with their effective state',
          tags,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { partnerId: { type: 'string', maxLength: 200 } },
          },
          response: { 200: schemas.agreementListResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const now = deps.clock.now();
        const filter =
          request.query.partnerId === undefined ? {} : { partnerId: request.query.partnerId };
        const agreements = await deps.store.sharing.agreements.listAgreements(filter);
        return {
          agreements: agreements.map((agreement) => ({
            agreement,
            effective: getEffectiveState(agreement, now),
          })),
        };
      },
    );
    app.post<{ Body: Body }>(
      '/agreements',
      {
        config: { access: ['approver'] },
        schema: {
          summary: 'Create an agreement',
          tags,
          body: schemas.agreementBody,
          response: { 201: schemas.agreementSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const agreement = await addAgreement(sharing, toActor(request, 'approver'), {
          partnerId: b.partnerId,
          title: b.title,
          tlp: b.tlp,
          iep: b.iep,
          expires: b.expires,
          reason: b.reason,
        });
        return reply.code(201).send(agreement);
      },
    );
    app.get<{ Params: { id: string } }>(
      '/agreements/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'An agreement, its effective state and its history',
          tags,
          params: idParams,
          response: { 200: schemas.agreementViewResponse, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => showAgreement(sharing, request.params.id),
    );
    const transitions = [
      ['suspend', 'suspended', 'analyst'],
      ['resume', 'active', 'approver'],
    ] as const;
    for (const [verb, state, role] of transitions) {
      app.post<{ Params: { id: string }; Body: Body }>(
        `/agreements/:id/${verb}`,
        {
          config: { access: [role] },
          schema: {
            summary: `${verb[0]?.toUpperCase()}${verb.slice(1)} an agreement (with a reason)`,
            tags,
            params: idParams,
            body: schemas.agreementReasonBody,
            response: {
              200: schemas.agreementSchema,
              ...problemResponses(400, 401, 403, 404, 409),
            },
          },
        },
        async (request) =>
          changeAgreementState(
            sharing,
            toActor(request, role),
            request.params.id,
            state,
            request.body.reason,
          ),
      );
    }
    app.post<{ Params: { id: string }; Body: Body }>(
      '/agreements/:id/end',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'End an agreement and revoke its releases',
          tags,
          params: idParams,
          body: schemas.agreementReasonBody,
          response: {
            200: schemas.agreementEndedResponse,
            ...problemResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request) => {
        const { agreement, revoked } = await endAgreement(
          sharing,
          toActor(request, 'analyst'),
          request.params.id,
          request.body.reason,
        );
        return { agreement, revokedReleases: revoked.map((r) => r.id) };
      },
    );
    app.post<{ Params: { id: string }; Body: Body }>(
      '/agreements/:id/conditions',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Add a condition (text, reviewDate, expires)',
          tags,
          params: idParams,
          body: schemas.conditionBody,
          response: { 201: schemas.agreementSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const agreement = await addCondition(
          sharing,
          toActor(request, 'analyst'),
          request.params.id,
          {
            text: b.text,
            reviewDate: b.reviewDate,
            expires: b.expires,
            reason: b.reason,
          },
        );
        return reply.code(201).send(agreement);
      },
    );
    app.post<{ Params: { id: string; conditionId: string }; Body: Body }>(
      '/agreements/:id/conditions/:conditionId',
      {
        config: { access: ['analyst'] },
        schema: {
          summary:
            'Record a condition breached ({breached: true}) or reviewed ({nextReviewDate}), with a reason',
          tags,
          params: {
            type: 'object',
            required: ['id', 'conditionId'],
            properties: {
              id: { type: 'string', maxLength: 200 },
              conditionId: { type: 'string', maxLength: 200 },
            },
          },
          body: schemas.conditionUpdateBody,
          response: { 200: schemas.agreementSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const b = request.body;
        // Reviewing a condition lifts a suspension by the clock, so it takes an approver.
        const actor = toActor(request, b.breached === true ? 'analyst' : 'approver');
        return updateCondition(sharing, actor, request.params.id, request.params.conditionId, {
          breached: b.breached === true,
          nextReviewDate: b.nextReviewDate,
          reason: b.reason,
        });
      },
    );
  };
}
