import { noteAudit } from '../../audit/audit-notes.js';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.js';
import { problemResponses } from '../../errors/problem-responses.js';
import type { ReleaseStatus } from '../../../core/ports/sharing.js';
import {
  approveRelease,
  createRelease,
  getReleaseOrThrow,
  previewRelease,
  revokeRelease,
  showPreview,
} from '../../../sharing/release-service.js';
import {
  loadSharingSettings,
  setProtectedTerms,
  setTierMinimums,
} from '../../../sharing/sharing-settings.js';
import { verifyLedger } from '../../../sharing/ledger.js';
import { toLedgerRows } from './ledger-rows.js';
import { idParams, toActor, toSharingDeps } from './sharing-route-deps.js';
import * as schemas from './sharing-schemas.js';

type Body = Record<string, unknown>;

/**
 * Releases and the ledger: draft (analysts), preview, approval by a second person with the
 * approver role, revocation; the ledger's entries and its verification.
 *
 * @example await app.register(releaseRoutes(deps), { prefix: '/api' })
 */
export function releaseRoutes(deps: AppDeps): FastifyPluginAsync {
  const sharing = toSharingDeps(deps);
  const tags = ['sharing'];
  return async (app) => {
    app.get<{ Querystring: { partnerId?: string; agreementId?: string; status?: ReleaseStatus } }>(
      '/releases',
      {
        config: { access: [] },
        schema: {
          summary: 'Releases, newest first (without bundles)',
          tags,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              partnerId: { type: 'string', maxLength: 200 },
              agreementId: { type: 'string', maxLength: 200 },
              status: { type: 'string', enum: ['draft', 'previewed', 'delivered', 'revoked'] },
            },
          },
          response: { 200: schemas.releaseListResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const releases = await deps.store.sharing.releases.listReleases(request.query);
        return { releases: releases.map(({ idMap: _idMap, ...r }) => r) };
      },
    );
    app.post<{ Body: Body }>(
      '/releases',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Draft a release (partnerId, objectIds, transforms, includeRelated)',
          tags,
          body: schemas.releaseBody,
          response: {
            201: schemas.createdReleaseSchema,
            ...problemResponses(400, 401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const { idMap: _idMap, ...release } = await createRelease(
          sharing,
          toActor(request, 'analyst'),
          {
            partnerId: b.partnerId,
            agreementId: b.agreementId,
            objectIds: b.objectIds,
            transforms: b.transforms,
            includeRelated: b.includeRelated,
          },
        );
        noteAudit(request, [release.id]);
        return reply.code(201).send(release);
      },
    );
    app.get<{ Params: { id: string } }>(
      '/releases/:id',
      {
        config: { access: [] },
        schema: {
          summary: 'A release with the bundle it delivers',
          tags,
          params: idParams,
          response: { 200: schemas.releaseSchema, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const { idMap: _idMap, ...release } = await getReleaseOrThrow(sharing, request.params.id);
        return release;
      },
    );
    app.post<{ Params: { id: string } }>(
      '/releases/:id/preview',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Build the bundle the partner will receive, beside the sources',
          tags,
          params: idParams,
          response: { 200: schemas.previewResponse, ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request) => {
        const viewer = toActor(request, 'analyst').username;
        const { release, ...preview } = await previewRelease(sharing, request.params.id, viewer);
        const { idMap: _idMap, ...summary } = release;
        return { release: summary, ...preview };
      },
    );
    app.get<{ Params: { id: string } }>(
      '/releases/:id/preview',
      {
        config: { access: [] },
        schema: {
          summary:
            'The current preview as built (bundle, findings, sources); fetching it is what lets an approver approve',
          tags,
          params: idParams,
          response: { 200: schemas.previewResponse, ...problemResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const viewer = toActor(request).username;
        const { release, ...preview } = await showPreview(sharing, request.params.id, viewer);
        const { idMap: _idMap, ...summary } = release;
        return { release: summary, ...preview };
      },
    );
    app.post<{ Params: { id: string }; Body: Body | undefined }>(
      '/releases/:id/approve',
      {
        config: { access: ['approver'] },
        schema: {
          summary:
            'Approve and deliver (a second person with the approver role, who has fetched the current preview; body: {acknowledgements: [{findingId, reason}]})',
          tags,
          params: idParams,
          body: schemas.approveBody,
          response: { 200: schemas.releaseSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const {
          idMap: _idMap,
          bundle: _bundle,
          ...release
        } = await approveRelease(sharing, toActor(request, 'approver'), request.params.id, {
          acknowledgements: request.body?.acknowledgements,
          requirePreviewSeen: true,
        });
        return release;
      },
    );
    app.get(
      '/sharing/settings',
      {
        config: { access: ['approver'] },
        schema: {
          summary: "The protected terms and the trust tiers' minimum transforms",
          tags,
          response: { 200: schemas.settingsSchema, ...problemResponses(401, 403) },
        },
      },
      async () => loadSharingSettings(sharing),
    );
    app.put<{ Body: Body }>(
      '/sharing/settings',
      {
        config: { access: ['approver'] },
        schema: {
          summary: 'Replace the protected terms and/or the tier minimums',
          tags,
          body: schemas.settingsBody,
          response: { 200: schemas.settingsSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const actor = toActor(request, 'approver');
        if (request.body.protectedTerms !== undefined)
          await setProtectedTerms(sharing, actor, request.body.protectedTerms);
        if (request.body.tierMinimums !== undefined)
          await setTierMinimums(sharing, actor, request.body.tierMinimums);
        return loadSharingSettings(sharing);
      },
    );
    app.post<{ Params: { id: string }; Body: Body }>(
      '/releases/:id/revoke',
      {
        config: { access: ['analyst'] },
        schema: {
          summary: 'Revoke a delivered release (with a reason)',
          tags,
          params: idParams,
          body: schemas.releaseReasonBody,
          response: { 200: schemas.releaseSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const {
          idMap: _idMap,
          bundle: _bundle,
          ...release
        } = await revokeRelease(
          sharing,
          toActor(request, 'analyst'),
          request.params.id,
          request.body.reason,
        );
        return release;
      },
    );
    app.get<{ Querystring: { partnerId?: string; releaseId?: string } }>(
      '/ledger',
      {
        config: { access: [] },
        schema: {
          summary:
            'Disclosure ledger entries in chain order, with partner and object names; filter by partnerId and releaseId',
          tags,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              partnerId: { type: 'string', maxLength: 200 },
              releaseId: { type: 'string', maxLength: 200 },
            },
          },
          response: { 200: schemas.ledgerListResponse, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => ({
        entries: await toLedgerRows(
          deps.store.sharing,
          await deps.store.sharing.ledger.listEntries(request.query),
        ),
      }),
    );
    app.get(
      '/ledger/verify',
      {
        config: { access: [] },
        schema: {
          summary: "Verify the ledger's hash chain; names the first bad entry",
          tags,
          response: { 200: schemas.ledgerVerdictResponse, ...problemResponses(401, 403) },
        },
      },
      async () => verifyLedger(await deps.store.sharing.ledger.listEntries()),
    );
  };
}
