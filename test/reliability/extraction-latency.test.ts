import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { StixObject } from '../../src/core/stix/stix-object.js';
import type { StixId } from '../../src/core/stix/stix-id.js';
import { adversarialText } from '../../bench/adversarial-texts.js';
import { createTestApp } from '../server-fixture.js';
import { ENGINES, skipReasonFor } from '../support/engines.js';
import { basicAuth, createTestPartners, taxiiRequest } from '../taxii-harness.js';

// A partner's TAXII page must not wait behind an analyst's 1 MB report (ADR 0025): extraction runs
// on its own thread. The test shares two cores with the extraction thread and runs alone (ADR
// 0035), so the bound is the 50 ms, or four times the p99 of the same requests measured
// just before on an idle server when the machine is that slow. Run on the event loop, the same
// extraction holds a request for a second or more, twenty times the bound, in every attempt.
const PARTNER = { partnerId: 'identity--0a0a0a0a-0000-4000-8000-00000000000a', partnerName: 'A' };
const COLLECTION = 'aaaaaaaa-0000-4000-8000-000000000001';
const BASELINE_REQUESTS = 100;

const actor = (n: number): StixObject => ({
  type: 'threat-actor',
  spec_version: '2.1',
  id: `threat-actor--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as StixId,
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
  name: `Group ${n}`,
  threat_actor_types: ['terrorist'],
});

function p99(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}

for (const engine of ENGINES) {
  describe(
    `extraction off the event loop on ${engine}`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('keeps TAXII page requests under their p99 bound while a 1 MB report is extracted', async () => {
        const partners = createTestPartners();
        partners.add('partner-secret', PARTNER);
        const t = await createTestApp(
          engine,
          { bodyLimit: 4 * 1024 * 1024 },
          { partnerAuthenticator: partners, partnerAccess: partners },
        );
        try {
          await t.store.collections.createCollection({
            id: COLLECTION,
            title: 'Releases',
            canRead: true,
            canWrite: false,
            mediaTypes: ['application/stix+json;version=2.1'],
            partnerId: PARTNER.partnerId,
            direction: 'outbound',
          });
          for (let i = 1; i <= 20; i++) {
            await t.store.collections.addObjects(COLLECTION, [actor(i)], '2024-02-01T00:00:00Z');
          }
          await t.addUser('ana', 'analyst');
          const token = await t.mintToken('ana');
          await t.app.listen({ port: 0, host: '127.0.0.1' });
          const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
          const page = `${base}/taxii2/tearline/collections/${COLLECTION}/objects/?limit=10`;
          const auth = basicAuth('partner-secret');
          const timed = async (): Promise<number> => {
            const start = performance.now();
            const res = await taxiiRequest(page, { auth });
            assert.equal(res.status, 200, res.text);
            return performance.now() - start;
          };

          for (let i = 0; i < 10; i++) await timed();
          const baseline: number[] = [];
          for (let i = 0; i < BASELINE_REQUESTS; i++) baseline.push(await timed());

          // A neighbour's burst on the shared cores can spoil one measurement; extraction on the
          // event loop spoils every one. So up to three reports are measured, each a new text,
          // and one within the bound passes.
          const bound = Math.max(50, 4 * p99(baseline));
          const seen: string[] = [];
          let within = false;
          for (let attempt = 1; attempt <= 3; attempt++) {
            const text = `Report ${attempt}. ${adversarialText('one-huge-line', 1_000_000)}`;
            let done = false;
            const submitted = fetch(`${base}/api/reports?published=2024-06-10`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ text }),
            }).finally(() => {
              done = true;
            });
            const during: number[] = [];
            while (!done || during.length < 50) during.push(await timed());
            const res = await submitted;
            const body = (await res.json()) as { draftId?: string; state?: string };
            assert.equal(res.status, 201, JSON.stringify(body));
            assert.equal(body.state, 'open', 'the report was extracted and its items proposed');
            seen.push(
              `p99 ${p99(during).toFixed(1)} ms over ${during.length} requests during extraction; baseline p99 ${p99(baseline).toFixed(1)} ms; bound ${bound.toFixed(1)} ms`,
            );
            console.log(seen.at(-1));
            within = p99(during) <= bound;
            if (within) break;
          }
          assert.ok(within, seen.join('\n'));
        } finally {
          await t.dispose();
        }
      });
    },
  );
}
