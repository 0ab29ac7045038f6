import type { StixObject } from '../core/stix/stix-object.js';
import { CONFLICT_EVENT_EXTENSION_ID } from '../core/stix/conflict-event-extension.js';
import type { Transform } from './transform.js';
import { countryName } from './country-name.js';

/**
 * The place names a selection knows that are finer than its coarsen-place target, to be withheld
 * from free text: location names (and each comma-separated part of them), cities, street
 * addresses and postcodes, the conflict-event extension's place name, and first-level
 * administrative areas when the target is the country. Names that stay visible at the target
 * (countries and their codes, regions, and admin1 areas when the target is admin1) are kept.
 *
 * @example coarsePlaceNames([crocusLocation], [{ kind: 'coarsen-place', to: 'country' }])
 *   // ['Crocus City Hall, Krasnogorsk', 'Crocus City Hall', 'Krasnogorsk', 'Moscow Oblast']
 */
export function coarsePlaceNames(
  objects: readonly StixObject[],
  transforms: readonly Transform[],
): string[] {
  const targets = transforms.flatMap((t) => (t.kind === 'coarsen-place' ? [t.to] : []));
  if (targets.length === 0) return [];
  const toCountry = targets.includes('country');
  const fine = new Set<string>();
  const kept = new Set<string>();
  const keep = (value: unknown) => {
    if (typeof value !== 'string') return;
    kept.add(value.toLowerCase());
    const name = countryName(value);
    if (name !== undefined) kept.add(name.toLowerCase());
  };
  const add = (value: unknown) => {
    if (typeof value !== 'string') return;
    fine.add(value.trim());
    for (const part of value.split(',')) fine.add(part.trim());
  };
  for (const o of objects) {
    const event = o.extensions?.[CONFLICT_EVENT_EXTENSION_ID];
    const records = [o.type === 'location' ? o : undefined, event].filter(
      (r): r is Record<string, unknown> => r !== undefined,
    );
    for (const r of records) {
      keep(r.country);
      keep(r.region);
      for (const key of ['city', 'street_address', 'postal_code', 'location_name']) add(r[key]);
      const admin1 = r.administrative_area ?? r.admin1;
      if (toCountry) add(admin1);
      else keep(admin1);
    }
    if (o.type === 'location') add(o.name);
  }
  // Three letters at least: two-letter parts are codes or abbreviations, not places to withhold.
  return [...fine].filter((n) => n.length >= 3 && !kept.has(n.toLowerCase()));
}
