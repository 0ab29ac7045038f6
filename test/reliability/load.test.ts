// Load over loopback: 200 concurrent autocannon clients against the REST API and TAXII of a real
// `tearline serve` process, on each engine, for the 60 s
// (TEARLINE_RELIABILITY_LOAD_SECONDS). run-reliability.mjs runs this file alone, after the crash
// suites, so that the figures measure the server rather than its neighbours on a 2-core machine.
// Asserted: zero 5xx and zero socket errors, every request answered 2xx, and resident memory after
// the run within MEMORY_BOUND of what it was after a warm-up. p99 and the request count are
// recorded for the summary.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { createBundleText } from './stix-generator.js';
import { runTearlineHere } from './crash-harness.js';
import { addUserWithToken, startServer } from './serve-harness.js';

const CONNECTIONS = 200;
const LOAD_SECONDS = Number(process.env.TEARLINE_RELIABILITY_LOAD_SECONDS ?? 60);
/** Growth of the server's resident memory allowed between warm-up and the end of the run. */
const MEMORY_BOUND = 150 * 1024 * 1024;

interface LoadResult {
  requests: { total: number };
  latency: { p99: number; p50: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '5xx': number;
}

function load(url: string, token: string, seconds: number): Promise<LoadResult> {
  const taxii = { accept: 'application/taxii+json;version=2.1' };
  return autocannon({
    url,
    connections: CONNECTIONS,
    // The machine running CI is shared; a slow answer is measured in p99, not cut off as an error.
    timeout: 60,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      { method: 'GET', path: '/api/objects?type=incident&limit=50' },
      { method: 'GET', path: '/api/search?q=Attack&limit=20' },
      { method: 'GET', path: '/taxii2/', headers: { ...taxii, authorization: `Bearer ${token}` } },
      {
        method: 'GET',
        path: '/taxii2/tearline/',
        headers: { ...taxii, authorization: `Bearer ${token}` },
      },
      {
        method: 'GET',
        path: '/taxii2/tearline/collections/',
        headers: { ...taxii, authorization: `Bearer ${token}` },
      },
      { method: 'GET', path: '/api/objects?type=threat-actor&limit=20' },
    ],
  }) as unknown as Promise<LoadResult>;
}

for (const engine of ENGINES) {
  describe(`load (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it(
      `${CONNECTIONS} clients for ${LOAD_SECONDS} s: no 5xx, bounded memory`,
      { skip },
      async () => {
        const started = performance.now();
        const t = await createTestDatabase(engine);
        const dir = mkdtempSync(join(tmpdir(), 'tearline-load-'));
        try {
          const bundle = join(dir, 'bundle.json');
          writeFileSync(bundle, createBundleText(5_000, 21));
          const imported = await runTearlineHere(['import', bundle, '--database', t.url]);
          assert.equal(imported.code, 0, imported.stderr);
          const token = await addUserWithToken(t.url, 'loadtester', ['analyst']);
          // The rate limit is raised so that the load measures the server, not the limiter.
          const server = await startServer(t.url, {
            TEARLINE_RATE_LIMIT: '100000000',
            TEARLINE_LOG_LEVEL: 'warn',
          });
          try {
            const probe = await fetch(`${server.url}/api/objects?type=incident&limit=50`, {
              headers: { authorization: `Bearer ${token}` },
            });
            assert.equal(probe.status, 200, await probe.text());
            await load(server.url, token, 2); // warm-up: caches, JIT, connection pool
            const before = server.rssBytes();
            const result = await load(server.url, token, LOAD_SECONDS);
            const afterRss = server.rssBytes();
            const served = result.requests.total;
            recordFigure({
              area: 'load',
              name: `requests served (${engine}, ${CONNECTIONS} clients, ${LOAD_SECONDS} s; 5xx ${result['5xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; RSS +${Math.round((afterRss - before) / 1048576)} MB of ${MEMORY_BOUND / 1048576} MB allowed)`,
              value: served,
              wallMs: performance.now() - started,
            });
            assert.ok(served > 0, 'no request was served');
            assert.equal(result['5xx'], 0, '5xx answers under load');
            assert.equal(result.non2xx, 0, 'non-2xx answers under load');
            assert.equal(result.errors, 0, 'socket errors under load');
            assert.equal(result.timeouts, 0, 'timeouts under load');
            assert.ok(
              afterRss - before < MEMORY_BOUND,
              `resident memory grew by ${afterRss - before} bytes, over the ${MEMORY_BOUND}-byte bound`,
            );
          } finally {
            await server.stop();
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
          await t.dispose();
        }
      },
    );
  });
}
