import type { DraftItem } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { findPlace } from '../gazetteer/find-place.js';

const POINT_KEYS = ['latitude', 'longitude'] as const;

/**
 * When an analyst renames an incident's place and gives no coordinates, the old place's
 * coordinates and admin1 area would put the incident on the map where it did not happen. The new
 * name is geocoded offline instead (in the edited country, then the old one, then anywhere);
 * a name the gazetteer does not know loses the old point and area, and keeps the country.
 * Changes `ext` in place.
 *
 * @example geocodeRenamedPlace(before, ext, { location_name: 'Mazar-i-Sharif' })
 */
export function geocodeRenamedPlace(
  before: Readonly<Record<string, unknown>>,
  ext: Record<string, unknown>,
  fields: Readonly<Record<string, unknown>>,
): void {
  const name = fields.location_name;
  if (typeof name !== 'string' || name === before.location_name) return;
  if (POINT_KEYS.some((k) => k in fields)) return;
  const given = typeof fields.country === 'string' ? fields.country : undefined;
  const old = typeof before.country === 'string' ? before.country : undefined;
  const place = given
    ? findPlace(name, { country: given })
    : ((old ? findPlace(name, { country: old }) : undefined) ?? findPlace(name));
  const givenAdmin1 = 'admin1' in fields;
  if (place === undefined) {
    for (const k of POINT_KEYS) delete ext[k];
    if (!givenAdmin1) delete ext.admin1;
    return;
  }
  ext.latitude = place.lat;
  ext.longitude = place.lon;
  if (place.country && given === undefined) ext.country = place.country;
  if (!givenAdmin1) {
    const admin1 = place.kind === 'admin1' ? place.name : place.admin1;
    if (admin1) ext.admin1 = admin1;
    else delete ext.admin1;
  }
  if (!('geo_precision' in fields)) ext.geo_precision = place.kind === 'city' ? 1 : 3;
}

/**
 * The draft's proposed location for `incident`, moved to the incident's edited place, so that
 * accepting writes `located-at` to where the analyst says it happened. A location matched to a
 * store object, or shared with another incident of the draft, is left alone (changing it would
 * move the other incident too). Empty when nothing follows.
 *
 * @example const moved = followIncidentPlace(items, incident, ext, now)
 */
export function followIncidentPlace(
  items: readonly DraftItem[],
  incident: DraftItem,
  ext: Readonly<Record<string, unknown>>,
  now: string,
): DraftItem[] {
  const locatedAt = items.filter(
    (r) =>
      r.kind === 'relationship' &&
      r.state !== 'rejected' &&
      r.object.relationship_type === 'located-at',
  );
  const mine = locatedAt.filter((r) => r.object.source_ref === incident.object.id);
  if (mine.length !== 1) return [];
  const targetId = mine[0]!.object.target_ref;
  const shared = locatedAt.some(
    (r) => r.object.target_ref === targetId && r.object.source_ref !== incident.object.id,
  );
  const location = items.find((i) => i.object.id === targetId && i.kind === 'location');
  if (shared || location?.state !== 'proposed' || location.existingId !== undefined) return [];
  if (typeof ext.location_name !== 'string' || typeof ext.country !== 'string') return [];
  const object: StixObject = { ...location.object, name: ext.location_name, country: ext.country };
  if (typeof ext.admin1 === 'string') object.administrative_area = ext.admin1;
  else delete object.administrative_area;
  if (typeof ext.latitude === 'number' && typeof ext.longitude === 'number') {
    object.latitude = ext.latitude;
    object.longitude = ext.longitude;
  } else {
    delete object.latitude;
    delete object.longitude;
  }
  return [{ ...location, object, updated: now }];
}
