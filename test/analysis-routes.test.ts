import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient } from './support/api.js';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf, type TestApp } from './server-fixture.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { CROCUS, ISKP, ISKP_HISTORY, incidentId, incidentRecord } from './analysis-fixtures.js';

async function setUp(t: TestApp) {
  await t.addUser('ana', 'analyst');
  await t.addUser('root', 'admin');
  await t.addUser('vic', 'approver');
  const analysis = createAnalysisService({
    repo: t.store.analysis,
    clock: t.clock,
    ids: t.deps.ids,
  });
  await analysis.indexStixObjects([
    {
      type: 'threat-actor',
      spec_version: '2.1',
      id: ISKP,
      name: 'Islamic State Khorasan Province',
      aliases: ['ISIS-K'],
      threat_actor_types: ['terrorist'],
    },
  ]);
  for (const s of ISKP_HISTORY) await analysis.recordIncident(incidentRecord(s));
  const bearer = async (who: string) => ({ authorization: `Bearer ${await t.mintToken(who)}` });
  return {
    analysis,
    ana: await bearer('ana'),
    root: await bearer('root'),
    vic: await bearer('vic'),
  };
}

for (const engine of ENGINES) {
  describe(`analysis API on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('refuses anonymous callers on every analysis route, before reading the body', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const doc = (await t.app.inject('/api/openapi.json')).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const mine =
        /^\/api\/(actors|trends|assessments|collection-gaps|alerts|alert-webhook|analysis)/;
      const routes = Object.entries(doc.paths)
        .filter(([path]) => mine.test(path))
        .flatMap(([path, ops]) =>
          Object.keys(ops).map((m) => [m.toUpperCase(), path.replace(/\{[a-z]+\}/g, 'x')] as const),
        );
      assert.ok(routes.length >= 14, `${routes.length} analysis routes documented`);
      for (const [method, url] of routes) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          payload: method === 'GET' || method === 'DELETE' ? undefined : { junk: true },
        });
        assert.equal(res.statusCode, 401, `${method} ${url}`);
        assert.equal(problemOf(res).code, 'TEARLINE_E_AUTH_REQUIRED');
      }
    });

    it('serves profiles and trends by alias, and refuses anonymous callers', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana } = await setUp(t);
      const anon = await t.app.inject({ method: 'GET', url: '/api/actors/ISIS-K/profile' });
      assert.equal(anon.statusCode, 401);
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/actors/ISIS-K/home-countries',
        headers: ana,
        payload: { countries: ['AF', 'PK'] },
      });
      assert.equal(put.statusCode, 200, put.body);
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/actors/ISIS-K/profile?asOf=2024-03',
        headers: ana,
      });
      assert.equal(res.statusCode, 200, res.body);
      const profile = res.json() as {
        actor: { id: string };
        reach: { countries: Array<{ country: string; external: boolean }> };
        totals: { incidents: number };
      };
      assert.equal(profile.actor.id, ISKP);
      assert.equal(profile.totals.incidents, 8);
      assert.deepEqual(
        profile.reach.countries.filter((c) => c.external).map((c) => c.country),
        ['IR'],
      );
      const trend = await t.app.inject({
        method: 'GET',
        url: '/api/trends?region=Southern%20Asia&asOf=2024-03',
        headers: ana,
      });
      assert.equal(trend.statusCode, 200, trend.body);
      assert.equal((trend.json() as { asOf: string }).asOf, '2024-03');
      const bad = await t.app.inject({
        method: 'GET',
        url: '/api/trends?country=AF&region=Europe',
        headers: ana,
      });
      assert.equal(problemOf(bad).code, 'TEARLINE_E_ANALYSIS_BAD_QUERY');
      const missing = await t.app.inject({
        method: 'GET',
        url: '/api/actors/nobody/profile',
        headers: ana,
      });
      assert.equal(missing.statusCode, 404);
      assert.equal(problemOf(missing).code, 'TEARLINE_E_ANALYSIS_ACTOR_NOT_FOUND');
    });

    it('records assessments with supersedes, shows the history, and stores the note as STIX', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { ana, vic } = await setUp(t);
      const body = {
        subjectRef: ISKP,
        capability: 'likely',
        intent: 'unlikely',
        analyticConfidence: 'moderate',
        rationale: 'Capable abroad, without the will.',
        validFrom: '2023-01-01T00:00:00.000Z',
        targetDescription: 'outside Afghanistan and Pakistan',
      };
      const denied = await t.app.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: vic,
        payload: body,
      });
      assert.equal(denied.statusCode, 403);
      const first = await t.app.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: ana,
        payload: body,
      });
      assert.equal(first.statusCode, 201, first.body);
      const firstId = (first.json() as { id: string; author: string }).id;
      assert.equal((first.json() as { author: string }).author, 'ana');
      const stored = await t.store.objects.getLatest(firstId);
      assert.equal(stored?.type, 'note');

      const second = await t.app.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: ana,
        payload: {
          ...body,
          capability: 'very likely',
          intent: 'likely',
          supersedes: firstId,
          evidenceRefs: [incidentId(7)],
        },
      });
      assert.equal(second.statusCode, 201, second.body);
      const fork = await t.app.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: ana,
        payload: { ...body, supersedes: firstId },
      });
      assert.equal(fork.statusCode, 409);
      assert.equal(problemOf(fork).code, 'TEARLINE_E_ASSESSMENT_FORK');
      const ghost = await t.app.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: ana,
        payload: { ...body, supersedes: 'note--99999999-0000-4000-8000-000000000000' },
      });
      assert.equal(ghost.statusCode, 400);
      assert.equal(problemOf(ghost).code, 'TEARLINE_E_ASSESSMENT_SUPERSEDES_MISSING');
      const invalid = await t.app.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: ana,
        payload: { ...body, intent: 'perhaps' },
      });
      assert.equal(problemOf(invalid).code, 'TEARLINE_E_ASSESSMENT_INVALID');

      const history = await t.app.inject({
        method: 'GET',
        url: '/api/actors/ISIS-K/assessments',
        headers: ana,
      });
      const h = history.json() as {
        current: Array<{ id: string }>;
        entries: Array<{ changes: Array<{ field: string }>; evidenceAdded: string[] }>;
      };
      assert.equal(h.entries.length, 2);
      assert.deepEqual(
        h.entries[1]!.changes.map((c) => c.field),
        ['capability', 'intent'],
      );
      assert.deepEqual(h.entries[1]!.evidenceAdded, [incidentId(7)]);
    });

    it('lists alerts, acknowledges them, manages gaps and the webhook', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const { analysis, ana, root } = await setUp(t);
      await analysis.recordIncident(incidentRecord(CROCUS));
      await analysis.evaluateAlertsForIncident(incidentId(9));
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/alerts?unacknowledged=true',
        headers: ana,
      });
      const alerts = (list.json() as { alerts: Array<{ id: string; rule: string }> }).alerts;
      assert.ok(alerts.some((a) => a.rule === 'new-country'));
      const ack = await t.app.inject({
        method: 'POST',
        url: `/api/alerts/${alerts[0]!.id}/ack`,
        headers: ana,
      });
      assert.equal((ack.json() as { acknowledgedBy: string }).acknowledgedBy, 'ana');
      const after = await t.app.inject({
        method: 'GET',
        url: '/api/alerts?unacknowledged=true',
        headers: ana,
      });
      assert.equal((after.json() as { alerts: unknown[] }).alerts.length, alerts.length - 1);
      assert.equal(
        (await t.app.inject({ method: 'POST', url: '/api/alerts/nope/ack', headers: ana }))
          .statusCode,
        404,
      );

      const gap = await t.app.inject({
        method: 'POST',
        url: '/api/collection-gaps',
        headers: ana,
        payload: {
          countries: ['AF'],
          topic: 'ISIS-K',
          since: '2021-08',
          reason: 'Withdrawal of our presence in 2021',
          actorIds: [ISKP],
        },
      });
      assert.equal(gap.statusCode, 201, gap.body);
      const gaps = await t.app.inject({
        method: 'GET',
        url: `/api/collection-gaps?actor=${ISKP}`,
        headers: ana,
      });
      assert.equal((gaps.json() as { gaps: unknown[] }).gaps.length, 1);
      const badGap = await t.app.inject({
        method: 'POST',
        url: '/api/collection-gaps',
        headers: ana,
        payload: { topic: 'x' },
      });
      assert.equal(problemOf(badGap).code, 'TEARLINE_E_GAP_INVALID');
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/collection-gaps/${(gap.json() as { id: string }).id}`,
        headers: ana,
      });
      assert.equal(del.statusCode, 204);

      await apiClient(t.app, ana).put('/api/alert-webhook', { url: 'http://127.0.0.1:9/x' }, 403);
      const asRoot = apiClient(t.app, root);
      await asRoot.put(
        '/api/alert-webhook',
        { url: 'http://127.0.0.1:9/x', minSeverity: 'critical' },
        200,
      );
      const badHook = await asRoot.put('/api/alert-webhook', { url: 'ftp://x' }, 400);
      assert.equal(problemOf(badHook).code, 'TEARLINE_E_WEBHOOK_INVALID');
    });
  });
}
