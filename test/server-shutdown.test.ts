import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, skipReasonFor } from './support/engines.js';
import { addUserWithToken, startServer, stopLapses } from './reliability/serve-harness.js';

// A stopped server must let its process exit: on PostgreSQL, reading a job's state starts pg-boss
// (its own pool and timers) without a worker, and closing the app must stop it too. Found when a
// `tearline serve` ignored SIGTERM for minutes after the access matrix had read a job.
it(
  'tearline serve on PostgreSQL exits on SIGTERM after a job was read',
  { skip: await skipReasonFor('postgres') },
  async () => {
    const db = await createTestDatabase('postgres');
    try {
      const token = await addUserWithToken(db.url, 'ana', ['analyst']);
      const server = await startServer(db.url);
      const res = await fetch(`${server.url}/api/jobs/00000000-0000-4000-8000-000000000000`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 404, await res.text());
      const started = Date.now();
      await server.stop();
      assert.deepEqual(stopLapses, [], 'serve had to be killed after SIGTERM');
      assert.ok(Date.now() - started < 15_000);
    } finally {
      await db.dispose();
    }
  },
);
