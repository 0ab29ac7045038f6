import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { basicAuth, startTaxiiServer, taxiiRequest, type TestPartners } from './taxii-harness.js';
import { createSequentialIds, createSteppingClock, type Clock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import {
  createPartnerAccess,
  createPartnerAuthenticator,
  addPartner,
  issuePartnerCredential,
  revokePartnerCredential,
} from '../src/sharing/partner-service.js';
import { addAgreement, changeAgreementState } from '../src/sharing/agreement-service.js';
import { getOutboundCollection } from '../src/sharing/release-delivery.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { createStore } from '../src/store/create-store.js';
import { approveRelease, createRelease, previewRelease } from '../src/sharing/release-service.js';
import { endAgreement } from '../src/sharing/end-agreement.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { sha256Hex, toCanonicalJson } from '../src/sharing/canonical-json.js';

const T = '2024-03-22T00:00:00.000Z';
const ACTOR = 'threat-actor--00000000-0000-4000-8000-0000000000d1' as StixObject['id'];
const INCIDENT = 'incident--00000000-0000-4000-8000-0000000000d2' as StixObject['id'];
const REL = 'relationship--00000000-0000-4000-8000-0000000000d3' as StixObject['id'];
const amber = [TLP2_MARKING_IDS.amber];

/**
 * The TAXII server over a test database with the real partner authenticator and access (the
 * sharing policy's, over the store's agreements), not the harness's stand-ins.
 */
async function startWithRealPartners(database: Database, clock: Clock) {
  const probe = await startTaxiiServer(database);
  const store = probe.store;
  await probe.close();
  const partners: TestPartners = {
    ...createPartnerAuthenticator(store.sharing.partners),
    ...createPartnerAccess(store.sharing.agreements),
    add: () => assert.fail('not used'),
    setLevel: () => assert.fail('not used'),
    accessCalls: 0,
  };
  return { store, server: await startTaxiiServer(database, { clock, partners }) };
}

for (const engine of ENGINES) {
  describe(`a partner's TAXII client on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('sees only its collection and the transformed objects released to it; revocation reaches it', async () => {
      const t = await createTestDatabase(engine);
      const clock = createSteppingClock('2026-05-01T00:00:00.000Z', 1000);
      const { store, server } = await startWithRealPartners(t.database, clock);
      try {
        const deps: SharingDeps = {
          sharing: store.sharing,
          objects: store.objects,
          collections: store.collections,
          clock,
          ids: createSequentialIds(5000),
        };
        await store.objects.putObjects([
          {
            type: 'threat-actor',
            spec_version: '2.1',
            id: ACTOR,
            created: T,
            modified: T,
            name: 'ISIS-K',
            object_marking_refs: amber,
          },
          {
            type: 'incident',
            spec_version: '2.1',
            id: INCIDENT,
            created: T,
            modified: T,
            name: 'Attack',
            object_marking_refs: amber,
            x_tearline_grade: { reliability: 'B', credibility: 2 },
          },
          {
            type: 'relationship',
            spec_version: '2.1',
            id: REL,
            created: T,
            modified: T,
            relationship_type: 'attributed-to',
            source_ref: INCIDENT,
            target_ref: ACTOR,
            object_marking_refs: amber,
          },
        ]);
        const ana = { username: 'ana', roles: ['analyst'] };
        const bea = { username: 'bea', roles: ['approver'] };
        const a = await addPartner(deps, { name: 'Partner A', trustTier: 'limited' });
        const b = await addPartner(deps, { name: 'Partner B', trustTier: 'trusted' });
        const agreementA = await addAgreement(deps, bea, {
          partnerId: a.id,
          title: 'A',
          tlp: 'amber',
          reason: 'signed',
        });
        await addAgreement(deps, bea, {
          partnerId: b.id,
          title: 'B',
          tlp: 'amber',
          reason: 'signed',
        });
        const secretA = (await issuePartnerCredential(deps, a.id)).secret;
        const secretB = (await issuePartnerCredential(deps, b.id)).secret;
        const draft = await createRelease(deps, ana, {
          partnerId: a.id,
          objectIds: [ACTOR, INCIDENT, REL],
          transforms: [{ kind: 'strip-sources' }],
        });
        const preview = await previewRelease(deps, draft.id);
        const delivered = await approveRelease(deps, bea, draft.id);
        const root = `${server.url}/taxii2/tearline`;

        const wrong = await taxiiRequest(`${root}/collections/`, {
          auth: basicAuth('tlpt_not-a-secret'),
        });
        assert.equal(wrong.status, 401);
        const listA = await taxiiRequest(`${root}/collections/`, { auth: basicAuth(secretA) });
        assert.equal(listA.status, 200);
        assert.deepEqual(
          (listA.json.collections as Array<{ id: string }>).map((c) => c.id),
          [delivered.collectionId],
        );
        const objectsA = await taxiiRequest(
          `${root}/collections/${delivered.collectionId}/objects/`,
          { auth: `Bearer ${secretA}` },
        );
        assert.equal(objectsA.status, 200);
        // The ledger holds the SHA-256 of the very bytes served for each object.
        const disclosed = await store.sharing.ledger.listEntries({ releaseId: delivered.id });
        for (const served of objectsA.json.objects as StixObject[]) {
          const bytes = toCanonicalJson(served);
          assert.ok(objectsA.text.includes(bytes), `${served.id} is served as its canonical JSON`);
          const entry = disclosed.find((e) => e.objectId === served.id);
          assert.equal(entry?.sha256, sha256Hex(bytes), `${served.id}'s ledger hash`);
        }
        const got = (objectsA.json.objects as StixObject[]).map((o) => o.id).sort();
        assert.deepEqual(got, (preview.bundle?.objects ?? []).map((o) => o.id).sort());
        for (const internal of [ACTOR, INCIDENT, REL])
          assert.ok(!objectsA.text.includes(internal.slice(-12)));
        assert.ok(!objectsA.text.includes('x_tearline_'));

        const fromB = await taxiiRequest(`${root}/collections/${delivered.collectionId}/objects/`, {
          auth: basicAuth(secretB),
        });
        const missing = await taxiiRequest(
          `${root}/collections/00000000-0000-4000-8000-00000000dead/objects/`,
          { auth: basicAuth(secretB) },
        );
        assert.equal(fromB.status, missing.status);
        assert.deepEqual(fromB.json, missing.json);

        await endAgreement(deps, ana, agreementA.id, 'commitment broken');
        const after = await taxiiRequest(`${root}/collections/${delivered.collectionId}/objects/`, {
          auth: basicAuth(secretA),
        });
        assert.equal(after.status, 200);
        const revoked = after.json.objects as StixObject[];
        assert.ok(revoked.length > 0);
        assert.ok(revoked.every((o) => o.revoked === true));
      } finally {
        await server.close();
        await t.dispose();
      }
    });
  });
}

// Agreements and collections read for one request are reused while the sharing state's token
// stays the same (migration 0302). A change made by another process (a CLI command, another
// server) must still apply on the very next request.
for (const engine of ENGINES) {
  describe(
    `a partner's access on ${engine}, changed by another process`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('applies agreement changes, new collections and credential revocations on the next request', async () => {
        const t = await createTestDatabase(engine);
        const clock = createSteppingClock('2026-05-01T00:00:00.000Z', 1000);
        const { server } = await startWithRealPartners(t.database, clock);
        // The other process: its own connection to the same store.
        const other = await openDatabase(t.url);
        try {
          const otherStore = createStore(other);
          const deps: SharingDeps = {
            sharing: otherStore.sharing,
            objects: otherStore.objects,
            collections: otherStore.collections,
            clock,
            ids: createSequentialIds(7000),
          };
          const bea = { username: 'bea', roles: ['approver'] };
          const a = await addPartner(deps, { name: 'Partner A', trustTier: 'limited' });
          const agreement = await addAgreement(deps, bea, {
            partnerId: a.id,
            title: 'A',
            tlp: 'amber',
            reason: 'signed',
          });
          const credential = await issuePartnerCredential(deps, a.id);
          const auth = basicAuth(credential.secret);
          const collection = await getOutboundCollection(deps, a);
          await otherStore.collections.addObjects(
            collection.id,
            [
              {
                type: 'threat-actor',
                spec_version: '2.1',
                id: ACTOR,
                created: T,
                modified: T,
                name: 'Group',
              },
            ],
            '2026-05-01T00:00:00Z',
          );
          const root = `${server.url}/taxii2/tearline/collections`;
          const objects = `${root}/${collection.id}/objects/`;
          const read = async () => (await taxiiRequest(objects, { auth })).status;
          // Twice, so that the second answer comes from what the first one read.
          assert.equal(await read(), 200);
          assert.equal(await read(), 200);

          await changeAgreementState(deps, bea, agreement.id, 'suspended', 'condition breached');
          const suspended = await taxiiRequest(objects, { auth });
          assert.deepEqual(
            suspended.json,
            {},
            'suspended: only revoked versions, and there are none',
          );
          await changeAgreementState(deps, bea, agreement.id, 'active', 'resolved');
          assert.equal(
            ((await taxiiRequest(objects, { auth })).json.objects as unknown[]).length,
            1,
          );

          // A collection id asked for before it exists, then created by the other process.
          const laterId = '11111111-0000-4000-8000-000000000001';
          const later = `${root}/${laterId}/`;
          assert.equal((await taxiiRequest(later, { auth })).status, 404);
          assert.equal((await taxiiRequest(later, { auth })).status, 404);
          await otherStore.collections.createCollection({
            id: laterId,
            title: 'Later',
            canRead: true,
            canWrite: false,
            mediaTypes: ['application/stix+json;version=2.1'],
            partnerId: a.id,
            direction: 'outbound',
          });
          assert.equal((await taxiiRequest(later, { auth })).status, 200);

          await revokePartnerCredential(deps, credential.credential.id);
          assert.equal(await read(), 401);
        } finally {
          await other.close();
          await server.close();
          await t.dispose();
        }
      });
    },
  );
}
