// The audit trail's cost on the hot path: requests/s of GET /api/search and of a partner's TAXII
// objects page over real HTTP with the audit trail on and off (the baseline, measured in the same
// run over the same SQLite store), alternating rounds; medians and their ratios are printed. One
// actor in twenty is TLP:AMBER+STRICT, so most search pages hold a restricted object and take the
// trail's slower path (the answer is parsed to name it).
// Run: node --import tsx bench/audit-bench.ts [requests-per-round]
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
import { createTestPartners } from '../test/taxii-harness.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';

const PER_ROUND = Number(process.argv[2] ?? 100);
const ROUNDS = 31;
const CONCURRENCY = 4;
const NAMES = ['Brigade', 'Front', 'Battalion', 'Army', 'Movement', 'Council', 'Legion', 'Union'];

const db = await createTestDatabase('sqlite');
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
const COLLECTION = 'aaaaaaaa-0000-4000-8000-000000000001';
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

type Target = 'search' | 'taxii';
const TAXII_AUTH = `Basic ${Buffer.from('partner:partner-secret').toString('base64')}`;

function request(url: string, target: Target, i: number): Promise<Response> {
  return target === 'search'
    ? fetch(`${url}/api/search?q=${NAMES[i % NAMES.length]}&limit=20`, {
        headers: { authorization: `Bearer ${token}` },
      })
    : fetch(`${url}/taxii2/tearline/collections/${COLLECTION}/objects/?limit=50`, {
        headers: { authorization: TAXII_AUTH, accept: 'application/taxii+json;version=2.1' },
      });
}

/** CPU time (client and server: one process) per request of the last round, in µs. */
let lastCpuPerRequest = 0;

async function round(url: string, target: Target): Promise<number> {
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < PER_ROUND) {
      const i = next++;
      const res = await request(url, target, i);
      if (res.status !== 200) throw new Error(`${target} answered ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  lastCpuPerRequest = (used.user + used.system) / PER_ROUND;
  return PER_ROUND / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rounds of one request kind, on and off in pairs, alternating which goes first. */
async function measure(target: Target) {
  await round(on.url, target);
  await round(off.url, target);
  const rates = { on: [] as number[], off: [] as number[] };
  const cpu = { on: [] as number[], off: [] as number[] };
  // Short rounds in pairs, alternating which goes first, so the machine's drifting load falls on
  // both sides of each pair; the median of the pairs' ratios is the figure.
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const which of order) {
      rates[which].push(await round(which === 'on' ? on.url : off.url, target));
      cpu[which].push(lastCpuPerRequest);
    }
    ratios.push(rates.on[r]! / rates.off[r]!);
  }
  return { rates, ratios, cpu };
}

const search = await measure('search');
const taxii = await measure('taxii');
await on.app.close();
await off.app.close();
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
const summary = (name: string, m: Awaited<ReturnType<typeof measure>>) =>
  `${name}, ${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, SQLite:\n` +
  `  baseline (audit off): median ${median(m.rates.off).toFixed(0)} req/s (${m.rates.off.map((x) => x.toFixed(0)).join(', ')})\n` +
  `  audit on:             median ${median(m.rates.on).toFixed(0)} req/s (${m.rates.on.map((x) => x.toFixed(0)).join(', ')})\n` +
  `  on/baseline: ratio of medians ${(median(m.rates.on) / median(m.rates.off)).toFixed(3)}; median of paired ratios ${median(m.ratios).toFixed(3)} (cost ${((1 - median(m.ratios)) * 100).toFixed(1)} %)\n` +
  `  CPU per request (client and server, one process): baseline ${median(m.cpu.off).toFixed(0)} µs, audit on ${median(m.cpu.on).toFixed(0)} µs, ratio ${(median(m.cpu.on) / median(m.cpu.off)).toFixed(3)}`;
console.log(
  [
    summary('GET /api/search', search),
    summary('GET TAXII objects page (50)', taxii),
    `records written: ${recorded.search} searches, ${recorded.restricted} restricted reads, ${recorded.taxii} TAXII reads`,
    `cost of one record (buffer, seal, insert): ${perRecordUs.toFixed(1)} µs; the server's time per search at the baseline median: ${(1e6 / median(search.rates.off)).toFixed(0)} µs`,
    `audit-ratio: search=${median(search.ratios).toFixed(3)} taxii=${median(taxii.ratios).toFixed(3)} cpu_search=${(median(search.cpu.on) / median(search.cpu.off)).toFixed(3)} cpu_taxii=${(median(taxii.cpu.on) / median(taxii.cpu.off)).toFixed(3)}`,
  ].join('\n'),
);
await db.dispose();
