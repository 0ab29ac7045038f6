// The audit trail's cost on the hot path: GET /api/search and a partner's TAXII objects page over
// real HTTP with the audit trail on and off (the baseline, measured in the same run over the same
// SQLite store), in short rounds in pairs, alternating which goes first; medians and the median of
// the pairs' ratios are printed. One actor in twenty is TLP:AMBER+STRICT, so a quarter of the
// search pages hold a restricted object and take the trail's slower path.
//
// Two figures per request kind: requests/s as the client saw it, and the server's CPU time per
// request. The client runs in its own process (bench/audit-load.ts), so the CPU figure is the
// server's alone (this process, its page-read thread included); each round's CPU is read until
// 150 ms after its last answer, past the recorder's 100 ms flush, so a round pays for the records
// it buffered and not the round before it. On a shared machine requests/s swings with the other
// processes' load (a round at 200 req/s beside one at 600); CPU per request does not, and the
// server is CPU-bound, so the CPU ratio is the cost figure.
// Run: node --import tsx bench/audit-bench.ts [requests-per-round] [sqlite|postgres]
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { randomIds, systemClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { createStore } from '../src/store/create-store.js';
import { createApp } from '../src/server/create-app.js';
import { createAuditRecorder } from '../src/core/audit-recorder.js';
import { createAccountService } from '../src/server/auth/account-service.js';
import { toAuthConfig } from '../src/server/auth/auth-config.js';
import type { AppConfig, AppDeps } from '../src/server/app-deps.js';
import { createTestDatabase } from '../test/support/engines.js';
import type { Engine } from '../src/store/database.js';
import { createTestPartners } from '../test/taxii-harness.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';
import { COLLECTION, NAMES, roundOfRequests, type Target } from './audit-requests.js';

const PER_ROUND = Number(process.argv[2] ?? 100);
const ENGINE: Engine = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite';
const ROUNDS = 31;
const CONCURRENCY = 4;

const db = await createTestDatabase(ENGINE);
const store = createStore(db.database);
const objects: StixObject[] = Array.from({ length: 3000 }, (_, i) => ({
  type: 'threat-actor',
  spec_version: '2.1',
  id: `threat-actor--${randomIds.uuid()}` as StixObject['id'],
  created: '2024-03-22T00:00:00.000Z',
  modified: '2024-03-22T00:00:00.000Z',
  name: `${NAMES[i % NAMES.length]} ${i}`,
  ...(i % 20 === 0 ? { object_marking_refs: [TLP2_MARKING_IDS['amber+strict']] } : {}),
}));
await store.objects.putObjects(objects);
const PARTNER = { partnerId: 'identity--0a0a0a0a-0000-4000-8000-00000000000a', partnerName: 'A' };
const partners = createTestPartners();
partners.add('partner-secret', PARTNER);
await store.collections.createCollection({
  id: COLLECTION,
  title: 'Releases',
  canRead: true,
  canWrite: false,
  mediaTypes: ['application/stix+json;version=2.1'],
  partnerId: PARTNER.partnerId,
  direction: 'outbound',
});
// Released copies carry the agreement's marking (GREEN here), as most pages a partner reads.
await store.collections.addObjects(
  COLLECTION,
  objects.slice(0, 500).map((o) => ({ ...o, object_marking_refs: [TLP2_MARKING_IDS.green] })),
  '2024-02-01T00:00:00Z',
);

const baseConfig: AppConfig = {
  baseUrl: 'http://127.0.0.1',
  bodyLimit: 1_000_000,
  serveWeb: false,
  secureCookies: false,
  rateLimit: { max: 10_000_000, windowMs: 60_000 },
};

async function start(audit: boolean): Promise<{ app: FastifyInstance; url: string }> {
  const deps: AppDeps = {
    store,
    clock: systemClock,
    ids: randomIds,
    config: { ...baseConfig, audit: { enabled: audit } },
    partnerAuthenticator: partners,
    partnerAccess: partners,
  };
  const app = await createApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const on = await start(true);
const off = await start(false);
const accounts = createAccountService({
  store,
  clock: systemClock,
  ids: randomIds,
  auth: toAuthConfig(baseConfig),
});
const { user } = await accounts.addUser({
  username: 'bench',
  roles: ['analyst'],
  password: 'bench-password-123',
});
const { token } = await accounts.mintToken(user.id, {});

/** Long enough for the recorder's timer (100 ms) to flush what the round buffered. */
const SETTLE_MS = 150;

const load = fork(new URL('./audit-load.ts', import.meta.url), [], {
  execArgv: ['--import', 'tsx'],
});

/** One round: requests/s as the client saw it, and the server's CPU time per request in µs. */
async function round(url: string, target: Target): Promise<{ rate: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const answer = new Promise<{ ms?: number; error?: string }>((resolve) =>
    load.once('message', resolve),
  );
  load.send({ ...roundOfRequests(url, target, PER_ROUND, token), concurrency: CONCURRENCY });
  const { ms, error } = await answer;
  if (error !== undefined || ms === undefined) throw new Error(error);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const used = process.cpuUsage(cpu);
  return { rate: PER_ROUND / (ms / 1000), cpu: (used.user + used.system) / PER_ROUND };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rounds of one request kind, on and off in pairs, alternating which goes first. */
async function measure(target: Target) {
  await round(on.url, target);
  await round(off.url, target);
  const rates = { on: [] as number[], off: [] as number[] };
  const cpu = { on: [] as number[], off: [] as number[] };
  // Short rounds in pairs, alternating which goes first, so the machine's drifting load falls on
  // both sides of each pair; the medians of the pairs' ratios are the figures.
  const rateRatios: number[] = [];
  const cpuRatios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const which of order) {
      const { rate, cpu: used } = await round(which === 'on' ? on.url : off.url, target);
      rates[which].push(rate);
      cpu[which].push(used);
    }
    rateRatios.push(rates.on[r]! / rates.off[r]!);
    cpuRatios.push(cpu.on[r]! / cpu.off[r]!);
  }
  return { rates, rateRatios, cpu, cpuRatios };
}

const search = await measure('search');
const taxii = await measure('taxii');
await on.app.close();
await off.app.close();
load.kill();
const trail = await store.audit.list({});
const recorded = {
  search: trail.filter((e) => e.action === 'object.search').length,
  restricted: trail.filter((e) => e.action === 'object.read-restricted').length,
  taxii: trail.filter((e) => e.action === 'taxii.read').length,
};
// The trail's own CPU and write cost per record, free of HTTP noise: record and flush 5000.
const recorder = createAuditRecorder(store.audit, systemClock, { flushMs: 5, maxBatch: 500 });
const t0 = performance.now();
for (let i = 0; i < 5000; i++) {
  recorder.record({
    actorId: user.id,
    actorName: 'bench',
    action: 'object.search',
    targets: '',
    origin: '127.0.0.1',
    status: 200,
  });
}
await recorder.flush();
const perRecordUs = ((performance.now() - t0) * 1000) / 5000;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const cost = (ratio: number) => `${((ratio - 1) * 100).toFixed(1)} %`;
const summary = (name: string, m: Awaited<ReturnType<typeof measure>>) =>
  `${name}, ${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, ${ENGINE === 'sqlite' ? 'SQLite' : 'PostgreSQL'}:\n` +
  `  server CPU per request, baseline (audit off): median ${median(m.cpu.off).toFixed(0)} µs (${list(m.cpu.off)})\n` +
  `  server CPU per request, audit on:             median ${median(m.cpu.on).toFixed(0)} µs (${list(m.cpu.on)})\n` +
  `  CPU on/baseline: ratio of medians ${(median(m.cpu.on) / median(m.cpu.off)).toFixed(3)}; median of paired ratios ${median(m.cpuRatios).toFixed(3)} (cost ${cost(median(m.cpuRatios))})\n` +
  `  requests/s, baseline ${median(m.rates.off).toFixed(0)}, audit on ${median(m.rates.on).toFixed(0)}; median of paired ratios ${median(m.rateRatios).toFixed(3)} (cost ${((1 - median(m.rateRatios)) * 100).toFixed(1)} %; swings with the machine's load)`;
console.log(
  [
    summary('GET /api/search', search),
    summary('GET TAXII objects page (50)', taxii),
    `records written: ${recorded.search} searches, ${recorded.restricted} restricted reads, ${recorded.taxii} TAXII reads`,
    `cost of one record (buffer, seal, insert): ${perRecordUs.toFixed(1)} µs; the server's CPU per search at the baseline median: ${median(search.cpu.off).toFixed(0)} µs`,
    `audit-ratio: engine=${ENGINE} cpu_search=${median(search.cpuRatios).toFixed(3)} cpu_taxii=${median(taxii.cpuRatios).toFixed(3)} rps_search=${median(search.rateRatios).toFixed(3)} rps_taxii=${median(taxii.rateRatios).toFixed(3)}`,
  ].join('\n'),
);
await db.dispose();
