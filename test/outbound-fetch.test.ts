// The outbound fetch policy (ADR 0024) against real sockets on loopback: every encoding of an
// internal address is refused before any connection, the connection goes to the checked address,
// redirects are re-checked, and a refused, closed or slow target gets the same answer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { isTearlineError } from '../src/core/errors.js';
import { parseAllowList } from '../src/core/net/address-policy.js';
import { createGuardedFetch } from '../src/ingest/outbound/guarded-fetch.js';
import type { Resolver } from '../src/ingest/outbound/fetch-policy.js';
import { createTestApp, problemOf, type TestApp } from './server-fixture.js';
import { LOOPBACK_ALLOW } from './support/loopback-allow.js';

let server: Server;
let port: number;
const hits: string[] = [];
const hosts: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    hosts.push(req.headers.host ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname === '/big') return void res.end(Buffer.alloc(300_000, 'a'));
    if (url.pathname === '/hop') {
      const n = Number(url.searchParams.get('n'));
      const to = n > 0 ? `/hop?n=${n - 1}` : '/page';
      return void res.writeHead(302, { location: to }).end();
    }
    const to = url.searchParams.get('to');
    if (to) return void res.writeHead(307, { location: to }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('internal page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isTearlineError(error), String(error));
    return error.code;
  }
  assert.fail('the fetch was not refused');
}

describe('the outbound fetch policy', () => {
  it('refuses every encoding of an internal address before connecting', async () => {
    const strict = createGuardedFetch({ timeoutMs: 2000 });
    const urls = [
      `http://127.0.0.1:${port}/`,
      `http://0x7f.1:${port}/`,
      `http://2130706433:${port}/`,
      `http://017700000001:${port}/`,
      `http://0177.0.0.1:${port}/`,
      `http://127.1:${port}/`,
      `http://0:${port}/`,
      `http://127.0.0.1.:${port}/`,
      `http://%31%32%37.0.0.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::ffff:7f00:1]:${port}/`,
      `http://[::127.0.0.1]:${port}/`,
      `http://[64:ff9b::127.0.0.1]:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::]:${port}/`,
      `http://localhost:${port}/`,
      `http://localhost.:${port}/`,
      `http://LOCALHOST:${port}/`,
      `http://api.localhost:${port}/`,
      `http://public@127.0.0.1:${port}/`,
      `http://public:secret@127.0.0.1:${port}/`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[fe80::1]/`,
      `http://[fd00::1]/`,
      `http://10.0.0.1/`,
      `http://100.64.0.1/`,
      `http://192.168.0.1/`,
      `http://224.0.0.1/`,
      `file:///etc/passwd`,
      `ftp://127.0.0.1/`,
      `gopher://127.0.0.1:${port}/`,
      `not a url`,
    ];
    for (const url of urls)
      assert.equal(await refusalOf(strict(url)), 'TEARLINE_E_FETCH_REFUSED', url);
    assert.deepEqual(hits, [], 'no request reached the loopback server');
  });

  it('refuses a name that resolves to an internal address, and connects to the checked one', async () => {
    let lookups = 0;
    const resolve: Resolver = async (host) => {
      lookups++;
      if (host === 'feed.test') return [{ address: '127.0.0.1', family: 4 }];
      if (host === 'mixed.test')
        return [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.1', family: 4 },
        ];
      throw new Error('ENOTFOUND');
    };
    const strict = createGuardedFetch({ resolve, timeoutMs: 2000 });
    assert.equal(await refusalOf(strict(`http://feed.test:${port}/`)), 'TEARLINE_E_FETCH_REFUSED');
    assert.equal(await refusalOf(strict(`http://mixed.test/`)), 'TEARLINE_E_FETCH_REFUSED');
    assert.equal(await refusalOf(strict(`http://nowhere.test/`)), 'TEARLINE_E_FETCH_REFUSED');
    assert.deepEqual(hits, []);

    // Allowed by name: the name is resolved once and the socket goes to that answer (a resolver
    // the system does not know, so a second lookup by the socket would fail).
    lookups = 0;
    const named = createGuardedFetch({ resolve, allow: parseAllowList('feed.test').allow });
    const res = await named(`http://feed.test:${port}/page`);
    assert.equal(await res.text(), 'internal page');
    assert.equal(lookups, 1);
    assert.equal(hosts.at(-1), `feed.test:${port}`, 'the Host header keeps the name');
  });

  it('re-checks every redirect: to loopback, to another scheme, and past five hops', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    // Only the name is allowed; a redirect to the bare loopback address is not.
    const named = createGuardedFetch({ resolve, allow: parseAllowList('a.test').allow });
    hits.length = 0;
    const to = encodeURIComponent(`http://127.0.0.1:${port}/secret`);
    assert.equal(
      await refusalOf(named(`http://a.test:${port}/r?to=${to}`)),
      'TEARLINE_E_FETCH_REFUSED',
    );
    for (const scheme of ['file:///etc/passwd', 'ftp://a.test/x'])
      assert.equal(
        await refusalOf(named(`http://a.test:${port}/r?to=${encodeURIComponent(scheme)}`)),
        'TEARLINE_E_FETCH_REFUSED',
      );
    assert.ok(!hits.includes('/secret'), 'the redirect target was never fetched');
    assert.equal(await (await named(`http://a.test:${port}/hop?n=4`)).text(), 'internal page');
    assert.equal(
      await refusalOf(named(`http://a.test:${port}/hop?n=5`)),
      'TEARLINE_E_FETCH_REFUSED',
      'six redirects are one too many',
    );
    const noRedirects = createGuardedFetch({ allow: LOOPBACK_ALLOW, maxRedirects: 0 });
    assert.equal(
      await refusalOf(noRedirects(`http://127.0.0.1:${port}/hop?n=0`)),
      'TEARLINE_E_FETCH_REFUSED',
    );
  });

  it('caps the size and the total time', async () => {
    const capped = createGuardedFetch({ allow: LOOPBACK_ALLOW, maxBytes: 100_000, timeoutMs: 300 });
    assert.equal(
      await refusalOf(capped(`http://127.0.0.1:${port}/big`)),
      'TEARLINE_E_INGEST_TOO_LARGE',
    );
    const started = Date.now();
    assert.equal(
      await refusalOf(capped(`http://127.0.0.1:${port}/hang`)),
      'TEARLINE_E_FETCH_REFUSED',
    );
    assert.ok(Date.now() - started < 2000, 'the time cap ended the hang');
  });
});

describe('POST /api/reports {url} on sqlite', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let closedPort: number;
  let garbagePort: number;
  // Not HTTP: whatever the client sends, it hears an SSH banner and the socket is closed.
  const sockets = new Set<Socket>();
  const garbage = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n');
  });
  before(async () => {
    t = await createTestApp('sqlite', { fetchAllow: LOOPBACK_ALLOW, fetchTimeoutMs: 400 });
    await t.addUser('ana', 'analyst');
    headers = { authorization: `Bearer ${await t.mintToken('ana')}` };
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    garbagePort = (garbage.address() as AddressInfo).port;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => garbage.close(resolve));
    await t.dispose();
  });
  const post = (url: string) =>
    t.app.inject({ method: 'POST', url: '/api/reports', headers, payload: { url } });

  it('answers refused, closed and slow targets alike (no port-scan oracle); upstream faults 502', async () => {
    const shapes = [];
    for (const url of [
      `http://127.0.0.2:${port}/`, // loopback, not in the allow list: refused by policy
      `http://127.0.0.1:${closedPort}/`, // allowed, nothing listens
      `http://127.0.0.1:${port}/hang`, // allowed, never answers
    ]) {
      const res = await post(url);
      const problem = problemOf(res);
      shapes.push({
        status: res.statusCode,
        code: problem.code,
        keys: Object.keys(res.json() as object).sort(),
        detail: problem.detail.replace(url, 'URL'),
      });
    }
    assert.equal(shapes[0]!.status, 400);
    assert.deepEqual(shapes[1], shapes[0]);
    assert.deepEqual(shapes[2], shapes[0]);
    const notHttp = await post(`http://127.0.0.1:${garbagePort}/`);
    assert.equal(notHttp.statusCode, 502, notHttp.body);
    const gone = await post(`http://127.0.0.1:${port}/r?to=${encodeURIComponent('/hang')}`);
    assert.equal(
      problemOf(gone).code,
      'TEARLINE_E_FETCH_REFUSED',
      'a redirect to a slow page is slow',
    );
  });
});
