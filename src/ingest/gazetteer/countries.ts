import { COUNTRY_ROWS } from './country-table.js';

/** A country with its names, demonyms and centroid. */
export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  lat: number;
  lon: number;
}

let countries: Country[] | undefined;
let byCode: Map<string, Country> | undefined;

/**
 * All countries of the built-in table, parsed once.
 *
 * @example getCountries().find((c) => c.code === 'AF')?.name // 'Afghanistan'
 */
export function getCountries(): readonly Country[] {
  if (!countries) {
    countries = COUNTRY_ROWS.map((row) => {
      const [code, names, demonyms, lat, lon] = row.split('|') as [
        string,
        string,
        string,
        string,
        string,
      ];
      const nameList = names.split(';');
      return {
        code,
        name: nameList[0]!,
        names: nameList,
        demonyms: demonyms ? demonyms.split(';') : [],
        lat: Number(lat),
        lon: Number(lon),
      };
    });
  }
  return countries;
}

/**
 * The country with an ISO alpha-2 code, if the table has it.
 *
 * @example findCountry('RU')?.name // 'Russia'
 */
export function findCountry(code: string): Country | undefined {
  if (!byCode) byCode = new Map(getCountries().map((c) => [c.code, c]));
  return byCode.get(code.toUpperCase());
}
