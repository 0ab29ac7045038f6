import type { CountryReach } from '../core/ports/analysis.js';

/** Where an actor operates: home countries, and every country with whether it is external. */
export interface Reach {
  homeCountries: string[];
  /** True when no home countries were configured and they were inferred from the incidents. */
  homeInferred: boolean;
  countries: Array<CountryReach & { external: boolean }>;
  /** Incidents outside the home countries. */
  externalOperations: number;
}

/**
 * The home countries to judge reach by: the configured ones, or else every country holding at
 * least a quarter of the actor's placed incidents (always the busiest one).
 *
 * @example inferHomeCountries([{ country: 'AF', incidents: 40, … }, { country: 'RU', incidents: 1, … }]) // ['AF']
 */
export function inferHomeCountries(countries: readonly CountryReach[]): string[] {
  const total = countries.reduce((s, c) => s + c.incidents, 0);
  if (total === 0) return [];
  const sorted = [...countries].sort(
    (a, b) => b.incidents - a.incidents || a.country.localeCompare(b.country),
  );
  return sorted.filter((c, i) => i === 0 || c.incidents / total >= 0.25).map((c) => c.country);
}

/**
 * An actor's reach from its per-country counts and configured home countries.
 *
 * @example toReach(await repo.getActorCountries(id), await repo.getHomeCountries(id))
 */
export function toReach(
  countries: readonly CountryReach[],
  configuredHome: readonly string[],
): Reach {
  const homeInferred = configuredHome.length === 0;
  const homeCountries = homeInferred ? inferHomeCountries(countries) : [...configuredHome];
  const rows = countries.map((c) => ({ ...c, external: !homeCountries.includes(c.country) }));
  return {
    homeCountries,
    homeInferred,
    countries: rows,
    externalOperations: rows.filter((c) => c.external).reduce((s, c) => s + c.incidents, 0),
  };
}

/**
 * True when an incident in `country` is an external operation for an actor with these home
 * countries (unknown places and unknown homes are never external).
 *
 * @example isExternalOperation('RU', ['AF', 'PK']) // true
 */
export function isExternalOperation(country: string | undefined, home: readonly string[]): boolean {
  return country !== undefined && home.length > 0 && !home.includes(country);
}
