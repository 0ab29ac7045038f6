// Two approvers approve the same release at the same moment, each over its own database
// connection: exactly one approval records and delivers, the other is refused (issue 18 part 4).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import { isTearlineError } from '../src/core/errors.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { openDatabase } from '../src/store/database.js';
import { createStore, type Store } from '../src/store/create-store.js';
import { addPartner } from '../src/sharing/partner-service.js';
import { addAgreement } from '../src/sharing/agreement-service.js';
import { approveRelease, createRelease, previewRelease } from '../src/sharing/release-service.js';
import { verifyLedger } from '../src/sharing/ledger.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';

const T = '2024-03-25T10:00:00.000Z';
const ACTOR = 'threat-actor--00000000-1111-4111-8111-000000000001' as StixObject['id'];
const ana = { username: 'ana', roles: ['analyst'] };

function toDeps(store: Store, firstId: number): SharingDeps {
  return {
    sharing: store.sharing,
    objects: store.objects,
    collections: store.collections,
    clock: createSteppingClock('2026-05-01T00:00:00.000Z', 1000),
    ids: createSequentialIds(firstId),
  };
}

for (const engine of ENGINES) {
  describe(`a double approval on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('delivers once and writes one set of ledger entries', async (t) => {
      const db = await createTestDatabase(engine);
      t.after(() => db.dispose());
      const second = await openDatabase(db.url);
      t.after(() => second.close());
      const store = createStore(db.database);
      const one = toDeps(store, 1000);
      const two = toDeps(createStore(second), 5000);
      await store.objects.putObjects([
        {
          type: 'threat-actor',
          spec_version: '2.1',
          id: ACTOR,
          created: T,
          modified: T,
          name: 'ISIS-K',
          threat_actor_types: ['terrorist'],
          object_marking_refs: [TLP2_MARKING_IDS.green],
        } as StixObject,
      ]);
      const partner = await addPartner(one, { name: 'Northern Partner', trustTier: 'minimal' });
      await addAgreement(one, ana, {
        partnerId: partner.id,
        title: 'ISIS-K',
        tlp: 'TLP:AMBER',
        iep: { permittedActions: 'internally-visible-actions', attribution: 'must-not' },
        reason: 'test',
      });
      const draft = await createRelease(one, ana, { partnerId: partner.id, objectIds: [ACTOR] });
      const preview = await previewRelease(one, draft.id);
      assert.ok(preview.bundle && preview.bundle.objects.length > 0);

      const outcomes = await Promise.allSettled([
        approveRelease(one, { username: 'bea', roles: ['approver'] }, draft.id),
        approveRelease(two, { username: 'dan', roles: ['approver'] }, draft.id),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(won.length, 1, JSON.stringify(outcomes));
      const reason = (lost[0] as PromiseRejectedResult).reason as unknown;
      assert.ok(isTearlineError(reason) && reason.kind === 'conflict', String(reason));
      const winner = (won[0] as PromiseFulfilledResult<{ approver?: string }>).value.approver;

      const entries = await one.sharing.ledger.listEntries({ releaseId: draft.id });
      assert.equal(entries.length, preview.bundle.objects.length, 'one entry per object, once');
      assert.ok(entries.every((e) => e.approver === winner && e.action === 'release'));
      assert.equal(verifyLedger(await one.sharing.ledger.listEntries()).ok, true);
      const stored = await one.sharing.releases.getRelease(draft.id);
      assert.equal(stored?.status, 'delivered');
      assert.equal(stored?.approver, winner);
    });
  });
}
