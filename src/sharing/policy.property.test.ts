import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Agreement, Partner, TlpLevel } from '../core/ports/sharing.js';
import type { StixObject } from '../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import { decideRelease } from './policy.js';
import { validateBundle } from '../core/stix/validate-bundle.js';
import { validateStixObject } from '../core/stix/validate-stix-object.js';
import { getEffectiveState } from './agreement-state.js';
import { TLP2_MARKING_IDS, TLP_LEVELS, tlpOfObject, tlpRank } from './tlp.js';
import type { Transform } from './transform.js';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const TYPES = [
  'threat-actor',
  'incident',
  'location',
  'identity',
  'report',
  'note',
  'relationship',
  'sighting',
  'grouping',
] as const;
const PERSON_NAMES = ['Shahab al-Muhajir', 'Sanaullah Ghafari', 'Aslam Farooqi'];
const TLP1_RED = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
const partner: Partner = {
  id: 'identity--aaaaaaaa-0000-4000-8000-000000000001',
  name: 'Partner',
  trustTier: 'trusted',
  identity: { type: 'identity', id: 'identity--aaaaaaaa-0000-4000-8000-000000000001' },
  created: '2026-01-01T00:00:00.000Z',
};
const organization: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--bbbbbbbb-0000-4000-8000-000000000002',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'Our team',
  identity_class: 'organization',
};

const objectSpec = fc.record({
  type: fc.constantFrom(...TYPES),
  uuid: fc.uuid({ version: 4 }),
  marking: fc.constantFrom<TlpLevel | 'none' | 'tlp1-red' | 'granular-red'>(
    'none',
    'tlp1-red',
    'granular-red',
    ...TLP_LEVELS,
  ),
  confidence: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  a: fc.nat(40),
  b: fc.nat(40),
  createdBy: fc.option(fc.nat(40), { nil: undefined }),
  textRef: fc.option(fc.nat(40), { nil: undefined }),
  refs: fc.array(fc.nat(40), { maxLength: 4 }),
  person: fc.boolean(),
  nameInText: fc.option(fc.constantFrom(...PERSON_NAMES), { nil: undefined }),
  internalBits: fc.boolean(),
  revoked: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  internalLabel: fc.boolean(),
});

const transformArb: fc.Arbitrary<Transform> = fc.oneof(
  fc.constant<Transform>({ kind: 'strip-sources' }),
  fc.constantFrom<Transform>(
    { kind: 'coarsen-place', to: 'admin1' },
    { kind: 'coarsen-place', to: 'country' },
  ),
  fc.constantFrom<Transform>(
    { kind: 'coarsen-date', to: 'month' },
    { kind: 'coarsen-date', to: 'year' },
  ),
  fc.constant<Transform>({ kind: 'remove-person-names' }),
  fc.integer({ min: 0, max: 100 }).map<Transform>((min) => ({ kind: 'confidence-floor', min })),
  fc.constant<Transform>({ kind: 'redact-text', phrases: ['Kabul'] }),
);

const agreementArb = fc.record({
  tlp: fc.constantFrom(...TLP_LEVELS),
  state: fc.constantFrom<Agreement['state']>(
    'active',
    'active',
    'active',
    'active',
    'suspended',
    'ended',
  ),
  reviewInDays: fc.option(fc.integer({ min: -10, max: 60 }), { nil: undefined }),
  breached: fc.constantFrom(false, false, false, true),
  expiresInDays: fc.option(fc.integer({ min: -10, max: 300 }), { nil: undefined }),
  uuid: fc.uuid({ version: 4 }),
});

type ObjectSpec = typeof objectSpec extends fc.Arbitrary<infer T> ? T : never;
type AgreementSpec = typeof agreementArb extends fc.Arbitrary<infer T> ? T : never;

const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

function toAgreement(spec: AgreementSpec): Agreement {
  return {
    id: spec.uuid,
    partnerId: partner.id,
    title: 'Test agreement',
    tlp: spec.tlp,
    iep: {
      permittedActions: 'internally-visible-actions',
      affectedPartyNotifications: 'must-not',
      attribution: 'must-not',
      unmodifiedResale: 'must-not',
      encryptInTransit: 'must',
    },
    iepMarkingUuid: spec.uuid.replace(/^.{8}/, 'eeeeeeee'),
    conditions:
      spec.reviewInDays === undefined
        ? []
        : [
            {
              id: spec.uuid,
              text: 'Commitment',
              reviewDate: days(spec.reviewInDays),
              expires: days(spec.reviewInDays + 90),
              ...(spec.breached ? { breached: days(-1) } : {}),
            },
          ],
    state: spec.state,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...(spec.expiresInDays === undefined ? {} : { expires: days(spec.expiresInDays) }),
  };
}

function buildGraph(specs: ObjectSpec[]): { selection: StixObject[]; all: StixObject[] } {
  const ids = specs.map((s) => `${s.type}--${s.uuid}` as StixObject['id']);
  const pick = (n: number) => ids[n % ids.length] as string;
  const all = specs.map((s, i): StixObject => {
    const o: StixObject = {
      type: s.type,
      spec_version: '2.1',
      id: ids[i] as StixObject['id'],
      created: '2024-03-22T18:30:00.000Z',
      modified: '2024-03-23T09:00:00.000Z',
      name: `Object ${i}${s.nameInText ? ` with ${s.nameInText} in Kabul` : ''}`,
      description: `See ${s.textRef === undefined ? 'nothing' : pick(s.textRef)}; ${s.nameInText ?? ''}`,
    };
    if (s.confidence !== undefined) o.confidence = s.confidence;
    // STIX 2.1 §3.2: created_by_ref names an identity.
    if (s.createdBy !== undefined && pick(s.createdBy).startsWith('identity--')) {
      o.created_by_ref = pick(s.createdBy);
    }
    if (s.revoked) o.revoked = true;
    if (s.marking === 'tlp1-red') o.object_marking_refs = [TLP1_RED];
    else if (s.marking === 'granular-red') {
      o.granular_markings = [{ marking_ref: TLP2_MARKING_IDS.red, selectors: ['description'] }];
    } else if (s.marking !== 'none')
      o.object_marking_refs = [TLP2_MARKING_IDS[s.marking as TlpLevel]];
    if (s.internalBits) {
      o.x_tearline_grade = { reliability: 'B', credibility: 2 };
      o.x_tearline_evidence = [{ report_ref: pick(s.a), start: 0, end: 5 }];
      o.external_references = [{ source_name: 'outlet', url: 'https://example.org/a' }];
    }
    switch (s.type) {
      case 'relationship':
        Object.assign(o, {
          relationship_type: 'attributed-to',
          source_ref: pick(s.a),
          target_ref: pick(s.b),
        });
        break;
      case 'sighting': {
        const where = s.refs.map(pick).filter((r) => /^(identity|location)--/.test(r));
        Object.assign(o, {
          sighting_of_ref: pick(s.a),
          ...(where.length > 0 ? { where_sighted_refs: where } : {}),
        });
        break;
      }
      case 'report':
        Object.assign(o, { published: '2024-03-22T18:00:00.000Z', object_refs: s.refs.map(pick) });
        break;
      case 'note':
        Object.assign(o, {
          content: 'n',
          object_refs: s.refs.map(pick),
          ...(s.internalLabel ? { labels: ['internal'] } : {}),
        });
        break;
      case 'grouping':
        Object.assign(o, { context: 'suspicious-activity', object_refs: s.refs.map(pick) });
        break;
      case 'identity':
        o.identity_class = s.person ? 'individual' : 'organization';
        if (s.person) o.name = PERSON_NAMES[s.a % PERSON_NAMES.length];
        break;
      case 'location':
        Object.assign(o, {
          country: 'AF',
          administrative_area: 'Kabul',
          city: 'Kabul',
          street_address: 'Street 1',
          latitude: 34.5,
          longitude: 69.2,
        });
        break;
      case 'incident':
        o.extensions = {
          [CONFLICT_EVENT_EXTENSION_ID]: {
            extension_type: 'property-extension',
            event_type: 'Explosions/Remote violence',
            sub_event_type: 'Suicide bomb',
            status: 'occurred',
            event_date: '2024-03-22',
            latitude: 34.5,
            longitude: 69.2,
            location_name: 'Street 1',
          },
        };
        // A nested reference in a custom property: the policy must rewrite or remove it too.
        o.x_context = { actor_ref: pick(s.b) };
        break;
      default:
        break;
    }
    return o;
  });
  // The last few objects stay outside the selection: references to them must not survive.
  const selection = all.slice(0, Math.max(1, all.length - 2));
  return { selection, all };
}

function collectRefs(value: unknown, out: string[], key = ''): void {
  if (typeof value === 'string') {
    if (key.endsWith('_ref')) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) {
      if (key.endsWith('_refs') && typeof v === 'string') out.push(v);
      else collectRefs(v, out, '');
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectRefs(v, out, k);
  }
}

describe('the sharing policy (property-based)', () => {
  let releasingRuns = 0;
  let validatedObjects = 0;
  it('never releases above the TLP, never leaves a dangling reference, never leaks an internal id or property', () => {
    fc.assert(
      fc.property(
        fc.array(objectSpec, { minLength: 1, maxLength: 14 }),
        fc.array(agreementArb, { minLength: 0, maxLength: 3 }),
        fc.array(transformArb, { maxLength: 5 }),
        fc.boolean(),
        (specs, agreementSpecs, transforms, pinAgreement) => {
          const { selection, all } = buildGraph(specs);
          const agreements = agreementSpecs.map(toAgreement);
          let n = 0;
          const decision = decideRelease({
            partner,
            agreements,
            objects: selection,
            transforms,
            now: NOW,
            organization,
            releasedIdFor: (id) =>
              `${id.slice(0, id.indexOf('--'))}--00000000-0000-4000-9000-${(++n).toString(16).padStart(12, '0')}`,
            bundleId: 'bundle--11111111-0000-4000-8000-000000000000',
            ...(pinAgreement && agreements[0] ? { agreementId: agreements[0].id } : {}),
          });
          const active = agreements.filter((a) => getEffectiveState(a, NOW).state === 'active');
          if (
            active.length === 0 ||
            (pinAgreement && agreements[0] && !active.includes(agreements[0]))
          ) {
            assert.equal(
              decision.bundle,
              undefined,
              'a suspended or ended agreement releases nothing',
            );
            assert.ok(decision.decisions.every((d) => !d.released));
            return;
          }
          const agreement = decision.agreement as Agreement;
          assert.ok(active.includes(agreement));
          const bundle = decision.bundle;
          if (bundle === undefined) {
            assert.ok(decision.decisions.every((d) => !d.released));
            return;
          }
          releasingRuns += 1;
          const bytes = JSON.stringify(bundle);
          // 0. What a partner receives is valid STIX 2.1 wherever what we held was: the envelope,
          // our identity and the markings always; each released object when its source was valid.
          const parsed = JSON.parse(bytes) as typeof bundle;
          const { envelopeValid } = validateBundle(parsed);
          assert.ok(envelopeValid);
          const releasedById = new Map(parsed.objects.map((o) => [o.id as string, o]));
          for (const o of parsed.objects.slice(0, 3)) assert.deepEqual(validateStixObject(o), []);
          for (const d of decision.decisions.filter((x) => x.released)) {
            const source = selection.find((o) => o.id === d.sourceId) as StixObject;
            if (validateStixObject(source).length > 0) continue;
            const out = releasedById.get(d.releasedId as string) as StixObject;
            assert.deepEqual(validateStixObject(out), [], `released ${out.type} is valid STIX`);
            validatedObjects += 1;
          }
          // 1. Nothing above the agreement's TLP; everything marked with it.
          const byId = new Map(selection.map((o) => [o.id, o] as const));
          for (const d of decision.decisions.filter((x) => x.released)) {
            const source = byId.get(d.sourceId as StixObject['id']) as StixObject;
            assert.ok(tlpRank(tlpOfObject(source) ?? 'amber') <= tlpRank(agreement.tlp));
          }
          const releasedObjects = bundle.objects.filter(
            (o) => o.type !== 'marking-definition' && o.id !== organization.id,
          );
          for (const o of releasedObjects) {
            assert.equal(tlpOfObject(o), agreement.tlp);
            assert.equal(o.granular_markings, undefined);
          }
          // 2. No reference leaves the bundle.
          const inBundle = new Set(bundle.objects.map((o) => o.id));
          const refs: string[] = [];
          collectRefs(bundle.objects, refs);
          for (const r of refs)
            assert.ok(inBundle.has(r as StixObject['id']), `dangling reference ${r}`);
          assert.equal(inBundle.size, bundle.objects.length, 'ids are unique');
          for (const o of releasedObjects) {
            if (o.type === 'relationship')
              assert.ok(o.source_ref && o.target_ref, 'relationship kept both ends');
            if (o.type === 'sighting') assert.ok(o.sighting_of_ref, 'sighting kept what it sights');
            if (['report', 'note', 'grouping'].includes(o.type)) {
              assert.ok(
                Array.isArray(o.object_refs) && o.object_refs.length > 0,
                'container kept object_refs',
              );
            }
          }
          // 3. No internal id and no stripped property anywhere in the bytes.
          for (const o of all)
            assert.ok(
              !bytes.includes(o.id.slice(o.id.indexOf('--') + 2)),
              `internal id ${o.id} leaked`,
            );
          assert.ok(!bytes.includes('x_tearline_'), 'internal property leaked');
          if (transforms.some((t) => t.kind === 'strip-sources')) {
            for (const o of releasedObjects) assert.equal(o.external_references, undefined);
            assert.ok(!releasedObjects.some((o) => o.type === 'report'));
          }
          if (transforms.some((t) => t.kind === 'remove-person-names')) {
            for (const name of PERSON_NAMES) {
              if (selection.some((o) => o.identity_class === 'individual' && o.name === name)) {
                assert.ok(!bytes.includes(name), `person name ${name} leaked`);
              }
            }
          }
          if (transforms.some((t) => t.kind === 'coarsen-place')) {
            assert.ok(!/"(latitude|longitude|street_address|location_name)"/.test(bytes));
          }
          for (const t of transforms) {
            if (t.kind === 'confidence-floor') {
              for (const o of releasedObjects)
                assert.ok(o.confidence === undefined || o.confidence >= t.min);
            }
          }
        },
      ),
      { numRuns: 10_000, seed: 20260601 },
    );
    // The invariants must be exercised on real releases, not only on refusals.
    assert.ok(releasingRuns > 2_000, `only ${releasingRuns} of 10000 cases released something`);
    assert.ok(validatedObjects > 2_000, `only ${validatedObjects} released objects were validated`);
  });
});
