import type { DraftItem, DraftRecord } from '../../core/ports/ingest.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import { toLocationObject, toRelationshipObject } from '../draft/draft-objects.js';
import { findPlace } from '../gazetteer/find-place.js';
import type { IngestDeps } from './review-deps.js';

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

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Whether the edit moved the incident: another name, country or point. */
export function isPlaceChanged(
  before: Readonly<Record<string, unknown>>,
  ext: Readonly<Record<string, unknown>>,
): boolean {
  return ['location_name', 'country', 'admin1', 'latitude', 'longitude'].some(
    (k) => before[k] !== ext[k],
  );
}

/** The edited place as a location's properties (STIX 2.1 §4.9 names). */
function toLocationFields(ext: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const lat = num(ext.latitude);
  const lon = num(ext.longitude);
  return {
    name: str(ext.location_name),
    ...(str(ext.country) ? { country: str(ext.country) } : {}),
    ...(str(ext.admin1) ? { administrative_area: str(ext.admin1) } : {}),
    ...(lat !== undefined && lon !== undefined ? { latitude: lat, longitude: lon } : {}),
  };
}

const sameName = (o: Readonly<Record<string, unknown>>, name: string, country?: string) =>
  typeof o.name === 'string' &&
  o.name.toLowerCase() === name.toLowerCase() &&
  (str(o.country) ?? '') === (country ?? '');

/**
 * The draft's items after moving `incident` to its edited place, so that accepting writes
 * `located-at` to where the analyst says it happened, with the gazetteer's point and country.
 * The draft's own proposed location is moved when only this incident uses it; a location matched
 * to a store object (the old city) or shared with another incident is left alone, and the
 * incident is relinked instead: its `located-at` is rejected and one to the new place is added
 * (a location of the draft or of the store of the same name and country, else a new proposed
 * one). A place with neither country nor point (STIX 2.1 §4.9) keeps no `located-at`.
 *
 * @example const next = await relinkIncidentPlace(deps, draft, items, incident, ext, now)
 */
export async function relinkIncidentPlace(
  deps: IngestDeps,
  draft: DraftRecord,
  items: readonly DraftItem[],
  incident: DraftItem,
  ext: Readonly<Record<string, unknown>>,
  now: string,
): Promise<DraftItem[]> {
  const next = [...items];
  const locatedAt = next.filter(
    (r) =>
      r.kind === 'relationship' &&
      r.state !== 'rejected' &&
      r.object.relationship_type === 'located-at',
  );
  const mine = locatedAt.filter((r) => r.object.source_ref === incident.object.id);
  const name = str(ext.location_name);
  const fields = toLocationFields(ext);
  const placeable = name !== undefined && ('country' in fields || 'latitude' in fields);
  if (mine.length === 1) {
    const targetId = mine[0]!.object.target_ref;
    const shared = locatedAt.some(
      (r) => r.object.target_ref === targetId && r.object.source_ref !== incident.object.id,
    );
    const at = next.findIndex((i) => i.object.id === targetId && i.kind === 'location');
    const location = next[at];
    if (placeable && !shared && location?.state === 'proposed' && !location.existingId) {
      const object: StixObject = { ...location.object };
      for (const k of ['country', 'administrative_area', 'latitude', 'longitude']) delete object[k];
      next[at] = { ...location, object: { ...object, ...fields }, updated: now };
      return next;
    }
  }
  for (const r of mine) {
    if (r.state === 'proposed') next[next.indexOf(r)] = { ...r, state: 'rejected', updated: now };
  }
  if (!placeable) return next;
  const ctx = { reportId: draft.report.id, grade: draft.grade, now, ids: deps.ids };
  const spans = (
    Array.isArray(incident.object.x_tearline_evidence) ? incident.object.x_tearline_evidence : []
  ) as Array<{ start: number; end: number }>;
  let target = next.find(
    (i) =>
      i.kind === 'location' && i.state !== 'rejected' && sameName(i.object, name, str(ext.country)),
  )?.object.id;
  if (target === undefined) {
    const found = await deps.objects.search(name, { types: ['location'], limit: 20 });
    const known = found.find((o) => !o.revoked && sameName(o, name, str(ext.country)));
    const object = toLocationObject(
      {
        name,
        country: str(ext.country),
        admin1: str(ext.admin1),
        lat: num(ext.latitude),
        lon: num(ext.longitude),
      },
      spans,
      ctx,
    );
    if (object === undefined) return next;
    // A known location keeps its own point and country; the draft's copy says so on accept.
    if (known)
      for (const k of ['latitude', 'longitude', 'country']) if (k in known) object[k] = known[k];
    next.push({
      draftId: draft.id,
      itemId: object.id,
      kind: 'location',
      state: 'proposed',
      object,
      ...(known ? { existingId: known.id } : {}),
      updated: now,
    });
    target = object.id;
  }
  const relation = toRelationshipObject('located-at', incident.object.id, target, spans, ctx);
  next.push({
    draftId: draft.id,
    itemId: relation.id,
    kind: 'relationship',
    state: 'proposed',
    object: relation,
    updated: now,
  });
  return next;
}

/**
 * The incident's generated name ("Armed clash in Herat on 2024-03-01") with an edited place or
 * date put in the old one's stead, so that the name does not contradict the fields. A name the
 * analyst wrote (without the old place or date) is kept.
 *
 * @example renameForEdit('Attack in Kabul on 2024-03-01', before, ext) // 'Attack in Herat on …'
 */
export function renameForEdit(
  name: unknown,
  before: Readonly<Record<string, unknown>>,
  ext: Readonly<Record<string, unknown>>,
): string | undefined {
  if (typeof name !== 'string') return undefined;
  let out = name;
  for (const [key, word] of [
    ['location_name', ' in '],
    ['event_date', ' on '],
  ] as const) {
    const old = str(before[key]);
    const now = str(ext[key]);
    if (old === now || old === undefined) continue;
    const at = out.lastIndexOf(`${word}${old}`);
    if (at < 0) continue;
    const tail = out.slice(at + word.length + old.length);
    out = `${out.slice(0, at)}${now === undefined ? '' : `${word}${now}`}${tail}`;
  }
  return out === name ? undefined : out.slice(0, 250);
}
