import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { KyselyPlugin } from 'kysely';
import type { Collection } from '../src/core/ports/collection-repository.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { StixId } from '../src/core/stix/stix-id.js';
import type { Database } from '../src/store/database.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import {
  basicAuth,
  startTaxiiServer,
  taxiiRequest,
  TAXII_ACCEPT,
  type TaxiiTestServer,
} from './taxii-harness.js';

const A = { partnerId: 'identity--0a0a0a0a-0000-4000-8000-00000000000a', partnerName: 'Partner A' };
const B = { partnerId: 'identity--0b0b0b0b-0000-4000-8000-00000000000b', partnerName: 'Partner B' };
const ROOT = '/taxii2/tearline';

const outbound = (id: string, partnerId: string): Collection => ({
  id,
  title: `Releases ${id.slice(0, 4)}`,
  canRead: true,
  canWrite: false,
  mediaTypes: ['application/stix+json;version=2.1'],
  partnerId,
  direction: 'outbound',
});
const A_OUT = 'aaaaaaaa-0000-4000-8000-000000000001';
const A_IN = 'aaaaaaaa-0000-4000-8000-000000000002';
const B_OUT = 'bbbbbbbb-0000-4000-8000-000000000001';
const MISSING = 'cccccccc-0000-4000-8000-000000000001';

const actor = (n: number, extra: Partial<StixObject> = {}): StixObject => ({
  type: 'threat-actor',
  spec_version: '2.1',
  id: `threat-actor--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}` as StixId,
  created: '2024-01-01T00:00:00.000Z',
  modified: '2024-01-01T00:00:00.000Z',
  name: `Group ${n}`,
  threat_actor_types: ['terrorist'],
  ...extra,
});

/**
 * Records the statements that touch TAXII tables (to show both 404 paths do the same work): each
 * as its kind and the TAXII tables it names, without parameter values (which name the collection).
 * Statements on other tables are background work of other modules (the webhook delivery loop,
 * the ingest tick, session sweeps) that runs whenever its timers fire, so it is left out: with it
 * the comparison would depend on scheduling, not on what the two requests did.
 */
function recording(database: Database): { database: Database; statements: () => string[] } {
  const seen: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      // Builder queries name tables as identifiers, raw ones inside their SQL text: match both.
      const tables = JSON.stringify(args.node).match(/\btaxii_[a-z_]+/g);
      if (tables) seen.push(`${args.node.kind}:${[...new Set(tables)].sort().join(',')}`);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    database: { ...database, db: database.db.withPlugin(plugin) },
    statements: () => [...seen],
  };
}

async function setUp(server: TaxiiTestServer): Promise<void> {
  server.partners.add('secret-a', A);
  server.partners.add('secret-b', B);
  const repo = server.store.collections;
  await repo.createCollection(outbound(A_OUT, A.partnerId));
  await repo.createCollection({
    ...outbound(A_IN, A.partnerId),
    title: 'Submissions from A',
    canWrite: true,
    direction: 'inbound',
  });
  await repo.createCollection(outbound(B_OUT, B.partnerId));
  for (let i = 0; i < 25; i++)
    await repo.addObjects(A_OUT, [actor(i)], `2024-02-01T00:00:${String(i).padStart(2, '0')}Z`);
  await repo.addObjects(
    A_OUT,
    [actor(0, { modified: '2024-03-01T00:00:00.000Z', revoked: true })],
    '2024-03-02T00:00:00Z',
  );
  await repo.addObjects(B_OUT, [actor(100)], '2024-02-01T00:00:00Z');
}

const A_AUTH = basicAuth('secret-a');

for (const engine of ENGINES) {
  describe(`TAXII server on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    async function withServer(
      fn: (s: TaxiiTestServer, statements: () => string[]) => Promise<void>,
    ) {
      const t = await createTestDatabase(engine);
      const c = recording(t.database);
      const server = await startTaxiiServer(c.database);
      try {
        await setUp(server);
        await fn(server, c.statements);
      } finally {
        await server.close();
        await t.dispose();
      }
    }

    it("answers another partner's collection exactly as a missing one, with the same work", () =>
      withServer(async (server, statements) => {
        const paths = (id: string) => [
          `${ROOT}/collections/${id}/`,
          `${ROOT}/collections/${id}/objects/`,
          `${ROOT}/collections/${id}/objects/?limit=1&match[type]=threat-actor`,
          `${ROOT}/collections/${id}/manifest/`,
          `${ROOT}/collections/${id}/objects/${actor(100).id}/`,
          `${ROOT}/collections/${id}/objects/${actor(100).id}/versions/`,
        ];
        const foreign = paths(B_OUT);
        const missing = paths(MISSING);
        for (let i = 0; i < foreign.length; i++) {
          const q0 = statements().length;
          const calls0 = server.partners.accessCalls;
          const f = await taxiiRequest(server.url + foreign[i], { auth: A_AUTH });
          const q1 = statements().length;
          const calls1 = server.partners.accessCalls;
          const m = await taxiiRequest(server.url + missing[i], { auth: A_AUTH });
          const q2 = statements().length;
          assert.equal(f.status, 404, foreign[i]);
          assert.equal(m.status, f.status);
          assert.equal(m.text, f.text, foreign[i]);
          assert.equal(m.headers.get('content-type'), f.headers.get('content-type'));
          assert.equal(m.headers.get('content-length'), f.headers.get('content-length'));
          const forForeign = statements().slice(q0, q1);
          assert.ok(forForeign.length > 0, `the collection was looked up for ${foreign[i]}`);
          assert.deepEqual(
            statements().slice(q1, q2),
            forForeign,
            `the same statements for ${foreign[i]}`,
          );
          assert.equal(server.partners.accessCalls - calls1, calls1 - calls0);
        }
        for (const method of ['POST', 'DELETE']) {
          const body = method === 'POST' ? JSON.stringify({ objects: [actor(7)] }) : undefined;
          const path = method === 'POST' ? 'objects/' : `objects/${actor(100).id}/`;
          const f = await taxiiRequest(`${server.url}${ROOT}/collections/${B_OUT}/${path}`, {
            method,
            auth: A_AUTH,
            body,
          });
          const m = await taxiiRequest(`${server.url}${ROOT}/collections/${MISSING}/${path}`, {
            method,
            auth: A_AUTH,
            body,
          });
          assert.equal(f.status, 404);
          assert.equal(m.text, f.text);
        }
        const list = await taxiiRequest(`${server.url}${ROOT}/collections/`, { auth: A_AUTH });
        assert.deepEqual(
          (list.json.collections as Array<{ id: string }>).map((c) => c.id).sort(),
          [A_OUT, A_IN].sort(),
        );
        // B still reads its own collection.
        const b = await taxiiRequest(`${server.url}${ROOT}/collections/${B_OUT}/objects/`, {
          auth: 'Bearer secret-b',
        });
        assert.equal(b.status, 200);
        assert.deepEqual(
          (b.json.objects as StixObject[]).map((o) => o.id),
          [actor(100).id],
        );
      }));

    it('takes HTTP Basic and Bearer, and answers 401 with both challenges otherwise', () =>
      withServer(async (server) => {
        const url = `${server.url}${ROOT}/collections/${A_OUT}/`;
        assert.equal((await taxiiRequest(url, { auth: A_AUTH })).status, 200);
        assert.equal((await taxiiRequest(url, { auth: 'Bearer secret-a' })).status, 200);
        for (const auth of [undefined, basicAuth('wrong'), 'Bearer wrong', 'Digest abc']) {
          const r = await taxiiRequest(url, auth ? { auth } : {});
          assert.equal(r.status, 401, String(auth));
          assert.equal(r.json.http_status, '401');
          assert.match(r.headers.get('www-authenticate') ?? '', /Basic realm="tearline-taxii"/);
          assert.match(r.headers.get('www-authenticate') ?? '', /Bearer realm="tearline-taxii"/);
          assert.equal(r.headers.get('content-type'), 'application/taxii+json;version=2.1');
        }
      }));

    it('pages consistently with limit/next, clamps huge limits and refuses forged next tokens', () =>
      withServer(async (server) => {
        const base = `${server.url}${ROOT}/collections/${A_OUT}/objects/`;
        const seen: string[] = [];
        let next: string | undefined;
        let lastHeader = '';
        do {
          const r = await taxiiRequest(
            `${base}?limit=7${next ? `&next=${encodeURIComponent(next)}` : ''}`,
            { auth: A_AUTH },
          );
          assert.equal(r.status, 200);
          const objects = r.json.objects as StixObject[];
          assert.ok(objects.length <= 7);
          seen.push(...objects.map((o) => o.id));
          const first = r.headers.get('X-TAXII-Date-Added-First')!;
          assert.ok(first >= lastHeader, 'pages follow date_added order');
          lastHeader = r.headers.get('X-TAXII-Date-Added-Last')!;
          assert.equal(r.json.more, r.json.next !== undefined);
          next = r.json.next as string | undefined;
        } while (next);
        assert.equal(seen.length, 25);
        assert.equal(new Set(seen).size, 25);
        assert.equal(seen.at(-1), actor(0).id, 'the revoked version of actor 0 came last');
        // added_after resumes after the last page's header.
        const resumed = await taxiiRequest(`${base}?added_after=2024-02-01T00:00:20Z`, {
          auth: A_AUTH,
        });
        assert.equal((resumed.json.objects as unknown[]).length, 5);
        const huge = await taxiiRequest(`${base}?limit=999999999999`, { auth: A_AUTH });
        assert.equal(huge.status, 200);
        assert.equal((huge.json.objects as unknown[]).length, 25);
        for (const bad of ['-1', '0', '1.5', 'ten', '1e3']) {
          const r = await taxiiRequest(`${base}?limit=${bad}`, { auth: A_AUTH });
          assert.equal(r.status, 400, bad);
          assert.equal(r.json.error_code, 'TEARLINE_E_TAXII_BAD_FILTER');
        }
        const good = await taxiiRequest(`${base}?limit=2`, { auth: A_AUTH });
        const token = String(good.json.next);
        const forged = Buffer.from(
          JSON.stringify([
            1,
            'x',
            '2024-01-01T00:00:00.000000Z',
            actor(100).id,
            '2024-01-01T00:00:00.000000Z',
          ]),
        ).toString('base64url');
        for (const bad of ['garbage!', 'AAAA', token.slice(0, -3), forged, 'x'.repeat(700)]) {
          const r = await taxiiRequest(`${base}?limit=2&next=${encodeURIComponent(bad)}`, {
            auth: A_AUTH,
          });
          assert.equal(r.status, 400, bad);
          assert.equal(r.json.title, 'ProcessingError');
          assert.equal(r.json.http_status, '400');
        }
        const badDate = await taxiiRequest(`${base}?added_after=yesterday`, { auth: A_AUTH });
        assert.equal(badDate.status, 400);
      }));

    it('serves only revoked versions under revocations-only, and nothing under none', () =>
      withServer(async (server) => {
        const base = `${server.url}${ROOT}/collections/${A_OUT}`;
        server.partners.setLevel(A.partnerId, 'revocations-only');
        const r = await taxiiRequest(`${base}/objects/`, { auth: A_AUTH });
        assert.equal(r.status, 200);
        assert.deepEqual(
          (r.json.objects as StixObject[]).map((o) => [o.id, o.revoked]),
          [[actor(0).id, true]],
        );
        const manifest = await taxiiRequest(`${base}/manifest/?match[version]=all`, {
          auth: A_AUTH,
        });
        assert.equal((manifest.json.objects as unknown[]).length, 1);
        const hidden = await taxiiRequest(`${base}/objects/${actor(3).id}/`, { auth: A_AUTH });
        assert.equal(hidden.status, 404, 'an unrevoked object is as absent as a missing one');
        const post = await taxiiRequest(`${server.url}${ROOT}/collections/${A_IN}/objects/`, {
          method: 'POST',
          auth: A_AUTH,
          body: JSON.stringify({ objects: [actor(9)] }),
        });
        assert.equal(post.status, 403);
        server.partners.setLevel(A.partnerId, 'none');
        const none = await taxiiRequest(`${base}/objects/`, { auth: A_AUTH });
        const missing = await taxiiRequest(`${server.url}${ROOT}/collections/${MISSING}/objects/`, {
          auth: A_AUTH,
        });
        assert.equal(none.status, 404);
        assert.equal(none.text, missing.text);
        const list = await taxiiRequest(`${server.url}${ROOT}/collections/`, { auth: A_AUTH });
        assert.deepEqual(list.json, {});
      }));

    it('stores a POSTed envelope in the inbound collection and keeps its status private', () =>
      withServer(async (server) => {
        const url = `${server.url}${ROOT}/collections/${A_IN}/objects/`;
        const bad = { type: 'threat-actor', id: 'threat-actor--not-a-uuid', name: 'x' };
        const r = await taxiiRequest(url, {
          method: 'POST',
          auth: A_AUTH,
          body: JSON.stringify({ objects: [actor(50), actor(51), bad, 'text'] }),
        });
        assert.equal(r.status, 202, r.text);
        assert.equal(r.headers.get('content-type'), 'application/taxii+json;version=2.1');
        assert.equal(r.json.status, 'complete');
        assert.equal(r.json.total_count, 4);
        assert.equal(r.json.success_count, 2);
        assert.equal(r.json.failure_count, 2);
        assert.equal((r.json.failures as Array<{ id: string }>)[0]!.id, 'threat-actor--not-a-uuid');
        const statusUrl = `${server.url}${ROOT}/status/${r.json.id}/`;
        const mine = await taxiiRequest(statusUrl, { auth: A_AUTH });
        assert.equal(mine.status, 200);
        assert.deepEqual(mine.json, r.json);
        const theirs = await taxiiRequest(statusUrl, { auth: basicAuth('secret-b') });
        const none = await taxiiRequest(
          `${server.url}${ROOT}/status/00000000-0000-4000-8000-0000000000ff/`,
          { auth: basicAuth('secret-b') },
        );
        assert.equal(theirs.status, 404);
        assert.equal(theirs.text, none.text);
        const stored = await server.store.collections.queryObjects(A_IN, { limit: 10 });
        assert.deepEqual(
          stored.entries.map((e) => e.object.id),
          [actor(50).id, actor(51).id],
        );
        // The outbound collection is read-only for the partner.
        const ro = await taxiiRequest(`${server.url}${ROOT}/collections/${A_OUT}/objects/`, {
          method: 'POST',
          auth: A_AUTH,
          body: JSON.stringify({ objects: [actor(52)] }),
        });
        assert.equal(ro.status, 403);
        const notJson = await taxiiRequest(url, {
          method: 'POST',
          auth: A_AUTH,
          body: '{"objects": [',
        });
        assert.equal(notJson.status, 400);
        assert.equal(notJson.json.error_code, 'TEARLINE_E_TAXII_BAD_JSON');
      }));
  });
}

// Pages come in shared memory slots that are written again once given back: a slot given back
// before its response left would send one partner's page with another's bytes in it.
for (const engine of ENGINES)
  describe(
    `TAXII pages in shared memory on ${engine}`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('sends each page its own bytes under concurrency and takes every slot back, also from hang-ups', async () => {
        const t = await createTestDatabase(engine);
        const server = await startTaxiiServer(t.database);
        try {
          await setUp(server);
          const worker = t.database.pageReadWorker!;
          const slots = worker.freeSlots();
          const base = `${server.url}${ROOT}/collections/${A_OUT}/objects/`;
          const urls = Array.from(
            { length: 90 },
            (_, i) =>
              `${base}?limit=${1 + (i % 4)}&added_after=2024-02-01T00:00:${String(i % 24).padStart(2, '0')}Z`,
          );
          const idsOf = (r: { json: Record<string, unknown> }) =>
            (r.json.objects as StixObject[]).map((o) => o.id);
          const expected: string[][] = [];
          for (const url of urls) expected.push(idsOf(await taxiiRequest(url, { auth: A_AUTH })));
          // Clients that hang up as soon as their request is sent, among many requests in flight.
          const { port } = new URL(server.url);
          const hangUps = Array.from(
            { length: 20 },
            () =>
              new Promise<void>((resolve) => {
                const socket = connect(Number(port), '127.0.0.1', () => {
                  socket.write(
                    `GET ${new URL(urls[0]!).pathname}${new URL(urls[0]!).search} HTTP/1.1\r\nHost: x\r\nAccept: ${TAXII_ACCEPT}\r\nAuthorization: ${A_AUTH}\r\n\r\n`,
                    () => socket.destroy(),
                  );
                });
                socket.on('close', () => resolve());
              }),
          );
          const answers = await Promise.all(urls.map((url) => taxiiRequest(url, { auth: A_AUTH })));
          await Promise.all(hangUps);
          answers.forEach((r, i) => assert.deepEqual(idsOf(r), expected[i], urls[i]));
          await waitFor(() => worker.freeSlots() === slots);
          assert.equal(worker.freeSlots(), slots, 'every slot given back');
        } finally {
          await server.close();
          await t.dispose();
        }
      });

      it('holds a page until a slow client has read it, while other pages are served', async () => {
        const t = await createTestDatabase(engine);
        const server = await startTaxiiServer(t.database);
        try {
          server.partners.add('secret-a', A);
          await server.store.collections.createCollection(outbound(A_OUT, A.partnerId));
          // Four pages of 100 objects of ~2 KB: ~200 KB each, more than a socket takes at once.
          for (let page = 0; page < 4; page++)
            await server.store.collections.addObjects(
              A_OUT,
              Array.from({ length: 100 }, (_, i) =>
                actor(page * 100 + i, { description: `${page}:${i} `.padEnd(2000, 'abcdefgh') }),
              ),
              `2024-02-0${page + 1}T00:00:00Z`,
            );
          const worker = t.database.pageReadWorker!;
          const slots = worker.freeSlots();
          const path = (page: number) =>
            `${ROOT}/collections/${A_OUT}/objects/?limit=100&added_after=2024-0${page === 0 ? '1-31' : `2-0${page}`}T00:00:00Z`;
          const expected = await Promise.all(
            [0, 1, 2, 3].map(
              async (page) =>
                (await taxiiRequest(`${server.url}${path(page)}`, { auth: A_AUTH })).text,
            ),
          );
          const { port } = new URL(server.url);
          // A client that asks for forty pages on one connection (HTTP/1.1 pipelining) and reads
          // nothing yet. Loopback buffers take a few megabytes; the page the socket cannot take
          // waits in the server, in its slot, and the server reads no further request meanwhile.
          const asked = Array.from({ length: 40 }, (_, i) => i % 2);
          const socket = connect(Number(port), '127.0.0.1');
          const chunks: Buffer[] = [];
          socket.pause();
          socket.on('data', (d: Buffer) => chunks.push(d));
          const ended = new Promise((resolve) => socket.on('end', resolve));
          socket.write(
            asked
              .map(
                (page, i) =>
                  `GET ${path(page)} HTTP/1.1\r\nHost: x\r\nAccept: ${TAXII_ACCEPT}\r\nAuthorization: ${A_AUTH}\r\n${i === asked.length - 1 ? 'Connection: close\r\n' : ''}\r\n`,
              )
              .join(''),
          );
          await waitFor(() => worker.freeSlots() < slots);
          await new Promise((resolve) => setTimeout(resolve, 200));
          const held = slots - worker.freeSlots();
          assert.ok(held >= 1, 'pages not yet sent keep their slots');
          // Meanwhile many other pages go out, through every other slot and beyond.
          const others = await Promise.all(
            Array.from({ length: 3 * slots }, (_, i) =>
              taxiiRequest(`${server.url}${path(2 + (i % 2))}`, { auth: A_AUTH }),
            ),
          );
          others.forEach((r, i) => assert.equal(r.text, expected[2 + (i % 2)]));
          socket.resume();
          await ended;
          const bodies = readPipelinedBodies(Buffer.concat(chunks));
          assert.equal(bodies.length, asked.length);
          bodies.forEach((body, i) => assert.equal(body, expected[asked[i]!], `slow page ${i}`));
          await waitFor(() => worker.freeSlots() === slots);
          assert.equal(worker.freeSlots(), slots, 'every slot given back');
        } finally {
          await server.close();
          await t.dispose();
        }
      });
    },
  );

/** The bodies of HTTP/1.1 responses sent one after another on a connection (Content-Length). */
function readPipelinedBodies(bytes: Buffer): string[] {
  const bodies: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    const head = bytes.subarray(at, headEnd).toString('latin1');
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1]);
    bodies.push(bytes.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8'));
    at = headEnd + 4 + length;
  }
  return bodies;
}

/** Waits until `done()` holds, for at most 5 s (the caller asserts what it then finds). */
async function waitFor(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
}
