/**
 * UN M49 sub-regions and their ISO 3166-1 alpha-2 members (public classification), for regional
 * trends. Continents group the sub-regions.
 */
const SUBREGIONS: Record<string, string> = {
  'Northern Africa': 'DZ EG LY MA SD TN EH',
  'Eastern Africa': 'BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW IO TF',
  'Middle Africa': 'AO CM CF TD CG CD GQ GA ST',
  'Southern Africa': 'BW SZ LS NA ZA',
  'Western Africa': 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  Caribbean: 'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  'Central America': 'BZ CR SV GT HN MX NI PA',
  'South America': 'AR BO BR CL CO EC FK GF GY PY PE SR UY VE',
  'Northern America': 'BM CA GL PM US',
  'Central Asia': 'KZ KG TJ TM UZ',
  'Eastern Asia': 'CN HK MO KP JP MN KR TW',
  'South-eastern Asia': 'BN KH ID LA MY MM PH SG TH TL VN',
  'Southern Asia': 'AF BD BT IN IR MV NP PK LK',
  'Western Asia': 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  'Eastern Europe': 'BY BG CZ HU PL MD RO RU SK UA',
  'Northern Europe': 'AX DK EE FO FI IS IE IM LV LT NO SJ SE GB GG JE',
  'Southern Europe': 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
  'Western Europe': 'AT BE FR DE LI LU MC NL CH',
  'Australia and New Zealand': 'AU NZ NF',
  Melanesia: 'FJ NC PG SB VU',
  Micronesia: 'GU KI MH FM NR MP PW',
  Polynesia: 'AS CK PF NU PN WS TK TO TV WF',
};

const CONTINENTS: Record<string, string[]> = {
  Africa: [
    'Northern Africa',
    'Eastern Africa',
    'Middle Africa',
    'Southern Africa',
    'Western Africa',
  ],
  Americas: ['Caribbean', 'Central America', 'South America', 'Northern America'],
  Asia: ['Central Asia', 'Eastern Asia', 'South-eastern Asia', 'Southern Asia', 'Western Asia'],
  Europe: ['Eastern Europe', 'Northern Europe', 'Southern Europe', 'Western Europe'],
  Oceania: ['Australia and New Zealand', 'Melanesia', 'Micronesia', 'Polynesia'],
};

/** Every region name accepted by `findRegionCountries`. */
export const REGION_NAMES: readonly string[] = [
  ...Object.keys(CONTINENTS),
  ...Object.keys(SUBREGIONS),
];

/**
 * The member countries of a continent or UN M49 sub-region (case-insensitive), or undefined.
 *
 * @example findRegionCountries('Central Asia') // ['KZ', 'KG', 'TJ', 'TM', 'UZ']
 */
export function findRegionCountries(region: string): string[] | undefined {
  const key = region.trim().toLowerCase();
  const continent = Object.keys(CONTINENTS).find((c) => c.toLowerCase() === key);
  if (continent) return CONTINENTS[continent]!.flatMap((s) => SUBREGIONS[s]!.split(' '));
  const sub = Object.keys(SUBREGIONS).find((s) => s.toLowerCase() === key);
  return sub ? SUBREGIONS[sub]!.split(' ') : undefined;
}

/**
 * The UN M49 sub-region of a country, or undefined when unknown.
 *
 * @example findRegionOfCountry('RU') // 'Eastern Europe'
 */
export function findRegionOfCountry(country: string): string | undefined {
  const code = country.toUpperCase();
  return Object.keys(SUBREGIONS).find((s) => SUBREGIONS[s]!.split(' ').includes(code));
}
