// Issue 13, item 4: a release of an incident offers the incident's attributed-to and located-at
// relationships whose targets the agreement allows, included by default; the author can opt out;
// what the agreement's TLP does not allow is never offered, and the policy decision point still
// decides every object and reference of the built bundle. On SQLite and PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore } from '../src/store/create-store.js';
import { createSequentialIds, createSteppingClock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import { addPartner } from '../src/sharing/partner-service.js';
import { addAgreement } from '../src/sharing/agreement-service.js';
import { createRelease, previewRelease } from '../src/sharing/release-service.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { FIXTURE_TIME, place, relationship, stixId, threatActor } from './support/stix-fixtures.js';

const INCIDENT = stixId('incident', 1);
const ACTOR = stixId('threat-actor', 2);
const PLACE = stixId('location', 3);
const RED_ACTOR = stixId('threat-actor', 4);
const REL_ACTOR = stixId('relationship', 5);
const REL_PLACE = stixId('relationship', 6);
const REL_RED = stixId('relationship', 7);
const REL_OTHER = stixId('relationship', 8);
const OTHER = stixId('incident', 9);

function objects(): StixObject[] {
  const tlp = (level: 'amber' | 'green' | 'red') => ({
    object_marking_refs: [TLP2_MARKING_IDS[level]],
  });
  const incident = (id: StixObject['id'], name: string): StixObject => ({
    type: 'incident',
    spec_version: '2.1',
    id,
    created: FIXTURE_TIME,
    modified: FIXTURE_TIME,
    name,
    ...tlp('amber'),
  });
  const rel = (...args: Parameters<typeof relationship>) => ({
    ...relationship(...args),
    ...tlp('amber'),
  });
  return [
    incident(INCIDENT, 'Attack on a market'),
    incident(OTHER, 'Another attack'),
    threatActor(ACTOR, { name: 'ISIS-K', ...tlp('amber') }),
    { ...place(PLACE, 'Afghanistan', 'AF', [34.53, 69.17]), ...tlp('green') },
    threatActor(RED_ACTOR, { name: 'A cell known only to us', ...tlp('red') }),
    rel(REL_ACTOR, 'attributed-to', INCIDENT, ACTOR),
    rel(REL_PLACE, 'located-at', INCIDENT, PLACE),
    rel(REL_RED, 'attributed-to', INCIDENT, RED_ACTOR),
    // Related to another incident, and of a type not offered: neither is offered.
    rel(REL_OTHER, 'related-to', INCIDENT, OTHER),
  ];
}

for (const engine of ENGINES) {
  describe(`related objects offered on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('includes what the agreement allows by default, leaves it out on request, never offers what it forbids', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        await store.objects.putObjects(objects());
        const deps: SharingDeps = {
          sharing: store.sharing,
          objects: store.objects,
          collections: store.collections,
          clock: createSteppingClock('2026-05-01T00:00:00.000Z', 1000),
          ids: createSequentialIds(3000),
        };
        const ana = { username: 'ana', roles: ['analyst'] };
        const bea = { username: 'bea', roles: ['approver'] };
        const partner = await addPartner(deps, { name: 'Partner', trustTier: 'trusted' });
        await addAgreement(deps, bea, {
          partnerId: partner.id,
          title: 'Amber',
          tlp: 'amber',
          reason: 'signed',
        });

        const draft = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [INCIDENT],
        });
        const offered = draft.related.map((r) => `${r.relationshipType} ${r.targetId}`).sort();
        assert.deepEqual(offered, [`attributed-to ${ACTOR}`, `located-at ${PLACE}`]);
        assert.ok(draft.related.every((r) => r.included));
        assert.deepEqual(
          [...draft.objectIds].sort(),
          [INCIDENT, ACTOR, PLACE, REL_ACTOR, REL_PLACE].sort(),
        );
        const preview = await previewRelease(deps, draft.id, 'ana');
        assert.ok(preview.related.every((r) => r.included));
        // The policy decided each: all five released, the relationships pointing at released ids.
        const released = preview.items.filter((i) => i.decision.released);
        assert.equal(released.length, 5);
        const bundleTypes = (preview.bundle?.objects ?? []).map((o) => o.type);
        assert.equal(bundleTypes.filter((ty) => ty === 'relationship').length, 2);
        const releasedIds = new Set((preview.bundle?.objects ?? []).map((o) => o.id as string));
        for (const o of preview.bundle?.objects ?? []) {
          if (o.type !== 'relationship') continue;
          assert.ok(
            releasedIds.has(o.source_ref as string) && releasedIds.has(o.target_ref as string),
          );
        }
        assert.ok(!JSON.stringify(preview.bundle).includes('known only to us'));

        const bare = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [INCIDENT],
          includeRelated: false,
        });
        assert.deepEqual(bare.objectIds, [INCIDENT]);
        assert.equal(bare.related.length, 2);
        assert.ok(bare.related.every((r) => !r.included));
        const barePreview = await previewRelease(deps, bare.id, 'ana');
        assert.ok(barePreview.related.every((r) => !r.included));
        assert.equal(
          barePreview.bundle?.objects.filter((o) => o.type === 'relationship').length,
          0,
        );

        // Chosen by hand, the red actor and its relationship are still withheld by the policy.
        const forced = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [INCIDENT, RED_ACTOR, REL_RED],
          includeRelated: false,
        });
        const forcedPreview = await previewRelease(deps, forced.id, 'ana');
        const withheld = forcedPreview.items.filter((i) => !i.decision.released);
        assert.deepEqual(withheld.map((i) => i.source.id).sort(), [RED_ACTOR, REL_RED].sort());
      } finally {
        await t.dispose();
      }
    });
  });
}
