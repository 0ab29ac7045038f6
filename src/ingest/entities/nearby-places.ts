import type { Place } from '../gazetteer/place-gazetteer.js';

// Which namesake a place name means, judged by the places named near it in the same text: a
// district or suburb of a city named there is the one inside that city.

/** How many places named before and after a mention may show which namesake it is. */
const NAMED_WINDOW = 40;

/**
 * The places chosen for the mentions around mention `k`, other than its own namesakes (a
 * window, so that a long text costs time in proportion to its length).
 */
export function namedAround(
  first: ReadonlyArray<Place | undefined>,
  k: number,
  own: readonly Place[],
): Place[] {
  const out: Place[] = [];
  const to = Math.min(first.length, k + NAMED_WINDOW + 1);
  for (let j = Math.max(0, k - NAMED_WINDOW); j < to; j++) {
    const p = first[j];
    if (j !== k && p !== undefined && !own.includes(p) && !out.includes(p)) out.push(p);
  }
  return out;
}

/** How near a city must lie to another place named in the text to be read as part of it. */
const WITHIN_KM = 25;

/** A city lying within a city the text names elsewhere, or in the province it names. */
export function isWithinNamed(p: Place, named: readonly Place[]): boolean {
  if (p.kind !== 'city') return false;
  return named.some(
    (q) =>
      q.country === p.country &&
      ((q.kind === 'city' && distanceKm(p, q) <= WITHIN_KM) ||
        (q.kind === 'admin1' && q.admin1 !== undefined && q.admin1 === p.admin1)),
  );
}

function distanceKm(a: Place, b: Place): number {
  const dLat = a.lat - b.lat;
  const dLon = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dLat * dLat + dLon * dLon) * 111.2;
}
