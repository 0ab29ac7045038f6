import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import { addPartner } from '../src/sharing/partner-service.js';
import { addAgreement } from '../src/sharing/agreement-service.js';
import {
  completeInterruptedDeliveries,
  createRelease,
  getReleaseOrThrow,
  previewRelease,
} from '../src/sharing/release-service.js';
import { sealLedgerEntries, verifyLedger } from '../src/sharing/ledger.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';

const incident: StixObject = {
  type: 'incident',
  spec_version: '2.1',
  id: 'incident--00000000-1111-4111-8111-000000000001',
  created: '2024-03-23T10:00:00.000Z',
  modified: '2024-03-23T10:00:00.000Z',
  name: 'Attack on a concert hall',
  object_marking_refs: [TLP2_MARKING_IDS.amber],
};

// A kill between the ledger (one transaction) and the partner's collection leaves a release
// `previewed` whose disclosures are recorded; reopening must finish the delivery, not lose it.
for (const engine of ENGINES) {
  describe(
    `an approval interrupted after the ledger on ${engine}`,
    { skip: await skipReasonFor(engine) },
    () => {
      it('is delivered whole when the store is reopened, and the ledger still verifies', async () => {
        const t = await createTestDatabase(engine);
        try {
          const store = createStore(t.database);
          const deps: SharingDeps = {
            sharing: store.sharing,
            objects: store.objects,
            collections: store.collections,
            clock: createSteppingClock('2026-05-01T00:00:00.000Z', 1000),
            ids: createSequentialIds(500),
          };
          await store.objects.putObjects([incident]);
          const analyst = { username: 'ana', roles: ['analyst'] };
          const partner = await addPartner(deps, { name: 'Partner', trustTier: 'trusted' });
          await addAgreement(deps, analyst, {
            partnerId: partner.id,
            title: 'A',
            tlp: 'amber',
            reason: 'signed',
          });
          const draft = await createRelease(deps, analyst, {
            partnerId: partner.id,
            objectIds: [incident.id],
          });
          const preview = await previewRelease(deps, draft.id);
          const objects = preview.bundle?.objects ?? [];
          assert.ok(objects.length > 0);
          assert.deepEqual(
            await completeInterruptedDeliveries(deps),
            [],
            'a previewed release without disclosures is left alone',
          );

          // What approveRelease writes before it is killed: the ledger entries, nothing else.
          await store.sharing.ledger.append((head) =>
            sealLedgerEntries(
              head,
              objects.map((o) => ({
                partnerId: partner.id,
                objectId: o.id,
                objectVersion: o.modified ?? o.created ?? '',
                sha256: '0'.repeat(64),
                releaseId: draft.id,
                approver: 'bea',
                action: 'release' as const,
                at: '2026-05-01T00:10:00.000Z',
              })),
            ),
          );
          assert.equal((await getReleaseOrThrow(deps, draft.id)).status, 'previewed');

          assert.deepEqual(await completeInterruptedDeliveries(deps), [draft.id]);
          const release = await getReleaseOrThrow(deps, draft.id);
          assert.equal(release.status, 'delivered');
          assert.equal(release.approver, 'bea');
          const [collection] = await store.collections.listCollections({ partnerId: partner.id });
          const page = await store.collections.queryObjects(collection!.id, { limit: 100 });
          assert.deepEqual(
            page.entries.map((e) => e.object.id).sort(),
            objects.map((o) => o.id).sort(),
          );
          assert.equal(verifyLedger(await store.sharing.ledger.listEntries()).ok, true);
          assert.deepEqual(
            await completeInterruptedDeliveries(deps),
            [],
            'a second run finds nothing to do',
          );
        } finally {
          await t.dispose();
        }
      });
    },
  );
}
