import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf } from './server-fixture.js';

for (const engine of ENGINES) {
  describe(`server sessions and tokens on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('signs in with an HttpOnly SameSite=Strict cookie and answers /api/session/me', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'ANA', password: 'ana-password-123' },
      });
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'tearline_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.secure, undefined);
      assert.equal(cookie.path, '/');
      assert.equal(cookie.maxAge, 12 * 3600);
      const me = await t.app.inject({
        url: '/api/session/me',
        headers: { cookie: `tearline_session=${cookie.value}` },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.username, 'ana');
      assert.deepEqual(me.json().user.roles, ['analyst']);
      assert.equal(me.json().via, 'session');
      assert.equal(
        me.json().csrfToken,
        res.json().csrfToken,
        'the web app can recover its CSRF token after a reload',
      );
      assert.equal(me.json().user.passwordHash, undefined);
    });

    it('marks the cookie Secure and sends HSTS only behind TLS', async (ctx) => {
      const t = await createTestApp(engine, { secureCookies: true });
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'ana', password: 'ana-password-123' },
      });
      assert.equal(res.cookies.find((c) => c.name === 'tearline_session')!.secure, true);
      assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
    });

    it('refuses a wrong password, an unknown user and a disabled user, with one sentence each', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('admin', 'admin');
      await t.addUser('ana', 'analyst');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'ana', password: 'not-her-password' },
      });
      assert.equal(problemOf(wrong).code, 'TEARLINE_E_AUTH_BAD_CREDENTIALS');
      assert.equal(wrong.statusCode, 401);
      const unknown = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'nobody', password: 'whatever-password' },
      });
      assert.equal(unknown.statusCode, 401);
      assert.equal(unknown.body, wrong.body, 'unknown user and wrong password look the same');
      const session = await t.signIn('ana');
      const admin = await t.signIn('admin');
      const disable = await t.app.inject({
        method: 'PATCH',
        url: '/api/users/ana',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        payload: { disabled: true },
      });
      assert.equal(disable.statusCode, 200);
      assert.equal(disable.json().disabled, true);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'ana', password: 'ana-password-123' },
      });
      assert.equal(again.statusCode, 403);
      assert.equal(problemOf(again).code, 'TEARLINE_E_AUTH_DISABLED');
      const old = await t.app.inject({
        url: '/api/session/me',
        headers: { cookie: session.cookie },
      });
      assert.equal(old.statusCode, 401, 'disabling ends existing sessions');
    });

    it('requires the CSRF token on every state-changing request made with the session cookie', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      const { cookie, csrf } = await t.signIn('ana');
      const without = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie },
        payload: {},
      });
      assert.equal(without.statusCode, 403);
      assert.equal(problemOf(without).code, 'TEARLINE_E_AUTH_CSRF');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie, 'x-csrf-token': `${csrf.slice(0, -2)}xx` },
        payload: {},
      });
      assert.equal(wrong.statusCode, 403);
      const signOutWithout = await t.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { cookie },
      });
      assert.equal(signOutWithout.statusCode, 403);
      const fetched = await t.app.inject({ url: '/api/session/csrf', headers: { cookie } });
      assert.equal(fetched.json().csrfToken, csrf);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { name: 'laptop' },
      });
      assert.equal(ok.statusCode, 201);
      assert.match(ok.json().token, /^tl_/);
      const reads = await t.app.inject({ url: '/api/tokens', headers: { cookie } });
      assert.equal(reads.statusCode, 200, 'reads need no CSRF token');
      assert.equal(reads.json().tokens.length, 1);
      assert.equal(reads.json().tokens[0].tokenHash, undefined);
    });

    it('signs out: the session no longer works and its cookie is cleared', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      const { cookie, csrf } = await t.signIn('ana');
      const out = await t.app.inject({
        method: 'DELETE',
        url: '/api/session',
        headers: { cookie, 'x-csrf-token': csrf },
      });
      assert.equal(out.statusCode, 204);
      const cleared = out.cookies.find((c) => c.name === 'tearline_session');
      assert.equal(cleared?.value, '');
      const me = await t.app.inject({ url: '/api/session/me', headers: { cookie } });
      assert.equal(me.statusCode, 401);
      assert.equal(problemOf(me).code, 'TEARLINE_E_AUTH_REQUIRED');
    });

    it('expires sessions after their lifetime and after the idle timeout', async () => {
      const t = await createTestApp(engine, {
        session: { ttlMs: 4 * 3_600_000, idleMs: 30 * 60_000 },
      });
      try {
        await t.addUser('ana', 'analyst');
        const first = await t.signIn('ana');
        // Active every 20 minutes: the idle timeout never fires, the absolute lifetime does.
        for (let i = 0; i < 11; i++) {
          t.clock.advance(20 * 60_000);
          const me = await t.app.inject({
            url: '/api/session/me',
            headers: { cookie: first.cookie },
          });
          assert.equal(me.statusCode, 200, `still signed in after ${(i + 1) * 20} minutes`);
        }
        t.clock.advance(20 * 60_000);
        const expired = await t.app.inject({
          url: '/api/session/me',
          headers: { cookie: first.cookie },
        });
        assert.equal(expired.statusCode, 401, 'past the 4-hour lifetime');
        const second = await t.signIn('ana');
        t.clock.advance(31 * 60_000);
        const idle = await t.app.inject({
          url: '/api/session/me',
          headers: { cookie: second.cookie },
        });
        assert.equal(idle.statusCode, 401, 'idle for 31 minutes');
      } finally {
        await t.dispose();
      }
    });

    it('accepts bearer tokens without CSRF, and refuses expired, revoked, unknown and disabled ones', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('admin', 'admin');
      await t.addUser('ana', 'analyst');
      const token = await t.mintToken('ana', 1);
      const me = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().via, 'token');
      const minted = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { authorization: `Bearer ${token}` },
        payload: { name: 'second', expiresInDays: 30 },
      });
      assert.equal(minted.statusCode, 201, 'no CSRF token needed with a bearer token');
      const second = minted.json().token as string;

      const unknown = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: 'Bearer tl_nope' },
      });
      assert.equal(problemOf(unknown).code, 'TEARLINE_E_AUTH_TOKEN_INVALID');
      const basic = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: 'Basic YTpi' },
      });
      assert.equal(problemOf(basic).code, 'TEARLINE_E_AUTH_SCHEME');

      const revoke = await t.app.inject({
        method: 'DELETE',
        url: `/api/tokens/${minted.json().info.id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(revoke.statusCode, 204);
      const revoked = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: `Bearer ${second}` },
      });
      assert.equal(revoked.statusCode, 401);

      t.clock.advance(24 * 3_600_000 + 1);
      const expired = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(expired.statusCode, 401);
      assert.equal(problemOf(expired).code, 'TEARLINE_E_AUTH_TOKEN_INVALID');

      const fresh = await t.mintToken('ana');
      const adminToken = await t.mintToken('admin');
      await t.app.inject({
        method: 'PATCH',
        url: '/api/users/ana',
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { disabled: true },
      });
      const disabled = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: `Bearer ${fresh}` },
      });
      assert.equal(disabled.statusCode, 401, "a disabled user's token stops working");
    });

    it('changes one’s own password only with the current one, and ends every session', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      const first = await t.signIn('ana');
      const second = await t.signIn('ana');
      const put = (payload: object) =>
        t.app.inject({
          method: 'PUT',
          url: '/api/session/password',
          headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
          payload,
        });
      const wrong = await put({
        currentPassword: 'not-the-password',
        newPassword: 'a brand new passphrase',
      });
      assert.equal(wrong.statusCode, 400);
      assert.equal(problemOf(wrong).code, 'TEARLINE_E_ACCOUNT_WRONG_PASSWORD');
      const short = await put({ currentPassword: 'ana-password-123', newPassword: 'short' });
      assert.equal(short.statusCode, 400);
      const ok = await put({
        currentPassword: 'ana-password-123',
        newPassword: 'a brand new passphrase',
      });
      assert.equal(ok.statusCode, 204);
      for (const s of [first, second]) {
        const me = await t.app.inject({ url: '/api/session/me', headers: { cookie: s.cookie } });
        assert.equal(me.statusCode, 401, 'every session ended');
      }
      await assert.rejects(t.signIn('ana'));
      await t.signIn('ana', 'a brand new passphrase');
    });

    it('a user cannot revoke another user’s token', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('ana', 'analyst');
      await t.addUser('bob', 'analyst');
      const anaToken = await t.mintToken('ana');
      const bobToken = await t.mintToken('bob');
      const list = await t.app.inject({
        url: '/api/tokens',
        headers: { authorization: `Bearer ${anaToken}` },
      });
      const anaTokenId = list.json().tokens[0].id as string;
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/tokens/${anaTokenId}`,
        headers: { authorization: `Bearer ${bobToken}` },
      });
      assert.equal(res.statusCode, 404);
      const still = await t.app.inject({
        url: '/api/session/me',
        headers: { authorization: `Bearer ${anaToken}` },
      });
      assert.equal(still.statusCode, 200);
    });
  });
}
