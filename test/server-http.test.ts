import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf } from './server-fixture.js';

/** Full paths and methods of every route, read from Fastify's own route tree. */
function registeredRoutes(tree: string): Array<{ path: string; methods: string[] }> {
  const out: Array<{ path: string; methods: string[] }> = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│├└─ ]*?)([^│├└─ ].*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m || line.trim() === '') continue;
    const depth = Math.round([...m[1]!].length / 4);
    stack.length = depth;
    stack[depth] = m[2]!;
    if (m[3]) out.push({ path: stack.join(''), methods: m[3].split(', ') });
  }
  return out;
}

for (const engine of ENGINES) {
  describe(`server HTTP behaviour on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('answers /api/health and puts security headers on every response', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const ok = await t.app.inject('/api/health');
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { status: 'ok', engine });
      const missing = await t.app.inject('/api/nothing-here');
      for (const res of [ok, missing]) {
        const csp = String(res.headers['content-security-policy']);
        assert.match(csp, /frame-ancestors 'none'/);
        assert.match(csp, /script-src 'self'(;|$)/);
        assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['referrer-policy'], 'no-referrer');
        assert.equal(res.headers['x-frame-options'], 'DENY');
        assert.equal(
          res.headers['strict-transport-security'],
          undefined,
          'no HSTS over plain HTTP',
        );
      }
      assert.equal(problemOf(missing).code, 'TEARLINE_E_HTTP_NOT_FOUND');
    });

    it('turns bad JSON, schema violations, prototype poisoning and wrong media types into coded 4xx', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const post = (payload: string, type = 'application/json') =>
        t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload,
          headers: { 'content-type': type },
        });
      const bad = await post('{"username": "ana", ');
      assert.equal(bad.statusCode, 400);
      assert.equal(problemOf(bad).code, 'TEARLINE_E_HTTP_BAD_JSON');
      const invalid = await post('{"username": "ana"}');
      assert.equal(invalid.statusCode, 400);
      const problem = problemOf(invalid) as ReturnType<typeof problemOf> & {
        errors: Array<{ path: string }>;
      };
      assert.equal(problem.code, 'TEARLINE_E_HTTP_INVALID_REQUEST');
      assert.ok(problem.errors.length > 0);
      const poisoned = await post('{"username":"a","password":"b","__proto__":{"admin":true}}');
      assert.equal(poisoned.statusCode, 400);
      assert.equal(problemOf(poisoned).code, 'TEARLINE_E_HTTP_BAD_JSON');
      const media = await post('username=a', 'application/x-www-form-urlencoded');
      assert.equal(media.statusCode, 415);
      assert.equal(problemOf(media).code, 'TEARLINE_E_HTTP_UNSUPPORTED_MEDIA_TYPE');
      const query = await t.app.inject({ url: '/api/objects?limit=100000000', headers: {} });
      assert.equal(query.statusCode, 401, 'authentication is decided before validation');
    });

    it('refuses a body over the limit with 413 and our code, writing nothing', async (ctx) => {
      const t = await createTestApp(engine, { bodyLimit: 2048 });
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      const token = await t.mintToken('ana');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/objects',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ type: 'threat-actor', name: 'x'.repeat(4096) }),
      });
      assert.equal(res.statusCode, 413);
      assert.equal(problemOf(res).code, 'TEARLINE_E_HTTP_BODY_TOO_LARGE');
      assert.equal(await t.store.objects.countLatest(), 0);
    });

    it('rate-limits per address and per token with 429 and Retry-After', async () => {
      const t = await createTestApp(engine, {
        rateLimit: { max: 3, windowMs: 60_000, signInMax: 2 },
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await t.app.inject('/api/health')).statusCode);
        assert.deepEqual(statuses, [200, 200, 200, 429]);
        const limited = await t.app.inject('/api/health');
        assert.equal(problemOf(limited).code, 'TEARLINE_E_HTTP_RATE_LIMITED');
        const retry = Number(limited.headers['retry-after']);
        assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
        // Another address has its own budget; one token has one budget across addresses.
        const other = await t.app.inject({ url: '/api/health', remoteAddress: '10.0.0.2' });
        assert.equal(other.statusCode, 200);
        const tokenStatuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await t.app.inject({
            url: '/api/health',
            remoteAddress: `10.1.0.${i + 1}`,
            headers: { authorization: 'Bearer tl_same-token' },
          });
          tokenStatuses.push(res.statusCode);
        }
        assert.equal(tokenStatuses[3], 429, `per-token budget: ${tokenStatuses.join(',')}`);
        // Sign-in has a tighter budget of its own.
        const signIns: number[] = [];
        for (let i = 0; i < 3; i++) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/session',
            remoteAddress: '10.2.0.1',
            payload: { username: 'x', password: 'y' },
          });
          signIns.push(res.statusCode);
        }
        assert.deepEqual(signIns, [401, 401, 429]);
        // And one username has its own budget, whatever the address (distributed guessing).
        const spread: number[] = [];
        for (let i = 0; i < 3; i++) {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/session',
            remoteAddress: `10.3.0.${i + 1}`,
            payload: { username: 'Victim', password: `guess-${i}` },
          });
          spread.push(res.statusCode);
        }
        assert.deepEqual(spread, [401, 401, 429]);
      } finally {
        await t.dispose();
      }
    });

    it('checks roles: users admin only, writes analyst only, reads any user, nothing anonymous', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('root', 'admin');
      await t.addUser('ana', 'analyst');
      await t.addUser('apu', 'approver');
      const bearer = async (name: string) => ({
        authorization: `Bearer ${await t.mintToken(name)}`,
      });
      const [root, ana, apu] = [await bearer('root'), await bearer('ana'), await bearer('apu')];
      const cells: Array<[string, string, Record<string, string>, number, unknown?]> = [
        ['GET', '/api/users', {}, 401],
        ['GET', '/api/users', ana, 403],
        ['GET', '/api/users', apu, 403],
        ['GET', '/api/users', root, 200],
        ['GET', '/api/objects', {}, 401],
        ['GET', '/api/objects', apu, 200],
        ['POST', '/api/objects', apu, 403, { type: 'threat-actor', name: 'X' }],
        ['POST', '/api/objects', {}, 401, { type: 'threat-actor', name: 'X' }],
        ['POST', '/api/objects', ana, 201, { type: 'threat-actor', name: 'X' }],
        ['POST', '/api/users', ana, 403, { username: 'eve', roles: ['admin'] }],
      ];
      for (const [method, url, headers, expected, payload] of cells) {
        const res = await t.app.inject({
          method: method as 'GET' | 'POST',
          url,
          headers,
          ...(payload ? { payload: payload as object } : {}),
        });
        assert.equal(
          res.statusCode,
          expected,
          `${method} ${url} as ${JSON.stringify(headers).slice(0, 30)}`,
        );
        if (expected >= 400) problemOf(res);
      }
    });

    it('lets admins add users (a generated password shown once), set roles, and never lose the last admin', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('root', 'admin');
      const root = { authorization: `Bearer ${await t.mintToken('root')}` };
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: root,
        payload: { username: 'Eve', roles: ['analyst'], displayName: 'Eve E.' },
      });
      assert.equal(added.statusCode, 201);
      assert.equal(added.json().user.username, 'eve');
      const password = added.json().generatedPassword as string;
      assert.equal(password.length, 20);
      await t.signIn('eve', password);
      const dup = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: root,
        payload: { username: 'eve', roles: ['analyst'] },
      });
      assert.equal(dup.statusCode, 409);
      assert.equal(problemOf(dup).code, 'TEARLINE_E_ACCOUNT_EXISTS');
      const roles = await t.app.inject({
        method: 'PATCH',
        url: '/api/users/eve',
        headers: root,
        payload: { roles: ['analyst', 'approver'] },
      });
      assert.deepEqual(roles.json().roles, ['analyst', 'approver']);
      const demote = await t.app.inject({
        method: 'PATCH',
        url: '/api/users/root',
        headers: root,
        payload: { roles: ['analyst'] },
      });
      assert.equal(demote.statusCode, 409);
      assert.equal(problemOf(demote).code, 'TEARLINE_E_ACCOUNT_LAST_ADMIN');
      const missing = await t.app.inject({
        method: 'PATCH',
        url: '/api/users/nobody',
        headers: root,
        payload: { disabled: true },
      });
      assert.equal(missing.statusCode, 404);
      const badRole = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: root,
        payload: { username: 'zed', roles: ['boss'] },
      });
      assert.equal(badRole.statusCode, 400);
      assert.equal((await t.store.users.listUsers()).length, 2, 'nothing written for bad input');
    });

    it('recognises partners only on /taxii2/, never on /api', async () => {
      const secret = 'partner-secret-value';
      const t = await createTestApp(
        engine,
        {},
        {
          partnerAuthenticator: {
            authenticatePartner: async (s) =>
              s === secret ? { partnerId: 'p-1', partnerName: 'Partner One' } : undefined,
          },
        },
      );
      try {
        // Probe routes added after createApp: the app-level hooks apply to them as to any module.
        t.app.get('/taxii2/probe/', async (request) => ({ principal: request.principal ?? null }));
        t.app.get('/api/probe', async (request) => ({ principal: request.principal ?? null }));
        const basic = `Basic ${Buffer.from(`p-1:${secret}`).toString('base64')}`;
        const api = await t.app.inject({ url: '/api/probe', headers: { authorization: basic } });
        assert.equal(api.statusCode, 401);
        assert.equal(problemOf(api).code, 'TEARLINE_E_AUTH_SCHEME');
        const apiBearer = await t.app.inject({
          url: '/api/probe',
          headers: { authorization: `Bearer ${secret}` },
        });
        assert.equal(apiBearer.statusCode, 401);
        const probe = async (authorization?: string) =>
          (
            await t.app.inject({
              url: '/taxii2/probe/',
              headers: authorization ? { authorization } : {},
            })
          ).json().principal;
        const partner = { kind: 'partner', partnerId: 'p-1', partnerName: 'Partner One' };
        assert.deepEqual(await probe(basic), partner);
        assert.deepEqual(await probe(`Bearer ${secret}`), partner);
        assert.equal(await probe(), null);
        assert.equal(await probe(`Basic ${Buffer.from('p-1:wrong').toString('base64')}`), null);
        // A user's API token also works on /taxii2/ (for analysts' own tools), as a user.
        await t.addUser('ana', 'analyst');
        const user = await probe(`Bearer ${await t.mintToken('ana')}`);
        assert.equal(user.kind, 'user');
        assert.equal(user.username, 'ana');
      } finally {
        await t.dispose();
      }
    });

    it('describes every registered /api route in the OpenAPI 3.1 document', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.app.ready();
      const res = await t.app.inject('/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json() as {
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
      };
      assert.equal(doc.openapi, '3.1.0');
      const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter((r) =>
        r.path.startsWith('/api/'),
      );
      assert.ok(routes.length >= 12, `found ${routes.length} /api routes`);
      const missing: string[] = [];
      for (const route of routes) {
        const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
        for (const method of route.methods.filter((m) => m !== 'HEAD')) {
          if (!doc.paths[path]?.[method.toLowerCase()]) missing.push(`${method} ${path}`);
        }
      }
      assert.deepEqual(missing, []);
      const op = doc.paths['/api/objects/{id}']!.get as {
        parameters: Array<{ name: string; in: string }>;
      };
      assert.deepEqual(
        op.parameters.map((p) => `${p.in}:${p.name}`),
        ['path:id'],
      );
    });
  });
}
