import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf, type TestApp } from './server-fixture.js';
import { apiClient } from './support/api.js';

async function analyst(t: TestApp) {
  await t.addUser('ana', 'analyst');
  return { authorization: `Bearer ${await t.mintToken('ana')}` };
}

for (const engine of ENGINES) {
  describe(`server object routes on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('creates an object, fills id and timestamps, reads it back, and refuses a duplicate', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const headers = await analyst(t);
      const api = apiClient(t.app, headers);
      const created = await api.post(
        '/api/objects',
        {
          type: 'threat-actor',
          name: 'Islamic State Khorasan Province',
          aliases: ['ISIS-K', 'ISKP'],
          threat_actor_types: ['terrorist'],
        },
        201,
      );
      const object = created.json().object;
      assert.match(object.id, /^threat-actor--[0-9a-f-]{36}$/);
      assert.equal(object.spec_version, '2.1');
      assert.equal(object.created, '2026-03-01T09:00:00.000Z');
      assert.equal(object.modified, object.created);
      assert.deepEqual(created.json().dangling, []);

      const read = await t.app.inject({ url: `/api/objects/${object.id}`, headers });
      assert.equal(read.statusCode, 200);
      assert.deepEqual(read.json(), object);
      const again = await api.post('/api/objects', object, 409);
      assert.equal(problemOf(again).code, 'TEARLINE_E_OBJECT_EXISTS');
    });

    it('refuses an invalid object with the offending paths and writes nothing', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const headers = await analyst(t);
      const api = apiClient(t.app, headers);
      const res = await api.post(
        '/api/objects',
        {
          type: 'incident',
          name: 'x',
          created: '2026-03-01T09:00:00.000Z',
          modified: '2026-02-01T09:00:00.000Z',
          confidence: 101,
        },
        400,
      );
      const problem = res.json() as {
        code: string;
        errors: Array<{ path: string; subject: string }>;
      };
      assert.equal(problemOf(res).code, 'TEARLINE_E_OBJECT_INVALID');
      const paths = problem.errors.map((e) => e.path);
      assert.ok(paths.includes('.modified'), paths.join(','));
      assert.ok(paths.includes('.confidence'), paths.join(','));
      assert.match(problem.errors[0]!.subject, /^incident--/);
      assert.equal(await t.store.objects.countLatest(), 0);
    });

    it('adds versions with a later modified even when the clock stands still, and lists them', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const headers = await analyst(t);
      const api = apiClient(t.app, headers);
      const first = (
        await t.app.inject({
          method: 'POST',
          url: '/api/objects',
          headers,
          payload: { type: 'threat-actor', name: 'ISKP', threat_actor_types: ['terrorist'] },
        })
      ).json().object;
      const v2 = await api.post(
        `/api/objects/${first.id}/versions`,
        {
          type: 'threat-actor',
          name: 'ISKP',
          aliases: ['ISIS-K'],
          threat_actor_types: ['terrorist'],
        },
        201,
      );
      assert.equal(v2.json().object.modified, '2026-03-01T09:00:00.001Z');
      assert.equal(v2.json().object.created, first.created);
      t.clock.advance(60_000);
      await t.app.inject({
        method: 'POST',
        url: `/api/objects/${first.id}/versions`,
        headers,
        payload: {
          type: 'threat-actor',
          name: 'ISKP',
          aliases: ['ISIS-K', 'IS-KP'],
          threat_actor_types: ['terrorist'],
        },
      });
      const versions = await t.app.inject({ url: `/api/objects/${first.id}/versions`, headers });
      assert.deepEqual(
        versions.json().versions.map((v: { modified: string }) => v.modified),
        ['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.001Z', '2026-03-01T09:01:00.000Z'],
      );
      const one = await t.app.inject({
        url: `/api/objects/${first.id}/versions/${encodeURIComponent('2026-03-01T09:00:00.001Z')}`,
        headers,
      });
      assert.deepEqual(one.json().aliases, ['ISIS-K']);
      const latest = await t.app.inject({ url: `/api/objects/${first.id}`, headers });
      assert.deepEqual(latest.json().aliases, ['ISIS-K', 'IS-KP']);
      const changed = await t.app.inject({
        method: 'POST',
        url: `/api/objects/${first.id}/versions`,
        headers,
        payload: { type: 'intrusion-set', name: 'ISKP' },
      });
      assert.equal(problemOf(changed).code, 'TEARLINE_E_OBJECT_IDENTITY_CHANGED');
      await api.post(
        '/api/objects/threat-actor--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20/versions',
        { type: 'threat-actor', name: 'x' },
        404,
      );
    });

    it('lists latest objects with type, since and paging filters, and searches them', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const headers = await analyst(t);
      const api = apiClient(t.app, headers);
      const post = (payload: object) => api.post('/api/objects', payload, 201);
      await post({
        type: 'threat-actor',
        name: 'Tehrik-i-Taliban Pakistan',
        threat_actor_types: ['terrorist'],
      });
      t.clock.advance(1000);
      await post({
        type: 'threat-actor',
        name: 'Islamic State Khorasan Province',
        aliases: ['ISKP'],
        threat_actor_types: ['terrorist'],
      });
      t.clock.advance(1000);
      await post({ type: 'location', name: 'Kabul', country: 'AF' });
      const all = await t.app.inject({ url: '/api/objects', headers });
      assert.equal(all.json().total, 3);
      assert.deepEqual(
        all.json().objects.map((o: { name: string }) => o.name),
        ['Kabul', 'Islamic State Khorasan Province', 'Tehrik-i-Taliban Pakistan'],
      );
      const actors = await t.app.inject({
        url: '/api/objects?type=threat-actor&limit=1&offset=1',
        headers,
      });
      assert.equal(actors.json().total, 2);
      assert.deepEqual(
        actors.json().objects.map((o: { name: string }) => o.name),
        ['Tehrik-i-Taliban Pakistan'],
      );
      const since = await t.app.inject({
        url: '/api/objects?since=2026-03-01T09:00:01.000Z',
        headers,
      });
      assert.equal(since.json().total, 2);
      const found = await t.app.inject({ url: '/api/search?q=Khorasan', headers });
      assert.deepEqual(
        found.json().objects.map((o: { name: string }) => o.name),
        ['Islamic State Khorasan Province'],
      );
      const badType = await t.app.inject({ url: '/api/objects?type=DROP%20TABLE', headers });
      assert.equal(problemOf(badType).code, 'TEARLINE_E_HTTP_INVALID_REQUEST');
      const huge = await t.app.inject({ url: '/api/objects?limit=99999999', headers });
      assert.equal(huge.statusCode, 400);
      const badId = await t.app.inject({ url: '/api/objects/not-an-id', headers });
      assert.equal(problemOf(badId).code, 'TEARLINE_E_OBJECT_BAD_ID');
      const unknown = await t.app.inject({
        url: '/api/objects/incident--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20',
        headers,
      });
      assert.equal(problemOf(unknown).code, 'TEARLINE_E_OBJECT_NOT_FOUND');
    });
  });
}
