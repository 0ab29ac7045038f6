// One server of bench/audit-split-bench.ts, in its own process: the audit trail on or off over its
// own copy of the bench's database, so that neither server's code, JIT feedback or database
// connections are shared with the other (as they are with one process serving both). It answers
// `{ cpu: true }` with its own process CPU time, its threads' (threadCpu), its GC pauses so far and
// its heap in use, and `{ close: true }` by closing.
// Run by the bench: fork('audit-server.ts', [databasePath, 'on' | 'off'])
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { PerformanceObserver } from 'node:perf_hooks';
import { randomIds, systemClock } from '../src/core/clock.js';
import { openDatabase } from '../src/store/database.js';
import { createStore } from '../src/store/create-store.js';
import { createApp } from '../src/server/create-app.js';
import { createTestPartners } from '../test/taxii-harness.js';

const [path, mode] = process.argv.slice(2);
const database = await openDatabase(`sqlite:${path!}`);
const store = createStore(database);
const partners = createTestPartners();
partners.add('partner-secret', {
  partnerId: 'identity--0a0a0a0a-0000-4000-8000-00000000000a',
  partnerName: 'A',
});
// AUDIT_BENCH_NO_WRITE=1: records are made but not written, to tell the hooks' cost from the write's.
const noWrite = process.env.AUDIT_BENCH_NO_WRITE === '1';
const app = await createApp({
  store: noWrite ? { ...store, audit: { ...store.audit, append: async () => [] } } : store,
  clock: systemClock,
  ids: randomIds,
  config: {
    baseUrl: 'http://127.0.0.1',
    bodyLimit: 1_000_000,
    serveWeb: false,
    secureCookies: false,
    rateLimit: { max: 10_000_000, windowMs: 60_000 },
    // AUDIT_BENCH_COALESCE=0: a record per request, as before ADR 0038.
    // AUDIT_BENCH_AA=1: both servers off, to see what the bench reads when nothing differs.
    audit: {
      enabled: mode === 'on' && process.env.AUDIT_BENCH_AA !== '1',
      coalesce: process.env.AUDIT_BENCH_COALESCE !== '0',
    },
  },
  partnerAuthenticator: partners,
  partnerAccess: partners,
});
await app.listen({ port: 0, host: '127.0.0.1' });
// The garbage collector's pauses, summed: whether the trail's cost is the objects it leaves behind.
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });
process.on('message', (message: { cpu?: boolean; close?: boolean; profile?: string }) => {
  if (message.profile !== undefined) {
    void profile(message.profile).then(() => process.send?.({ profiled: true }));
  } else if (message.cpu) {
    const used = process.cpuUsage();
    process.send?.({
      cpu: used.user + used.system,
      threads: threadCpu(),
      gcMs,
      heapUsed: process.memoryUsage().heapUsed,
    });
  } else if (message.close) {
    void app
      .close()
      .then(() => store.close())
      .then(() => process.send?.({ closed: true }, () => process.exit(0)));
  }
});
process.send?.({ url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });

/**
 * A CPU profile of the rounds the bench measures (AUDIT_BENCH_PROFILE), started and stopped on its
 * word so that a phase (the TAXII pages after the searches) is profiled on its own: 'start'
 * starts it; a file path stops it and writes the profile there. No session is opened otherwise.
 */
let inspector: Session | undefined;
async function profile(command: string): Promise<void> {
  if (command === 'start') {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
    await inspector.post('Profiler.start');
    return;
  }
  const { profile: taken } = await inspector!.post('Profiler.stop');
  inspector!.disconnect();
  writeFileSync(command, JSON.stringify(taken));
}

/**
 * Each thread's CPU time in µs, the main thread's as `main` and the others' by thread id (Linux
 * only; empty elsewhere): which thread the trail's cost lands on, the event loop or the
 * page-read thread's SQLite connection.
 */
function threadCpu(): Record<string, number> {
  const byName: Record<string, number> = {};
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      // Node leaves its threads unnamed: the main thread is the process's id, the rest by id.
      const name = tid === String(process.pid) ? 'main' : tid;
      const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      byName[name] = (byName[name] ?? 0) + ns / 1000;
    }
  } catch {
    // Not Linux, or a thread ended between listing and reading: the split is optional.
  }
  return byName;
}
