import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf } from './server-fixture.js';

// Every route of the server skeleton × every kind of caller, written down once. A cell is the
// expected status; 'ok' is any 2xx. Callers: anonymous, a partner's TAXII credentials sent to
// /api, a disabled user's token, an expired token, users by session (with CSRF) and by token.
type Caller =
  'anon' | 'partner' | 'disabled' | 'expired' | 'analyst' | 'approver' | 'admin' | 'token';
type Cell = 'ok' | 400 | 401 | 403 | 404;
const CALLERS: Caller[] = [
  'anon',
  'partner',
  'disabled',
  'expired',
  'analyst',
  'approver',
  'admin',
  'token',
];

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: (caller: Caller) => object;
  expect: Record<Caller, Cell>;
}

const open = {
  anon: 'ok',
  partner: 401,
  disabled: 401,
  expired: 401,
  analyst: 'ok',
  approver: 'ok',
  admin: 'ok',
  token: 'ok',
} as const;
const users = {
  anon: 401,
  partner: 401,
  disabled: 401,
  expired: 401,
  analyst: 'ok',
  approver: 'ok',
  admin: 'ok',
  token: 'ok',
} as const;
const admins = { ...users, analyst: 403, approver: 403, token: 403 } as const;
const analysts = { ...users, approver: 403 } as const;

const ID = 'threat-actor--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20';
const MODIFIED = encodeURIComponent('2026-03-01T09:00:00.000Z');
const actor = { type: 'threat-actor', name: 'ISKP', threat_actor_types: ['terrorist'] };

const ROWS: Row[] = [
  { method: 'GET', url: '/api/health', expect: open },
  { method: 'GET', url: '/api/openapi.json', expect: open },
  { method: 'GET', url: '/api/session/me', expect: users },
  { method: 'GET', url: '/api/session/csrf', expect: { ...users, token: 400 } },
  {
    method: 'PUT',
    url: '/api/session/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'a brand new passphrase' }),
    expect: { ...users, analyst: 400, approver: 400, admin: 400, token: 400 },
  },
  { method: 'GET', url: '/api/tokens', expect: users },
  { method: 'POST', url: '/api/tokens', body: () => ({ name: 'matrix' }), expect: users },
  {
    method: 'DELETE',
    url: '/api/tokens/00000000-0000-4000-8000-0000000000ff',
    expect: { ...users, analyst: 404, approver: 404, admin: 404, token: 404 },
  },
  { method: 'GET', url: '/api/users', expect: admins },
  { method: 'GET', url: '/api/audit', expect: admins },
  { method: 'GET', url: '/api/audit/verify', expect: admins },
  {
    method: 'POST',
    url: '/api/users',
    body: (c) => ({ username: `new-${c}`, roles: ['analyst'] }),
    expect: admins,
  },
  {
    method: 'PATCH',
    url: '/api/users/target',
    body: () => ({ roles: ['analyst', 'approver'] }),
    expect: admins,
  },
  { method: 'GET', url: '/api/objects', expect: users },
  { method: 'GET', url: '/api/search?q=ISKP', expect: users },
  { method: 'GET', url: `/api/objects/${ID}`, expect: users },
  { method: 'GET', url: `/api/objects/${ID}/versions`, expect: users },
  { method: 'GET', url: `/api/objects/${ID}/versions/${MODIFIED}`, expect: users },
  { method: 'GET', url: `/api/objects/${ID}/relationships`, expect: users },
  {
    method: 'POST',
    url: '/api/objects',
    body: () => ({ ...actor, name: 'Another group' }),
    expect: analysts,
  },
  { method: 'POST', url: `/api/objects/${ID}/versions`, body: () => actor, expect: analysts },
  // Last: signing out (and in again) ends the sessions used by the rows above.
  { method: 'DELETE', url: '/api/session', expect: users },
  // Signing in needs no session; bad credentials in the header are refused before the body is read.
  {
    method: 'POST',
    url: '/api/session',
    body: () => ({ username: 'target', password: 'target-password-123' }),
    expect: open,
  },
];

for (const engine of ENGINES) {
  describe(`server access matrix on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it(`answers ${ROWS.length} routes × ${CALLERS.length} callers as the table says`, async (ctx) => {
      const t = await createTestApp(engine, { rateLimit: { max: 100_000, windowMs: 60_000 } });
      ctx.after(() => t.dispose());
      await t.addUser('root', 'admin');
      await t.addUser('ana', 'analyst');
      await t.addUser('apu', 'approver');
      await t.addUser('target', 'analyst');
      await t.addUser('gone', 'analyst');
      await t.store.objects.putObjects([
        {
          ...actor,
          id: ID,
          spec_version: '2.1',
          created: '2026-03-01T09:00:00.000Z',
          modified: '2026-03-01T09:00:00.000Z',
        },
      ]);
      const expiredToken = await t.mintToken('ana', 1);
      const disabledToken = await t.mintToken('gone');
      await t.store.users.setDisabled((await t.store.users.findByUsername('gone'))!.id, true);
      t.clock.advance(24 * 3_600_000 + 1);
      const session = async (name: string) => {
        const s = await t.signIn(name);
        return { cookie: s.cookie, 'x-csrf-token': s.csrf };
      };
      const headers: Record<Caller, Record<string, string>> = {
        anon: {},
        partner: {
          authorization: `Basic ${Buffer.from('partner:partner-secret').toString('base64')}`,
        },
        disabled: { authorization: `Bearer ${disabledToken}` },
        expired: { authorization: `Bearer ${expiredToken}` },
        analyst: await session('ana'),
        approver: await session('apu'),
        admin: await session('root'),
        token: { authorization: `Bearer ${await t.mintToken('ana')}` },
      };
      const wrong: string[] = [];
      let cells = 0;
      for (const row of ROWS) {
        for (const caller of CALLERS) {
          const res = await t.app.inject({
            method: row.method,
            url: row.url,
            headers: headers[caller],
            ...(row.body ? { payload: row.body(caller) } : {}),
          });
          cells++;
          const want = row.expect[caller];
          const ok =
            want === 'ok' ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === want;
          if (!ok)
            wrong.push(
              `${row.method} ${row.url} as ${caller}: ${res.statusCode}, expected ${want}`,
            );
          if (res.statusCode >= 400) problemOf(res);
        }
      }
      assert.deepEqual(wrong, []);
      assert.equal(cells, ROWS.length * CALLERS.length);
    });

    it('lists a row for every route of the server skeleton', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      const doc = (await t.app.inject('/api/openapi.json')).json() as {
        paths: Record<string, object>;
      };
      const mine = /^\/api\/(health|openapi\.json|session|tokens|users|objects|search|audit)/;
      const documented = Object.entries(doc.paths)
        .filter(([path]) => mine.test(path))
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
        .sort();
      const normalise = (url: string) =>
        url
          .split('?')[0]!
          .replace(ID, '{id}')
          .replace(MODIFIED, '{modified}')
          .replace(/\/api\/users\/target$/, '/api/users/{username}')
          .replace(/\/api\/tokens\/[0-9a-f-]{36}$/, '/api/tokens/{id}');
      const inMatrix = [...new Set(ROWS.map((r) => `${r.method} ${normalise(r.url)}`))].sort();
      assert.deepEqual(inMatrix, documented);
    });
  });
}
