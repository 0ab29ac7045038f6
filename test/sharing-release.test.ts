import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toCanonicalJson } from '../src/sharing/canonical-json.js';
import { ENGINES, createTestDatabase, skipReasonFor } from './support/engines.js';
import { createStore, type Store } from '../src/store/create-store.js';
import { createSequentialIds, createSteppingClock, type Clock } from '../src/core/clock.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../src/core/stix/conflict-event-extension.js';
import type { SharingDeps } from '../src/sharing/sharing-deps.js';
import {
  addPartner,
  createPartnerAccess,
  createPartnerAuthenticator,
  issuePartnerCredential,
  revokePartnerCredential,
} from '../src/sharing/partner-service.js';
import { addAgreement, addCondition, updateCondition } from '../src/sharing/agreement-service.js';
import {
  approveRelease,
  createRelease,
  previewRelease,
  revokeRelease,
} from '../src/sharing/release-service.js';
import { endAgreement } from '../src/sharing/end-agreement.js';
import { verifyLedger } from '../src/sharing/ledger.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { isTearlineError } from '../src/core/errors.js';
import { crocusEvent } from './support/stix-fixtures.js';

const ana = { username: 'ana', roles: ['analyst', 'approver'] };
const bea = { username: 'bea', roles: ['approver'] };
const carl = { username: 'carl', roles: ['analyst'] };

const T = '2024-03-25T10:00:00.000Z';
const id = (type: string, n: number) =>
  `${type}--${'0'.repeat(8)}-1111-4111-8111-${n.toString(16).padStart(12, '0')}` as StixObject['id'];
const ACTOR = id('threat-actor', 1);
const INCIDENT = id('incident', 2);
const PLACE = id('location', 3);
const PERSON = id('identity', 4);
const OUTLET = id('identity', 5);
const REPORT = id('report', 6);
const SECRET = id('incident', 7);
const REL_ACTOR = id('relationship', 8);
const REL_PLACE = id('relationship', 9);
const REL_PERSON = id('relationship', 10);

function knowledgeBase(): StixObject[] {
  const base = { spec_version: '2.1', created: T, modified: T };
  const amber = { object_marking_refs: [TLP2_MARKING_IDS.amber] };
  return [
    {
      ...base,
      ...amber,
      type: 'threat-actor',
      id: ACTOR,
      name: 'ISIS-K',
      aliases: ['Islamic State Khorasan Province'],
      threat_actor_types: ['terrorist'],
    },
    {
      ...base,
      ...amber,
      type: 'incident',
      id: INCIDENT,
      name: 'Crocus City Hall attack',
      description:
        'Gunmen attacked the concert hall; Shahab al-Muhajir was named by a former official.',
      created_by_ref: OUTLET,
      x_tearline_grade: { reliability: 'B', credibility: 2 },
      x_tearline_evidence: [{ report_ref: REPORT, start: 0, end: 40 }],
      external_references: [{ source_name: 'outlet', url: 'https://example.org/story' }],
      extensions: crocusEvent({
        admin1: 'Moscow Oblast',
        location_name: 'Krasnogorsk, Crocus City Hall',
        latitude: 55.825,
        longitude: 37.388,
      }),
    },
    {
      ...base,
      ...amber,
      type: 'location',
      id: PLACE,
      name: 'Crocus City Hall',
      country: 'RU',
      administrative_area: 'Moscow Oblast',
      city: 'Krasnogorsk',
      latitude: 55.825,
      longitude: 37.388,
    },
    {
      ...base,
      ...amber,
      type: 'identity',
      id: PERSON,
      name: 'Shahab al-Muhajir',
      identity_class: 'individual',
    },
    {
      ...base,
      type: 'identity',
      id: OUTLET,
      name: 'A news outlet',
      identity_class: 'organization',
    },
    {
      ...base,
      type: 'report',
      id: REPORT,
      name: 'Article',
      published: T,
      object_refs: [INCIDENT, ACTOR],
      x_tearline_grade: { reliability: 'B', credibility: 2 },
    },
    {
      ...base,
      type: 'incident',
      id: SECRET,
      name: 'Source-derived plot',
      object_marking_refs: [TLP2_MARKING_IDS.red],
    },
    {
      ...base,
      ...amber,
      type: 'relationship',
      id: REL_ACTOR,
      relationship_type: 'attributed-to',
      source_ref: INCIDENT,
      target_ref: ACTOR,
    },
    {
      ...base,
      ...amber,
      type: 'relationship',
      id: REL_PLACE,
      relationship_type: 'located-at',
      source_ref: INCIDENT,
      target_ref: PLACE,
    },
    {
      ...base,
      ...amber,
      type: 'relationship',
      id: REL_PERSON,
      relationship_type: 'related-to',
      source_ref: ACTOR,
      target_ref: PERSON,
    },
  ];
}

const TRANSFORMS = [
  { kind: 'strip-sources' },
  { kind: 'coarsen-place', to: 'admin1' },
  { kind: 'coarsen-date', to: 'month' },
  { kind: 'remove-person-names' },
];

async function setUp(
  store: Store,
  clock: Clock = createSteppingClock('2026-05-01T00:00:00.000Z', 1000),
) {
  const deps: SharingDeps = {
    sharing: store.sharing,
    objects: store.objects,
    collections: store.collections,
    clock,
    ids: createSequentialIds(1000),
  };
  await store.objects.putObjects(knowledgeBase());
  const partner = await addPartner(deps, {
    name: 'Northern Partner Service',
    trustTier: 'trusted',
  });
  const agreement = await addAgreement(deps, ana, {
    partnerId: partner.id,
    title: 'ISIS-K external operations',
    tlp: 'TLP:AMBER',
    iep: { permittedActions: 'internally-visible-actions', attribution: 'must-not' },
    reason: 'signed after the Crocus City Hall attack',
  });
  const condition = await addCondition(deps, ana, agreement.id, {
    text: 'Partner commits to guarantees for the rights of Afghan women',
    reviewDate: '2026-08-01',
    expires: '2027-05-01',
  });
  return { deps, partner, agreement: condition };
}

async function rejects(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => isTearlineError(e) && e.code === code);
}

for (const engine of ENGINES) {
  describe(`releases on ${engine}`, { skip: await skipReasonFor(engine) }, () => {
    it('previews exactly what is delivered, needs a second approver, ledgers it, and revokes it', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        const { deps, partner } = await setUp(store);
        const draft = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [
            ACTOR,
            INCIDENT,
            PLACE,
            PERSON,
            OUTLET,
            REPORT,
            SECRET,
            REL_ACTOR,
            REL_PLACE,
            REL_PERSON,
          ],
          transforms: TRANSFORMS,
        });
        const preview = await previewRelease(deps, draft.id);
        const bundle = preview.bundle;
        assert.ok(bundle);
        const bytes = JSON.stringify(bundle);
        const types = bundle.objects.map((o) => o.type).sort();
        assert.deepEqual(types, [
          'identity',
          'incident',
          'location',
          'marking-definition',
          'marking-definition',
          'relationship',
          'relationship',
          'threat-actor',
        ]);
        for (const internal of [ACTOR, INCIDENT, PLACE, PERSON, OUTLET, REPORT, SECRET]) {
          assert.ok(!bytes.includes(internal.split('--')[1] as string), `${internal} leaked`);
        }
        for (const leak of [
          'x_tearline_',
          'example.org',
          'Shahab',
          'Krasnogorsk',
          '55.825',
          '2024-03-22',
          'Source-derived',
        ]) {
          assert.ok(!bytes.includes(leak), `${leak} leaked`);
        }
        const released = bundle.objects.find((o) => o.type === 'incident') as StixObject;
        const ext = released.extensions?.[CONFLICT_EVENT_EXTENSION_ID] as Record<string, unknown>;
        assert.equal(ext.event_date, '2024-03');
        assert.equal(ext.admin1, 'Moscow Oblast');
        const byDecision = new Map(preview.items.map((i) => [i.source.id, i.decision]));
        assert.match(byDecision.get(SECRET)?.reason ?? '', /TLP:RED/);
        assert.match(byDecision.get(REL_PERSON)?.reason ?? '', /target_ref/);
        assert.ok(byDecision.get(INCIDENT)?.changes.some((c) => c.startsWith('coarsened place')));

        await rejects(approveRelease(deps, ana, draft.id), 'TEARLINE_E_SHARING_SELF_APPROVAL');
        await rejects(approveRelease(deps, carl, draft.id), 'TEARLINE_E_AUTH_FORBIDDEN');
        const delivered = await approveRelease(deps, bea, draft.id);
        assert.equal(delivered.status, 'delivered');
        assert.equal(delivered.approver, 'bea');

        const page = await store.collections.queryObjects(delivered.collectionId as string, {
          limit: 100,
        });
        assert.deepEqual(
          page.entries.map((e) => e.object.id).sort(),
          bundle.objects.map((o) => o.id).sort(),
        );
        // Delivered as previewed, stored as the canonical JSON the ledger hashes.
        assert.deepEqual(
          page.entries.map((e) => e.json).sort(),
          bundle.objects.map((o) => toCanonicalJson(o)).sort(),
        );
        const ledger = await store.sharing.ledger.listEntries();
        assert.equal(ledger.length, bundle.objects.length);
        assert.ok(ledger.every((e) => e.approver === 'bea' && e.releaseId === draft.id));
        assert.equal(verifyLedger(ledger).ok, true);

        await rejects(approveRelease(deps, bea, draft.id), 'TEARLINE_E_SHARING_RELEASE_STATE');
        const revoked = await revokeRelease(deps, carl, draft.id, 'source at risk');
        assert.equal(revoked.status, 'revoked');
        const after = await store.collections.queryObjects(delivered.collectionId as string, {
          limit: 100,
        });
        const revokedIds = after.entries
          .filter((e) => e.object.revoked === true)
          .map((e) => e.object.id)
          .sort();
        assert.deepEqual(
          revokedIds,
          bundle.objects
            .filter((o) => o.type !== 'marking-definition' && o.type !== 'identity')
            .map((o) => o.id)
            .sort(),
        );
        const all = await store.sharing.ledger.listEntries();
        assert.equal(all.filter((e) => e.action === 'revoke').length, revokedIds.length);
        assert.equal(verifyLedger(all).ok, true);
      } finally {
        await t.dispose();
      }
    });

    it('refuses approval when the objects changed after the preview', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        const { deps, partner } = await setUp(store);
        const draft = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [ACTOR],
          transforms: [],
        });
        await previewRelease(deps, draft.id);
        const [actor] = knowledgeBase();
        await store.objects.putObjects([
          { ...(actor as StixObject), modified: '2024-04-01T00:00:00.000Z', name: 'ISKP' },
        ]);
        await rejects(approveRelease(deps, bea, draft.id), 'TEARLINE_E_SHARING_RELEASE_STALE');
        await previewRelease(deps, draft.id);
        assert.equal((await approveRelease(deps, bea, draft.id)).status, 'delivered');
      } finally {
        await t.dispose();
      }
    });

    it('a breached condition suspends the agreement: nothing is released, the partner reads revocations only', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        const { deps, partner, agreement } = await setUp(store);
        const access = createPartnerAccess(store.sharing.agreements);
        assert.equal(await access.getAccessLevel(partner.id, deps.clock.now()), 'full');
        const draft = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [ACTOR],
          transforms: [],
        });
        const condition = agreement.conditions[0];
        assert.ok(condition);
        await updateCondition(deps, ana, agreement.id, condition.id, {
          breached: true,
          reason: 'credible reporting of a breach',
        });
        await rejects(previewRelease(deps, draft.id), 'TEARLINE_E_SHARING_NO_ACTIVE_AGREEMENT');
        assert.equal(await access.getAccessLevel(partner.id, deps.clock.now()), 'revocations-only');
        assert.equal(
          await access.getAccessLevel(
            'identity--00000000-0000-4000-8000-00000000ffff',
            deps.clock.now(),
          ),
          'none',
        );
        // A condition past its review date suspends too, by the clock alone.
        assert.equal(
          await access.getAccessLevel(partner.id, new Date('2026-09-01T00:00:00.000Z')),
          'revocations-only',
        );
      } finally {
        await t.dispose();
      }
    });

    it('ending an agreement revokes what was released under it', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        const { deps, partner, agreement } = await setUp(store);
        const draft = await createRelease(deps, ana, {
          partnerId: partner.id,
          objectIds: [ACTOR, INCIDENT, REL_ACTOR],
          transforms: TRANSFORMS,
        });
        await previewRelease(deps, draft.id);
        await approveRelease(deps, bea, draft.id);
        const { revoked } = await endAgreement(
          deps,
          ana,
          agreement.id,
          'partner broke its commitment',
        );
        assert.equal(revoked.length, 1);
        assert.equal((await store.sharing.releases.getRelease(draft.id))?.status, 'revoked');
        const events = await store.sharing.agreements.listEvents(agreement.id);
        assert.deepEqual(
          events.map((e) => e.action),
          ['created', 'condition-added', 'ended'],
        );
        assert.equal(
          await createPartnerAccess(store.sharing.agreements).getAccessLevel(
            partner.id,
            deps.clock.now(),
          ),
          'revocations-only',
        );
      } finally {
        await t.dispose();
      }
    });

    it('recognises a live partner credential only', async () => {
      const t = await createTestDatabase(engine);
      try {
        const store = createStore(t.database);
        const { deps, partner } = await setUp(store);
        const auth = createPartnerAuthenticator(store.sharing.partners);
        const { secret, credential } = await issuePartnerCredential(
          deps,
          partner.id,
          'their TAXII client',
        );
        assert.equal((credential as Record<string, unknown>).secretHash, undefined);
        const recognised = await auth.authenticatePartner(secret);
        assert.deepEqual(
          { partnerId: recognised?.partnerId, partnerName: recognised?.partnerName },
          { partnerId: partner.id, partnerName: partner.name },
        );
        assert.equal(typeof recognised?.sharingState, 'string');
        assert.equal(await auth.authenticatePartner(`${secret}x`), undefined);
        await revokePartnerCredential(deps, credential.id);
        assert.equal(await auth.authenticatePartner(secret), undefined);
        await rejects(
          revokePartnerCredential(deps, credential.id),
          'TEARLINE_E_SHARING_CREDENTIAL_NOT_FOUND',
        );
      } finally {
        await t.dispose();
      }
    });
  });
}
