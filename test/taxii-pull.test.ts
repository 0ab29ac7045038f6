import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { StixId } from '../src/core/stix/stix-id.js';
import { main } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/cli-io.js';
import { createStore } from '../src/store/create-store.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { toResumePoint } from '../src/ingest/taxii-client/taxii-client.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { startTaxiiServer } from './taxii-harness.js';

const PARTNER = {
  partnerId: 'identity--5e1f0c2a-0000-4000-8000-0000000000aa',
  partnerName: 'Sender',
};
const COLLECTION = 'a1b2c3d4-0000-4000-8000-000000000001';
const SECRET = 'pull-secret';

const incident = (n: number, modified = '2024-03-22T18:00:00.000Z'): StixObject => ({
  type: 'incident',
  spec_version: '2.1',
  id: `incident--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as StixId,
  created: '2024-03-22T18:00:00.000Z',
  modified,
  name: `Attack ${n}`,
  object_marking_refs: [TLP2_MARKING_IDS.amber],
  granular_markings: [{ marking_ref: TLP2_MARKING_IDS.red, selectors: ['description'] }],
  description: 'Details',
});

/**
 * A CLI io whose output is collected as it is written. Writable.write hands each chunk to write()
 * at once, whereas a PassThrough's 'data' event may come a tick later (a new stream buffers until
 * its first read), so an assertion right after `await main()` could see nothing yet.
 */
function captureIo(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  return {
    io: {
      stdin: new PassThrough(),
      stdout: sink((t) => (out += t)),
      stderr: sink((t) => (err += t)),
      // The TAXII server under test listens on loopback, which the fetch policy allows only here.
      env: { TEARLINE_FETCH_ALLOW: '127.0.0.1' },
      cwd: process.cwd(),
    },
    out: () => out,
    err: () => err,
  };
}

for (const engine of ENGINES) {
  describe(`tearline pull on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('imports a collection over loopback with markings and provenance, then resumes', async () => {
      const served = await createTestDatabase(engine);
      const local = await createTestDatabase(engine);
      const server = await startTaxiiServer(served.database);
      try {
        server.partners.add(SECRET, PARTNER);
        const repo = server.store.collections;
        await repo.createCollection({
          id: COLLECTION,
          title: 'Releases to us',
          canRead: true,
          canWrite: false,
          mediaTypes: ['application/stix+json;version=2.1'],
          partnerId: PARTNER.partnerId,
          direction: 'outbound',
        });
        // Five versions share one date_added, so pages of 2 split a date: resume must not skip.
        await repo.addObjects(
          COLLECTION,
          [1, 2, 3, 4, 5].map((n) => incident(n)),
          '2024-04-01T00:00:00Z',
        );
        await repo.addObjects(COLLECTION, [incident(6)], '2024-04-02T00:00:00Z');
        const args = [
          'pull',
          `${server.url}/taxii2/`,
          '--collection',
          COLLECTION,
          '--user',
          'us',
          '--password',
          SECRET,
          '--limit',
          '2',
          '--database',
          local.url,
          '--json',
        ];
        const first = captureIo();
        assert.equal(await main(args, first.io), 0, first.err());
        const summary = JSON.parse(first.out());
        assert.equal(summary.received, 6);
        assert.equal(summary.inserted, 6);
        assert.equal(summary.pages, 3);
        assert.equal(summary.resumeAfter, '2024-04-02T00:00:00.000000Z');

        const store = createStore(local.database);
        const got = await store.objects.getLatest(incident(3).id);
        assert.deepEqual(got, incident(3), 'stored exactly as sent, markings included');
        const receipts = await store.taxiiPulls.listReceipts(incident(3).id);
        assert.equal(receipts.length, 1);
        assert.equal(receipts[0]!.sender, `Tearline <${server.url}/taxii2/tearline/>`);
        assert.equal(receipts[0]!.version, '2024-03-22T18:00:00.000Z');
        assert.equal(receipts[0]!.dateAdded, '2024-04-01T00:00:00.000000Z');

        // New data on the server: the second pull asks only for what was added after the first.
        await repo.addObjects(
          COLLECTION,
          [incident(1, '2024-05-01T00:00:00.000Z'), incident(7)],
          '2024-05-02T00:00:00Z',
        );
        const second = captureIo();
        assert.equal(await main(args, second.io), 0, second.err());
        const again = JSON.parse(second.out());
        assert.equal(again.received, 2);
        assert.equal(again.inserted, 2);
        assert.equal(again.unchanged, 0);
        assert.equal((await store.objects.listVersions(incident(1).id)).length, 2);
        const third = captureIo();
        assert.equal(await main(args, third.io), 0);
        assert.equal(JSON.parse(third.out()).received, 0);
        // Each pull is in the audit trail (issue 18): who brought the collection in, from the CLI.
        const audit = await store.audit.list({ object: COLLECTION });
        assert.deepEqual(
          audit.map((e) => [e.action, e.actorName, e.targets, e.origin]),
          Array.from({ length: 3 }, () => ['object.import', 'os:unknown', COLLECTION, 'cli']),
        );
      } finally {
        await server.close();
        await served.dispose();
        await local.dispose();
      }
    });

    it('refuses bad credentials and bad arguments with exit 2, writing nothing', async () => {
      const served = await createTestDatabase(engine);
      const local = await createTestDatabase(engine);
      const server = await startTaxiiServer(served.database);
      try {
        server.partners.add(SECRET, PARTNER);
        const base = [
          'pull',
          `${server.url}/taxii2/tearline/`,
          '--collection',
          COLLECTION,
          '--database',
          local.url,
        ];
        const wrong = captureIo();
        assert.equal(await main([...base, '--token', 'not-the-secret'], wrong.io), 2);
        assert.match(wrong.err(), /refused the credentials/);
        const missing = captureIo();
        assert.equal(await main([...base, '--token', SECRET], missing.io), 2, 'unknown collection');
        assert.match(missing.err(), /Not found/);
        for (const argv of [
          ['pull', server.url, '--collection', COLLECTION],
          ['pull', '--collection', COLLECTION, '--token', 'x'],
          ['pull', 'ftp://example/', '--collection', COLLECTION, '--token', 'x'],
          [...base, '--token', SECRET, '--limit', '0'],
          [...base, '--user', 'u'],
        ]) {
          const c = captureIo();
          assert.equal(await main(argv, c.io), 2, argv.join(' '));
          assert.match(c.err(), /tearline pull: /);
        }
        const store = createStore(local.database);
        assert.equal(await store.objects.countLatest(), 0);
        assert.deepEqual(await store.audit.list({}), [], 'a refused pull imported nothing');
      } finally {
        await server.close();
        await served.dispose();
        await local.dispose();
      }
    });
  });
}

it('computes the resume point one microsecond before a date', () => {
  assert.equal(toResumePoint('2024-01-01T00:00:00Z'), '2023-12-31T23:59:59.999999Z');
  assert.equal(toResumePoint('2024-04-01T00:00:00.000010Z'), '2024-04-01T00:00:00.000009Z');
  assert.equal(toResumePoint('not a date'), undefined);
});
