// One server of bench/audit-split-bench.ts, in its own process: the audit trail on or off over its
// own copy of the bench's database, so that neither server's code, JIT feedback or database
// connections are shared with the other (as they are with one process serving both). It answers
// `{ cpu: true }` with its own process CPU time and its threads' (threadCpu), and `{ close: true }` by closing.
// Run by the bench: fork('audit-server.ts', [databasePath, 'on' | 'off'])
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
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
process.on('message', (message: { cpu?: boolean; close?: boolean }) => {
  if (message.cpu) {
    const used = process.cpuUsage();
    process.send?.({ cpu: used.user + used.system, threads: threadCpu() });
  } else if (message.close) {
    void app
      .close()
      .then(() => store.close())
      .then(() => process.send?.({ closed: true }, () => process.exit(0)));
  }
});
process.send?.({ url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });

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
