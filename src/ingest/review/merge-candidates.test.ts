import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StixObject } from '../../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../../core/stix/conflict-event-extension.js';
import { distanceKm, findMergeCandidates } from './merge-candidates.js';

let n = 0;
function incident(ext: Record<string, unknown>): StixObject {
  n += 1;
  return {
    type: 'incident',
    spec_version: '2.1',
    id: `incident--00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as StixObject['id'],
    name: 'x',
    extensions: { [CONFLICT_EVENT_EXTENSION_ID]: { extension_type: 'property-extension', ...ext } },
  };
}

const moscow = { latitude: 55.7558, longitude: 37.6173, location_name: 'Moscow', country: 'RU' };

describe('findMergeCandidates', () => {
  it('measures great-circle distance', () => {
    // Moscow to Saint Petersburg is about 633 km.
    assert.ok(Math.abs(distanceKm(55.7558, 37.6173, 59.9311, 30.3609) - 633) < 3);
    assert.equal(distanceKm(10, 10, 10, 10), 0);
  });

  it('matches within a day and 50 km, nearest first; not two days apart nor 60 km off', () => {
    const proposed = incident({ event_date: '2024-03-22', ...moscow });
    const near = incident({
      event_date: '2024-03-23',
      ...moscow,
      latitude: 55.819,
      longitude: 37.33,
    });
    const same = incident({ event_date: '2024-03-22', ...moscow });
    const late = incident({ event_date: '2024-03-24', ...moscow });
    const far = incident({ event_date: '2024-03-22', ...moscow, latitude: 56.3, longitude: 37.6 });
    const found = findMergeCandidates(proposed, [], [near, same, late, far], () => []);
    assert.deepEqual(
      found.map((c) => c.incident.id),
      [same.id, near.id],
    );
    assert.ok(found[1]!.distanceKm! > 15 && found[1]!.distanceKm! < 50);
  });

  it('needs the same actor when both sides name one, and the same place name without coordinates', () => {
    const proposed = incident({ event_date: '2024-01-03', location_name: 'Kerman', country: 'IR' });
    const byOther = incident({ event_date: '2024-01-03', location_name: 'Kerman', country: 'IR' });
    const unattributed = incident({
      event_date: '2024-01-03',
      location_name: 'kerman',
      country: 'IR',
    });
    const elsewhere = incident({
      event_date: '2024-01-03',
      location_name: 'Tehran',
      country: 'IR',
    });
    const actors: Record<string, string[]> = { [byOther.id]: ['Jaish al-Adl'] };
    const found = findMergeCandidates(
      proposed,
      ['ISIS-K', 'Islamic State Khorasan Province'],
      [byOther, unattributed, elsewhere],
      (id) => actors[id] ?? [],
    );
    assert.deepEqual(
      found.map((c) => c.incident.id),
      [unattributed.id],
    );
    const sameActor = findMergeCandidates(
      proposed,
      ['jaish al-adl'],
      [byOther],
      (id) => actors[id] ?? [],
    );
    assert.equal(sameActor.length, 1);
  });

  it('never matches without a full date', () => {
    const proposed = incident({ event_date: '2024-03', ...moscow });
    assert.deepEqual(
      findMergeCandidates(proposed, [], [incident({ event_date: '2024-03', ...moscow })], () => []),
      [],
    );
  });
});
