// Access control of a real `tearline serve` process, on SQLite and on PostgreSQL (the rules live
// above the store, but a read path that forgot its check could be engine-specific): every
// documented route (from its own OpenAPI document) and TAXII × anonymous, a partner's TAXII secret,
// a disabled user's token, a made-up token, analyst, approver and admin tokens. The expected
// outcome of each caller is written once in EXPECT; every cell is checked. Then: CSRF on browser
// sessions, security headers, rate limits per address and per token (429 + Retry-After), and no
// secret in anything the server logged. Rate limits are counted in the server's memory, not in the
// store, so they are checked once, on SQLite.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { Engine } from '../../src/store/database.js';
import {
  ENGINES,
  createTestDatabase,
  skipReasonFor,
  type TestDatabase,
} from '../support/engines.js';
import { recordFigure } from './figures.js';
import { runTearlineHere } from './crash-harness.js';
import { addUserWithToken, startServer, stopLapses, type ServedInstance } from './serve-harness.js';

type Caller = 'anonymous' | 'partner' | 'disabled' | 'bogus' | 'analyst' | 'approver' | 'admin';
type Route = { method: string; path: string };

/** Routes anyone may call (sign-in, health, the API description). */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/session',
  'DELETE /api/session',
]);

/**
 * Routes a signed-in user may not call with every role, and the roles that may (admin may call
 * every route). A route not listed is open to every signed-in role. Analysts write knowledge;
 * approvers approve releases and resume agreements (the second person); admins manage accounts,
 * partner credentials and server settings.
 */
const ANALYST = ['analyst'];
const APPROVER = ['approver'];
const ADMIN: string[] = [];
const RESTRICTED: Record<string, string[]> = {
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/{username}': ADMIN,
  'POST /api/objects': ANALYST,
  'POST /api/objects/{id}/versions': ANALYST,
  'POST /api/partners': ANALYST,
  'GET /api/partners/{id}/credentials': ADMIN,
  'POST /api/partners/{id}/credentials': ADMIN,
  'DELETE /api/partner-credentials/{id}': ADMIN,
  'POST /api/agreements': APPROVER,
  'POST /api/agreements/{id}/suspend': ANALYST,
  'POST /api/agreements/{id}/resume': APPROVER,
  'POST /api/agreements/{id}/end': ANALYST,
  'POST /api/agreements/{id}/conditions': ANALYST,
  'POST /api/agreements/{id}/conditions/{conditionId}': ADMIN,
  'POST /api/releases': ANALYST,
  'POST /api/releases/{id}/preview': ANALYST,
  'POST /api/releases/{id}/approve': APPROVER,
  'POST /api/releases/{id}/revoke': ANALYST,
  // Protected terms are never shown to analysts: they name informants and operations.
  'GET /api/sharing/settings': APPROVER,
  'PUT /api/sharing/settings': APPROVER,
  // Who saw and did what is read by admins only (issue 18).
  'GET /api/audit': ADMIN,
  'GET /api/audit/verify': ADMIN,
  'POST /api/drafts/{id}/undo': ANALYST,
  'PUT /api/actors/{actor}/home-countries': ANALYST,
  'POST /api/analysis/reindex': ADMIN,
  'POST /api/assessments': ANALYST,
  'POST /api/collection-gaps': ANALYST,
  'PUT /api/collection-gaps/{id}': ANALYST,
  'DELETE /api/collection-gaps/{id}': ANALYST,
  'GET /api/alert-webhook': ADMIN,
  'PUT /api/alert-webhook': ADMIN,
  'POST /api/reports': ANALYST,
  'POST /api/drafts/{id}/items/{itemId}/accept': ANALYST,
  'POST /api/drafts/{id}/items/{itemId}/reject': ANALYST,
  'PATCH /api/drafts/{id}/items/{itemId}': ANALYST,
  'POST /api/drafts/{id}/items/{itemId}/merge': ANALYST,
  'POST /api/drafts/{id}/accept-all': ANALYST,
  'PATCH /api/drafts/{id}': ANALYST,
  'POST /api/sources': ANALYST,
  'PATCH /api/sources/{id}': ANALYST,
  'DELETE /api/sources/{id}': ANALYST,
  'POST /api/feeds': ANALYST,
  'PATCH /api/feeds/{id}': ANALYST,
  'DELETE /api/feeds/{id}': ANALYST,
  'POST /api/feeds/{id}/poll': ANALYST,
};
const key = (r: Route) => `${r.method} ${r.path}`;
const anyone = (r: Route) => (PUBLIC.has(key(r)) ? 'any-4xx-or-2xx' : 401);
const role = (name: string) => (r: Route) => {
  const allowed = RESTRICTED[key(r)];
  return allowed === undefined || allowed.includes(name) ? 'signed-in' : 403;
};

/** The expected outcome per caller, written once: a status, or a class of statuses. */
const EXPECT: Record<Caller, (r: Route) => 'any-4xx-or-2xx' | 401 | 403 | 'signed-in'> = {
  anonymous: anyone,
  partner: anyone,
  disabled: anyone,
  bogus: anyone,
  analyst: role('analyst'),
  approver: role('approver'),
  admin: () => 'signed-in',
};
const CALLERS = Object.keys(EXPECT) as Caller[];

/** The matrix, CSRF, headers, log and rate-limit checks against a server on one engine. */
function checkAccess(engine: Engine): void {
  let t: TestDatabase;
  let server: ServedInstance;
  const secrets: string[] = [];
  const tokens = {} as Record<Caller, string | undefined>;

  before(async () => {
    t = await createTestDatabase(engine);
    tokens.analyst = await addUserWithToken(t.url, 'ana', ['analyst']);
    tokens.approver = await addUserWithToken(t.url, 'bea', ['approver']);
    tokens.admin = await addUserWithToken(t.url, 'root', ['admin']);
    tokens.disabled = await addUserWithToken(t.url, 'dave', ['analyst']);
    assert.equal((await runTearlineHere(['user', 'disable', 'dave', '--database', t.url])).code, 0);
    const partner = await runTearlineHere([
      'partner',
      'add',
      'Matrix Partner',
      '--tier',
      'minimal',
      '--json',
      '--database',
      t.url,
    ]);
    const partnerId = (JSON.parse(partner.stdout) as { id: string }).id;
    const cred = await runTearlineHere([
      'partner',
      'credential',
      partnerId,
      '--json',
      '--database',
      t.url,
    ]);
    tokens.partner = (JSON.parse(cred.stdout) as { secret: string }).secret;
    tokens.bogus = 'tl_thisTokenWasNeverIssuedByTearline0000000000';
    const reset = await runTearlineHere(['user', 'password', 'ana', '--database', t.url]);
    const password = /:\s*(\S+)\s*$/m.exec(reset.stdout)?.[1];
    assert.ok(password, reset.stdout);
    secrets.push(password, ...Object.values(tokens).filter((x): x is string => !!x));
    server = await startServer(t.url, {
      TEARLINE_RATE_LIMIT: '100000',
      TEARLINE_LOG_LEVEL: 'trace',
    });
  });
  after(async () => {
    await server?.stop();
    await t?.dispose();
    if (stopLapses.includes(engine))
      recordFigure({
        area: 'access',
        name: `NOT OK: tearline serve (${engine}) did not exit within 15 s of SIGTERM after the matrix; killed`,
        value: 0,
      });
    // A server that ignores SIGTERM is a failure, not a figure (pg-boss kept one alive once).
    assert.ok(!stopLapses.includes(engine), `tearline serve (${engine}) ignored SIGTERM`);
  });

  function send(
    path: string,
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      localAddress?: string;
    } = {},
  ) {
    return new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }>((resolve, reject) => {
      const url = new URL(path, server.url);
      const req = request(
        url,
        { method: init.method ?? 'GET', headers: init.headers, localAddress: init.localAddress },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    });
  }

  const auth = (caller: Caller): Record<string, string> =>
    tokens[caller] ? { authorization: `Bearer ${tokens[caller]}` } : {};

  describe(`access matrix over every documented route (${engine})`, () => {
    it('answers each caller as EXPECT says, never with a 5xx', async () => {
      const started = performance.now();
      const doc = JSON.parse((await send('/api/openapi.json')).body) as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes: Route[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
      );
      assert.ok(routes.length > 40, `only ${routes.length} routes documented`);
      let cells = 0;
      const wrong: string[] = [];
      for (const route of routes) {
        const concrete = route.path.replace(
          /\{[^}]+\}/g,
          'identity--00000000-0000-4000-8000-000000000000',
        );
        for (const caller of CALLERS) {
          const hasBody = !['GET', 'DELETE'].includes(route.method);
          const res = await send(concrete, {
            method: route.method,
            headers: {
              ...auth(caller),
              ...(hasBody ? { 'content-type': 'application/json' } : {}),
            },
            ...(hasBody ? { body: '{}' } : {}),
          });
          cells++;
          const want = EXPECT[caller](route);
          const ok =
            res.status < 500 &&
            (want === 'any-4xx-or-2xx'
              ? res.status < 500
              : want === 'signed-in'
                ? res.status !== 401 && res.status !== 403
                : res.status === want);
          if (!ok)
            wrong.push(
              `${route.method} ${route.path} as ${caller}: ${res.status} (expected ${want}) ${res.body.slice(0, 120)}`,
            );
        }
      }
      for (const [path, caller, want] of [
        ['/taxii2/', 'anonymous', 401],
        ['/taxii2/', 'disabled', 401],
        ['/taxii2/', 'bogus', 401],
        ['/taxii2/', 'partner', 200],
        ['/taxii2/tearline/collections/', 'partner', 200],
        ['/taxii2/', 'analyst', 200],
      ] as const) {
        const res = await send(path, {
          headers: { ...auth(caller), accept: 'application/taxii+json;version=2.1' },
        });
        cells++;
        if (res.status !== want)
          wrong.push(
            `GET ${path} as ${caller}: ${res.status} (expected ${want}) ${res.body.slice(0, 160)}`,
          );
      }
      recordFigure({
        area: 'access',
        name: `access-matrix cells checked (${engine}; ${routes.length} API routes + TAXII × ${CALLERS.length} callers; ${wrong.length} wrong)`,
        value: cells,
        wallMs: performance.now() - started,
      });
      assert.deepEqual(wrong, []);
    });

    it('requires the CSRF token on state-changing requests of a browser session', async () => {
      const password = secrets[0]!;
      const signIn = await send('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ana', password }),
      });
      assert.equal(signIn.status < 300, true, signIn.body);
      const cookie = ([] as string[])
        .concat(signIn.headers['set-cookie'] ?? [])
        .map((c) => c.split(';')[0])
        .join('; ');
      assert.ok(cookie, 'sign-in sets a session cookie');
      const me = await send('/api/session/me', { headers: { cookie } });
      assert.equal(me.status, 200);
      const csrf = (JSON.parse(me.body) as { csrfToken?: string }).csrfToken;
      assert.ok(csrf, me.body);
      secrets.push(csrf, ...cookie.split('; ').map((c) => c.split('=')[1]!));
      const without = await send('/api/tokens', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{"name":"x"}',
      });
      assert.equal(without.status, 403, without.body);
      const forged = await send('/api/tokens', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': 'forged' },
        body: '{"name":"x"}',
      });
      assert.equal(forged.status, 403, forged.body);
      const withToken = await send('/api/tokens', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: '{"name":"x"}',
      });
      assert.notEqual(withToken.status, 403, withToken.body);
      assert.ok(withToken.status < 500);
      recordFigure({
        area: 'access',
        name: `CSRF checks (${engine}; missing, forged, valid)`,
        value: 3,
      });
    });

    it('sends the security headers on API, TAXII and error answers', async () => {
      for (const path of ['/api/health', '/taxii2/', '/api/objects', '/no/such/path']) {
        const res = await send(path);
        for (const header of [
          'content-security-policy',
          'x-content-type-options',
          'x-frame-options',
          'referrer-policy',
        ]) {
          assert.ok(res.headers[header], `${path} (${res.status}) lacks ${header}`);
        }
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
      }
    });

    it('never logs a password, token, partner secret, session id or CSRF token', () => {
      const logs = server.logs();
      assert.ok(logs.length > 1000, 'the server logged requests at trace level');
      for (const secret of secrets)
        assert.ok(!logs.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the log`);
      recordFigure({
        area: 'access',
        name: `secrets grepped for in ${Math.round(logs.length / 1024)} KB of server logs (${engine})`,
        value: secrets.length,
      });
    });
  });

  describe('rate limits', { skip: engine !== 'sqlite' && 'checked on SQLite' }, () => {
    it('answer 429 with Retry-After per address and per token', async () => {
      const limited = await startServer(t.url, { TEARLINE_RATE_LIMIT: '10' });
      const original = server;
      server = limited;
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await send('/api/health', { localAddress: '127.0.0.2' })).status);
        assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
        const over = await send('/api/health', { localAddress: '127.0.0.2' });
        assert.equal(over.status, 429);
        assert.ok(Number(over.headers['retry-after']) >= 1, 'Retry-After in seconds');
        assert.match(over.body, /TEARLINE_E_HTTP_RATE_LIMITED/);
        // Another address is not affected by the first one's budget.
        assert.equal((await send('/api/health', { localAddress: '127.0.0.3' })).status, 200);
        // One token spread over many addresses still runs out: the budget follows the credential.
        const byToken: number[] = [];
        for (let i = 0; i < 11; i++) {
          byToken.push(
            (
              await send('/api/session/me', {
                headers: auth('analyst'),
                localAddress: `127.0.1.${i + 1}`,
              })
            ).status,
          );
        }
        assert.deepEqual(byToken.slice(0, 10), Array(10).fill(200));
        assert.equal(byToken[10], 429);
        recordFigure({
          area: 'access',
          name: 'rate-limit checks answered 429 with Retry-After (per address, per token)',
          value: 2,
        });
      } finally {
        server = original;
        await limited.stop();
      }
    });
  });
}

for (const engine of ENGINES) {
  describe(`access control (${engine})`, { skip: await skipReasonFor(engine) }, () =>
    checkAccess(engine),
  );
}
