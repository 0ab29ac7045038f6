import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from '../../../test/support/engines.js';
import { createStore } from '../create-store.js';
import { isTearlineError } from '../../core/errors.js';

const ana = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'ana',
  displayName: 'Ana Analyst',
  roles: ['analyst' as const],
  disabled: false,
  created: '2026-01-01T00:00:00.000Z',
  passwordHash: 'scrypt$hash',
};

for (const engine of ENGINES) {
  describe(`account repositories on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('stores users, refuses a taken username, updates roles and the disabled flag', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      assert.equal(await store.users.countUsers(), 0);
      await store.users.createUser(ana);
      await assert.rejects(
        store.users.createUser({ ...ana, id: '00000000-0000-4000-8000-000000000002' }),
        (e) =>
          isTearlineError(e) && e.code === 'TEARLINE_E_ACCOUNT_EXISTS' && e.kind === 'conflict',
      );
      assert.deepEqual(await store.users.findByUsername('ana'), ana);
      await store.users.setRoles(ana.id, ['analyst', 'approver']);
      await store.users.setDisabled(ana.id, true);
      await store.users.setPasswordHash(ana.id, 'scrypt$other');
      const got = await store.users.findById(ana.id);
      assert.deepEqual(got?.roles, ['analyst', 'approver']);
      assert.equal(got?.disabled, true);
      assert.equal(got?.passwordHash, 'scrypt$other');
      const listed = await store.users.listUsers();
      assert.equal(listed.length, 1);
      assert.equal('passwordHash' in listed[0]!, false);
      assert.equal(await store.users.findByUsername('nobody'), undefined);
    });

    it('keeps sessions by hash, touches, expires and ends them per user', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      await store.users.createUser(ana);
      const session = {
        idHash: 'h1',
        userId: ana.id,
        csrfToken: 'c1',
        created: '2026-01-01T00:00:00.000Z',
        expires: '2026-01-01T12:00:00.000Z',
        lastSeen: '2026-01-01T00:00:00.000Z',
      };
      await store.sessions.createSession(session);
      await store.sessions.createSession({
        ...session,
        idHash: 'h2',
        expires: '2026-01-03T00:00:00.000Z',
      });
      await store.sessions.touchSession('h1', '2026-01-01T01:00:00.000Z');
      assert.equal((await store.sessions.findSession('h1'))?.lastSeen, '2026-01-01T01:00:00.000Z');
      assert.equal(await store.sessions.deleteExpiredSessions('2026-01-02T00:00:00.000Z'), 1);
      assert.equal(await store.sessions.findSession('h1'), undefined);
      assert.equal(await store.sessions.deleteUserSessions(ana.id), 1);
      assert.equal(await store.sessions.findSession('h2'), undefined);
    });

    it('keeps tokens by hash, lists, touches and revokes them', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const store = createStore(t.database);
      await store.users.createUser(ana);
      await store.tokens.createToken({
        id: 't1',
        userId: ana.id,
        name: 'script',
        tokenHash: 'th1',
        created: '2026-01-01T00:00:00.000Z',
        expires: '2026-02-01T00:00:00.000Z',
      });
      await store.tokens.createToken({
        id: 't2',
        userId: ana.id,
        name: 'other',
        tokenHash: 'th2',
        created: '2026-01-02T00:00:00.000Z',
      });
      assert.deepEqual(
        (await store.tokens.listTokens(ana.id)).map((x) => x.id),
        ['t2', 't1'],
      );
      await store.tokens.touchToken('t1', '2026-01-05T00:00:00.000Z');
      await store.tokens.revokeToken('t1', '2026-01-06T00:00:00.000Z');
      await store.tokens.revokeToken('t1', '2026-01-07T00:00:00.000Z');
      const t1 = await store.tokens.findByHash('th1');
      assert.equal(t1?.lastUsed, '2026-01-05T00:00:00.000Z');
      assert.equal(t1?.revoked, '2026-01-06T00:00:00.000Z');
      assert.equal((await store.tokens.findById('t2'))?.expires, undefined);
    });
  });
}
