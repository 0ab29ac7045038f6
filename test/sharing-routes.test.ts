import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import type { AppDeps } from '../src/server/app-deps.js';
import type { Principal, Role } from '../src/server/principal.js';
import { createErrorHandler } from '../src/server/errors/error-handler.js';
import { problemSchema } from '../src/server/errors/problem.js';
import { checkRouteAccess } from '../src/server/auth/route-access.js';
import { sharingRoutes } from '../src/server/rest/sharing/sharing-routes.js';
import { createPartnerAccess, createPartnerAuthenticator } from '../src/sharing/partner-service.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';

const USERS: Record<string, Role[]> = {
  ana: ['analyst'],
  bea: ['approver'],
  root: ['admin'],
};

async function buildApp(
  url: string,
  database: Awaited<ReturnType<typeof createTestDatabase>>['database'],
) {
  const store = createStore(database);
  const deps: AppDeps = {
    store,
    clock: createSteppingClock('2026-05-01T00:00:00.000Z', 1000),
    ids: createSequentialIds(),
    config: { baseUrl: url, bodyLimit: 1_000_000, serveWeb: false, secureCookies: false },
    partnerAuthenticator: createPartnerAuthenticator(store.sharing.partners),
    partnerAccess: createPartnerAccess(store.sharing.agreements),
  };
  const app = Fastify();
  app.addSchema(problemSchema);
  app.setErrorHandler(createErrorHandler(1_000_000));
  // Stands in for the auth hook: x-test-user names a user, x-test-partner a partner's client.
  app.addHook('onRequest', async (request) => {
    const user = request.headers['x-test-user'];
    const partner = request.headers['x-test-partner'];
    if (typeof user === 'string') {
      request.principal = {
        kind: 'user',
        userId: user,
        username: user,
        roles: USERS[user] ?? [],
        via: 'token',
      } satisfies Principal;
    } else if (typeof partner === 'string') {
      request.principal = { kind: 'partner', partnerId: partner, partnerName: 'P' };
    }
  });
  app.addHook('preParsing', checkRouteAccess);
  await app.register(sharingRoutes(deps), { prefix: '/api' });
  return { app, store };
}

async function call(
  app: FastifyInstance,
  user: string | undefined,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const res = await app.inject({
    method,
    url,
    headers:
      user === undefined
        ? {}
        : user.startsWith('partner:')
          ? { 'x-test-partner': user.slice(8) }
          : { 'x-test-user': user },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return {
    status: res.statusCode,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    body: res.body === '' ? undefined : (JSON.parse(res.body) as Record<string, any>),
  };
}

for (const engine of ENGINES) {
  describe(`sharing API on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('runs partner → agreement → release → preview → approval by another person → ledger verify', async () => {
      const t = await createTestDatabase(engine);
      const { app, store } = await buildApp('http://127.0.0.1', t.database);
      try {
        await store.objects.putObjects([
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: 'threat-actor--00000000-0000-4000-8000-0000000000aa',
            created: '2024-03-22T00:00:00.000Z',
            modified: '2024-03-22T00:00:00.000Z',
            name: 'ISIS-K',
            object_marking_refs: [TLP2_MARKING_IDS.green],
          },
        ]);
        assert.equal((await call(app, undefined, 'GET', '/api/partners')).status, 401);
        assert.equal((await call(app, 'partner:x', 'GET', '/api/partners')).status, 403);
        assert.equal(
          (await call(app, 'bea', 'POST', '/api/partners', { name: 'P', trustTier: 'limited' }))
            .status,
          403,
        );
        const bad = await call(app, 'ana', 'POST', '/api/partners', {
          name: 'P',
          trustTier: 'best-friends',
        });
        assert.equal(bad.status, 400);
        assert.equal(bad.body?.code, 'TEARLINE_E_SHARING_BAD_INPUT');
        const partner = await call(app, 'ana', 'POST', '/api/partners', {
          name: 'Northern Service',
          trustTier: 'limited',
        });
        assert.equal(partner.status, 201);
        const partnerId = partner.body?.id as string;

        const cred = await call(app, 'root', 'POST', `/api/partners/${partnerId}/credentials`, {
          label: 'taxii',
        });
        assert.equal(cred.status, 201);
        assert.match(cred.body?.secret, /^tlpt_/);
        const listed = await call(app, 'root', 'GET', `/api/partners/${partnerId}/credentials`);
        assert.ok(!JSON.stringify(listed.body).includes(cred.body?.secret));
        assert.ok(!JSON.stringify(listed.body).includes('secretHash'));

        assert.equal(
          (
            await call(app, 'ana', 'POST', '/api/agreements', {
              partnerId,
              title: 'A',
              tlp: 'green',
            })
          ).status,
          403,
        );
        const agreement = await call(app, 'bea', 'POST', '/api/agreements', {
          partnerId,
          title: 'ISIS-K',
          tlp: 'GREEN',
          iep: { permittedActions: 'contact-for-instruction' },
          reason: 'signed',
        });
        assert.equal(agreement.status, 201);

        const draft = await call(app, 'ana', 'POST', '/api/releases', {
          partnerId,
          objectIds: ['threat-actor--00000000-0000-4000-8000-0000000000aa'],
          transforms: [{ kind: 'coarsen-place', to: 'county' }],
        });
        assert.equal(draft.status, 400);
        assert.equal(draft.body?.code, 'TEARLINE_E_SHARING_BAD_TRANSFORM');
        const missing = await call(app, 'ana', 'POST', '/api/releases', {
          partnerId,
          objectIds: ['threat-actor--00000000-0000-4000-8000-0000000000bb'],
        });
        assert.equal(missing.body?.code, 'TEARLINE_E_SHARING_OBJECT_NOT_FOUND');
        const release = await call(app, 'ana', 'POST', '/api/releases', {
          partnerId,
          objectIds: ['threat-actor--00000000-0000-4000-8000-0000000000aa'],
          transforms: [{ kind: 'strip-sources' }],
        });
        assert.equal(release.status, 201);
        assert.equal(release.body?.idMap, undefined);
        const releaseId = release.body?.id as string;
        const preview = await call(app, 'ana', 'POST', `/api/releases/${releaseId}/preview`);
        assert.equal(preview.status, 200);
        assert.equal(preview.body?.items.length, 1);
        assert.ok(!JSON.stringify(preview.body?.bundle).includes('0000000000aa'));
        assert.ok(!JSON.stringify(preview.body).includes('idMap'));

        const self = await call(app, 'ana', 'POST', `/api/releases/${releaseId}/approve`);
        assert.equal(self.status, 403);
        // Approval happens from the preview: an approver who has not fetched it is refused.
        const unseen = await call(app, 'bea', 'POST', `/api/releases/${releaseId}/approve`);
        assert.equal(unseen.status, 409);
        assert.equal(unseen.body?.code, 'TEARLINE_E_SHARING_PREVIEW_NOT_SEEN');
        const seen = await call(app, 'bea', 'GET', `/api/releases/${releaseId}/preview`);
        assert.equal(seen.status, 200);
        assert.ok(Array.isArray(seen.body?.findings));
        const acknowledgements = (seen.body?.findings as Array<{ id: string }>).map((f) => ({
          findingId: f.id,
          reason: 'reviewed in the preview',
        }));
        const approved = await call(app, 'bea', 'POST', `/api/releases/${releaseId}/approve`, {
          acknowledgements,
        });
        assert.equal(approved.status, 200);
        assert.equal(approved.body?.status, 'delivered');
        const again = await call(app, 'bea', 'POST', `/api/releases/${releaseId}/approve`);
        assert.equal(again.status, 409);

        const verify = await call(app, 'ana', 'GET', '/api/ledger/verify');
        assert.deepEqual(
          { ok: verify.body?.ok, entries: verify.body?.entries },
          { ok: true, entries: 4 },
        );
        const revoke = await call(app, 'ana', 'POST', `/api/releases/${releaseId}/revoke`, {
          reason: 'superseded',
        });
        assert.equal(revoke.body?.status, 'revoked');
        const ended = await call(app, 'ana', 'POST', `/api/agreements/${agreement.body?.id}/end`, {
          reason: 'done',
        });
        assert.equal(ended.status, 200);
        const resumed = await call(
          app,
          'bea',
          'POST',
          `/api/agreements/${agreement.body?.id}/resume`,
          { reason: 'try' },
        );
        assert.equal(resumed.status, 409);
        const notFound = await call(app, 'ana', 'GET', '/api/releases/nope');
        assert.equal(notFound.status, 404);
      } finally {
        await app.close();
        await t.dispose();
      }
    });
  });
}
