// Every path that reads an object answers "who read or exported it" (issue 18): one row per read
// path of the server and the CLI; each performs the read of a restricted object (TLP:AMBER+STRICT,
// or on the protected list) and must leave an audit record naming the reader and the object's id.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, skipReasonFor } from './support/engines.js';
import { runCliAsOps } from './audit-trail-support.js';
import { createTestApp, type TestApp } from './server-fixture.js';
import { TLP2_MARKING_IDS } from '../src/core/vocab/tlp.js';
import type { AuditEntry } from '../src/core/audit.js';
import type { StixObject } from '../src/core/stix/stix-object.js';

const STRICT = 'threat-actor--00000000-0000-4000-8000-0000000000a1';
const GREEN = 'threat-actor--00000000-0000-4000-8000-0000000000a2';
const INFORMANT = 'identity--00000000-0000-4000-8000-0000000000a3';
const LINK = 'relationship--00000000-0000-4000-8000-0000000000a4';
const T1 = '2024-03-22T00:00:00.000Z';
const T2 = '2024-04-22T00:00:00.000Z';
const green = [TLP2_MARKING_IDS.green];

function sdo(id: string, fields: Record<string, unknown>, modified = T1): StixObject {
  return {
    type: id.split('--')[0]!,
    spec_version: '2.1',
    id: id as StixObject['id'],
    created: T1,
    modified,
    ...fields,
  };
}

type Session = { cookie: string; csrf: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(t: TestApp, s: Session, method: string, url: string, payload?: object) {
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

const tearline = runCliAsOps;

/** A read path: its name, the reader the record must name, the object id it must name, the read. */
type ReadPath = [path: string, reader: string, id: string, read: () => Promise<unknown>];

for (const engine of ENGINES) {
  describe(`audit of every read path on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('records the reader and the object id on each path', async (ctx) => {
      const t = await createTestApp(engine);
      ctx.after(() => t.dispose());
      await t.addUser('root', 'admin');
      await t.addUser('ana', 'analyst');
      await t.addUser('bea', 'approver');
      await t.store.objects.putObjects([
        sdo(STRICT, {
          name: 'Strict Brigade',
          threat_actor_types: ['terrorist'],
          object_marking_refs: [TLP2_MARKING_IDS['amber+strict']],
        }),
        sdo(
          STRICT,
          {
            name: 'Strict Brigade',
            threat_actor_types: ['terrorist'],
            object_marking_refs: [TLP2_MARKING_IDS['amber+strict']],
          },
          T2,
        ),
        sdo(GREEN, { name: 'Green Front', object_marking_refs: green }),
        sdo(INFORMANT, {
          name: 'Gul Ahmad',
          identity_class: 'individual',
          object_marking_refs: green,
        }),
        sdo(LINK, {
          relationship_type: 'related-to',
          source_ref: GREEN,
          target_ref: STRICT,
          object_marking_refs: green,
        }),
      ]);
      const root = await t.signIn('root');
      const ana = await t.signIn('ana');
      const bea = await t.signIn('bea');
      await call(t, bea, 'PUT', '/api/sharing/settings', { protectedTerms: ['Gul Ahmad'] });
      await call(t, root, 'POST', '/api/analysis/reindex');

      // A close partner under an AMBER+STRICT agreement receives the strict actor.
      const partner = await call(t, ana, 'POST', '/api/partners', {
        name: 'Close Service',
        trustTier: 'close',
      });
      const { secret } = await call(t, root, 'POST', `/api/partners/${partner.id}/credentials`, {});
      await call(t, bea, 'POST', '/api/agreements', {
        partnerId: partner.id,
        title: 'Strict',
        tlp: 'AMBER+STRICT',
        iep: { permittedActions: 'contact-for-instruction' },
        reason: 'signed',
      });
      const release = async () =>
        (
          await call(t, ana, 'POST', '/api/releases', {
            partnerId: partner.id,
            objectIds: [STRICT],
            transforms: [{ kind: 'strip-sources' }],
          })
        ).id as string;
      const delivered = await release();
      await call(t, ana, 'POST', `/api/releases/${delivered}/preview`);
      const seenPreview = await call(t, bea, 'GET', `/api/releases/${delivered}/preview`);
      const acknowledgements = (seenPreview.findings as { id: string }[]).map((f) => ({
        findingId: f.id,
        reason: 'read-path test',
      }));
      const approved = await call(t, bea, 'POST', `/api/releases/${delivered}/approve`, {
        acknowledgements,
      });
      const collection = approved.collectionId as string;
      const draft = await release();
      const taxii = (url: string, method: 'GET' | 'HEAD' = 'GET') =>
        t.app.inject({
          method,
          url,
          headers: {
            accept: 'application/taxii+json;version=2.1',
            authorization: `Basic ${Buffer.from(`partner:${secret}`).toString('base64')}`,
          },
        });
      const objects = `/taxii2/tearline/collections/${collection}/objects/`;
      const page = await taxii(objects);
      const releasedId = (page.json() as { objects: StixObject[] }).objects.find(
        (o) => o.type === 'threat-actor',
      )!.id;
      const dbUrl = t.store.database.url;
      const partnerName = 'Close Service';

      const get =
        (s: Session, url: string, method = 'GET') =>
        () =>
          call(t, s, method, url);
      const cli =
        (...argv: string[]) =>
        () =>
          tearline(dbUrl, ...argv);
      const paths: ReadPath[] = [
        ['object', 'ana', STRICT, get(ana, `/api/objects/${STRICT}`)],
        ['versions', 'ana', STRICT, get(ana, `/api/objects/${STRICT}/versions`)],
        ['one version', 'ana', STRICT, get(ana, `/api/objects/${STRICT}/versions/${T1}`)],
        ['object list', 'ana', STRICT, get(ana, '/api/objects?type=threat-actor')],
        ['search', 'ana', STRICT, get(ana, '/api/search?q=Brigade')],
        ['search (protected)', 'ana', INFORMANT, get(ana, '/api/search?q=Ahmad')],
        ['object (protected)', 'ana', INFORMANT, get(ana, `/api/objects/${INFORMANT}`)],
        ['relationships', 'ana', STRICT, get(ana, `/api/objects/${GREEN}/relationships`)],
        ['actor list', 'ana', STRICT, get(ana, '/api/actors')],
        ['actor profile / graph', 'ana', STRICT, get(ana, `/api/actors/${STRICT}/profile`)],
        [
          'release preview (POST)',
          'ana',
          STRICT,
          get(ana, `/api/releases/${draft}/preview`, 'POST'),
        ],
        ['release preview (GET)', 'bea', STRICT, get(bea, `/api/releases/${draft}/preview`)],
        ['bundle download', 'ana', STRICT, get(ana, `/api/releases/${delivered}`)],
        ['TAXII objects', partnerName, STRICT, () => taxii(objects)],
        ['TAXII object', partnerName, STRICT, () => taxii(`${objects}${releasedId}/`)],
        [
          'TAXII versions',
          partnerName,
          releasedId,
          () => taxii(`${objects}${releasedId}/versions/`),
        ],
        ['CLI export', 'os:ops', STRICT, cli('export', '--out', '/dev/null')],
        ['CLI bundle', 'os:ops', STRICT, cli('release', 'show', delivered, '--bundle')],
        ['CLI preview', 'ana', STRICT, cli('release', 'preview', draft, '--as', 'ana')],
        ['CLI brief', 'os:ops', STRICT, cli('brief', '--actor', STRICT)],
      ];

      for (const [path, reader, id, read] of paths) {
        const before = await call(t, root, 'GET', `/api/audit?object=${id}`);
        const known = new Set((before.entries as AuditEntry[]).map((e) => e.seq));
        await read();
        let found: AuditEntry | undefined;
        // The record is written after the reply (an aggregate's ids are classified first).
        for (let i = 0; i < 40 && found === undefined; i++) {
          const now = (await call(t, root, 'GET', `/api/audit?object=${id}`))
            .entries as AuditEntry[];
          found = now.find((e) => !known.has(e.seq) && e.actorName === reader);
          if (found === undefined) await new Promise((r) => setTimeout(r, 25));
        }
        assert.ok(found, `${path}: no audit record names ${reader} and ${id}`);
        assert.ok(!JSON.stringify(found).includes('Brigade'), `${path}: content in the trail`);
      }
      // A partner paging hard: every read is counted, in as few records as the windows allow.
      const known = new Set(
        (
          (await call(t, root, 'GET', `/api/audit?object=${collection}`)).entries as AuditEntry[]
        ).map((e) => e.seq),
      );
      await Promise.all(Array.from({ length: 5 }, () => taxii(objects)));
      // A HEAD answer holds no objects: not a read (the route Fastify adds for it has its own key).
      assert.equal((await taxii(objects, 'HEAD')).statusCode, 200);
      let counted = 0;
      for (let i = 0; i < 40 && counted < 5; i++) {
        const now = (await call(t, root, 'GET', `/api/audit?object=${collection}`))
          .entries as AuditEntry[];
        counted = now
          .filter((e) => !known.has(e.seq) && e.action === 'taxii.read')
          .reduce((sum, e) => sum + e.count, 0);
        if (counted < 5) await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise((r) => setTimeout(r, 150)); // past the recorder's flush
      counted = (
        (await call(t, root, 'GET', `/api/audit?object=${collection}`)).entries as AuditEntry[]
      )
        .filter((e) => !known.has(e.seq) && e.action === 'taxii.read')
        .reduce((sum, e) => sum + e.count, 0);
      assert.equal(counted, 5, 'five page reads counted, and the HEAD request not');
      const verdict = await call(t, root, 'GET', '/api/audit/verify');
      assert.equal(verdict.ok, true);
    });
  });
}
