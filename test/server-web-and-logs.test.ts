import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { createTestApp, problemOf } from './server-fixture.js';

for (const engine of ENGINES) {
  describe(`server web app and logs on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('serves the built web app with an SPA fallback, but never for /api or /taxii2', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tearline-web-'));
      mkdirSync(join(dir, 'assets'));
      writeFileSync(
        join(dir, 'index.html'),
        '<!doctype html><script type="module" src="/assets/app.js"></script>',
      );
      writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("tearline")');
      const t = await createTestApp(engine, { serveWeb: true }, {}, dir);
      try {
        const root = await t.app.inject('/');
        assert.equal(root.statusCode, 200);
        assert.match(String(root.headers['content-type']), /text\/html/);
        assert.match(root.body, /assets\/app\.js/);
        assert.match(String(root.headers['content-security-policy']), /script-src 'self'/);
        const asset = await t.app.inject('/assets/app.js');
        assert.equal(asset.statusCode, 200);
        assert.match(String(asset.headers['content-type']), /javascript/);
        const clientRoute = await t.app.inject('/actors/threat-actor--1234');
        assert.equal(clientRoute.statusCode, 200);
        assert.match(clientRoute.body, /<!doctype html>/);
        const api = await t.app.inject('/api/not-a-route');
        assert.equal(problemOf(api).code, 'TEARLINE_E_HTTP_NOT_FOUND');
        const post = await t.app.inject({ method: 'POST', url: '/somewhere', payload: {} });
        assert.equal(post.statusCode, 404);
        const traversal = await t.app.inject('/assets/..%2f..%2f..%2fetc%2fpasswd');
        assert.doesNotMatch(traversal.body, /root:/);
      } finally {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('does not serve the web app when serveWeb is off', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tearline-web-'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      const t = await createTestApp(engine, { serveWeb: false }, {}, dir);
      try {
        const root = await t.app.inject('/');
        assert.equal(root.statusCode, 404);
      } finally {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('never writes passwords, tokens, session ids or CSRF tokens to the log, even at trace level', async () => {
      const lines: string[] = [];
      const t = await createTestApp(engine, {
        log: { level: 'trace', stream: { write: (l) => void lines.push(l) } },
      });
      try {
        // A failure inside a handler is logged (500) without the request's secrets.
        t.app.get('/api/explode', async () => {
          throw new Error('database went away');
        });
        const { password } = await t.addUser('ana', 'analyst');
        const token = await t.mintToken('ana');
        const signIn = await t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'ana', password },
        });
        const sessionId = signIn.cookies.find((c) => c.name === 'tearline_session')!.value;
        const csrf = signIn.json().csrfToken as string;
        const cookie = `tearline_session=${sessionId}`;
        await t.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'ana', password: `${password}x` },
        });
        await t.app.inject({ url: '/api/session/me', headers: { cookie } });
        await t.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: { cookie, 'x-csrf-token': csrf },
          payload: {},
        });
        const minted = await t.app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: { authorization: `Bearer ${token}` },
          payload: {},
        });
        await t.app.inject({ url: '/api/objects', headers: { authorization: `Bearer ${token}` } });
        await t.app.inject({ url: '/api/objects', headers: { authorization: `Bearer ${token}x` } });
        await t.app.inject({
          url: '/taxii2/',
          headers: { authorization: `Basic ${Buffer.from(`p:${password}`).toString('base64')}` },
        });
        const boom = await t.app.inject({
          url: '/api/explode',
          headers: { authorization: `Bearer ${token}`, cookie },
        });
        assert.equal(boom.statusCode, 500);
        assert.equal(problemOf(boom).code, 'TEARLINE_E_INTERNAL');
        assert.doesNotMatch(boom.body, /database went away|at .*\.ts/);

        const log = lines.join('');
        assert.ok(lines.length > 10, `captured ${lines.length} log lines`);
        assert.match(log, /database went away/, 'the 500 itself is logged for the admin');
        const secrets = {
          password,
          token,
          sessionId,
          csrf,
          mintedToken: minted.json().token as string,
        };
        for (const [name, secret] of Object.entries(secrets)) {
          assert.ok(secret.length >= 12);
          assert.equal(log.includes(secret), false, `${name} appears in the log`);
        }
        assert.equal(log.includes(Buffer.from(`p:${password}`).toString('base64')), false);
      } finally {
        await t.dispose();
      }
    });
  });
}
