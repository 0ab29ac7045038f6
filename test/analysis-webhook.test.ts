import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSequentialIds, systemClock, type Clock } from '../src/core/clock.js';
import { createAnalysisStore } from '../src/store/analysis/analysis-store.js';
import { createAnalysisService } from '../src/analysis/analysis-service.js';
import { createWebhookDelivery, toFetchSender } from '../src/analysis/webhook-delivery.js';
import { parseAllowList } from '../src/core/net/address-policy.js';
import { createGuardedFetch } from '../src/ingest/outbound/guarded-fetch.js';

/** The server's webhook sender, with the receiver's loopback address allowed for the test. */
const send = toFetchSender(
  createGuardedFetch({ allow: parseAllowList('127.0.0.1').allow, maxRedirects: 0 }),
);
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { CROCUS, ISKP, incidentId, incidentRecord } from './analysis-fixtures.js';

/** A real HTTP server on loopback answering each POST as the script says. */
async function startReceiver(script: Array<'hang' | number>) {
  const bodies: string[] = [];
  let calls = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const step = script[Math.min(calls, script.length - 1)]!;
      calls++;
      if (step === 'hang') return; // never answers
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(step, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function manualClock(start: string): Clock & { advance(ms: number): void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

for (const engine of ENGINES) {
  describe(`alert webhook delivery on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('retries with exponential back-off through a hang and a 500, and keeps the alert until delivered', async () => {
      const t = await createTestDatabase(engine);
      const receiver = await startReceiver(['hang', 500, 200]);
      try {
        const repo = createAnalysisStore(t.database);
        const clock = manualClock('2024-03-23T00:00:00.000Z');
        const analysis = createAnalysisService({ repo, clock, ids: createSequentialIds() });
        await analysis.configureWebhook({ url: receiver.url, minSeverity: 'critical' });
        await analysis.recordIncident(incidentRecord(CROCUS));
        const raised = await analysis.evaluateAlertsForIncident(incidentId(9));
        const critical = raised.filter((a) => a.severity === 'critical');
        assert.equal(critical.length, 1, 'only the 145-killed alert is critical here');
        const delivery = createWebhookDelivery({
          repo,
          clock,
          send,
          timeoutMs: 300,
          baseDelayMs: 1000,
        });

        assert.deepEqual(await delivery.deliverDue(), { delivered: 0, failed: 1 });
        let [row] = await repo.listDeliveries(critical[0]!.id);
        assert.equal(row!.attempts, 1);
        assert.match(row!.lastError!, /no answer within 300 ms/);
        assert.equal(row!.nextAttemptAt, '2024-03-23T00:00:01.000Z');
        assert.deepEqual(await delivery.deliverDue(), { delivered: 0, failed: 0 }, 'not due yet');

        clock.advance(1000);
        assert.deepEqual(await delivery.deliverDue(), { delivered: 0, failed: 1 });
        [row] = await repo.listDeliveries(critical[0]!.id);
        assert.equal(row!.lastError, 'HTTP 500');
        assert.equal(row!.nextAttemptAt, '2024-03-23T00:00:03.000Z', 'the second delay doubles');

        clock.advance(2000);
        assert.deepEqual(await delivery.deliverDue(), { delivered: 1, failed: 0 });
        [row] = await repo.listDeliveries(critical[0]!.id);
        assert.equal(row!.deliveredAt, '2024-03-23T00:00:03.000Z');
        assert.equal(row!.attempts, 3);
        assert.equal(receiver.calls(), 3);
        const body = JSON.parse(receiver.bodies.at(-1)!) as Record<string, unknown>;
        assert.equal(body.rule, critical[0]!.rule);
        assert.equal(body.actor_id, ISKP);
        assert.equal(body.incident_id, incidentId(9));
        clock.advance(3_600_000);
        assert.deepEqual(
          await delivery.deliverDue(),
          { delivered: 0, failed: 0 },
          'delivered once',
        );
      } finally {
        await receiver.close();
        await t.dispose();
      }
    });

    it('runs as a loop on timers and stops cleanly', async () => {
      const t = await createTestDatabase(engine);
      const receiver = await startReceiver([200]);
      try {
        const repo = createAnalysisStore(t.database);
        const analysis = createAnalysisService({
          repo,
          clock: systemClock,
          ids: createSequentialIds(),
        });
        await analysis.configureWebhook({ url: receiver.url });
        await analysis.recordIncident(incidentRecord(CROCUS));
        const raised = await analysis.evaluateAlertsForIncident(incidentId(9));
        const loop = createWebhookDelivery({ repo, clock: systemClock, send, pollMs: 10 });
        loop.start();
        for (let i = 0; i < 500 && receiver.bodies.length < raised.length; i++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        await loop.stop();
        assert.equal(receiver.bodies.length, raised.length);
        for (const a of raised) assert.ok((await repo.listDeliveries(a.id))[0]!.deliveredAt);
      } finally {
        await receiver.close();
        await t.dispose();
      }
    });

    it('refuses a webhook that is not an http(s) URL', async (ctx) => {
      const t = await createTestDatabase(engine);
      ctx.after(() => t.dispose());
      const analysis = createAnalysisService({
        repo: createAnalysisStore(t.database),
        clock: systemClock,
        ids: createSequentialIds(),
      });
      await assert.rejects(
        analysis.configureWebhook({ url: 'file:///etc/passwd' }),
        /http:\/\/ or https:\/\//,
      );
      await assert.rejects(
        analysis.configureWebhook({ url: 'http://x', minSeverity: 'loud' }),
        /minSeverity/,
      );
      assert.equal(await analysis.getWebhook(), undefined);
    });
  });
}
