import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Agreement, Partner } from '../src/core/ports/sharing.js';
import type { StixObject } from '../src/core/stix/stix-object.js';
import { decideRelease } from '../src/sharing/policy.js';
import { parseTransforms } from '../src/sharing/transform.js';
import { TLP2_MARKING_IDS } from '../src/sharing/tlp.js';
import { crocusEvent } from './support/stix-fixtures.js';

// A released tearline is reviewed like code: this golden file is what a partner receives for a
// fixed selection. Regenerate with UPDATE_GOLDEN=1 (then prettier) and review the diff.
const GOLDEN = new URL('./sharing-tearline.golden.json', import.meta.url);

const T = '2024-03-23T09:00:00.000Z';
const id = (type: string, n: number) =>
  `${type}--aaaaaaaa-2222-4222-8222-${n.toString(16).padStart(12, '0')}` as StixObject['id'];
const amber = [TLP2_MARKING_IDS.amber];
const objects: StixObject[] = [
  {
    type: 'threat-actor',
    spec_version: '2.1',
    id: id('threat-actor', 1),
    created: T,
    modified: T,
    name: 'ISIS-K',
    aliases: ['Islamic State Khorasan Province', 'ISKP'],
    threat_actor_types: ['terrorist'],
    object_marking_refs: amber,
    x_tearline_grade: { reliability: 'B', credibility: 2 },
  },
  {
    type: 'incident',
    spec_version: '2.1',
    id: id('incident', 2),
    created: T,
    modified: T,
    name: 'Crocus City Hall attack',
    description:
      'Gunmen attacked concert-goers; Shahab al-Muhajir was named by two people with knowledge of the situation.',
    confidence: 85,
    object_marking_refs: amber,
    created_by_ref: id('identity', 5),
    external_references: [{ source_name: 'outlet', url: 'https://example.org/story' }],
    x_tearline_evidence: [{ report_ref: id('report', 6), start: 0, end: 30 }],
    extensions: crocusEvent({
      fatalities: { min: 145, max: 145 },
      admin1: 'Moscow Oblast',
      location_name: 'Krasnogorsk',
      latitude: 55.825,
      longitude: 37.388,
    }),
  },
  {
    type: 'location',
    spec_version: '2.1',
    id: id('location', 3),
    created: T,
    modified: T,
    name: 'Crocus City Hall',
    country: 'RU',
    administrative_area: 'Moscow Oblast',
    city: 'Krasnogorsk',
    latitude: 55.825,
    longitude: 37.388,
    object_marking_refs: amber,
  },
  {
    type: 'identity',
    spec_version: '2.1',
    id: id('identity', 4),
    created: T,
    modified: T,
    name: 'Shahab al-Muhajir',
    identity_class: 'individual',
    object_marking_refs: amber,
  },
  {
    type: 'identity',
    spec_version: '2.1',
    id: id('identity', 5),
    created: T,
    modified: T,
    name: 'An outlet',
    identity_class: 'organization',
  },
  {
    type: 'report',
    spec_version: '2.1',
    id: id('report', 6),
    created: T,
    modified: T,
    name: 'Article',
    published: T,
    object_refs: [id('incident', 2)],
  },
  {
    type: 'relationship',
    spec_version: '2.1',
    id: id('relationship', 7),
    created: T,
    modified: T,
    relationship_type: 'attributed-to',
    source_ref: id('incident', 2),
    target_ref: id('threat-actor', 1),
    object_marking_refs: amber,
  },
  {
    type: 'relationship',
    spec_version: '2.1',
    id: id('relationship', 8),
    created: T,
    modified: T,
    relationship_type: 'located-at',
    source_ref: id('incident', 2),
    target_ref: id('location', 3),
    object_marking_refs: amber,
  },
  {
    type: 'relationship',
    spec_version: '2.1',
    id: id('relationship', 9),
    created: T,
    modified: T,
    relationship_type: 'related-to',
    source_ref: id('threat-actor', 1),
    target_ref: id('identity', 4),
    object_marking_refs: amber,
  },
  {
    type: 'incident',
    spec_version: '2.1',
    id: id('incident', 10),
    created: T,
    modified: T,
    name: 'Plot known from a sensitive source',
    object_marking_refs: [TLP2_MARKING_IDS.red],
  },
];
const partner: Partner = {
  id: 'identity--bbbbbbbb-2222-4222-8222-000000000001',
  name: 'Partner',
  trustTier: 'minimal',
  identity: { type: 'identity', id: 'identity--bbbbbbbb-2222-4222-8222-000000000001' },
  created: T,
};
const agreement: Agreement = {
  id: 'cccccccc-2222-4222-8222-000000000001',
  partnerId: partner.id,
  title: 'ISIS-K external operations',
  tlp: 'amber',
  iep: {
    permittedActions: 'internally-visible-actions',
    affectedPartyNotifications: 'must-not',
    attribution: 'must-not',
    unmodifiedResale: 'must-not',
    encryptInTransit: 'must',
  },
  iepMarkingUuid: 'dddddddd-2222-4222-8222-000000000001',
  conditions: [],
  state: 'active',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};
const organization: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--eeeeeeee-2222-4222-8222-000000000001',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  name: 'Tearline analytic team',
  identity_class: 'organization',
};

it('releases the Crocus City Hall tearline exactly as the golden file says', () => {
  let n = 0;
  const { bundle, decisions } = decideRelease({
    partner,
    agreements: [agreement],
    objects,
    transforms: parseTransforms([
      { kind: 'strip-sources' },
      { kind: 'coarsen-place', to: 'admin1' },
      { kind: 'coarsen-date', to: 'month' },
      { kind: 'remove-person-names' },
    ]),
    now: new Date('2026-05-01T12:00:00.000Z'),
    organization,
    releasedIdFor: (internal) =>
      `${internal.split('--')[0]}--ffffffff-2222-4222-8222-${(++n).toString(16).padStart(12, '0')}`,
    bundleId: 'bundle--ffffffff-2222-4222-8222-000000000000',
  });
  const actual = `${JSON.stringify({ bundle, decisions }, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
  // Compared as JSON, so that the file may be formatted by prettier like the rest of the tree.
  assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(GOLDEN, 'utf8')));
});
