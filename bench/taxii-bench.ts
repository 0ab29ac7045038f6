// Benchmark: a partner's TAXII client paging its collection. 100,000 objects are put into one
// partner's outbound collection (through the collections repository), the real server listens on
// a loopback port, and autocannon runs 50 connections for `--duration` seconds (default 20) of
// `GET …/objects/?limit=100`, each request on a different page (a `next` token or an
// `added_after`). The baseline, measured in the same run with the same credentials and hooks, is
// `GET /taxii2/` (discovery). Baseline and pages alternate for `--rounds` rounds (default 3) and
// the medians are printed, with the server's CPU time per request (this process's cpuUsage over
// the run divided by the requests), which a loaded machine does not skew the way it skews rps.
// SQLite always; PostgreSQL too when reachable (`--engine` picks one).
// The last line is `taxii: rps=N p99_ms=M errors=E cpu_us_per_req=C` for SQLite.
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { randomIds, systemClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { StixId } from '../src/core/stix/stix-id.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import { createStore, type Store } from '../src/store/create-store.js';
import type { Engine } from '../src/store/database.js';
import { createApp } from '../src/server/create-app.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import {
  addPartner,
  createPartnerAccess,
  createPartnerAuthenticator,
  issuePartnerCredential,
} from '../src/sharing/partner-service.js';
import { addAgreement } from '../src/sharing/agreement-service.js';
import { getOutboundCollection } from '../src/sharing/release-delivery.js';
import { createTestDatabase, isPostgresReachable } from '../test/support/engines.js';

const OBJECTS = Number(process.env.TAXII_BENCH_OBJECTS ?? 100_000);
const CONNECTIONS = 50;
const PAGE = 100;
const ACCEPT = 'application/taxii+json;version=2.1';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const DURATION = Number(flag('duration') ?? 20);
const ROUNDS = Math.max(1, Number(flag('rounds') ?? 3));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The median figures of several runs; errors are summed, not averaged away. */
function medianOf(runs: CannonResult[]): CannonResult {
  return {
    requests: {
      average: median(runs.map((r) => r.requests.average)),
      total: median(runs.map((r) => r.requests.total)),
    },
    latency: {
      p50: median(runs.map((r) => r.latency.p50)),
      p99: median(runs.map((r) => r.latency.p99)),
    },
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    cpuUs: median(runs.map((r) => r.cpuUs)),
  };
}
const ENGINE_FLAG = flag('engine');

function incident(n: number): StixObject {
  const id = `incident--${randomIds.uuid()}` as StixId;
  return {
    type: 'incident',
    spec_version: '2.1',
    id,
    created: '2024-03-22T18:00:00.000Z',
    modified: '2024-03-22T18:00:00.000Z',
    name: `Attack ${n}`,
    description: 'Gunmen attacked a checkpoint; the group claimed it the next day.',
    object_marking_refs: ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'],
    extensions: {
      [CONFLICT_EVENT_EXTENSION_ID]: {
        extension_type: 'property-extension',
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        status: 'occurred',
        event_date: '2024-03',
        time_precision: 3,
        geo_precision: 3,
        fatalities: { min: 2, max: 5 },
        country: 'AF',
        admin1: 'Nangarhar',
      },
    },
  };
}

interface Setup {
  store: Store;
  collectionId: string;
  secret: string;
  /** Query strings of distinct pages: next tokens and added_after values. */
  pages: string[];
}

async function setUp(store: Store): Promise<Setup> {
  const deps: SharingDeps = {
    sharing: store.sharing,
    objects: store.objects,
    collections: store.collections,
    clock: systemClock,
    ids: randomIds,
  };
  const partner = await addPartner(deps, { name: 'Bench partner', trustTier: 'limited' });
  const { secret } = await issuePartnerCredential(deps, partner.id, 'bench');
  await addAgreement(
    deps,
    { username: 'bench', roles: ['admin'] },
    {
      partnerId: partner.id,
      title: 'Bench agreement',
      tlp: 'amber',
      iep: { permittedActions: 'internally-visible-actions' },
      reason: 'benchmark',
    },
  );
  const collection = await getOutboundCollection(deps, partner);
  const base = Date.parse('2025-01-01T00:00:00.000Z');
  const dates: string[] = [];
  for (let i = 0, batch = 0; i < OBJECTS; i += 1000, batch++) {
    const date = new Date(base + batch * 60_000).toISOString();
    dates.push(date);
    const objects = Array.from({ length: Math.min(1000, OBJECTS - i) }, (_, k) => incident(i + k));
    await store.collections.addObjects(collection.id, objects, date);
  }
  // What autovacuum would do on its own after a bulk load: give the planner row counts.
  if (store.database.engine === 'postgres') await sql`analyze`.execute(store.database.db);
  const pages: string[] = dates.map((d) => `added_after=${encodeURIComponent(d)}`);
  let next: string | undefined;
  do {
    const page = await store.collections.queryObjects(collection.id, { limit: PAGE, next });
    next = page.next;
    if (next) pages.push(`next=${encodeURIComponent(next)}`);
  } while (next);
  return { store, collectionId: collection.id, secret, pages };
}

// autocannon runs in a child process: in the server's own thread its HTTP parser (JavaScript)
// would compete with the server for the event loop and charge the server for the client's work.
const CLIENT = `
const autocannon = require('autocannon');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const { url, headers, paths, connections, duration } = JSON.parse(input);
  let i = 0;
  autocannon({
    url, connections, duration, headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  }).then((r) => process.stdout.write(JSON.stringify({
    requests: { average: r.requests.average, total: r.requests.total },
    latency: { p50: r.latency.p50, p99: r.latency.p99 },
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
  })), (e) => { console.error(String(e)); process.exit(1); });
});
`;

/** The figures the bench prints. */
interface CannonResult {
  requests: { average: number; total: number };
  /** Milliseconds; with 50 connections on one server thread, p50 is about 25 service times. */
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The server's CPU time (user + system, this process) per request, in microseconds. */
  cpuUs: number;
}

async function cannon(url: string, auth: string, paths: string[]): Promise<CannonResult> {
  const input = JSON.stringify({
    url,
    headers: { accept: ACCEPT, authorization: auth },
    paths,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const child = spawn(process.execPath, ['-e', CLIENT], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // The server runs in this process and autocannon in the child: this process's CPU time over
  // the run is the server's. On a loaded machine requests/s falls with the CPU share we get, CPU
  // time per request does not.
  const cpu0 = process.cpuUsage();
  child.stdin.end(input);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const cpu = process.cpuUsage(cpu0);
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  const result = JSON.parse(out) as Omit<CannonResult, 'cpuUs'>;
  return { ...result, cpuUs: (cpu.user + cpu.system) / Math.max(1, result.requests.total) };
}

function line(name: string, r: CannonResult): string {
  const errors = r.errors + r.timeouts + r.non2xx;
  return `${name}: rps=${Math.round(r.requests.average)} p99_ms=${r.latency.p99} errors=${errors} cpu_us_per_req=${Math.round(r.cpuUs)}`;
}

async function run(engine: Engine): Promise<string> {
  const t = await createTestDatabase(engine);
  try {
    const store = createStore(t.database);
    const started = performance.now();
    const setup = await setUp(store);
    console.log(
      `[${engine}] ${OBJECTS} objects in one partner's collection (${Math.round(performance.now() - started)} ms to load), ${setup.pages.length} distinct pages`,
    );
    const app = await createApp({
      store,
      clock: systemClock,
      ids: randomIds,
      config: {
        baseUrl: 'http://127.0.0.1',
        bodyLimit: 10_000_000,
        serveWeb: false,
        secureCookies: false,
        rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
      },
      partnerAuthenticator: createPartnerAuthenticator(store.sharing.partners),
      partnerAccess: createPartnerAccess(store.sharing.agreements),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const auth = `Basic ${Buffer.from(`bench:${setup.secret}`).toString('base64')}`;
    try {
      const objectsPath = `/taxii2/tearline/collections/${setup.collectionId}/objects/?limit=${PAGE}&`;
      const check = await fetch(`${url}${objectsPath}${setup.pages[setup.pages.length - 1]}`, {
        headers: { accept: ACCEPT, authorization: auth },
      });
      const body = (await check.json()) as { objects?: unknown[] };
      if (check.status !== 200 || !body.objects?.length)
        throw new Error(`bench set-up: the last page answered ${check.status}`);
      const baselines: CannonResult[] = [];
      const pagings: CannonResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        baselines.push(await cannon(url, auth, ['/taxii2/']));
        pagings.push(
          await cannon(
            url,
            auth,
            setup.pages.map((p) => `${objectsPath}${p}`),
          ),
        );
      }
      const baseline = medianOf(baselines);
      const paging = medianOf(pagings);
      console.log(
        `[${engine}] ${line('baseline (GET /taxii2/)', baseline)} p50_ms=${baseline.latency.p50}`,
      );
      console.log(`[${engine}] ${line('objects pages', paging)} p50_ms=${paging.latency.p50}`);
      console.log(
        `[${engine}] ratio: objects pages run at ${(paging.requests.average / baseline.requests.average).toFixed(2)}x the baseline's requests/s; p99 ${paging.latency.p99} ms vs ${baseline.latency.p99} ms; CPU ${(paging.cpuUs / baseline.cpuUs).toFixed(2)}x the baseline's per request`,
      );
      return line(engine === 'sqlite' ? 'taxii' : `taxii[${engine}]`, paging);
    } finally {
      await app.close();
    }
  } finally {
    await t.dispose();
  }
}

const engines: Engine[] =
  ENGINE_FLAG === 'sqlite' || ENGINE_FLAG === 'postgres'
    ? [ENGINE_FLAG]
    : (await isPostgresReachable())
      ? ['postgres', 'sqlite']
      : ['sqlite'];
const lines: string[] = [];
for (const engine of engines) lines.push(await run(engine));
for (const l of lines) console.log(l);
