// bench:audit with each server in its own process: the audit trail on and off as two processes
// (bench/audit-server.ts), each over its own copy of the same SQLite database, and the client in a
// third (bench/audit-load.ts). In bench/audit-bench.ts both servers share one process, so they
// share Fastify's and Tearline's compiled code and its type feedback, one database connection and
// one page-read thread: the on server's records, hooks and object shapes bear on the off server's
// requests too. Here each server's CPU time is its own process's, read before and after a round.
// Rounds and pairs are audit-bench.ts's; the figure is the median over forks (fresh pairs of
// servers) of each fork's median paired ratio (ADR 0039).
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
const template = join(dir, 'template.db');
copyFileSync(db.url.slice('sqlite:'.length), template);
await db.dispose();

const tsx = { execArgv: ['--import', 'tsx'] };
const reply = <T>(child: ChildProcess) =>
  new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
async function startServer(path: string, mode: 'on' | 'off') {
  const child = fork(new URL('./audit-server.ts', import.meta.url), [path, mode], tsx);
  const { url } = await reply<{ url: string }>(child);
  return { child, url, mode };
}
function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
// Each server's threads on the first core and the client on the second (AUDIT_BENCH_PIN=0 lets
// the scheduler place them): unpinned, the client and the server's two threads trade two cores,
// and runs of two identical servers read from -6 to +5 %; pinned, from -3 to 0 %.
const pinning = process.env.AUDIT_BENCH_PIN !== '0' && availableParallelism() >= 2 && hasTaskset();
const pin = (child: ChildProcess, cpu: string) => {
  if (pinning)
    execFileSync('taskset', ['-a', '-p', '-c', cpu, String(child.pid)], { stdio: 'ignore' });
};
const load = fork(new URL('./audit-load.ts', import.meta.url), [], tsx);
pin(load, '1');

/** The server's CPU time in µs: the whole process, its main thread, and its other threads. */
const cpuOf = async (child: ChildProcess) => {
  const answer = reply<{
    cpu: number;
    threads: Record<string, number>;
    gcMs: number;
    heapUsed: number;
  }>(child);
  child.send({ cpu: true });
  const { cpu, threads, gcMs, heapUsed } = await answer;
  const main = threads.main ?? 0;
  const others = Object.values(threads).reduce((sum, t) => sum + t, 0) - main;
  return { cpu, main, others, gc: gcMs * 1000, heapUsed };
};

type Server = Awaited<ReturnType<typeof startServer>>;

/** One round: requests/s as the client saw it, and the server's CPU time per request in µs. */
async function round(server: Server, target: Target) {
  const before = await cpuOf(server.child);
  const answer = reply<{ ms?: number; error?: string }>(load);
  load.send({ ...roundOfRequests(server.url, target, PER_ROUND, token), concurrency: CONCURRENCY });
  const { ms, error } = await answer;
  if (error !== undefined || ms === undefined) throw new Error(error);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const after = await cpuOf(server.child);
  return {
    rate: PER_ROUND / (ms / 1000),
    cpu: (after.cpu - before.cpu) / PER_ROUND,
    main: (after.main - before.main) / PER_ROUND,
    others: (after.others - before.others) / PER_ROUND,
    gc: (after.gc - before.gc) / PER_ROUND,
    heapUsed: after.heapUsed,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Rounds each server answers before any is measured: both servers' CPU per request falls by
// about half over their first few thousand requests (the JIT settling), and the on server, with
// more code to compile, settles later. AUDIT_BENCH_WARMUP=<rounds>, default 20.
const WARMUP = Number(process.env.AUDIT_BENCH_WARMUP ?? 20);

type Pair = { on: Server; off: Server };
type Series = { on: number[]; off: number[] };
const series = (): Series => ({ on: [], off: [] });

// AUDIT_BENCH_PROFILE=<dir>: a CPU profile of each server's measured rounds of each kind, as
// <dir>/<kind>-<on|off>-<fork>.cpuprofile (the sampling slows the servers; figures are not kept).
const profileDir = process.env.AUDIT_BENCH_PROFILE;
async function profileBoth(servers: Pair, command: (s: Server) => string) {
  if (profileDir === undefined) return;
  for (const server of [servers.on, servers.off]) {
    const done = reply(server.child);
    server.child.send({ profile: command(server) });
    await done;
  }
}

/** One fork's rounds of one kind: each server's figures per round and the paired CPU ratios. */
async function measure(servers: Pair, target: Target, forkNo: number) {
  for (let w = 0; w < WARMUP; w++) {
    await round(servers.on, target);
    await round(servers.off, target);
  }
  await profileBoth(servers, () => 'start');
  const cpu = series();
  const main = series();
  const others = series();
  const gc = series();
  const heap = series();
  const rates = series();
  const cpuRatios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const which of order) {
      const m = await round(servers[which], target);
      cpu[which].push(m.cpu);
      main[which].push(m.main);
      others[which].push(m.others);
      gc[which].push(m.gc);
      heap[which].push(m.heapUsed / 1e6);
      rates[which].push(m.rate);
    }
    cpuRatios.push(cpu.on[r]! / cpu.off[r]!);
  }
  await profileBoth(servers, (s) => join(profileDir!, `${target}-${s.mode}-${forkNo}.cpuprofile`));
  return { cpu, main, others, gc, heap, rates, ratio: median(cpuRatios) };
}
type Measured = Awaited<ReturnType<typeof measure>>;

// AUDIT_BENCH_ONLY=taxii|search measures one kind only: a profile of the other's requests is noise.
const only = process.env.AUDIT_BENCH_ONLY;
// Forks: fresh pairs of servers, each over fresh copies of the database. Two runs of this bench
// on the same code read anywhere from 2 to 23 % for a TAXII page: a process's own JIT, heap and
// memory layout move its CPU per request for its whole life, which rounds within one pair of
// processes cannot average out. The figure is the median over forks of each fork's median
// paired ratio. AUDIT_BENCH_FORKS=<n>, default 5.
const FORKS = Number(process.env.AUDIT_BENCH_FORKS ?? 5);
const forks: { search?: Measured; taxii?: Measured; searches: number; taxiiReads: number }[] = [];
for (let f = 0; f < FORKS; f++) {
  const paths = { on: join(dir, `on-${f}.db`), off: join(dir, `off-${f}.db`) };
  copyFileSync(template, paths.on);
  copyFileSync(template, paths.off);
  const servers: Pair = {
    on: await startServer(paths.on, 'on'),
    off: await startServer(paths.off, 'off'),
  };
  pin(servers.on.child, '0');
  pin(servers.off.child, '0');
  const search = only === 'taxii' ? undefined : await measure(servers, 'search', f);
  const taxii = only === 'search' ? undefined : await measure(servers, 'taxii', f);
  for (const server of Object.values(servers)) {
    const closed = reply(server.child);
    server.child.send({ close: true });
    await closed;
  }
  const onDb = await openDatabase(`sqlite:${paths.on}`);
  const trail = await createStore(onDb).audit.listAll();
  await onDb.close();
  for (const path of Object.values(paths)) rmSync(path, { force: true });
  const count = (action: string) => trail.filter((e) => e.action === action).length;
  forks.push({ search, taxii, searches: count('object.search'), taxiiReads: count('taxii.read') });
  const cost = (m?: Measured) => (m === undefined ? '-' : `${((m.ratio - 1) * 100).toFixed(1)} %`);
  console.error(`fork ${f + 1}/${FORKS}: search ${cost(search)}, TAXII page ${cost(taxii)}`);
}
load.kill();
rmSync(dir, { recursive: true, force: true });

const pct = (ratio: number) => `${((ratio - 1) * 100).toFixed(1)} %`;
const summary = (name: string, ms: Measured[]) => {
  if (ms.length === 0) return `${name}: not measured (AUDIT_BENCH_ONLY)`;
  const all = (pick: (m: Measured) => Series, side: 'on' | 'off') =>
    median(ms.flatMap((m) => pick(m)[side])).toFixed(0);
  const ratios = ms.map((m) => m.ratio);
  return (
    `${name}, ${FORKS} forks × ${ROUNDS} rounds × ${PER_ROUND} requests, concurrency ${CONCURRENCY}, SQLite, one process per server:\n` +
    `  server CPU per request (µs, median of all rounds): baseline (audit off) ${all((m) => m.cpu, 'off')}, audit on ${all((m) => m.cpu, 'on')}\n` +
    `  by thread (schedstat): main ${all((m) => m.main, 'off')} → ${all((m) => m.main, 'on')}, ` +
    `other threads ${all((m) => m.others, 'off')} → ${all((m) => m.others, 'on')}\n` +
    `  GC pauses per request (µs): ${all((m) => m.gc, 'off')} → ${all((m) => m.gc, 'on')}; ` +
    `heap in use after a round (MB): ${all((m) => m.heap, 'off')} → ${all((m) => m.heap, 'on')}\n` +
    `  cost by fork (median of paired ratios): ${ratios.map(pct).join(', ')}\n` +
    `  CPU on/baseline: median over forks ${median(ratios).toFixed(3)} (cost ${pct(median(ratios))})\n` +
    `  requests/s, baseline ${all((m) => m.rates, 'off')}, audit on ${all((m) => m.rates, 'on')}`
  );
};
const searches = forks.flatMap((f) => (f.search ? [f.search] : []));
const pages = forks.flatMap((f) => (f.taxii ? [f.taxii] : []));
const ratioOf = (ms: Measured[]) => (ms.length ? median(ms.map((m) => m.ratio)).toFixed(3) : '-');
console.log(
  [
    summary('GET /api/search', searches),
    summary('GET TAXII objects page (50)', pages),
    `records written per fork: ${median(forks.map((f) => f.searches))} searches, ${median(forks.map((f) => f.taxiiReads))} TAXII reads`,
    `audit-split-ratio: cpu_search=${ratioOf(searches)} cpu_taxii=${ratioOf(pages)}`,
  ].join('\n'),
);
