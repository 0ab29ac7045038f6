// Load over loopback against a real `tearline serve` process, on each engine (ADR 0026). The
// figures are relative to the server's own capacity, measured in the same run, so that they hold
// on a fast machine and on a slow, shared one alike:
// 1. capacity: CAPACITY_CLIENTS well-behaved clients (no shedding at that count) — 2xx a second
//    and the p99 of an unloaded server;
// 2. load: CONNECTIONS well-behaved clients (a 503's Retry-After is honoured). Capacity slices
//    and load slices alternate, so that a neighbour's burst on the shared machine falls on both.
//    Asserted: every request answered within ANSWER_DEADLINE_MS (2xx, or 503 with Retry-After),
//    no other 5xx nor 4xx, goodput ≥ GOODPUT_SHARE of capacity, p99 of the 2xx under P99_FACTOR ×
//    the unloaded p99;
// 3. a flood: FLOOD_CONNECTIONS autocannon clients that ignore Retry-After: every request answered
//    within the deadline (2xx or 503), none lost;
// and resident memory after all of it within MEMORY_BOUND of what it was after a warm-up.
// run-reliability.mjs runs this file alone, after the crash suites.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import autocannon from 'autocannon';
import { ENGINES, createTestDatabase, skipReasonFor } from '../support/engines.js';
import { recordFigure } from './figures.js';
import { serveImportedStore } from './serve-harness.js';
import { driveLoad, type LoadOutcome, type LoadRequest } from './polite-load.js';

const CONNECTIONS = 200;
const CAPACITY_CLIENTS = 16;
const FLOOD_CONNECTIONS = 400;
/** Seconds of load at CONNECTIONS clients, in slices of SLICE_SECONDS. */
const LOAD_SECONDS = Number(process.env.TEARLINE_RELIABILITY_LOAD_SECONDS ?? 30);
const SLICE_SECONDS = 10;
const CAPACITY_SLICE_SECONDS = 5;
const FLOOD_SECONDS = 10;
const ANSWER_DEADLINE_MS = 10_000;
const GOODPUT_SHARE = 0.8;
const P99_FACTOR = 10;
/** Growth of the server's resident memory allowed between warm-up and the end of the run. */
const MEMORY_BOUND = 150 * 1024 * 1024;

const taxii = { accept: 'application/taxii+json;version=2.1' };
const REQUESTS: LoadRequest[] = [
  { path: '/api/objects?type=incident&limit=50' },
  { path: '/api/search?q=Attack&limit=20' },
  { path: '/taxii2/', headers: taxii },
  { path: '/taxii2/tearline/', headers: taxii },
  { path: '/taxii2/tearline/collections/', headers: taxii },
  { path: '/api/objects?type=threat-actor&limit=20' },
];

interface FloodResult {
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

/** Clients that ignore Retry-After and send again at once (autocannon). */
function flood(url: string, token: string): Promise<FloodResult> {
  return autocannon({
    url,
    connections: FLOOD_CONNECTIONS,
    timeout: ANSWER_DEADLINE_MS / 1000,
    duration: FLOOD_SECONDS,
    headers: { authorization: `Bearer ${token}` },
    requests: REQUESTS.map((r) => ({
      method: 'GET',
      path: r.path,
      headers: { authorization: `Bearer ${token}`, ...r.headers },
    })),
  }) as unknown as Promise<FloodResult>;
}

const sum = (outcomes: LoadOutcome[], f: (o: LoadOutcome) => number) =>
  outcomes.reduce((n, o) => n + f(o), 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const answers = (o: LoadOutcome, f: (status: number) => boolean) =>
  Object.entries(o.statuses).reduce((n, [s, c]) => n + (f(Number(s)) ? c : 0), 0);

for (const engine of ENGINES) {
  describe(`load (${engine})`, async () => {
    const skip = await skipReasonFor(engine);
    it(
      `${CONNECTIONS} clients against the capacity of ${CAPACITY_CLIENTS}, then ${FLOOD_CONNECTIONS} that ignore Retry-After: every request answered, bounded memory`,
      { skip },
      async (ctx) => {
        const started = performance.now();
        const t = await createTestDatabase(engine);
        ctx.after(() => t.dispose());
        const { server, token } = await serveImportedStore(t.url, { objects: 5_000, seed: 21 });
        try {
          const drive = (clients: number, seconds: number) =>
            driveLoad(server.url, token, REQUESTS, {
              clients,
              seconds,
              deadlineMs: ANSWER_DEADLINE_MS,
            });
          await drive(CAPACITY_CLIENTS, 2); // warm-up: caches, JIT, connection pool
          const before = server.rssBytes();
          const capacity: LoadOutcome[] = [];
          const loaded: LoadOutcome[] = [];
          for (let s = 0; s < Math.max(1, Math.round(LOAD_SECONDS / SLICE_SECONDS)); s++) {
            capacity.push(await drive(CAPACITY_CLIENTS, CAPACITY_SLICE_SECONDS));
            loaded.push(await drive(CONNECTIONS, SLICE_SECONDS));
          }
          const flooded = await flood(server.url, token);
          const afterRss = server.rssBytes();

          const capacityRps = median(capacity.map((o) => o.goodput));
          const unloadedP99 = median(capacity.map((o) => o.p99));
          const goodput = sum(loaded, (o) => o.goodput * o.seconds) / sum(loaded, (o) => o.seconds);
          const loadedP99 = Math.max(...loaded.map((o) => o.p99));
          const shed = sum(loaded, (o) => o.statuses[503] ?? 0);
          const other = sum([...capacity, ...loaded], (o) =>
            answers(o, (s) => (s < 200 || s >= 300) && s !== 503),
          );
          const unanswered = sum([...capacity, ...loaded], (o) => o.unanswered);
          const floodShed = flooded.statusCodeStats['503']?.count ?? 0;
          const floodOther = flooded.non2xx - floodShed;
          const growthMb = Math.round((afterRss - before) / 1048576);
          recordFigure({
            area: 'load',
            name: `2xx served (${engine}): capacity ${capacityRps.toFixed(0)}/s at ${CAPACITY_CLIENTS} clients (p99 ${unloadedP99} ms); at ${CONNECTIONS} clients goodput ${goodput.toFixed(0)}/s = ${Math.round((100 * goodput) / capacityRps)} % (≥ ${GOODPUT_SHARE * 100} %), p99 ${loadedP99} ms = ${(loadedP99 / unloadedP99).toFixed(1)}× (< ${P99_FACTOR}×), ${shed} shed with 503, ${other} other non-2xx, ${unanswered} unanswered in ${ANSWER_DEADLINE_MS / 1000} s; flood of ${FLOOD_CONNECTIONS}: ${flooded.requests.total} answered, ${floodShed} shed, ${floodOther} other non-2xx, ${flooded.timeouts} timeouts, ${flooded.errors} errors; RSS ${growthMb >= 0 ? '+' : '−'}${Math.abs(growthMb)} MB of ${MEMORY_BOUND / 1048576} MB allowed`,
            value: sum(loaded, (o) => answers(o, (s) => s >= 200 && s < 300)),
            wallMs: performance.now() - started,
          });
          const failures = [...capacity, ...loaded].flatMap((o) => o.failures);
          assert.equal(unanswered, 0, `requests without an answer: ${failures.join('; ')}`);
          assert.equal(other, 0, 'answers other than 2xx and 503');
          assert.equal(
            sum(loaded, (o) => o.shedWithoutRetryAfter),
            0,
            '503 without Retry-After',
          );
          assert.ok(
            goodput >= GOODPUT_SHARE * capacityRps,
            `goodput ${goodput.toFixed(1)}/s under ${GOODPUT_SHARE * 100} % of capacity ${capacityRps.toFixed(1)}/s`,
          );
          assert.ok(
            loadedP99 < P99_FACTOR * unloadedP99,
            `p99 of 2xx ${loadedP99} ms, not under ${P99_FACTOR}× the unloaded ${unloadedP99} ms`,
          );
          assert.equal(flooded.errors, 0, 'flood: requests without an answer (or socket errors)');
          assert.equal(floodOther, 0, 'flood: answers other than 2xx and 503');
          assert.ok(
            afterRss - before < MEMORY_BOUND,
            `resident memory grew by ${afterRss - before} bytes, over the ${MEMORY_BOUND}-byte bound`,
          );
        } finally {
          await server.stop();
        }
      },
    );
  });
}
