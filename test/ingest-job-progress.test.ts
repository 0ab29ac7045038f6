import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createTestApp, type TestApp } from './server-fixture.js';
import { createGuardedFetch } from '../src/ingest/outbound/guarded-fetch.js';
import { LOOPBACK_ALLOW } from './support/loopback-allow.js';
import { createStore } from '../src/store/create-store.js';
import { createTableJobQueue } from '../src/ingest/jobs/table-job-queue.js';
import { createSequentialIds, systemClock } from '../src/core/clock.js';
import type { JobProgress } from '../src/core/ports/ingest.js';
import { createFeed, createSource } from '../src/ingest/sources/source-service.js';
import { pollFeed } from '../src/ingest/sources/poll-feed.js';
import { createIngestDeps, FIRST_REPORT, SECOND_REPORT } from './ingest-fixtures.js';
import { startFeedServer, toRss } from './ingest-feed-server.js';

/** Waits until `done()` holds, checking every 50 ms, for at most 30 s (a deadline, not a timing assertion). */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 30 s');
}

const WIRE = toRss([
  {
    guid: 'w1',
    title: 'Concert hall attack',
    link: 'https://wire.example/1',
    description: FIRST_REPORT,
  },
  {
    guid: 'w2',
    title: 'Death toll rises',
    link: 'https://wire.example/2',
    description: SECOND_REPORT,
  },
]);

for (const engine of ENGINES) {
  describe(`job progress on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('the table queue shows a running job’s last progress, and drops it when the job ends', async () => {
      const t = await createTestDatabase(engine);
      const store = createStore(t.database);
      const queue = createTableJobQueue({
        jobs: store.jobs,
        clock: systemClock,
        ids: createSequentialIds(),
        pollMs: 20,
      });
      let release = () => undefined as void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      try {
        await queue.start({
          slow: async (_payload, reportProgress) => {
            await reportProgress({ stage: 'Entries', done: 1, total: 4 });
            await gate;
          },
        });
        const id = await queue.enqueue('slow', {});
        await until(async () => (await queue.getJob(id))?.progress !== undefined);
        const running = await queue.getJob(id);
        assert.equal(running?.state, 'running');
        assert.deepEqual(running?.progress, { stage: 'Entries', done: 1, total: 4 });
        release();
        await until(async () => (await queue.getJob(id))?.state === 'done');
        assert.equal((await queue.getJob(id))?.progress, undefined);
      } finally {
        release();
        await queue.stop();
        await t.dispose();
      }
    });

    it('a feed poll reports its stage, then each entry of the feed', async () => {
      const wire = await startFeedServer({
        '/wire.xml': { body: WIRE, contentType: 'application/rss+xml' },
      });
      const t = await createTestDatabase(engine);
      try {
        const deps = {
          ...createIngestDeps(createStore(t.database)),
          fetch: createGuardedFetch({ allow: LOOPBACK_ALLOW }),
        };
        const source = await createSource(deps, { name: 'Wire', grade: 'c3' });
        const feed = await createFeed(deps, { sourceId: source.id, url: wire.url('/wire.xml') });
        const heard: JobProgress[] = [];
        const result = await pollFeed(deps, feed.id, async (p) => void heard.push(p));
        assert.equal(result.draftIds.length, 2);
        assert.deepEqual(heard, [
          { stage: 'Fetching the feed' },
          { stage: 'Feed entries', done: 0, total: 2 },
          { stage: 'Feed entries', done: 1, total: 2 },
        ]);
      } finally {
        await t.dispose();
        await wire.close();
      }
    });

    it('POST /api/feeds/:id/poll?queue=true answers 202 with a job that ends done', async () => {
      const wire = await startFeedServer({
        '/wire.xml': { body: WIRE, contentType: 'application/rss+xml' },
      });
      let t: TestApp | undefined;
      try {
        t = await createTestApp(engine, { fetchAllow: LOOPBACK_ALLOW });
        await t.addUser('ana', 'analyst');
        const headers = { authorization: `Bearer ${await t.mintToken('ana')}` };
        const app = t.app;
        const post = async (url: string, payload: object) =>
          app.inject({ method: 'POST', url, headers, payload });
        assert.equal((await post('/api/sources', { name: 'Wire', grade: 'B2' })).statusCode, 201);
        const feed = await post('/api/feeds', { sourceId: 'Wire', url: wire.url('/wire.xml') });
        assert.equal(feed.statusCode, 201, feed.body);
        const feedId = (feed.json() as { id: string }).id;
        const queued = await app.inject({
          method: 'POST',
          url: `/api/feeds/${feedId}/poll?queue=true`,
          headers,
        });
        assert.equal(queued.statusCode, 202, queued.body);
        const { jobId } = queued.json() as { jobId: string };
        await until(async () => {
          const job = await app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers });
          return (job.json() as { state: string }).state === 'done';
        });
        await until(async () => {
          const drafts = await app.inject({
            method: 'GET',
            url: '/api/drafts?state=open',
            headers,
          });
          return (drafts.json() as { drafts: unknown[] }).drafts.length === 2;
        });
        const missing = await app.inject({
          method: 'POST',
          url: '/api/feeds/no-such-feed/poll?queue=true',
          headers,
        });
        assert.equal(missing.statusCode, 404);
      } finally {
        await t?.dispose();
        await wire.close();
      }
    });
  });
}
