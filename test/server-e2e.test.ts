import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `tearline serve --port 0` and waits for the line that prints its URL. */
async function startServer(databaseUrl: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['bin/tearline.js', 'serve', '--port', '0', '--no-demo', '--database', databaseUrl],
    {
      env: {
        ...process.env,
        TEARLINE_SERVE_WEB: 'false',
        TEARLINE_LOG_LEVEL: 'info',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return { child, url, stdout: () => out, stderr: () => err, exited };
}

describe('tearline serve end to end', () => {
  it('starts on a temp SQLite file, prints the first admin password once, serves real HTTP, stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tearline-e2e-'));
    const databaseUrl = `sqlite:${join(dir, 'tearline.db')}`;
    try {
      const server = await startServer(databaseUrl);
      const password = /password (\S+)/.exec(server.stdout())![1]!;
      assert.equal(password.length, 20);
      const health = await fetch(`${server.url}/api/health`);
      assert.equal(health.status, 200);
      assert.equal(health.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(await health.json(), { status: 'ok', engine: 'sqlite' });

      const signIn = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      assert.equal(signIn.status, 200);
      const setCookie = signIn.headers.get('set-cookie')!;
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Strict/);
      const cookie = setCookie.split(';')[0]!;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const created = await fetch(`${server.url}/api/objects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          type: 'threat-actor',
          name: 'ISKP',
          threat_actor_types: ['terrorist'],
        }),
      });
      assert.equal(created.status, 201);
      const minted = await fetch(`${server.url}/api/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ name: 'e2e' }),
      });
      const { token } = (await minted.json()) as { token: string };
      const list = await fetch(`${server.url}/api/objects?type=threat-actor`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(((await list.json()) as { total: number }).total, 1);

      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      assert.match(server.stdout(), /Stopping \(SIGTERM\)/);
      const log = server.stderr();
      assert.match(
        log,
        /POST \/api\/objects 201 \d+ ms/,
        'one readable line per request with --log-level info',
      );
      assert.equal(log.includes(password), false, 'the admin password is not in the log');
      assert.equal(log.includes(token), false, 'the token is not in the log');
      assert.equal(log.includes(csrfToken), false, 'the CSRF token is not in the log');

      // A second start on the same store keeps the admin and prints no password.
      const again = await startServer(databaseUrl);
      assert.doesNotMatch(again.stdout(), /password/);
      const old = await fetch(`${again.url}/api/session/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(old.status, 200, 'tokens survive a restart');
      again.child.kill('SIGINT');
      assert.equal(await again.exited, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line for a bad port', async () => {
    const child = spawn(process.execPath, ['bin/tearline.js', 'serve', '--port', 'eighty'], {
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /--port must be a number/);
    assert.equal(err.trim().split('\n').length, 1);
  });
});
