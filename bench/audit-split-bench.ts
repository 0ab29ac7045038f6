// bench:audit with each server in its own process: the audit trail on and off as two processes
// (bench/audit-server.ts), each over its own copy of the same SQLite database, and the client in a
// third (bench/audit-load.ts). In bench/audit-bench.ts both servers share one process, so they
// share Fastify's and Tearline's compiled code and its type feedback, one database connection and
// one page-read thread: the on server's records, hooks and object shapes bear on the off server's
// requests too. Here each server's CPU time is its own process's, read before and after a round.
// Rounds, pairs, settling and figures are audit-bench.ts's.
// Run: node --import tsx bench/audit-split-bench.ts [requests-per-round]
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomIds, systemClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { createStore } from '../src/store/create-store.js';
import { openDatabase } from '../src/store/database.js';
import { createAccountService } from '../src/server/auth/account-service.js';
import { toAuthConfig } from '../src/server/auth/auth-config.js';
import { createTestDatabase } from '../test/support/engines.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';
import { COLLECTION, NAMES, roundOfRequests, type Target } from './audit-requests.js';

const PER_ROUND = Number(process.argv[2] ?? 300);
const ROUNDS = 31;
const CONCURRENCY = 4;
const SETTLE_MS = 150;

// The data of audit-bench.ts, written once and copied for each server.
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
await store.collections.createCollection({
  id: COLLECTION,
  title: 'Releases',
  canRead: true,
  canWrite: false,
  mediaTypes: ['application/stix+json;version=2.1'],
  partnerId: 'identity--0a0a0a0a-0000-4000-8000-00000000000a',
  direction: 'outbound',
});
await store.collections.addObjects(
  COLLECTION,
  objects.slice(0, 500).map((o) => ({ ...o, object_marking_refs: [TLP2_MARKING_IDS.green] })),
  '2024-02-01T00:00:00Z',
);
const accounts = createAccountService({
  store,
  clock: systemClock,
  ids: randomIds,
  auth: toAuthConfig({
    baseUrl: 'http://127.0.0.1',
    bodyLimit: 1,
    serveWeb: false,
    secureCookies: false,
  }),
});
const { user } = await accounts.addUser({
  username: 'bench',
  roles: ['analyst'],
  password: 'bench-password-123',
});
const { token } = await accounts.mintToken(user.id, {});
db.database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
const dir = mkdtempSync(join(tmpdir(), 'tearline-audit-split-'));
const paths = { on: join(dir, 'on.db'), off: join(dir, 'off.db') };
copyFileSync(db.url.slice('sqlite:'.length), paths.on);
copyFileSync(db.url.slice('sqlite:'.length), paths.off);
await db.dispose();

const tsx = { execArgv: ['--import', 'tsx'] };
const reply = <T>(child: ChildProcess) =>
  new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
async function startServer(mode: 'on' | 'off') {
  const profile = process.env.AUDIT_BENCH_PROFILE;
  const child = fork(new URL('./audit-server.ts', import.meta.url), [paths[mode], mode], {
    execArgv: [
      ...tsx.execArgv,
      // A CPU profile of each server (AUDIT_BENCH_PROFILE=<dir>): what the on server does more.
      ...(profile
        ? ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${join(profile, mode)}`]
        : []),
    ],
  });
  const { url } = await reply<{ url: string }>(child);
  return { child, url };
}
function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const servers = { on: await startServer('on'), off: await startServer('off') };
const load = fork(new URL('./audit-load.ts', import.meta.url), [], tsx);
// Each server's threads on the first core and the client on the second (AUDIT_BENCH_PIN=0 lets
// the scheduler place them): unpinned, the client and the server's two threads trade two cores,
// and runs of two identical servers read from -6 to +5 %; pinned, from -3 to 0 %.
if (process.env.AUDIT_BENCH_PIN !== '0' && availableParallelism() >= 2 && hasTaskset()) {
  const pin = (child: ChildProcess, cpu: string) =>
    execFileSync('taskset', ['-a', '-p', '-c', cpu, String(child.pid)], { stdio: 'ignore' });
  pin(servers.on.child, '0');
  pin(servers.off.child, '0');
  pin(load, '1');
}
const cpuOf = async (child: ChildProcess) => {
  const answer = reply<{ cpu: number }>(child);
  child.send({ cpu: true });
  return (await answer).cpu;
};

/** One round: requests/s as the client saw it, and the server's CPU time per request in µs. */
async function round(mode: 'on' | 'off', target: Target) {
  const server = servers[mode];
  const before = await cpuOf(server.child);
  const answer = reply<{ ms?: number; error?: string }>(load);
  load.send({ ...roundOfRequests(server.url, target, PER_ROUND, token), concurrency: CONCURRENCY });
  const { ms, error } = await answer;
  if (error !== undefined || ms === undefined) throw new Error(error);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const used = (await cpuOf(server.child)) - before;
  return { rate: PER_ROUND / (ms / 1000), cpu: used / PER_ROUND };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Rounds each server answers before any is measured: both servers' CPU per request falls by
// about half over their first few thousand requests (the JIT settling), and the on server, with
// more code to compile, settles later. AUDIT_BENCH_WARMUP=<rounds>, default 20.
const WARMUP = Number(process.env.AUDIT_BENCH_WARMUP ?? 20);

async function measure(target: Target) {
  for (let w = 0; w < WARMUP; w++) {
    await round('on', target);
    await round('off', target);
  }
  const cpu = { on: [] as number[], off: [] as number[] };
  const rates = { on: [] as number[], off: [] as number[] };
  const cpuRatios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const which of order) {
      const m = await round(which, target);
      cpu[which].push(m.cpu);
      rates[which].push(m.rate);
    }
    cpuRatios.push(cpu.on[r]! / cpu.off[r]!);
  }
  return { cpu, rates, cpuRatios };
}

// AUDIT_BENCH_ONLY=taxii|search measures one kind only: a profile of the other's requests is noise.
const only = process.env.AUDIT_BENCH_ONLY;
const search = only === 'taxii' ? undefined : await measure('search');
const taxii = only === 'search' ? undefined : await measure('taxii');
for (const server of Object.values(servers)) {
  const closed = reply(server.child);
  server.child.send({ close: true });
  await closed;
}
load.kill();
const onDb = await openDatabase(`sqlite:${paths.on}`);
const trail = await createStore(onDb).audit.listAll();
await onDb.close();
rmSync(dir, { recursive: true, force: true });

const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const summary = (name: string, m: Awaited<ReturnType<typeof measure>> | undefined) =>
  m === undefined
    ? `${name}: not measured (AUDIT_BENCH_ONLY)`
    : `${name}, ${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, SQLite, one process per server:\n` +
      `  server CPU per request, baseline (audit off): median ${median(m.cpu.off).toFixed(0)} µs (${list(m.cpu.off)})\n` +
      `  server CPU per request, audit on:             median ${median(m.cpu.on).toFixed(0)} µs (${list(m.cpu.on)})\n` +
      `  CPU on/baseline: median of paired ratios ${median(m.cpuRatios).toFixed(3)} (cost ${((median(m.cpuRatios) - 1) * 100).toFixed(1)} %)\n` +
      `  requests/s, baseline ${median(m.rates.off).toFixed(0)}, audit on ${median(m.rates.on).toFixed(0)}`;
console.log(
  [
    summary('GET /api/search', search),
    summary('GET TAXII objects page (50)', taxii),
    `records written: ${trail.filter((e) => e.action === 'object.search').length} searches, ${trail.filter((e) => e.action === 'taxii.read').length} TAXII reads`,
    `audit-split-ratio: cpu_search=${search ? median(search.cpuRatios).toFixed(3) : '-'} cpu_taxii=${taxii ? median(taxii.cpuRatios).toFixed(3) : '-'}`,
  ].join('\n'),
);
