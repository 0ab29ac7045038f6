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
    place =
      match?.values.find((p) => p.kind === 'city' && p.country === names.country && p.strong) ??
      match?.values.find((p) => p.kind === 'city' && p.country === names.country);
  }
  place ??= findPlace(names.name, { country: names.country });
  resolved.set(names, place);
  return place;
}

/** ACLED's geo precision of a place: 1 for a town, 3 for a province, region or country. */
export function geoPrecisionOf(place: Place): GeoPrecision {
  return place.kind === 'city' ? 1 : 3;
}
