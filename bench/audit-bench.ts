// The audit trail's cost on the hot path: requests/s of GET /api/search over real HTTP with the
// audit trail on and off, over one SQLite store, alternating rounds in the same run; medians and
// their ratio are printed. Run: node --import tsx bench/audit-bench.ts [requests-per-round]
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
import { createPartnerAccess, createPartnerAuthenticator } from '../src/sharing/partner-service.js';
import { createTestDatabase } from '../test/support/engines.js';

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
}));
await store.objects.putObjects(objects);

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
    partnerAuthenticator: createPartnerAuthenticator(store.sharing.partners),
    partnerAccess: createPartnerAccess(store.sharing.agreements),
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

async function round(url: string): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < PER_ROUND) {
      const i = next++;
      const res = await fetch(`${url}/api/search?q=${NAMES[i % NAMES.length]}&limit=20`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status !== 200) throw new Error(`search answered ${res.status}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return PER_ROUND / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
await round(on.url);
await round(off.url);
const rates = { on: [] as number[], off: [] as number[] };
// Short rounds in pairs, alternating which goes first, so the machine's drifting load falls on
// both sides of each pair; the median of the pairs' ratios is the figure.
const ratios: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
  for (const which of order) rates[which].push(await round(which === 'on' ? on.url : off.url));
  ratios.push(rates.on[r]! / rates.off[r]!);
}
await on.app.close();
await off.app.close();
const recorded = (await store.audit.list({})).filter((e) => e.action === 'object.search').length;
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
console.log(
  `GET /api/search, ${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, SQLite:\n` +
    `  audit off: median ${median(rates.off).toFixed(0)} req/s (${rates.off.map((x) => x.toFixed(0)).join(', ')})\n` +
    `  audit on:  median ${median(rates.on).toFixed(0)} req/s (${rates.on.map((x) => x.toFixed(0)).join(', ')})\n` +
    `  on/off ratio of medians: ${(median(rates.on) / median(rates.off)).toFixed(3)}; median of paired ratios: ${median(ratios).toFixed(3)}\n` +
    `  search records written: ${recorded}\n` +
    `  cost of one record (buffer, seal, insert): ${perRecordUs.toFixed(1)} µs; the server's time per search at the off median: ${(1e6 / median(rates.off)).toFixed(0)} µs`,
);
await db.dispose();
