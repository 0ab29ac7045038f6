import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StixObject } from '../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import { applyTransforms, createTransformContext } from './apply-transforms.js';
import { parseTransforms, type Transform } from './transform.js';
import { crocusEvent } from '../../test/support/stix-fixtures.js';

const T = '2024-03-22T18:30:00.000Z';
const place: StixObject = {
  type: 'location',
  spec_version: '2.1',
  id: 'location--00000000-0000-4000-8000-000000000001',
  created: T,
  modified: T,
  name: 'Crocus City Hall, 65-66 km MKAD',
  description: 'Concert venue on the ring road.',
  country: 'RU',
  administrative_area: 'Moscow Oblast',
  city: 'Krasnogorsk',
  street_address: '65-66 km MKAD',
  latitude: 55.825,
  longitude: 37.388,
};
const incident: StixObject = {
  type: 'incident',
  spec_version: '2.1',
  id: 'incident--00000000-0000-4000-8000-000000000002',
  created: T,
  modified: T,
  name: 'Attack',
  description: 'A former official said Ahmad Khan planned it in Kabul.',
  confidence: 40,
  x_misp_source: 'feed',
  extensions: crocusEvent({
    admin1: 'Moscow Oblast',
    location_name: 'Krasnogorsk',
    latitude: 55.8,
    longitude: 37.4,
  }),
  first_seen: T,
};
const person: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--00000000-0000-4000-8000-000000000003',
  created: T,
  modified: T,
  name: 'Ahmad Khan',
  identity_class: 'individual',
};

function run(object: StixObject, transforms: Transform[], all: StixObject[] = [object]) {
  return applyTransforms(object, transforms, createTransformContext(all, transforms));
}

describe('tearline transforms', () => {
  it('coarsens a location to admin1, then to country, dropping coordinates and street names', () => {
    const admin1 = run(place, [{ kind: 'coarsen-place', to: 'admin1' }]).object as StixObject;
    assert.deepEqual(Object.keys(admin1).sort(), [
      'administrative_area',
      'country',
      'created',
      'id',
      'modified',
      'name',
      'spec_version',
      'type',
    ]);
    assert.equal(admin1.name, 'Moscow Oblast, RU');
    const country = run(place, [{ kind: 'coarsen-place', to: 'country' }]).object as StixObject;
    assert.equal(country.name, 'RU');
    assert.equal(country.administrative_area, undefined);
    assert.equal(place.latitude, 55.825, 'the source object is not modified');
  });

  it('drops a location that only had coordinates', () => {
    const bare = { ...place, country: undefined, administrative_area: undefined } as StixObject;
    delete bare.country;
    delete bare.administrative_area;
    assert.match(run(bare, [{ kind: 'coarsen-place', to: 'country' }]).dropped ?? '', /no region/);
  });

  it('coarsens the conflict-event extension and the dates', () => {
    const out = run(incident, [
      { kind: 'coarsen-place', to: 'country' },
      { kind: 'coarsen-date', to: 'year' },
    ]);
    const ext = out.object?.extensions?.[CONFLICT_EVENT_EXTENSION_ID] as Record<string, unknown>;
    assert.deepEqual(
      { ...ext },
      {
        extension_type: 'property-extension',
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        status: 'occurred',
        event_date: '2024',
        time_precision: 3,
        geo_precision: 3,
        country: 'RU',
      },
    );
    assert.equal(out.object?.first_seen, '2024-01-01T00:00:00.000Z');
    assert.equal(out.object?.created, T, 'created and modified are the policy’s to set');
    const month = run(incident, [{ kind: 'coarsen-date', to: 'month' }]).object;
    assert.equal(month?.first_seen, '2024-03-01T00:00:00.000Z');
  });

  it('removes persons and their names in text, and redacts phrases and spans', () => {
    const transforms: Transform[] = [
      { kind: 'remove-person-names' },
      { kind: 'redact-text', phrases: ['kabul'] },
      { kind: 'redact-span', objectId: incident.id, property: 'description', start: 0, end: 17 },
    ];
    assert.match(run(person, transforms, [person, incident]).dropped ?? '', /person/);
    const out = run(incident, transforms, [person, incident]).object;
    assert.equal(out?.description, '[redacted] said [name withheld] planned it in [redacted].');
  });

  it('strips sources: reports, source identities, internal notes, external and custom properties', () => {
    const outlet: StixObject = {
      ...person,
      id: 'identity--00000000-0000-4000-8000-000000000009',
      identity_class: 'organization',
      name: 'Outlet',
    };
    const cited = {
      ...incident,
      created_by_ref: outlet.id,
      external_references: [{ source_name: 'x' }],
    };
    const all = [outlet, cited];
    const t: Transform[] = [{ kind: 'strip-sources' }];
    assert.match(run(outlet, t, all).dropped ?? '', /source identity/);
    const out = run(cited, t, all).object as StixObject;
    assert.equal(out.external_references, undefined);
    assert.equal(out.x_misp_source, undefined);
    const report = {
      ...incident,
      type: 'report',
      id: 'report--00000000-0000-4000-8000-00000000000a',
    } as StixObject;
    assert.match(run(report, t).dropped ?? '', /report/);
    const note = { ...incident, type: 'note', labels: ['internal'] } as StixObject;
    assert.match(run(note, t).dropped ?? '', /internal/);
  });

  it("strips a source's wording with its country's initials and its title, and datelines", () => {
    const strip = (description: string) =>
      (run({ ...incident, description }, [{ kind: 'strip-sources' }]).object as StixObject)
        .description;
    assert.equal(
      strip('Two died. U.S. officials said the cell had planned it.'),
      'Two died. [source withheld] the cell had planned it.',
    );
    assert.equal(
      strip('The raid ended. Lt. Col. Haidari told reporters the road was open.'),
      'The raid ended. [source withheld] the road was open.',
    );
    // A dateline under a headline line is a dateline, not the headline's tail.
    assert.equal(
      strip('Fighters attack an army base\nBOSASO, Somalia, 9 June 2024 — Six soldiers died.'),
      'Fighters attack an army base\nSix soldiers died.',
    );
    assert.equal(
      strip('Blast in a market. PESHAWAR, Pakistan — A bomber struck.'),
      'Blast in a market. A bomber struck.',
    );
    assert.equal(strip('ST. PETERSBURG, Russia — Two died.'), 'Two died.');
    // A group claiming an act is the claimant, kept; a speaker who claims something is a source.
    assert.equal(
      strip('Islamic State claimed responsibility. A police spokesman claimed the men fled.'),
      'Islamic State claimed responsibility. [source withheld] the men fled.',
    );
    assert.equal(
      strip('The group claimed the suicide attack; it claimed the raid too.'),
      'The group claimed the suicide attack; it claimed the raid too.',
    );
    // A clause after a comma and a conjunction has its speaker too.
    assert.equal(
      strip('Nine died, but local elders said the toll was higher.'),
      'Nine died, but [source withheld] the toll was higher.',
    );
  });

  it('drops objects below the confidence floor, and unrated ones only when asked', () => {
    assert.match(run(incident, [{ kind: 'confidence-floor', min: 50 }]).dropped ?? '', /below 50/);
    assert.ok(run(incident, [{ kind: 'confidence-floor', min: 40 }]).object);
    assert.ok(run(place, [{ kind: 'confidence-floor', min: 50 }]).object);
    assert.ok(run(place, [{ kind: 'confidence-floor', min: 50, dropUnrated: true }]).dropped);
  });

  it('rejects malformed transform descriptions with a message naming the one at fault', () => {
    for (const bad of [
      {},
      [{ kind: 'coarsen-place', to: 'street' }],
      [{ kind: 'strip-sources' }, { kind: 'teleport' }],
      [{ kind: 'confidence-floor', min: 101 }],
      [{ kind: 'redact-text', phrases: [] }],
      [{ kind: 'redact-span', objectId: 'x', property: 'description', start: 5, end: 2 }],
      [{ kind: 'remove-person-names', names: [''] }],
    ]) {
      assert.throws(
        () => parseTransforms(bad),
        (e: Error & { code?: string }) => e.code === 'TEARLINE_E_SHARING_BAD_TRANSFORM',
      );
    }
    assert.deepEqual(parseTransforms([{ kind: 'coarsen-date', to: 'year', extra: 1 }]), [
      { kind: 'coarsen-date', to: 'year' },
    ]);
  });
});

describe('coarsening reaches the text', () => {
  const named: StixObject = {
    ...incident,
    name: 'Attack in Crocus City Hall, Krasnogorsk on 2024-03-22',
    description: 'Gunmen attacked Crocus City Hall in Krasnogorsk on 22 March 2024.',
  };
  const actor: StixObject = {
    type: 'threat-actor',
    spec_version: '2.1',
    id: 'threat-actor--00000000-0000-4000-8000-000000000009',
    created: T,
    modified: T,
    name: 'Krasnogorsk cell',
    description: 'Attacked Crocus City Hall.',
  };
  const both: Transform[] = [
    { kind: 'coarsen-place', to: 'country' },
    { kind: 'coarsen-date', to: 'month' },
  ];

  it('renames a coarsened incident from its coarse facts and rewrites its description', () => {
    const out = run(named, both, [named, place]);
    assert.equal(out.object?.name, 'Attack in Russia in March 2024');
    assert.equal(out.object?.description, 'Gunmen attacked [place withheld] on March 2024.');
    assert.ok(out.changes.some((c) => c.startsWith('withheld or coarsened place names in text')));
    assert.ok(out.changes.includes('renamed from its coarsened place and date'));
  });

  it('keeps the admin1 area when that is the target, and names it', () => {
    const out = run(named, [{ kind: 'coarsen-place', to: 'admin1' }], [named, place]);
    assert.equal(out.object?.name, 'Attack in Moscow Oblast, Russia on 2024-03-22');
    assert.doesNotMatch(JSON.stringify(out.object), /Krasnogorsk|Crocus/);
  });

  it('withholds places in other objects’ text but not in a group’s name', () => {
    const out = run(actor, both, [named, place, actor]).object;
    assert.equal(out?.name, 'Krasnogorsk cell');
    assert.equal(out?.description, 'Attacked [place withheld].');
  });

  it('leaves no finer place or date anywhere in a coarsened selection', () => {
    for (const o of [named, place]) {
      // created and modified are restamped by the policy with the release time.
      const { created: _c, modified: _m, ...rest } = run(o, both, [named, place]).object ?? {};
      const text = JSON.stringify(rest);
      assert.doesNotMatch(text, /Krasnogorsk|Crocus|MKAD|2024-03-22|22 March/, o.type);
    }
  });
});
