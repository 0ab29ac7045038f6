import type { GeoPrecision } from '../../core/stix/conflict-event-extension.js';
import type { Place } from '../gazetteer/place-gazetteer.js';
import { getPlaceGazetteer } from '../gazetteer/place-gazetteer.js';
import { findPlace } from '../gazetteer/find-place.js';
import { toWordPieces } from '../text/word-pieces.js';
import type { PlaceNames } from './lexicon-shape.js';

const resolved = new Map<PlaceNames, Place | undefined>();

/**
 * The gazetteer place a native-script name stands for, found through its English name: the same
 * entry, so the same coordinates and STIX location, as an English report of it gets.
 *
 * @example resolveRegionPlace({ name: 'Kabul', country: 'AF', names: ['کابل'] })?.lat // 34.5…
 */
export function resolveRegionPlace(names: PlaceNames): Place | undefined {
  if (resolved.has(names)) return resolved.get(names);
  let place: Place | undefined;
  if (names.kind === 'city') {
    const pieces = toWordPieces(names.name);
    const match = getPlaceGazetteer().index.matchAt(pieces, 0, names.name);
    const towns = (match?.values ?? []).filter(
      (p) => p.kind === 'city' && p.country === names.country,
    );
    // Same-named towns: the one spelled exactly as our English name, then a well-known one.
    const rank = (p: Place) => (p.name === names.name ? 2 : 0) + (p.strong ? 1 : 0);
    place = towns.sort((a, b) => rank(b) - rank(a))[0];
  }
  place ??= findPlace(names.name, { country: names.country });
  resolved.set(names, place);
  return place;
}

/** ACLED's geo precision of a place: 1 for a town, 3 for a province, region or country. */
export function geoPrecisionOf(place: Place): GeoPrecision {
  return place.kind === 'city' ? 1 : 3;
}
