import type { Place } from './place-gazetteer.js';
import { BORROWING_COUNTRIES, getPlaceGazetteer } from './place-gazetteer.js';
import { toWordPieces } from '../text/word-pieces.js';

/**
 * Geocodes one place name offline (an analyst's edit, a feed's location field): the whole name
 * must be a gazetteer name; `country` (ISO alpha-2) narrows an ambiguous one, then curated and
 * well-known places win, then cities over provinces of the same name.
 *
 * @example findPlace('Kerman', { country: 'IR' })?.lat // 30.28…
 */
export function findPlace(name: string, options: { country?: string } = {}): Place | undefined {
  const pieces = toWordPieces(name.trim());
  if (pieces.length === 0) return undefined;
  const match = getPlaceGazetteer().index.matchAt(pieces, 0, name.trim());
  if (!match || match.to !== pieces.length) return undefined;
  let pool = match.values;
  const country = options.country?.toUpperCase();
  if (country) {
    const inCountry = pool.filter((p) => p.country === country);
    if (inCountry.length === 0) return undefined;
    pool = inCountry;
  }
  const rank = (p: Place): number =>
    (p.curated ? 40 : 0) +
    (p.kind === 'country' ? 60 : p.kind === 'region' ? 50 : 0) +
    (p.strong ? 30 : 0) +
    (p.kind === 'city' ? 5 : 0) +
    (p.country && !BORROWING_COUNTRIES.has(p.country) ? 10 : 0);
  return [...pool].sort((a, b) => rank(b) - rank(a))[0];
}
