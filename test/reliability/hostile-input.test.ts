// Hostile input: fast-check arbitraries and a corpus of known-bad payloads against the STIX
// importer (in-process and through `tearline import`), `tearline extract`, and every documented
// HTTP route plus TAXII of a served store. Never a crash, a 5xx or a hang: each bad input gets a
// 4xx (or exit 2) with a coded, one-sentence error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { TearlineError } from '../../src/core/errors.js';
import { checkStixBundle } from '../../src/core/stix/import-bundle.js';
import { createTestDatabase, type TestDatabase } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { ADVERSARIAL_KINDS, adversarialText } from '../../bench/adversarial-texts.js';
import { runTearline } from './crash-harness.js';
import { addUserWithToken, startServer, type ServedInstance } from './serve-harness.js';

const RUNS = Number(process.env.TEARLINE_RELIABILITY_FUZZ_RUNS ?? 300);
const DEEP = '['.repeat(200_000) + ']'.repeat(200_000);
const DEEP_OBJECT = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
const SQL = [
  "' OR '1'='1",
  '"; DROP TABLE stix_objects; --',
  "%' --",
  '\\',
  '%_%',
  "'; SELECT pg_sleep(5); --",
];
const TRAVERSAL = [
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
];
const INVALID_UTF8 = Buffer.from([
  0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d,
]);

let dir: string;
let t: TestDatabase;
let server: ServedInstance;
let token: string;
let cases = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tearline-hostile-'));
  t = await createTestDatabase('sqlite');
  token = await addUserWithToken(t.url, 'fuzz', ['analyst', 'approver', 'admin']);
  server = await startServer(t.url, {
    TEARLINE_RATE_LIMIT: '10000000',
    TEARLINE_LOG_LEVEL: 'warn',
  });
});
after(async () => {
  await server?.stop();
  await t?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

function send(
  path: string,
  method: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      new URL(path, server.url),
      { method, headers: { authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} hung for 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A refused input: 4xx with a coded problem body (or a 2xx when the input happened to be fine). */
function assertAnswered(what: string, res: { status: number; body: string }) {
  cases++;
  assert.ok(res.status < 500, `${what}: ${res.status} ${res.body.slice(0, 200)}`);
  if (res.status >= 400 && res.status !== 404 && res.status !== 405) {
    assert.match(
      res.body,
      /TEARLINE_E_[A-Z_]+|"error_code"|"code"/,
      `${what}: ${res.status} without a coded error: ${res.body.slice(0, 200)}`,
    );
  }
}

describe('the STIX importer', () => {
  it('refuses fast-check JSON and strings with a coded input error, never anything else', () => {
    const stixish = fc.record({
      type: fc.oneof(fc.constant('bundle'), fc.string()),
      id: fc.oneof(fc.constant('bundle--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20'), fc.string()),
      objects: fc.array(
        fc.dictionary(
          fc.oneof(
            fc.string(),
            fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'id', 'spec_version'),
          ),
          fc.jsonValue(),
        ),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          stixish.map((b) => JSON.stringify(b)),
        ),
        (text) => {
          cases++;
          try {
            checkStixBundle(text);
          } catch (error) {
            assert.ok(error instanceof TearlineError, `not a TearlineError: ${String(error)}`);
            assert.ok(['input', 'too-large'].includes(error.kind), error.code);
          }
          assert.equal(({} as Record<string, unknown>).polluted, undefined);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('answers the known-bad corpus through `tearline import` with exit 2 and nothing written', async () => {
    const corpus: Array<[string, Buffer | string]> = [
      ['deeply nested array', DEEP],
      ['deeply nested object', DEEP_OBJECT],
      ['invalid UTF-8', INVALID_UTF8],
      [
        'prototype keys',
        '{"type":"bundle","id":"bundle--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20","__proto__":{"polluted":1},"objects":[{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}]}',
      ],
      ['empty', ''],
      ['binary', Buffer.from([0, 1, 2, 3, 255, 254])],
      [
        'SQL in ids',
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--6f1c2a7e-8b4d-4c1e-9f2a-3b5c7d9e1f20',
          objects: SQL.map((s) => ({ type: 'threat-actor', id: s, spec_version: '2.1' })),
        }),
      ],
    ];
    for (const [name, content] of corpus) {
      const file = join(dir, `${name.replaceAll(' ', '-')}.json`);
      writeFileSync(file, content);
      const run = await runTearline(['import', file, '--database', t.url]);
      cases++;
      assert.equal(run.code, 2, `${name}: exit ${run.code} ${run.stderr.slice(0, 300)}`);
      assert.match(run.stderr, /\[TEARLINE_E_[A-Z_]+\]/, `${name}: ${run.stderr.slice(0, 300)}`);
      assert.doesNotMatch(run.stderr, /\n\s+at /, `${name}: a stack trace reached the user`);
    }
    const traversal = await runTearline(['import', TRAVERSAL[0]!, '--database', t.url]);
    assert.equal(traversal.code, 2);
  });

  it('keeps `tearline extract` alive on hostile lines', async () => {
    const lines = [
      '{"id":"a","text":"' + 'x'.repeat(100) + '"}',
      DEEP.slice(0, 100_000),
      '{"__proto__":{"polluted":true},"id":"p","text":"An attack in Kabul killed 3 people."}',
      '{"id":"' +
        TRAVERSAL[0] +
        '","text":"' +
        SQL.join(' ').replaceAll('"', '\\"').replaceAll('\\', '\\\\') +
        '"}',
      'not json at all',
    ];
    const file = join(dir, 'extract.jsonl');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(lines.join('\n') + '\n'), INVALID_UTF8, Buffer.from('\n')]),
    );
    const run = await runTearline(['extract', '--input', file]);
    cases++;
    // The extract contract: one output line per input line, a failed line carries an "error", and
    // the exit code says some lines failed (1) — the run itself goes on to the end.
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(0, 300)}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'a stack trace reached the user');
    const out = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { error?: unknown });
    assert.equal(out.length, lines.length + 1, 'one output line per input line');
    assert.ok(
      out.some((o) => o.error === undefined),
      'the good lines were extracted',
    );
    recordFigure({
      area: 'fuzz',
      name: 'importer and extract cases (fast-check and corpus)',
      value: cases,
    });
  });
});

describe('extraction of hostile text (ADR 0025)', () => {
  it('extracts 1 MB of each hostile kind through `tearline extract`, one answer per line', async () => {
    const file = join(dir, 'hostile-1mb.jsonl');
    writeFileSync(
      file,
      ADVERSARIAL_KINDS.map((kind) =>
        JSON.stringify({ id: kind, text: adversarialText(kind, 1_000_000) }),
      ).join('\n') + '\n',
    );
    const run = await runTearline(['extract', '--input', file]);
    assert.equal(run.code, 0, run.stderr.slice(0, 300));
    const out = run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; error?: unknown });
    assert.deepEqual(
      out.map((o) => o.id),
      [...ADVERSARIAL_KINDS],
    );
    assert.ok(out.every((o) => o.error === undefined));
    // Its CPU bound (3 s a megabyte) is measured in extract-linear-time.test.ts, which runs alone.
  });
});

describe('every HTTP route', () => {
  it('answers hostile bodies, filters, ids and TAXII tokens with a 4xx, never a 5xx', async () => {
    const start = cases;
    const doc = JSON.parse((await send('/api/openapi.json', 'GET')).body) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
    );
    const bodies: Array<[string, Buffer | string]> = [
      ['nested', DEEP_OBJECT],
      ['invalid UTF-8', INVALID_UTF8],
      [
        'prototype keys',
        '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"roles":["admin"]}}}',
      ],
      ['not JSON', '{"a":'],
      ['array', '[]'],
    ];
    for (const route of routes) {
      for (const id of [...TRAVERSAL.slice(0, 3), SQL[0]!]) {
        const path = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        if (route.method === 'GET' || route.method === 'DELETE') {
          for (const sql of SQL) {
            const q = encodeURIComponent(sql);
            assertAnswered(
              `${route.method} ${path} filters`,
              await send(
                `${path}?q=${q}&type=${q}&limit=${q}&actor=${q}&status=${q}&partner=${q}`,
                route.method,
              ),
            );
          }
          assertAnswered(
            `${route.method} ${path} huge limit`,
            await send(`${path}?limit=999999999999999999999`, route.method),
          );
        } else {
          for (const [name, body] of bodies) {
            assertAnswered(
              `${route.method} ${path} ${name}`,
              await send(path, route.method, body, { 'content-type': 'application/json' }),
            );
          }
        }
      }
    }
    const taxii = { accept: 'application/taxii+json;version=2.1' };
    for (const next of [
      '',
      'x',
      '%00',
      'eyJhIjoxfQ',
      SQL[0]!,
      'A'.repeat(10_000),
      '../../etc/passwd',
    ]) {
      assertAnswered(
        `TAXII next ${next.slice(0, 12)}`,
        await send(
          `/taxii2/tearline/collections/${encodeURIComponent(TRAVERSAL[0]!)}/objects/?next=${encodeURIComponent(next)}`,
          'GET',
          undefined,
          taxii,
        ),
      );
    }
    assertAnswered(
      'TAXII huge limit',
      await send('/taxii2/tearline/collections/x/objects/?limit=1e308', 'GET', undefined, taxii),
    );
    recordFigure({
      area: 'fuzz',
      name: `hostile HTTP requests against ${routes.length} documented routes and TAXII`,
      value: cases - start,
    });
  });

  it('refuses server-side request forgery: internal addresses in every encoding, feeds too', async () => {
    // A loopback listener that must never be reached: the served instance has no allow list.
    const hits: string[] = [];
    const target = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const port = (target.address() as AddressInfo).port;
    try {
      const urls = [
        `http://127.0.0.1:${port}/`,
        `http://0x7f.1:${port}/`,
        `http://2130706433:${port}/`,
        `http://017700000001:${port}/`,
        `http://[::ffff:127.0.0.1]:${port}/`,
        `http://[::1]:${port}/`,
        `http://localhost.:${port}/`,
        `http://public@127.0.0.1:${port}/`,
        'http://169.254.169.254/latest/meta-data/',
        'http://100.64.0.1/',
        'http://[fd00::1]/',
        'http://127.0.0.1:1/', // a closed port answers exactly like an open one
      ];
      const shapes = new Set<string>();
      for (const url of urls) {
        const res = await send('/api/reports', 'POST', JSON.stringify({ url }), {
          'content-type': 'application/json',
        });
        assertAnswered(`POST /api/reports ${url}`, res);
        assert.equal(res.status, 400, `${url}: ${res.body.slice(0, 200)}`);
        const problem = JSON.parse(res.body) as { code: string; title: string };
        shapes.add(`${res.status} ${problem.code} ${problem.title}`);
      }
      assert.equal(shapes.size, 1, [...shapes].join(' | '));
      const source = await send('/api/sources', 'POST', JSON.stringify({ name: 'SSRF probe' }), {
        'content-type': 'application/json',
      });
      const sourceId = (JSON.parse(source.body) as { id: string }).id;
      const feed = await send(
        '/api/feeds',
        'POST',
        JSON.stringify({ sourceId, url: `http://0x7f.1:${port}/feed.xml` }),
        { 'content-type': 'application/json' },
      );
      const feedId = (JSON.parse(feed.body) as { id: string }).id;
      const poll = await send(`/api/feeds/${feedId}/poll`, 'POST');
      assertAnswered('POST /api/feeds/:id/poll of a loopback feed', poll);
      assert.match(poll.body, /not allowed/);
      assert.deepEqual(hits, [], 'no request reached the loopback listener');
    } finally {
      await new Promise((resolve) => target.close(resolve));
    }
    recordFigure({ area: 'fuzz', name: 'SSRF addresses refused', value: 13 });
  });

  it('refuses a 100 MB body with 413 without a 5xx', async () => {
    const big = Buffer.alloc(100 * 1024 * 1024, 0x20);
    for (const path of [
      '/api/objects',
      '/api/reports',
      '/taxii2/tearline/collections/x/objects/',
    ]) {
      const res = await send(path, 'POST', big, {
        'content-type': path.startsWith('/taxii2')
          ? 'application/taxii+json;version=2.1'
          : 'application/json',
      }).catch((error: Error) => ({
        // The server may close the connection once the limit is passed; that is a refusal too.
        status: /ECONNRESET|EPIPE|socket hang up/.test(error.message) ? 413 : 599,
        body: `TEARLINE_E_ ${error.message}`,
      }));
      cases++;
      assert.ok(
        res.status === 413 || (res.status >= 400 && res.status < 500),
        `${path}: ${res.status} ${res.body.slice(0, 200)}`,
      );
    }
    recordFigure({ area: 'fuzz', name: '100 MB bodies refused', value: 3 });
  });
});
