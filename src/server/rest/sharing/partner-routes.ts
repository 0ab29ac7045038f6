import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import {
  addPartner,
  getPartnerOrThrow,
  issuePartnerCredential,
  revokePartnerCredential,
  toListedCredential,
} from '../../../sharing/partner-service.js';
import { loadSharingSettings } from '../../../sharing/sharing-settings.js';
import type { TierMinimums } from '../../../sharing/tier-minimums.js';
import type { Partner } from '../../../core/ports/sharing.js';
import { idParams, toActor, toSharingDeps } from './sharing-route-deps.js';
import * as schemas from './sharing-schemas.js';

// The form that drafts a release shows these as boxes it cannot untick: the policy adds them anyway.
function withMinimums(partner: Partner, minimums: TierMinimums) {
  return { ...partner, minimumTransforms: minimums[partner.trustTier] ?? [] };
}

/**
 * Partners and their TAXII credentials: list and register partners (analysts), issue, list and
 * revoke credentials (admins; a secret is shown once).
 *
 * @example await app.register(partnerRoutes(deps), { prefix: '/api' })
 */
export function partnerRoutes(deps: AppDeps): FastifyPluginAsync {
  const sharing = toSharingDeps(deps);
  return async (app) => {
    const tags = ['sharing'];
    app.get(
      '/partners',
      {
        config: { access: [] },
        schema: {
          summary: 'Partners, each with the transforms its trust tier adds to every release',
          tags,
          response: { 200: schemas.partnerListResponse, ...problemResponses(401, 403) },
        },
      },
      async () => {
        const { tierMinimums } = await loadSharingSettings(sharing);
        const partners = await deps.store.sharing.partners.listPartners();
        return { partners: partners.map((p) => withMinimums(p, tierMinimums)) };
      },
    );
    app.post<{ Body: Record<string, unknown> }>(
      '/partners',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Register a partner',
          tags,
          body: schemas.partnerBody,
          response: { 201: schemas.partnerSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        toActor(request, 'analyst');
        const partner = await addPartner(sharing, {
          name: request.body.name,
          trustTier: request.body.trustTier,
        });
        return reply.code(201).send(partner);
      },
    );
    app.get<{ Params: { id: string } }>(
      '/partners/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'One partner',
          tags,
          params: idParams,
          response: { 200: schemas.partnerSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) =>
        withMinimums(
          await getPartnerOrThrow(deps.store.sharing.partners, request.params.id),
          (await loadSharingSettings(sharing)).tierMinimums,
        ),
    );
    app.get<{ Params: { id: string } }>(
      '/partners/:id/credentials',
      {
        config: { access: ['admin'] },
        schema: {
          summary: "A partner's TAXII credentials (never the secrets)",
          tags,
          params: idParams,
          response: { 200: schemas.credentialListResponse, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => {
        await getPartnerOrThrow(deps.store.sharing.partners, request.params.id);
        const credentials = await deps.store.sharing.partners.listCredentials(request.params.id);
        return { credentials: credentials.map(toListedCredential) };
      },
    );
    app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/partners/:id/credentials',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Issue a TAXII credential; the secret is shown once',
          tags,
          params: idParams,
          body: schemas.credentialBody,
          response: {
            201: schemas.issuedCredentialResponse,
            ...problemResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const label = typeof request.body?.label === 'string' ? request.body.label : undefined;
        const issued = await issuePartnerCredential(sharing, request.params.id, label);
        return reply.code(201).header('cache-control', 'no-store').send(issued);
      },
    );
    app.delete<{ Params: { id: string } }>(
      '/partner-credentials/:id',
      {
        config: { access: ['admin'] },
        schema: {
          summary: 'Revoke a TAXII credential',
          tags,
          params: idParams,
          response: { 204: schemas.noContent, ...problemResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        await revokePartnerCredential(sharing, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
